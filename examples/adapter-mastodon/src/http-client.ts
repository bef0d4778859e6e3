import { createHttpClient, type HttpClient, type HttpSettings } from '@smmkit/core/adapter-kit';
import { classifyMastodonError } from './classify-error.js';
import { parseMastodonRateLimit } from './rate-limit.js';

/** What the Mastodon HTTP client needs to know: the server and transport settings. */
export interface MastodonHttpOptions extends HttpSettings {
  /** The server's base URL. */
  readonly instanceUrl: string;
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
    ...options,
    platform: 'mastodon',
    baseUrl: options.instanceUrl,
    classifyError: classifyMastodonError,
    parseRateLimit: parseMastodonRateLimit,
  });
}
