import { createHttpClient, type HttpClient, type HttpSettings } from '@smmkit/core/adapter-kit';
import { classifyTikTokError } from './classify-error.js';
import { exactPublicIds } from './exact-public-ids.js';

/** What the TikTok HTTP client needs to know. */
export interface TikTokHttpOptions extends HttpSettings {
  /** API origin (`https://open.tiktokapis.com`). */
  readonly baseUrl: string;
}

/**
 * The HTTP client every TikTok call goes through: core's client with TikTok's error classifier,
 * the token as `Authorization: Bearer` (core's default), and a `fetch` that keeps 19-digit public
 * post ids exact ({@link exactPublicIds}). TikTok sends no rate-limit headers, so there is no
 * parser: the budgets are declared in the capabilities. Create one per adapter instance.
 *
 * @param options - base URL and transport settings
 * @returns the HTTP client
 *
 * @example
 * ```ts
 * const http = createTikTokHttpClient({ baseUrl: 'https://open.tiktokapis.com' });
 * ```
 */
export function createTikTokHttpClient(options: TikTokHttpOptions): HttpClient {
  return createHttpClient({
    ...options,
    fetch: exactPublicIds(options.fetch),
    platform: 'tiktok',
    classifyError: classifyTikTokError,
  });
}
