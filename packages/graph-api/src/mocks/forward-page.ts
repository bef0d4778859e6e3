import type { Identified } from '@smmkit/testkit/simulator-kit';
import { invalidParameter } from './errors.js';
import type { GraphParams } from './params.js';

/** A cursor for an item id (opaque base64url, as Graph's cursors look). */
const encodeCursor = (id: string) => Buffer.from(`sim-after:${id}`).toString('base64url');

/**
 * A `limit` as sent (the query's, or an edge's `.limit()` modifier): `fallback` when absent, at
 * most `max`. Graph documents `limit` as "the maximum number of objects that may be returned"
 * (https://developers.facebook.com/docs/graph-api/results, cursor-based pagination) and names no
 * minimum, so 0 is taken: a page with no items, as `comments?summary=true&limit=0` (or
 * `comments.limit(0).summary(true)`) reads a count alone. A value that is not a whole number of
 * at least 0 is Graph's 400 (code 100, `Invalid limit`; ASSUMED, wording and all, as the docs do
 * not say).
 *
 * @example
 * ```ts
 * const limit = pageLimit(params.get('limit'), 25, 50);
 * if (limit instanceof Response) return limit;
 * ```
 */
export function pageLimit(raw: string | undefined, fallback: number, max: number): number | Response {
  // An empty value is no number (`Number('')` would read it as 0).
  const limit = raw === undefined ? fallback : raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isInteger(limit) || limit < 0) return invalidParameter(`Invalid limit: ${raw}`);
  return Math.min(limit, max);
}

/**
 * One page of an edge that pages forward only, as the hashtag edges do ("only returns an after
 * cursor for paginated results; a before cursor will not be included",
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag/recent-media):
 * `limit` items after the request's `after` cursor, in the order given, as
 * `{data, paging:{cursors:{after}, next?}}` (`{data: []}` past the end), `next` repeating the
 * request URL with `limit` and `after` set. The cursor names the page's last item, so any page
 * can be read again (ASSUMED: Meta's may stay the same from page to page); a cursor to no item
 * of the edge is a 400 (wording ASSUMED).
 *
 * @example
 * ```ts
 * return forwardPage(media, { params, url }, limit, (post) => pick(mediaJson(post), fields));
 * ```
 */
export function forwardPage<T extends Identified>(
  items: readonly T[],
  request: { readonly params: GraphParams; readonly url: URL },
  limit: number,
  render: (item: T) => Record<string, unknown>,
): Response {
  const after = request.params.get('after');
  const start = after === undefined ? 0 : items.findIndex((item) => encodeCursor(item.id) === after) + 1;
  if (start === 0 && after !== undefined) return invalidParameter('Invalid cursor');
  const page = items.slice(start, start + limit);
  const last = page.at(-1);
  if (last === undefined) return Response.json({ data: [] });
  const next = new URL(request.url);
  next.searchParams.set('limit', String(limit));
  next.searchParams.set('after', encodeCursor(last.id));
  return Response.json({
    data: page.map(render),
    paging: {
      cursors: { after: encodeCursor(last.id) },
      ...(start + limit < items.length ? { next: next.toString() } : {}),
    },
  });
}
