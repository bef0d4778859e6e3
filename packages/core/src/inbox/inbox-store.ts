import type { Engagement, EngagementKind } from '../models/engagement.js';
import type { EngagementRef, InboxItem, InboxItemPatch, InboxStatus } from './inbox-item.js';

/**
 * One listing the inbox polls: an account's own engagement (`account`), a post's (`post:<id>`),
 * or a brand-mention search (`search:<terms as JSON>`).
 */
export interface InboxSource {
  /** Platform id. */
  readonly platform: string;
  /** The account's id on the platform. */
  readonly accountId: string;
  /**
   * `account` for everything the account's listing returns, `post:<platform post id>` for one
   * post's, `search:<terms as JSON>` for a brand-mention search.
   */
  readonly source: string;
}

/**
 * How far the inbox has read one {@link InboxSource}. A round of polling walks the listing from
 * the newest item back to `since`; while it walks, `walk` holds the page to resume from, so a
 * process that stops mid-walk goes on where it stopped instead of starting over or skipping.
 */
export interface InboxCursor {
  /** The newest `createdAt` of the last walk that reached its end: the next walk reads back to it. */
  readonly since?: Date | undefined;
  /** The walk under way, when one was cut short. */
  readonly walk?:
    | {
        /** The `since` this walk reads back to (the adapter's cursor belongs to that query). */
        readonly since?: Date | undefined;
        /** The newest `createdAt` this walk has seen so far. */
        readonly newest?: Date | undefined;
        /** The adapter's cursor of the next page. */
        readonly cursor: string;
      }
    | undefined;
}

/** Which items {@link InboxStore.list} returns; every given field narrows the list. */
export interface InboxQuery {
  /** Items on these platforms. */
  readonly platforms?: readonly string[] | undefined;
  /** Items of these accounts. */
  readonly accounts?:
    | readonly {
        /** Platform id. */
        readonly platform: string;
        /** The account's id on the platform. */
        readonly accountId: string;
      }[]
    | undefined;
  /** Items of these kinds. */
  readonly kinds?: readonly EngagementKind[] | undefined;
  /** Items in these states. */
  readonly statuses?: readonly InboxStatus[] | undefined;
  /** Items assigned to this person; `null` for items assigned to nobody. */
  readonly assignee?: string | null | undefined;
  /** Items carrying this tag. */
  readonly tag?: string | undefined;
  /** Items whose text contains this, ignoring case (and width: both sides are folded alike). */
  readonly text?: string | undefined;
  /** Items created at or after this instant. */
  readonly from?: Date | undefined;
  /** Items created before this instant. */
  readonly to?: Date | undefined;
  /** `false`: only items not deleted through the inbox; `true`: only deleted ones; absent: both. */
  readonly deleted?: boolean | undefined;
  /** Only items after this one in the list's order (the last item of the previous page). */
  readonly after?: InboxPosition | undefined;
  /** At most this many (default: all). */
  readonly limit?: number | undefined;
}

/**
 * A place in the newest-first order of the inbox: an item's `createdAt`, platform, account and id
 * (an {@link InboxItem} fits).
 */
export interface InboxPosition {
  /** When the item was created. */
  readonly createdAt: Date;
  /** Its platform. */
  readonly platform: string;
  /** Its account's id on the platform. */
  readonly accountId: string;
  /** Its id. */
  readonly id: string;
}

/** What {@link InboxStore.add} takes besides the engagements. */
export interface InboxAddOptions {
  /** When the inbox got them: each added item's `receivedAt` and `updatedAt`. */
  readonly receivedAt: Date;
  /** The cursor to save with them, in the same atomic write (a page of polling and where it ends). */
  readonly cursor?:
    | {
        /** The listing the page came from. */
        readonly source: InboxSource;
        /** How far the listing has been read, this page included. */
        readonly cursor: InboxCursor;
      }
    | undefined;
}

/**
 * Where the inbox keeps its items, the polling cursors and the ids it has seen. Every call is
 * atomic on its own (no transaction spans two), so a store on a server (Redis: a Lua script per
 * call) fits as well as the in-memory and SQLite ones; several processes may share one store.
 * testkit's `describeInboxStore` checks a store against this contract.
 */
export interface InboxStore {
  /**
   * Adds the engagements not kept yet (by platform, account and id: one engagement of two of your
   * accounts is two items; a repeat within the call counts once)
   * as `new` items, and saves `options.cursor`, in one atomic write: a page is never stored
   * without its cursor nor the cursor without its page.
   *
   * @returns the items added, in the order given: duplicates are left out, so of several
   *   processes adding one engagement at once, exactly one gets it back
   */
  add(engagements: readonly Engagement[], options: InboxAddOptions): Promise<InboxItem[]>;
  /** The item, if kept. */
  get(ref: EngagementRef): Promise<InboxItem | undefined>;
  /** Items matching `query`, newest `createdAt` first, then by platform, account and id, descending. */
  list(query?: InboxQuery): Promise<InboxItem[]>;
  /**
   * Applies `patch` to the item atomically, as `applyInboxPatch` does, `updatedAt` set to `at`.
   *
   * @returns the changed item, or `undefined` when it is not kept
   */
  update(ref: EngagementRef, patch: InboxItemPatch, at: Date): Promise<InboxItem | undefined>;
  /** How far `source` has been read, if it ever was. */
  getCursor(source: InboxSource): Promise<InboxCursor | undefined>;
  /** Sets how far `source` has been read (`undefined` forgets it: the next poll reads it all again). */
  setCursor(source: InboxSource, cursor: InboxCursor | undefined): Promise<void>;
  /**
   * Records ids as seen in `scope` (webhook delivery ids, say) and returns those that were not:
   * of several processes recording one id at once, exactly one gets it back.
   */
  markSeenIds(scope: string, ids: readonly string[], at: Date): Promise<string[]>;
  /** Forgets these ids in `scope` (a delivery that could not be handed on, so its retry is taken). */
  unmarkSeenIds(scope: string, ids: readonly string[]): Promise<void>;
  /** When each id was recorded as seen in `scope`, in order; `undefined` for an id that was not. */
  seenIdsAt(scope: string, ids: readonly string[]): Promise<(Date | undefined)[]>;
  /**
   * Moves the records of `scope` that are still at `from` to `to` (a webhook retry taking over
   * what a stopped process left): of several processes moving one record at once, exactly one
   * gets its id back.
   *
   * @returns the ids moved
   */
  moveSeenIds(
    scope: string,
    moves: readonly { readonly id: string; readonly from: Date }[],
    to: Date,
  ): Promise<string[]>;
  /**
   * Forgets seen ids recorded before `before` (every scope). An inbox over the store calls it
   * while it polls or ingests (`InboxOptions.keepSeenIdsMs`, 7 days by default); a store no inbox
   * runs on needs it called on a schedule, keeping more than the longest redelivery window of
   * the platforms (docs/inbox.md).
   *
   * @returns how many were forgotten
   */
  forgetSeenIds(before: Date): Promise<number>;
  /** Releases what the store holds (connections); the store is unusable afterwards. */
  close?(): Promise<void>;
}
