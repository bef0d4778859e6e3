/** A bare JSON integer in a list, with what stands before it. */
const BARE_INTEGER = /(^|,)(\s*)(-?\d+)(?=\s*(?:,|$))/g;

/** The `fields` of a JSON text, each as `"name": value` with its value or list of values. */
function fieldPattern(fields: readonly string[]): RegExp {
  const names = fields.map((name) => name.replace(/[^\w]/g, '\\$&')).join('|');
  return new RegExp(`("(?:${names})"\\s*:\\s*)(\\[[^\\]]*\\]|-?\\d+(?=\\s*[,}\\]]))`, 'g');
}

/**
 * A `fetch` that quotes the integers of the named JSON fields (one value, or a list of them) in
 * the answers it applies to, before anyone parses them. Platforms send some ids as JSON numbers
 * (an Instagram user id, TikTok's public post ids) that are larger than 2^53: parsed as numbers
 * they would lose their last digits. Quoted, a schema that takes a string or a number (Graph's
 * ids, TikTok's) reads them exactly. Other answers, and other fields, pass through untouched.
 *
 * @param fields - the JSON field names whose integers to quote
 * @param applies - which answers to rewrite, by request URL (default: every answer)
 * @param fetchImpl - the app's `fetch`; default the global one, looked up at each call (so MSW sees it)
 * @returns the wrapping `fetch`
 *
 * @example
 * ```ts
 * const fetch = exactIntegers(['user_id'], (url) => url.pathname === '/oauth/access_token', settings.fetch);
 * ```
 */
export function exactIntegers(
  fields: readonly string[],
  applies: (url: URL) => boolean = () => true,
  fetchImpl?: typeof globalThis.fetch,
): typeof globalThis.fetch {
  const pattern = fieldPattern(fields);
  return async (input, init) => {
    const response = await (fetchImpl ?? globalThis.fetch)(input, init);
    if (!applies(new URL(input instanceof Request ? input.url : String(input)))) return response;
    const text = await response.text();
    const quoted = text.replace(pattern, (_, name: string, value: string) =>
      value.startsWith('[')
        ? `${name}[${value.slice(1, -1).replace(BARE_INTEGER, '$1$2"$3"')}]`
        : `${name}"${value}"`,
    );
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(quoted, { status: response.status, statusText: response.statusText, headers });
  };
}
