import type { Engagement, EngagementInput } from '../models/engagement.js';
import type { InboxEventEmitter } from './events.js';
import type { EngagementRef, InboxItem } from './inbox-item.js';
import type { InboxQuery, InboxSource } from './inbox-store.js';
import type { InboxSlaLog } from './sla-log.js';

/** Which items {@link Inbox.items} and {@link Inbox.slaLog} return; every given field narrows them. */
export interface InboxFilter extends Omit<InboxQuery, 'after' | 'limit' | 'deleted'> {
  /** `true`: only items deleted through the inbox; `'any'`: both; default `false` (not deleted). */
  readonly deleted?: boolean | 'any' | undefined;
}

/** A listing that failed in a round of polling (the others went on). */
export interface PollFailure {
  /** The listing. */
  readonly source: InboxSource;
  /** What was thrown; the pages stored before it stay stored and the next round resumes after them. */
  readonly error: unknown;
}

/** An item a listing returned that is not a valid engagement: skipped, the rest of its page kept. */
export interface PollSkip {
  /** The listing. */
  readonly source: InboxSource;
  /** The item by the listing's account and its own id, when it has a readable one. */
  readonly item?: EngagementRef | undefined;
  /** Why (a `ValidationError` with paths and rules only, never the item's payload). */
  readonly error: unknown;
}

/** What one round of polling did ({@link Inbox.poll}). */
export interface PollResult {
  /** The items added, every account's, in the order stored. */
  readonly added: readonly InboxItem[];
  /** The listings that failed. */
  readonly failures: readonly PollFailure[];
  /**
   * The items skipped as invalid (also each an `error` event, `during: 'poll'`): an adapter bug or
   * a platform change; a later round that reads the item again skips it again.
   */
  readonly skipped: readonly PollSkip[];
}

/** What {@link Inbox.reply} resolves with. */
export interface InboxReply {
  /** The reply as the platform made it. */
  readonly reply: Engagement;
  /**
   * The item answered, now `replied` (unless it was `resolved`) with its first response time; as
   * it was when the store failed to record the reply (an `error` event, `during: 'record'`).
   */
  readonly item: InboxItem;
}

/** Options of {@link Inbox.reply}. */
export interface InboxReplyOptions {
  /**
   * Sends even though the item holds an `uncertainReply` (an earlier reply whose answer was
   * lost, which may be on the platform). Pass it only after looking at the item's replies on the
   * platform and finding the earlier one missing; without it such a reply is refused.
   */
  readonly despiteUncertainReply?: boolean | undefined;
}

/**
 * One inbox over every account: the comments, replies, mentions and messages of every platform
 * in one store, polled on each account's rate budget or pushed in by webhooks, with actions,
 * triage and listening rules.
 *
 * @example
 * ```ts
 * inbox.events.on('alert', (alert) => notify(alert));
 * await inbox.poll();
 * for await (const item of inbox.items({ statuses: ['new'] })) {
 *   if (item.kind === 'comment') await inbox.reply(item, 'Thanks!');
 * }
 * ```
 */
export interface Inbox {
  /** Typed events: `engagement`, `alert` and `error`; see `InboxEvents`. */
  readonly events: InboxEventEmitter;
  /**
   * The items matching `filter`, newest first, read from the store page by page.
   *
   * @throws ValidationError (when called) for a filter key it does not read, naming the key it
   *   likely means (`status` for `statuses`): an ignored key would list more than was asked
   */
  items(filter?: InboxFilter): AsyncIterable<InboxItem>;
  /** The item, if the inbox keeps it. */
  get(ref: EngagementRef): Promise<InboxItem | undefined>;
  /**
   * One round of polling: every listing of every account (its own, and each of its `posts`),
   * accounts at once, each account's listings one after another; each page waits its turn in
   * the account's queue. New items are stored, `engagement` events and alerts follow. A listing
   * that fails is reported (and as an `error` event) and the others go on. An item of a page
   * that is not a valid engagement is skipped and reported as an `error` event (`during: 'poll'`,
   * with `item`), not in `failures`: the rest of its page and the cursor are stored. A second call while
   * one runs gets the running round. The accounts are read at the start of each round (see
   * `InboxOptions.accounts`).
   *
   * @throws ValidationError when an `accounts` function returns something other than a list,
   *   or a bad account (nothing is polled); whatever that function throws
   */
  poll(options?: { readonly signal?: AbortSignal | undefined }): Promise<PollResult>;
  /**
   * Starts polling: a round at once, then one every `pollIntervalMs`. Called while `stop()` is
   * still waiting for the loop it stopped, it starts a new loop (the stopped one still ends).
   */
  start(): void;
  /** Stops polling: cancels the round under way (what it stored stays) and waits for it and for a forgetting of old seen ids under way. */
  stop(): Promise<void>;
  /**
   * Adds engagements from elsewhere (a webhook's parsed events): checked, stored, deduplicated
   * by platform, account and id with what polling found, then `engagement` events and rules, as for polled
   * ones. The account's own items are left out. An engagement with `editedAt` that the inbox
   * keeps already is an edit (Facebook's parser sets it on an edited comment, delivered with its
   * id and the new text): unless the item holds a later edit, it takes the text and `editedAt`,
   * keeps its status, assignee, tags and times, and is neither returned nor announced again (no
   * `engagement` event, no rules). An engagement the inbox keeps, without `editedAt`, is a
   * duplicate whatever its text (a late redelivery of the original): set `editedAt` on the
   * edits your own webhook parser hands in.
   *
   * @returns the items added (duplicates and edits left out)
   * @throws ValidationError when an engagement is invalid (nothing of the batch is stored)
   */
  ingest(engagements: Iterable<Engagement | EngagementInput>): Promise<InboxItem[]>;
  /**
   * Replies through the item's adapter, on the account's queue. The item becomes `replied`
   * (unless `resolved`), keeps its first response time and loses any `uncertainReply`; when the
   * store fails to record that, the reply is returned all the same and an `error` event
   * (`during: 'record'`) names the item.
   *
   * A reply whose answer is lost (an `AmbiguousOutcomeError`: it may be posted) is recorded on
   * the item as its `uncertainReply` before the error is thrown (a store failure to record it is
   * an `error` event, `during: 'record'`). Every later reply to the item, from any process on the
   * store, is then refused before anything is sent, until a reply passes
   * `{ despiteUncertainReply: true }` and succeeds: look at the item's replies on the platform
   * first, so the customer is not answered twice.
   *
   * @example
   * ```ts
   * try {
   *   await inbox.reply(item, 'Thanks, fixed!');
   * } catch (error) {
   *   if (AmbiguousOutcomeError.isInstance(error)) console.log('may be posted: look before replying again');
   * }
   * // Later, having found no such reply on the platform:
   * await inbox.reply(item, 'Thanks, fixed!', { despiteUncertainReply: true });
   * ```
   *
   * @throws UnsupportedCapabilityError when the adapter cannot reply; ValidationError when the
   *   item is not in the inbox (`inbox.unknown_item`) or holds an uncertain reply
   *   (`inbox.reply_uncertain`; nothing sent); AmbiguousOutcomeError when the reply may or may
   *   not be posted; the adapter's error when the platform refuses
   */
  reply(ref: EngagementRef, text: string, options?: InboxReplyOptions): Promise<InboxReply>;
  /** Hides the item on the platform (X hidden replies, Meta hidden comments). @throws as {@link Inbox.reply} */
  hide(ref: EngagementRef): Promise<InboxItem>;
  /** Shows a hidden item again. @throws as {@link Inbox.reply} */
  unhide(ref: EngagementRef): Promise<InboxItem>;
  /** Deletes the item on the platform; the inbox keeps it with `deletedAt`. @throws as {@link Inbox.reply} */
  delete(ref: EngagementRef): Promise<InboxItem>;
  /** Likes the item as its account (X, Facebook, LinkedIn; see `capabilities.engagement.like`). @throws as {@link Inbox.reply} */
  like(ref: EngagementRef): Promise<InboxItem>;
  /** Takes a like back. @throws as {@link Inbox.reply} */
  unlike(ref: EngagementRef): Promise<InboxItem>;
  /** Marks a `new` item `seen` (other states stay). */
  markSeen(ref: EngagementRef): Promise<InboxItem>;
  /** Assigns the item to someone, or to nobody with `null`. */
  assign(ref: EngagementRef, assignee: string | null): Promise<InboxItem>;
  /** Adds tags (each kept once). */
  tag(ref: EngagementRef, tags: readonly string[]): Promise<InboxItem>;
  /** Removes tags. */
  untag(ref: EngagementRef, tags: readonly string[]): Promise<InboxItem>;
  /** Marks the item `resolved`, keeping the first resolution time. */
  resolve(ref: EngagementRef): Promise<InboxItem>;
  /**
   * The items matching `filter` and their responses, ready for analytics' `engagementSla`: per
   * account (`accounts`), per assignee (`assignee`) or per period (`from`, `to`).
   */
  slaLog(filter?: InboxFilter): Promise<InboxSlaLog>;
}
