import { createHttpClient, type HttpClient } from '@smmkit/core/adapter-kit';
import { classifyMastodonError } from './classify-error.js';
import { parseMastodonRateLimit } from './rate-limit.js';

/** What the Mastodon HTTP client needs to know about the server. */
export interface MastodonHttpOptions {
  /** The server's base URL. */
  readonly instanceUrl: string;
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Request timeout in milliseconds. */
  readonly timeoutMs?: number | undefined;
}

/**
 * The HTTP client every Mastodon call goes through: core's client with Mastodon's error
 * classifier and rate-limit parser, based at the server's URL. Tokens go in
 * `Authorization: Bearer` (docs.joinmastodon.org: client/authorized), core's default.
 * Create one per adapter instance.
 *
 * @param options - the server and transport settings
 * @returns the HTTP client
 *
 * @example
 * ```ts
 * const http = createMastodonHttpClient({ instanceUrl: 'https://mastodon.social' });
 * ```
 */
export function createMastodonHttpClient(options: MastodonHttpOptions): HttpClient {
  return createHttpClient({
    platform: 'mastodon',
    baseUrl: options.instanceUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    classifyError: classifyMastodonError,
    parseRateLimit: parseMastodonRateLimit,
  });
}
