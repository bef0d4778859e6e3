import { TransientError } from '@smmkit/core';
import type * as z from 'zod/mini';
import type { GraphPlatform } from './platform.js';
import { type GraphPagingSchema, graphNextCursor } from './schemas.js';

/** One page of a Graph edge, as its schema read it: `{data?, paging?}`. */
export interface GraphListPage<T> {
  /** The page's items. */
  readonly data?: readonly T[] | undefined;
  /** Cursor paging (https://developers.facebook.com/docs/graph-api/results). */
  readonly paging?: z.output<typeof GraphPagingSchema>;
}

/** What {@link everyGraphPage} reads, and what its error says when the paging does not end. */
export interface EveryGraphPageOptions {
  /** Stamped on the error. */
  readonly platform: GraphPlatform;
  /** What is read, starting the error message (`list scheduled posts`). */
  readonly operation: string;
  /** The most pages read; more is refused, as paging without end. */
  readonly maxPages: number;
  /** What the caller can do when the paging is refused. */
  readonly hint: string;
}

/**
 * The items of a Graph edge, a page at a time: `readPage(after)` with `after` = the last page's
 * `paging.cursors.after`, until a page without `paging.next`
 * (https://developers.facebook.com/docs/graph-api/results). Asks for the next page only when the
 * caller reads on (a `for await` that `break`s stops asking).
 *
 * Reading on must end in such a last page. Three answers are refused instead of being read
 * forever or taken as the end of the list: a page that says more follow (`next`) but gives no
 * cursor, a cursor that comes back again, and more than `maxPages` pages.
 *
 * @param readPage - reads one page; `after` is `undefined` for the first
 * @param options - platform, operation, page cap and hint for the error
 * @returns each page's items, in the order read
 * @throws TransientError (`invalid_response`) when the paging does not end as above
 */
export async function* eachGraphPage<T>(
  readPage: (after: string | undefined) => Promise<GraphListPage<T>>,
  options: EveryGraphPageOptions,
): AsyncGenerator<readonly T[], void, undefined> {
  const refusal = (problem: string) =>
    new TransientError('invalid_response', `${options.operation}: ${problem}.`, {
      platform: options.platform,
      hint: options.hint,
    });
  const seen = new Set<string>();
  let after: string | undefined;
  for (let pages = 1; ; pages += 1) {
    const page = await readPage(after);
    yield page.data ?? [];
    if (page.paging?.next === undefined) return;
    const next = graphNextCursor(page.paging);
    if (next === undefined) throw refusal('a page says more follow but gives no cursor');
    if (seen.has(next)) throw refusal('Graph repeated a paging cursor');
    if (pages >= options.maxPages) throw refusal(`more than ${options.maxPages} pages`);
    seen.add(next);
    after = next;
  }
}

/**
 * Every item of a Graph edge, page after page: `readPage(after)` with `after` = the last page's
 * `paging.cursors.after`, until a page without `paging.next`
 * (https://developers.facebook.com/docs/graph-api/results). Paging that cannot end in such a last
 * page (a cursor that comes back again, a next page without a cursor, more than `maxPages` pages)
 * is refused rather than read forever or taken as the whole list.
 *
 * @param readPage - reads one page; `after` is `undefined` for the first
 * @param options - platform, operation, page cap and hint for the error
 * @returns every item, in the order read
 * @throws TransientError (`invalid_response`) when the paging does not end in a last page
 *
 * @example
 * ```ts
 * const replies = await everyGraphPage((after) => readReplies(commentId, after), {
 *   platform: 'instagram', operation: 'list replies', maxPages: 100, hint: 'Retry later.',
 * });
 * ```
 */
export async function everyGraphPage<T>(
  readPage: (after: string | undefined) => Promise<GraphListPage<T>>,
  options: EveryGraphPageOptions,
): Promise<T[]> {
  const items: T[] = [];
  for await (const page of eachGraphPage(readPage, options)) items.push(...page);
  return items;
}
