import { exactIntegers } from '@smmkit/core/adapter-kit';

/** The status endpoint, whose answer carries public post ids as JSON numbers. */
const STATUS_PATH = /\/v2\/post\/publish\/status\/fetch\/?$/;

/**
 * A `fetch` that quotes the public post ids of a status answer before anyone parses it.
 * TikTok's status fetch may answer `publicaly_available_post_id` as JSON numbers
 * (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status), and its
 * post ids have 19 digits: parsed as numbers they would lose their last digits (a JavaScript
 * number is exact only up to 2^53). Other answers pass through untouched (core's `exactIntegers`).
 *
 * @param fetchImpl - the app's `fetch`; default the global one, looked up at each call (so MSW sees it)
 * @returns the wrapping `fetch`
 *
 * @example
 * ```ts
 * const http = createHttpClient({ platform: 'tiktok', baseUrl, fetch: exactPublicIds(settings.fetch) });
 * ```
 */
export function exactPublicIds(fetchImpl?: typeof globalThis.fetch): typeof globalThis.fetch {
  return exactIntegers(['publicaly_available_post_id'], (url) => STATUS_PATH.test(url.pathname), fetchImpl);
}
