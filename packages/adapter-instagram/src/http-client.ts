import type { HttpClient } from '@smmkit/core/adapter-kit';
import { createGraphHttpClient } from '@smmkit/graph-api';
import { classifyInstagramError } from './classify-error.js';

/** What the Instagram HTTP client needs to know. */
export interface InstagramHttpOptions {
  /** Origin and version (`https://graph.facebook.com/v26.0`). */
  readonly baseUrl: string;
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Request timeout in milliseconds. */
  readonly timeoutMs?: number | undefined;
}

/**
 * The HTTP client every Instagram Graph call goes through: the Graph client (Bearer token, usage
 * headers) with {@link classifyInstagramError}. Create one per adapter instance.
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
  return createGraphHttpClient({
    platform: 'instagram',
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    classifyError: classifyInstagramError,
  });
}
