import { createHttpClient, type ErrorClassifier, type HttpClient } from '@smmkit/core/adapter-kit';
import { classifyInstagramError } from './classify-error.js';
import { parseInstagramRateLimit } from './rate-limit.js';

/** What the Instagram HTTP client needs to know. */
export interface InstagramHttpOptions {
  /** Origin and version (`https://graph.facebook.com/v26.0`). */
  readonly baseUrl: string;
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Request timeout in milliseconds. */
  readonly timeoutMs?: number | undefined;
  /** Replaces the Graph error classifier (the auth helpers' code exchanges). Default `classifyInstagramError`. */
  readonly classifyError?: ErrorClassifier | undefined;
}

/**
 * The HTTP client every Graph call goes through: core's client with the Graph error classifier
 * and the usage-header parser. The token goes in `Authorization: Bearer`, core's default
 * (meta-common.md, Requests: Meta takes `access_token` in the query or body or a Bearer header;
 * the header keeps it out of URLs and logs). Create one per adapter instance.
 *
 * @param options - base URL and transport settings
 * @returns the HTTP client
 *
 * @example
 * ```ts
 * const http = createInstagramHttpClient({ baseUrl: 'https://graph.facebook.com/v26.0' });
 * ```
 */
export function createInstagramHttpClient(options: InstagramHttpOptions): HttpClient {
  return createHttpClient({
    platform: 'instagram',
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    classifyError: options.classifyError ?? classifyInstagramError,
    parseRateLimit: parseInstagramRateLimit,
  });
}
