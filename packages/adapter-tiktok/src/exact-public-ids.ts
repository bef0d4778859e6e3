/** The status endpoint, whose answer carries public post ids as JSON numbers. */
const STATUS_PATH = /\/v2\/post\/publish\/status\/fetch\/?$/;

/** `"publicaly_available_post_id": [ … ]` in TikTok's spelling, with its list. */
const ID_LIST = /("publicaly_available_post_id"\s*:\s*\[)([^\]]*)(\])/g;

/** A bare integer in a list, with what stands before it. */
const BARE_INTEGER = /(^|,)(\s*)(\d+)(?=\s*(?:,|$))/g;

/**
 * A `fetch` that quotes the public post ids of a status answer before anyone parses it.
 * TikTok's status fetch may answer `publicaly_available_post_id` as JSON numbers
 * (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status), and its
 * post ids have 19 digits: parsed as numbers they would lose their last digits (a JavaScript
 * number is exact only up to 2^53). Other answers pass through untouched.
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
  return async (input, init) => {
    const response = await (fetchImpl ?? globalThis.fetch)(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (!STATUS_PATH.test(new URL(url).pathname)) return response;
    const text = await response.text();
    const quoted = text.replace(
      ID_LIST,
      (_, open: string, list: string, close: string) =>
        `${open}${list.replace(BARE_INTEGER, '$1$2"$3"')}${close}`,
    );
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(quoted, { status: response.status, statusText: response.statusText, headers });
  };
}
