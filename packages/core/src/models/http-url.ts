import * as z from 'zod/mini';

/** Says whether the URL is malformed or just uses another scheme (`ftp:`, `file:`, `data:`). */
function describeBadUrl(issue: { readonly input?: unknown }): string {
  const { input } = issue;
  return typeof input === 'string' && URL.canParse(input.trim())
    ? 'must be an http or https URL'
    : 'not a valid URL';
}

/**
 * An absolute `http:` or `https:` URL. Platforms fetch media and links from public web URLs
 * (Instagram `image_url`/`video_url`, TikTok `PULL_FROM_URL`), so other schemes are refused early.
 * Hosts are not restricted, so local simulators (`http://localhost:…`) work in tests.
 */
export const HttpUrlSchema = /* @__PURE__ */ z.url({ protocol: /^https?$/, error: describeBadUrl });

/**
 * Whether `value` is an absolute `http:` or `https:` URL: the check behind base-URL settings
 * and permalinks read from platforms. Unlike the URL schema of the models, it does not trim and gives
 * no message, only yes or no.
 *
 * @param value - a candidate URL, or `undefined`
 * @returns true when `value` parses as a URL with the `http:` or `https:` scheme
 *
 * @example
 * ```ts
 * isHttpUrl('https://api.x.com'); // true
 * isHttpUrl('ftp://example.com'); // false
 * isHttpUrl(undefined); // false
 * ```
 */
export function isHttpUrl(value: string | undefined): value is string {
  if (value === undefined || !URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'https:' || protocol === 'http:';
}
