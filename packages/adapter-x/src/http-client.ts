import { createHttpClient, type HttpClient, type HttpSettings } from '@smmkit/core/adapter-kit';
import { classifyXError } from './classify-error.js';
import { parseXRateLimit } from './rate-limit.js';

/** What the X HTTP client needs to know: the base URL (`https://api.x.com`) and transport settings. */
export interface XHttpOptions extends HttpSettings {
  /** Base URL (`https://api.x.com`). */
  readonly baseUrl: string;
}

/**
 * The HTTP client every X call goes through: core's client with X's error classifier and
 * rate-limit parser. Tokens go in `Authorization: Bearer` (OAuth 2.0 user context;
 * https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token),
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
    ...options,
    platform: 'x',
    classifyError: classifyXError,
    parseRateLimit: parseXRateLimit,
  });
}
