import { createHttpClient, type HttpClient } from '@smmkit/core/adapter-kit';
import { classifyXError } from './classify-error.js';
import { parseXRateLimit } from './rate-limit.js';

/** What the X HTTP client needs to know. */
export interface XHttpOptions {
  /** Base URL (`https://api.x.com`). */
  readonly baseUrl: string;
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Request timeout in milliseconds. */
  readonly timeoutMs?: number | undefined;
}

/**
 * The HTTP client every X call goes through: core's client with X's error classifier and
 * rate-limit parser. Tokens go in `Authorization: Bearer` (OAuth 2.0 user context; x.md, Auth),
 * core's default. Create one per adapter instance.
 *
 * @param options - base URL and transport settings
 * @returns the HTTP client
 *
 * @example
 * ```ts
 * const http = createXHttpClient({ baseUrl: 'https://api.x.com' });
 * ```
 */
export function createXHttpClient(options: XHttpOptions): HttpClient {
  return createHttpClient({
    platform: 'x',
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    classifyError: classifyXError,
    parseRateLimit: parseXRateLimit,
  });
}
