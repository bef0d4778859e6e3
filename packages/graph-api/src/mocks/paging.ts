import { type Identified, type IdWindow, pageByIds } from '@smmkit/testkit';
import { invalidParameter } from './errors.js';
import type { GraphParams } from './params.js';

/** Default page size of edges (Graph's usual 25; ASSUMED for every edge). */
export const DEFAULT_PAGE_SIZE = 25;

/** Largest `limit` an edge accepts (ASSUMED). */
export const MAX_PAGE_SIZE = 100;

/** A cursor for an item id (opaque base64url, as Graph's cursors look). */
const encodeCursor = (id: string) => Buffer.from(`sim:${id}`).toString('base64url');

/**
 * One page of an edge as Graph answers it (https://developers.facebook.com/docs/graph-api/results):
 * `{data, paging:{cursors:{before, after}, next?, previous?}}`, `limit` items (default 25), after
 * or before a cursor, cut by testkit's `pageByIds`. `order` is the edge's: `newest` first (media,
 * comments) or `oldest` first (replies); `after` reads on in that order. `next` and `previous`
 * repeat the request URL with the cursor set, as Graph does. A bad limit or a cursor to no item
 * of the edge is a 400 (ASSUMED wording).
 *
 * @example
 * ```ts
 * route('GET', '/:version/:postId/comments', {}, ({ params, url, path }) =>
 *   graphPage(commentsOn(path.postId), { params, url }, 'newest', commentJson),
 * );
 * ```
 */
export function graphPage<T extends Identified>(
  items: readonly T[],
  request: { readonly params: GraphParams; readonly url: URL },
  order: 'newest' | 'oldest',
  render: (item: T) => Record<string, unknown>,
): Response {
  const { params, url } = request;
  const limitRaw = params.get('limit');
  const limit = limitRaw === undefined ? DEFAULT_PAGE_SIZE : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1) return invalidParameter(`Invalid limit: ${limitRaw}`);
  const size = Math.min(limit, MAX_PAGE_SIZE);
  const [after, before] = [params.get('after'), params.get('before')].map((cursor) =>
    cursor === undefined ? undefined : (items.find((item) => encodeCursor(item.id) === cursor)?.id ?? null),
  );
  if (after === null || before === null) return invalidParameter('Invalid cursor');
  const newest = order === 'newest';
  // `after` moves away from the edge's start, `before` back towards it: in id terms, older or newer.
  const towardsOlder = after !== undefined ? newest : before !== undefined ? !newest : undefined;
  const cursor = after ?? before;
  const window: IdWindow =
    towardsOlder === undefined
      ? { limit: size, from: order }
      : towardsOlder
        ? { limit: size, olderThan: cursor }
        : { limit: size, newerThan: cursor, from: 'oldest' };
  const page = pageByIds(items, window);
  const data = newest ? page.items : page.items.reverse();
  const first = data[0];
  const last = data.at(-1);
  if (first === undefined || last === undefined) return Response.json({ data: [] });
  const [hasNext, hasPrevious] = newest ? [page.hasOlder, page.hasNewer] : [page.hasNewer, page.hasOlder];
  const link = (name: 'after' | 'before', id: string) => {
    const next = new URL(url);
    next.searchParams.delete('after');
    next.searchParams.delete('before');
    next.searchParams.set('limit', String(size));
    next.searchParams.set(name, encodeCursor(id));
    return next.toString();
  };
  const paging = {
    cursors: { before: encodeCursor(first.id), after: encodeCursor(last.id) },
    ...(hasNext ? { next: link('after', last.id) } : {}),
    ...(hasPrevious ? { previous: link('before', first.id) } : {}),
  };
  return Response.json({ data: data.map(render), paging });
}
