/** One `<url>; param; param` entry of a Link header (RFC 8288). */
const LINK_ENTRY = /<([^>]*)>\s*((?:;\s*[^;,]*)*)/g;

/**
 * The `max_id` of the `rel="next"` link in a Mastodon `Link` header, which is how Mastodon
 * pages lists (docs.joinmastodon.org: api/guidelines#pagination; methods/notifications#get):
 * `<https://mastodon.example/api/v1/notifications?max_id=34975535>; rel="next", <…?min_id=…>; rel="prev"`.
 *
 * Only the id is taken, never the URL itself: requests are built from it against the
 * configured server, so a header cannot send the account's token elsewhere.
 *
 * @param header - the `Link` header, if any
 * @returns the next page's `max_id`, or `undefined` on the last page
 *
 * @example
 * ```ts
 * nextMaxId('<https://mastodon.example/api/v1/notifications?max_id=34975535>; rel="next"'); // '34975535'
 * ```
 */
export function nextMaxId(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  for (const [, target = '', params = ''] of header.matchAll(LINK_ENTRY)) {
    const rels = /;\s*rel\s*=\s*"?([^";]*)"?/i.exec(params)?.[1]?.toLowerCase().split(/\s+/) ?? [];
    if (!rels.includes('next') || !URL.canParse(target)) continue;
    return new URL(target).searchParams.get('max_id') ?? undefined;
  }
  return undefined;
}
