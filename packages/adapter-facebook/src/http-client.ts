import type { HttpClient } from '@smmkit/core/adapter-kit';
import { createGraphHttpClient } from '@smmkit/graph-api';
import { classifyFacebookError } from './classify-error.js';
import type { ResolvedFacebookSettings } from './settings.js';

/**
 * The HTTP client every Facebook Graph call goes through: the shared Graph client (Bearer token,
 * `X-App-Usage` / `X-Business-Use-Case-Usage` budgets) with the Graph-wide error taxonomy
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling) and the Page media
 * errors read first (`classifyFacebookError`). Create one per adapter.
 *
 * @param settings - the resolved settings (base URL, fetch, timeout)
 * @returns the HTTP client
 *
 * @example
 * ```ts
 * const http = createFacebookHttpClient(resolveFacebookSettings({}));
 * ```
 */
export function createFacebookHttpClient(settings: ResolvedFacebookSettings): HttpClient {
  return createGraphHttpClient({
    platform: 'facebook',
    baseUrl: settings.baseUrl,
    fetch: settings.fetch,
    timeoutMs: settings.timeoutMs,
    classifyError: classifyFacebookError,
  });
}
