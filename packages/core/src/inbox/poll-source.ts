import type { EngagementPage, EngagementQuery } from '../adapter/adapter.js';
import type { RequestContext } from '../adapter/context.js';
import { ValidationError } from '../errors/validation-error.js';
import type { Engagement } from '../models/engagement.js';
import type { Publisher } from '../publisher/publisher.js';
import type { Clock } from '../time/clock.js';
import type { InboxItem } from './inbox-item.js';
import type { InboxCursor, InboxSource, InboxStore } from './inbox-store.js';
import { checkPageItems, type InvalidPageItem } from './page-items.js';

/** What walking one listing needs. */
export interface PollContext {
  readonly store: InboxStore;
  readonly publisher: Publisher;
  readonly clock: Clock;
  readonly lookbackMs: number;
  readonly pageSize: number | undefined;
  /** Called with each page's new items as soon as they are stored. */
  readonly onAdded: (items: readonly InboxItem[]) => Promise<void>;
  /**
   * Called, after its page is stored, with each item of the page that is not a valid engagement:
   * such an item is skipped (the valid ones and the cursor are stored), so this is the only sign
   * of it; the inbox reports it as an `error` event.
   */
  readonly onInvalid: (source: InboxSource, invalid: InvalidPageItem) => void;
}

/** Where a page of a listing starts: what every listing query has. */
export type PageRequest = Pick<EngagementQuery, 'since' | 'cursor' | 'pageSize'>;

/** A listing to walk: its source, the budget it is read on, and how to read it. */
export interface PollTarget {
  readonly source: InboxSource;
  /** The publisher operation whose budget each page is read on. */
  readonly operation: 'engagement' | 'search';
  /** The adapter's listing (`listEngagements` or `searchMentions`) with its query besides the page. */
  readonly list: (page: PageRequest, context: RequestContext) => AsyncIterable<EngagementPage>;
}

/**
 * Reads one listing from its newest item back to where the last complete walk ended (less the
 * lookback), page by page. Each page is one `publisher.run` on the account's budget for
 * the target's operation (`engagement`, or `search` for brand mentions), started afresh from the saved cursor, so a retried page never resumes a failed
 * generator. The page's new items and the cursor after it are stored in one write: a process
 * that stops between two pages resumes after the last page it stored, and a page read again is
 * dropped as duplicates. Each item is checked on its own: one that is not a valid engagement is
 * left out of the write and given to `onInvalid`, so it cannot hold back the rest of its page
 * or the walk. When the walk ends, its newest `createdAt` becomes the next `since`. A
 * saved walk whose cursor the adapter refuses (`cursor.invalid`: the account's `kinds` changed)
 * is dropped, and the walk starts again from the last complete one.
 *
 * @returns the items added, page after page
 * @throws whatever the adapter or the store threw; the pages stored before stay stored
 */
export async function pollSource(target: PollTarget, context: PollContext): Promise<InboxItem[]> {
  const { source, operation, list } = target;
  const { store, publisher, clock } = context;
  const saved = await store.getCursor(source);
  const fromLastWalk: Walk =
    saved?.since === undefined
      ? { cursor: undefined }
      : { since: new Date(saved.since.getTime() - context.lookbackMs), cursor: undefined };
  let walk: Walk = saved?.walk ?? fromLastWalk;
  let resuming = saved?.walk !== undefined;
  const added: InboxItem[] = [];
  const account = { platform: source.platform, accountId: source.accountId };
  for (;;) {
    const request: PageRequest = { since: walk.since, cursor: walk.cursor, pageSize: context.pageSize };
    let page: EngagementPage | undefined;
    try {
      page = await publisher.run(account, operation, (requestContext) =>
        firstPage(list, request, requestContext),
      );
    } catch (error) {
      // A walk saved mid-way whose cursor the listing no longer takes (the account's `kinds`
      // changed since) would fail every round: start again from the last complete walk instead,
      // pages read again being dropped as duplicates.
      if (!resuming || !isInvalidCursor(error)) throw error;
      resuming = false;
      walk = fromLastWalk;
      continue;
    }
    resuming = false;
    const { valid: items, invalid } = checkPageItems(page?.items ?? [], source);
    const newest = latest(walk.newest, items);
    const next = page?.cursor;
    const atEnd = next === undefined || next === walk.cursor;
    const cursor: InboxCursor = atEnd
      ? { since: newest ?? saved?.since }
      : { since: saved?.since, walk: { since: walk.since, newest, cursor: next } };
    const stored = await store.add(items.filter(isInbound), {
      receivedAt: new Date(clock.now()),
      cursor: { source, cursor },
    });
    added.push(...stored);
    if (stored.length > 0) await context.onAdded(stored);
    for (const item of invalid) context.onInvalid(source, item);
    if (atEnd || cursor.walk === undefined) return added;
    walk = cursor.walk;
  }
}

/** Where a walk stands: its `since`, the newest item so far, and the next page's cursor. */
interface Walk {
  readonly since?: Date | undefined;
  readonly newest?: Date | undefined;
  readonly cursor?: string | undefined;
}

/** Whether an adapter refused a cursor as not one of its listing's (`ValidationError`, rule `cursor.invalid`). */
function isInvalidCursor(error: unknown): boolean {
  return (
    ValidationError.isInstance(error) && error.problems.some((problem) => problem.rule === 'cursor.invalid')
  );
}

/** The first page of a listing, its generator closed after it. */
async function firstPage(
  list: PollTarget['list'],
  query: PageRequest,
  context: RequestContext,
): Promise<EngagementPage | undefined> {
  const pages = list(query, context)[Symbol.asyncIterator]();
  try {
    const result = await pages.next();
    return result.done === true ? undefined : result.value;
  } finally {
    await pages.return?.();
  }
}

/** The later of `known` and every item's `createdAt`. */
function latest(known: Date | undefined, items: readonly Engagement[]): Date | undefined {
  let newest = known?.getTime();
  for (const item of items) {
    const at = item.createdAt.getTime();
    if (newest === undefined || at > newest) newest = at;
  }
  return newest === undefined ? undefined : new Date(newest);
}

/** The account's own items (its replies, its posts) wait for nobody's answer: not inbox items. */
function isInbound(item: Engagement): boolean {
  return item.author.id !== item.accountId;
}
