/**
 * Where an offset-paged Rest.li listing goes on: the `start` of the next page, and the ids of the
 * last items handed out before it (newest last), by which the page finds its place again when
 * items before it were deleted or added meanwhile.
 */
export interface ListPosition {
  /** Rest.li `start` of the next page. */
  readonly start: number;
  /** Ids of the last items handed out before `start`, at most {@link KEPT_IDS}, newest last. */
  readonly after: readonly string[];
}

/** The start of a listing: nothing handed out yet. */
export const LIST_START: ListPosition = { start: 0, after: [] };

/**
 * How many of the last ids a position keeps, and how many items a page reads again before its
 * `start`: with 2, a page finds its place in one request when one item before it was deleted,
 * even the last one handed out.
 */
export const KEPT_IDS = 2;

/** A Rest.li collection page: its `elements`, and `paging.total` when LinkedIn counts them. */
export interface RestliCollectionPage<T> {
  /** The items of the page. */
  readonly elements: readonly T[];
  /** Rest.li paging; `total` is optional. */
  readonly paging?: { readonly total?: number | undefined } | undefined;
}

/** One page read with {@link readPageAfter}. */
export interface PageAfter<T> {
  /** The items after the position, in the collection's order, at most the page size. */
  readonly items: readonly T[];
  /** Where the page after this one starts. */
  readonly next: ListPosition;
  /** Whether the collection has items after this page. */
  readonly more: boolean;
}

/**
 * Reads the page of an offset-paged Rest.li collection (`start`/`count`, `paging.total`:
 * https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/pagination) that follows
 * the items handed out before `at`, so that no item is skipped when items before it were deleted
 * between two pages (their offsets move back) and none is repeated when items were added before
 * it (their offsets move on):
 *
 * - the page is read from {@link KEPT_IDS} items before `at.start`, and what follows the newest
 *   of `at.after` found in it is handed out;
 * - when none of them is in it, earlier items are read, back to the first if need be, until one
 *   is found; when none is left at all (all of them were deleted), the collection is handed out
 *   from its first item again: an item may come twice, never be skipped.
 *
 * A position with no ids (the first page, or a cursor from before ids were kept) is read at its
 * offset as it is.
 *
 * @param read - reads `count` items from `start`
 * @param idOf - an item's id, `undefined` when it has none
 * @param at - where the page starts
 * @param count - the page size
 * @param maxCount - the most items the collection hands out in one request
 * @returns the page, where the next one starts, and whether there is one
 *
 * @example
 * ```ts
 * const page = await readPageAfter(readComments, commentUrnOf, cursor.items, 20, 100);
 * ```
 */
export async function readPageAfter<T>(
  read: (start: number, count: number) => Promise<RestliCollectionPage<T>>,
  idOf: (item: T) => string | undefined,
  at: ListPosition,
  count: number,
  maxCount: number,
): Promise<PageAfter<T>> {
  /** The page of `items` (the first at offset `first`), cut to `count`. */
  const settle = (items: readonly T[], first: number, more: boolean): PageAfter<T> => {
    const page = items.slice(0, count);
    return {
      items: page,
      next: { start: first + page.length, after: lastIds(at.after, page, idOf) },
      more: more || items.length > count,
    };
  };
  if (at.after.length === 0 || at.start === 0) {
    const data = await read(at.start, count);
    const more = hasMore(data, at.start, count) && data.elements.length > 0;
    return settle(data.elements, at.start, more);
  }

  const overlap = Math.min(KEPT_IDS, at.start);
  let from = at.start - overlap;
  const size = Math.min(count + overlap, maxCount);
  const data = await read(from, size);
  // What has been read, without gaps, from `from`; the page read last is at its end.
  let seen: readonly T[] = data.elements;
  let more = hasMore(data, from, size);
  let walkedBack = false;
  for (;;) {
    const found = lastIndexOfAny(seen, at.after, idOf);
    if (found >= 0) {
      const first = from + found + 1;
      const items = seen.slice(found + 1);
      // A page that hands out nothing and does not move on would be read again forever.
      const moves = walkedBack || items.length > 0 || first > at.start;
      return settle(items, first, more && moves);
    }
    // None of the ids is left: from the first item again.
    if (from === 0) return settle(seen, 0, more);
    const earlier = Math.max(0, from - maxCount);
    const back = await read(earlier, from - earlier);
    // A window cut short means the collection shrank below `from` meanwhile: it is the end now.
    seen = back.elements.length === from - earlier ? [...back.elements, ...seen] : back.elements;
    if (back.elements.length !== from - earlier) more = hasMore(back, earlier, from - earlier);
    from = earlier;
    walkedBack = true;
  }
}

/**
 * The ids a position after `page` keeps: those of its last items, newest last, back to the first
 * item without an id (with `before`'s when the page is short and every item has one). The next
 * page resumes after the newest of them, so it must be the last item handed out: when that one
 * has no id, the position keeps none and the next page is read at its offset (resuming after an
 * earlier id would hand out the items after it again, forever when none of them has an id).
 */
function lastIds<T>(
  before: readonly string[],
  page: readonly T[],
  idOf: (item: T) => string | undefined,
): readonly string[] {
  const ids: string[] = [];
  for (let index = page.length - 1; index >= 0 && ids.length < KEPT_IDS; index -= 1) {
    const id = idOf(page[index] as T);
    if (id === undefined) return ids;
    ids.unshift(id);
  }
  return [...before, ...ids].slice(-KEPT_IDS);
}

/** Whether a Rest.li collection has items after this page: by `paging.total`, else by a full page. */
function hasMore<T>(data: RestliCollectionPage<T>, start: number, count: number): boolean {
  const total = data.paging?.total;
  return total === undefined ? data.elements.length >= count : start + data.elements.length < total;
}

/** The index of the last item whose id is among `ids`, or -1. */
function lastIndexOfAny<T>(
  items: readonly T[],
  ids: readonly string[],
  idOf: (item: T) => string | undefined,
): number {
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const id = idOf(items[index] as T);
    if (id !== undefined && ids.includes(id)) return index;
  }
  return -1;
}
