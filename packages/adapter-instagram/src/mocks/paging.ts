import { invalidParameter } from './errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './limits.js';
import type { Params } from './params.js';

/** Graph cursor paging (`paging.cursors.before/after`, `paging.next/previous`). */
export interface GraphPaging {
  /** Cursors of the first and last item of the page. */
  readonly cursors: { readonly before: string; readonly after: string };
  /** URL of the next page; absent on the last page. */
  readonly next?: string;
  /** URL of the previous page; absent on the first page. */
  readonly previous?: string;
}

/** A cursor for an item id (opaque base64url, as Graph's cursors look). */
export function encodeCursor(id: string): string {
  return Buffer.from(`sim:${id}`).toString('base64url');
}

/** The id a cursor points at, or `undefined` when it is not one the simulator made. */
export function decodeCursor(cursor: string): string | undefined {
  const text = Buffer.from(cursor, 'base64url').toString();
  return text.startsWith('sim:') ? text.slice(4) : undefined;
}

/**
 * One page of `items` (already in the edge's order) as `{data, paging}`: `limit` (default 25),
 * `after`/`before` cursors. `next` repeats the request URL with `after` set, as Graph does.
 * An unknown cursor is a 400 (ASSUMED wording).
 */
export function graphPage<T extends { readonly id: string }>(
  items: readonly T[],
  params: Params,
  url: URL,
  render: (item: T) => Record<string, unknown>,
): Response {
  const limitRaw = params.get('limit');
  const limit = limitRaw === undefined ? DEFAULT_PAGE_SIZE : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1) return invalidParameter(`Invalid limit: ${limitRaw}`);
  const size = Math.min(limit, MAX_PAGE_SIZE);
  let start = 0;
  let end = items.length;
  const after = params.get('after');
  const before = params.get('before');
  if (after !== undefined) {
    const index = items.findIndex((item) => item.id === decodeCursor(after));
    if (index < 0) return invalidParameter('Invalid cursor');
    start = index + 1;
    end = Math.min(items.length, start + size);
  } else if (before !== undefined) {
    const index = items.findIndex((item) => item.id === decodeCursor(before));
    if (index < 0) return invalidParameter('Invalid cursor');
    end = index;
    start = Math.max(0, end - size);
  } else {
    end = Math.min(items.length, size);
  }
  const page = items.slice(start, end);
  const first = page[0];
  const last = page[page.length - 1];
  if (first === undefined || last === undefined) return Response.json({ data: [] });
  const link = (cursor: 'after' | 'before', id: string) => {
    const next = new URL(url);
    next.searchParams.delete('after');
    next.searchParams.delete('before');
    next.searchParams.set('limit', String(size));
    next.searchParams.set(cursor, encodeCursor(id));
    return next.toString();
  };
  const paging: GraphPaging = {
    cursors: { before: encodeCursor(first.id), after: encodeCursor(last.id) },
    ...(end < items.length ? { next: link('after', last.id) } : {}),
    ...(start > 0 ? { previous: link('before', first.id) } : {}),
  };
  return Response.json({ data: page.map(render), paging });
}
