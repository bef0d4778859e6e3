import { compareIds } from './id-generator.js';
import type { Identified } from './state.js';

/** Which items {@link pageByIds} cuts a page from, in the words of id-cursor APIs. */
export interface IdWindow {
  /** Page size. */
  readonly limit: number;
  /** Only items with a lower id (exclusive): Mastodon `max_id`, X `until_id`, a "next page" cursor. */
  readonly olderThan?: string | undefined;
  /** Only items with a higher id (exclusive): `since_id`, `min_id`, a "previous page" cursor. */
  readonly newerThan?: string | undefined;
  /**
   * The end of the window the page is cut from: `newest` (default; what a timeline shows first)
   * or `oldest` (the items right above `newerThan`, as Mastodon's `min_id` gives).
   */
  readonly from?: 'newest' | 'oldest' | undefined;
}

/** One page of {@link pageByIds}. */
export interface IdPage<T> {
  /** The page, newest first. */
  readonly items: T[];
  /** Whether any of the given items is older than the page (so a "next" link leads somewhere). */
  readonly hasOlder: boolean;
  /** Whether any of the given items is newer than the page (so a "previous" link leads somewhere). */
  readonly hasNewer: boolean;
}

/**
 * One page of `items` (in any order; ids are increasing numeric strings), newest first: the
 * items inside the window's id bounds, `limit` of them from its newest or oldest end. The paging
 * of id-cursor APIs is this cut plus their own wire format (Mastodon's `Link` header, X's
 * `meta.next_token`); `hasOlder` and `hasNewer` look at all `items`, so
 * they tell whether a link to the next or previous page leads anywhere. An empty page has neither.
 *
 * @param items - everything the endpoint could list (already filtered to what the caller may see)
 * @param window - the bounds and the page size
 * @returns the page and what lies beyond it
 *
 * @example
 * ```ts
 * const page = pageByIds(statuses, { olderThan: query.max_id, newerThan: query.since_id, limit: 20 });
 * const next = page.hasOlder ? page.items.at(-1)?.id : undefined; // the next page's `max_id`
 * ```
 */
export function pageByIds<T extends Identified>(items: readonly T[], window: IdWindow): IdPage<T> {
  const { olderThan, newerThan, limit } = window;
  const newestFirst = [...items].sort((a, b) => compareIds(b.id, a.id));
  const inWindow = newestFirst.filter(
    (item) =>
      (olderThan === undefined || compareIds(item.id, olderThan) < 0) &&
      (newerThan === undefined || compareIds(item.id, newerThan) > 0),
  );
  const size = Math.max(0, limit);
  const page =
    window.from === 'oldest' ? inWindow.slice(Math.max(0, inWindow.length - size)) : inWindow.slice(0, size);
  const newest = page[0];
  const oldest = page.at(-1);
  return {
    items: page,
    hasOlder: oldest !== undefined && newestFirst.some((item) => compareIds(item.id, oldest.id) < 0),
    hasNewer: newest !== undefined && newestFirst.some((item) => compareIds(item.id, newest.id) > 0),
  };
}
