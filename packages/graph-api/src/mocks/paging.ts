import { compareIds, type Identified } from '@smmkit/testkit/simulator-kit';
import { invalidParameter } from './errors.js';
import { pageLimit } from './forward-page.js';
import type { GraphParams } from './params.js';

/** Default page size of edges (Graph's usual 25; ASSUMED for every edge). */
export const DEFAULT_PAGE_SIZE = 25;

/** Largest `limit` an edge accepts (ASSUMED). */
export const MAX_PAGE_SIZE = 100;

/** A cursor for an item id (opaque base64url, as Graph's cursors look). */
const encodeCursor = (id: string) => Buffer.from(`sim:${id}`).toString('base64url');

/** Where a page of an edge starts and how long it is: Graph's `limit`, `after` and `before`, as sent. */
export interface EdgeWindow {
  /** `limit` as sent (default 25, at most 100, 0 for a page of no items: see `pageLimit`). */
  readonly limit: string | undefined;
  /** The `after` cursor as sent. */
  readonly after: string | undefined;
  /** The `before` cursor as sent. */
  readonly before: string | undefined;
}

/** One page of an edge before links are added: its items, cursors and whether pages lie either side. */
export interface EdgePage {
  /** `{data, paging:{cursors:{before, after}}}`, or `{data: []}` when the page is empty. */
  readonly body: {
    /** The page's items, rendered. */
    readonly data: Record<string, unknown>[];
    /** Absent on an empty page. */
    readonly paging?: {
      /** Cursors around the page. */
      readonly cursors: {
        /** Cursor of the page's first item. */
        readonly before: string;
        /** Cursor of the page's last item. */
        readonly after: string;
      };
    };
  };
  /** The page's size, as used. */
  readonly size: number;
  /** Items follow in the edge's order (a `next` link belongs on the page). */
  readonly hasNext: boolean;
  /** Items come before it (a `previous` link belongs on the page). */
  readonly hasPrevious: boolean;
}

/**
 * The largest `limit` an edge takes and what a larger one gets. Graph leaves it to each edge
 * ("Some edges may also have a maximum on the limit value",
 * https://developers.facebook.com/docs/graph-api/results): most read a larger limit as their
 * largest page, some refuse it (a Page's posts: "If you try to read more than that you will get an
 * error", https://developers.facebook.com/docs/graph-api/reference/page/feed).
 */
export interface EdgeLimit {
  /** The largest page. */
  readonly max: number;
  /** `cap`: a larger `limit` reads `max` items; `refuse`: it is a 400. */
  readonly above: 'cap' | 'refuse';
}

/** An edge's limit when it does not say: 100, a larger one read as 100 (ASSUMED). */
const DEFAULT_EDGE_LIMIT: EdgeLimit = { max: MAX_PAGE_SIZE, above: 'cap' };

/**
 * The order of an edge's items: `newest` first or `oldest` first by id (ids are handed out in
 * creation order), or `by` a comparator for an edge ordered on something else (a Page's posts
 * by `created_time`, which a scheduled post's id does not follow).
 */
export type EdgeOrder<T> =
  | 'newest'
  | 'oldest'
  | {
      /** Compares two items of the edge: negative when `a` comes first. */
      readonly by: (a: T, b: T) => number;
    };

/**
 * One page of an edge's items, `limit` (default 25, at most `edgeLimit.max`, 100 unless given;
 * 0 for none) after or before a cursor in the edge's `order`
 * (https://developers.facebook.com/docs/graph-api/results), without
 * `next` and `previous` links: {@link graphPage} adds them for a top-level edge, a nested expansion
 * (`business_discovery{media.limit(5)}`) builds its own. `after` reads on in the edge's order,
 * `before` back towards its start. A bad limit or a cursor to no item of the edge is a 400
 * (ASSUMED wording).
 *
 * @example
 * ```ts
 * const page = edgePage(media, { limit: '5', after: undefined, before: undefined }, 'newest', render);
 * if (page instanceof Response) return page;
 * ```
 */
export function edgePage<T extends Identified>(
  items: readonly T[],
  window: EdgeWindow,
  order: EdgeOrder<T>,
  render: (item: T) => Record<string, unknown>,
  edgeLimit: EdgeLimit = DEFAULT_EDGE_LIMIT,
): EdgePage | Response {
  const asked = pageLimit(window.limit, DEFAULT_PAGE_SIZE, Number.POSITIVE_INFINITY);
  if (asked instanceof Response) return asked;
  if (asked > edgeLimit.max && edgeLimit.above === 'refuse') {
    // Wording ASSUMED: the docs say only that the error asks not to exceed the maximum.
    return invalidParameter(`The limit parameter should not exceed ${edgeLimit.max}`);
  }
  const size = Math.min(asked, edgeLimit.max);
  const compare =
    order === 'newest'
      ? (a: T, b: T) => compareIds(b.id, a.id)
      : order === 'oldest'
        ? (a: T, b: T) => compareIds(a.id, b.id)
        : order.by;
  const ordered = [...items].sort(compare);
  const [after, before] = [window.after, window.before].map((cursor) =>
    cursor === undefined ? undefined : ordered.findIndex((item) => encodeCursor(item.id) === cursor),
  );
  if (after === -1 || before === -1) return invalidParameter('Invalid cursor');
  const start = after !== undefined ? after + 1 : before !== undefined ? Math.max(0, before - size) : 0;
  const end = after === undefined && before !== undefined ? before : start + size;
  const data = ordered.slice(start, end);
  const first = data[0];
  const last = data.at(-1);
  if (first === undefined || last === undefined)
    return { body: { data: [] }, size, hasNext: false, hasPrevious: false };
  return {
    body: {
      data: data.map(render),
      paging: { cursors: { before: encodeCursor(first.id), after: encodeCursor(last.id) } },
    },
    size,
    hasNext: end < ordered.length,
    hasPrevious: start > 0,
  };
}

/**
 * One page of an edge as Graph answers it (https://developers.facebook.com/docs/graph-api/results):
 * `{data, paging:{cursors:{before, after}, next?, previous?}}`, cut by {@link edgePage} from the
 * request's `limit`, `after` and `before`. `next` and `previous` repeat the request URL with the
 * cursor set, as Graph does. `edgeLimit` is the edge's own largest page when it has one (100, a
 * larger `limit` read as 100, unless given).
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
  order: EdgeOrder<T>,
  render: (item: T) => Record<string, unknown>,
  edgeLimit?: EdgeLimit,
): Response {
  const { params, url } = request;
  const window = { limit: params.get('limit'), after: params.get('after'), before: params.get('before') };
  const page = edgePage(items, window, order, render, edgeLimit);
  if (page instanceof Response) return page;
  const cursors = page.body.paging?.cursors;
  if (cursors === undefined) return Response.json(page.body);
  const link = (name: 'after' | 'before', cursor: string) => {
    const next = new URL(url);
    next.searchParams.delete('after');
    next.searchParams.delete('before');
    next.searchParams.set('limit', String(page.size));
    next.searchParams.set(name, cursor);
    return next.toString();
  };
  const paging = {
    cursors,
    ...(page.hasNext ? { next: link('after', cursors.after) } : {}),
    ...(page.hasPrevious ? { previous: link('before', cursors.before) } : {}),
  };
  return Response.json({ data: page.body.data, paging });
}
