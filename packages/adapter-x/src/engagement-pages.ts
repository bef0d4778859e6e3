import type { Engagement, EngagementPage } from '@smmkit/core';
import { encodeXCursor, type XEngagementPosition } from './engagement-cursor.js';

/** One platform page: an engagement (or `undefined` for a skipped item) per item X returned. */
export interface XSourcePage {
  /** The engagements, aligned with `ids`; `undefined` for an item left out (the account's own, too old). */
  readonly entries: readonly (Engagement | undefined)[];
  /** The id of each item X returned, aligned with `entries`. */
  readonly ids: readonly string[];
  /** X's token for the next page, when there is one and reading should go on. */
  readonly next?: string | undefined;
}

/** Fetches the platform page at a position (its `token`, `size` and `untilId`). */
export type XFetchPage = (position: XEngagementPosition) => Promise<XSourcePage>;

/**
 * Reads one source from `start`, handing out `pageSize` items per page, each page with the cursor
 * that resumes right after it (`after`, the next source's start, once this one is done; none on
 * the very last page). X's pages hold at least 5 (mentions) or 10 (search) items, so a smaller
 * `pageSize` is served by splitting X's pages; inside a page, post timelines and searches resume
 * with `until_id` (the last post handed out), so posts arriving in between do not shift the
 * cursor, and DM events (which take no `until_id`) with a count of items to skip.
 *
 * @param start - where to start: the source, X's page token and the position inside the page
 * @param pageSize - items per page handed out
 * @param size - `max_results` to fetch X's pages with
 * @param fetchPage - fetches one of X's pages
 * @param after - where the listing goes on once this source is done, if anywhere
 * @returns the pages
 *
 * @example
 * ```ts
 * yield* readXSource({ source: 'search', size: 10, skip: 0 }, 5, 10, fetchSearchPage, undefined);
 * ```
 */
export async function* readXSource(
  start: XEngagementPosition,
  pageSize: number,
  size: number,
  fetchPage: XFetchPage,
  after: XEngagementPosition | undefined,
): AsyncGenerator<EngagementPage> {
  let position = start;
  // Post timelines and searches take `until_id`: resume inside a page after its last post handed out.
  const anchored = start.source !== 'direct_message';
  for (;;) {
    const page = await fetchPage(position);
    const { entries } = page;
    const following = (token: string): XEngagementPosition => ({
      source: position.source,
      size,
      skip: 0,
      token,
      ...(position.untilId === undefined ? {} : { untilId: position.untilId }),
    });
    for (let offset = position.skip; offset < entries.length; offset += pageSize) {
      const end = offset + pageSize;
      const lastId = page.ids[end - 1];
      const nextPosition: XEngagementPosition | undefined =
        end < entries.length
          ? anchored && lastId !== undefined
            ? { source: position.source, size, skip: 0, untilId: lastId }
            : { ...position, skip: end }
          : page.next !== undefined
            ? following(page.next)
            : after;
      const items = entries.slice(offset, end).filter((item): item is Engagement => item !== undefined);
      yield nextPosition === undefined ? { items } : { items, cursor: encodeXCursor(nextPosition) };
    }
    if (page.next === undefined) return;
    position = following(page.next);
  }
}
