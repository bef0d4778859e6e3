import type { Adapter } from '../adapter/adapter.js';
import { adaptersByPlatform } from '../adapter/adapters-by-platform.js';
import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import type { Publisher } from '../publisher/publisher.js';
import { type Clock, systemClock } from '../time/clock.js';
import { CLOCK_HINT, clockProblem } from '../time/clock-problem.js';
import { accountsProblems, checkedAccounts } from './account-checks.js';
import type { InboxAccount } from './inbox-account.js';
import type { InboxStore } from './inbox-store.js';
import type { ListeningRule } from './listening/rules.js';
import { afinnSentiment, type SentimentScorer } from './listening/sentiment.js';

/** How long seen ids are kept by default: 7 days (see {@link InboxOptions.keepSeenIdsMs}). */
const DEFAULT_KEEP_SEEN_IDS_MS = 7 * 24 * 60 * 60_000;

/**
 * Options of {@link createInbox}.
 *
 * @example
 * ```ts
 * const inbox = createInbox({
 *   adapters: [x, instagram],
 *   publisher, // the same publisher that publishes: polling and replies share its rate budgets
 *   accounts: [{ platform: 'x', accountId: '2244994945' }, { platform: 'instagram', accountId: '17841400000000000' }],
 *   store: sqliteInboxStore('smm.db'),
 *   rules: [{ type: 'spike', name: 'crisis' }],
 * });
 * ```
 */
export interface InboxOptions {
  /** The adapters, one per platform id (a second one for a platform is a `ValidationError`). */
  readonly adapters: readonly Adapter[];
  /**
   * The publisher every platform call goes through (`publisher.run`): polls and actions wait in
   * the account's rate-limited queue, with its tokens and retries, next to its publishes.
   */
  readonly publisher: Publisher;
  /**
   * The accounts to poll: a list, checked when the inbox is made, or a function the inbox calls
   * at the start of every round, for accounts that change while it runs (connected or
   * disconnected later, a registry shared by many processes): an account it adds is polled from
   * that round on, one it leaves out no longer. What the function returns is checked each round:
   * a bad account rejects that round (`poll()`; an `error` event in the loop) and nothing is
   * polled. Items of other accounts may still be given to `ingest`.
   *
   * @example
   * ```ts
   * // Read at every round: an account added to your database is polled from the next one.
   * createInbox({ adapters, publisher, store, accounts: async () => await db.inboxAccounts() });
   * ```
   */
  readonly accounts:
    | readonly InboxAccount[]
    | (() => readonly InboxAccount[] | Promise<readonly InboxAccount[]>);
  /** Where items, cursors and seen ids live. Share one store between every inbox process. */
  readonly store: InboxStore;
  /** Time source (default the system clock); tests pass a fake one. */
  readonly clock?: Clock | undefined;
  /** Pause between two rounds of polling after `start()`, in ms (default 60 000). */
  readonly pollIntervalMs?: number | undefined;
  /**
   * How far before the newest item already read each poll reads back, in ms (default 300 000):
   * room for items a platform lists a little late. What is read twice is dropped as a duplicate.
   */
  readonly lookbackMs?: number | undefined;
  /** Items per page asked of the platforms (default: each adapter's own). */
  readonly pageSize?: number | undefined;
  /**
   * How long the store keeps the webhook router's seen ids (`seenStoreOf(store)`), in ms (default
   * 7 days, more than the longest redelivery window: TikTok retries for up to 72 hours,
   * https://developers.tiktok.com/doc/webhooks-overview). While it polls or ingests, the inbox
   * forgets older ones with `store.forgetSeenIds`, at most once an hour per process; a failure
   * is an `error` event (`during: 'forget'`). `Infinity` keeps them all (forget them yourself).
   */
  readonly keepSeenIdsMs?: number | undefined;
  /** Listening rules run on every batch of new items; their matches are `alert` events. */
  readonly rules?: readonly ListeningRule[] | undefined;
  /** The sentiment scorer the rules use (default {@link afinnSentiment}). */
  readonly sentiment?: SentimentScorer | undefined;
}

/** {@link InboxOptions} with every default filled in. */
export interface ResolvedInboxOptions {
  /** Adapters by platform id. */
  readonly adapters: ReadonlyMap<string, Adapter>;
  /** See {@link InboxOptions.publisher}. */
  readonly publisher: Publisher;
  /** The accounts to poll as they are now (read again at each call when given as a function). */
  readonly accounts: () => Promise<readonly InboxAccount[]>;
  /** See {@link InboxOptions.store}. */
  readonly store: InboxStore;
  /** See {@link InboxOptions.clock}. */
  readonly clock: Clock;
  /** See {@link InboxOptions.pollIntervalMs}. */
  readonly pollIntervalMs: number;
  /** See {@link InboxOptions.lookbackMs}. */
  readonly lookbackMs: number;
  /** See {@link InboxOptions.pageSize}. */
  readonly pageSize: number | undefined;
  /** See {@link InboxOptions.keepSeenIdsMs}. */
  readonly keepSeenIdsMs: number;
  /** See {@link InboxOptions.rules}. */
  readonly rules: readonly ListeningRule[];
  /** See {@link InboxOptions.sentiment}. */
  readonly sentiment: SentimentScorer;
}

/**
 * Fills in every default of {@link InboxOptions} and checks them, so a mistake fails when the
 * inbox is made rather than at its first poll (accounts given as a function are checked each
 * time they are read).
 *
 * @throws ValidationError for two adapters of one platform, accounts that are not a list, an
 *   account without an adapter or id, with bad posts or search terms or listed twice, a bad number,
 *   or a clock whose `now()` is not epoch milliseconds (a `Date`, seconds; see {@link clockProblem})
 */
export function resolveInboxOptions(options: InboxOptions): ResolvedInboxOptions {
  const problems: ValidationProblem[] = [];
  const adapters = adaptersByPlatform(options.adapters, 'inbox', problems);
  const { accounts } = options;
  if (typeof accounts !== 'function') problems.push(...accountsProblems(accounts, adapters, 'list'));
  const number = (
    name: 'pollIntervalMs' | 'lookbackMs' | 'pageSize' | 'keepSeenIdsMs',
    fallback: number,
    min: number,
  ) => {
    const value = options[name] ?? fallback;
    const endless = name === 'keepSeenIdsMs' && value === Number.POSITIVE_INFINITY;
    if (!(endless || (Number.isFinite(value) && value >= min))) {
      problems.push({ path: [name], rule: `inbox.${name}`, message: `must be a number of at least ${min}` });
    }
    return value;
  };
  const pollIntervalMs = number('pollIntervalMs', 60_000, 1);
  const lookbackMs = number('lookbackMs', 300_000, 0);
  const pageSize = options.pageSize === undefined ? undefined : number('pageSize', 0, 1);
  const keepSeenIdsMs = number('keepSeenIdsMs', DEFAULT_KEEP_SEEN_IDS_MS, 1);
  const clock = options.clock ?? systemClock;
  const clockWrong = clockProblem(clock, 'inbox');
  if (clockWrong !== undefined) problems.push(clockWrong);
  if (problems.length > 0) {
    throw new ValidationError(
      problems,
      'inbox options',
      clockWrong === undefined ? {} : { hint: `Fix every listed option. ${CLOCK_HINT}` },
    );
  }
  return {
    adapters,
    publisher: options.publisher,
    accounts:
      typeof accounts === 'function'
        ? async () => checkedAccounts(await accounts(), adapters)
        : async () => accounts,
    store: options.store,
    clock,
    pollIntervalMs,
    lookbackMs,
    pageSize,
    keepSeenIdsMs,
    rules: options.rules ?? [],
    sentiment: options.sentiment ?? afinnSentiment,
  };
}

export type { InboxAccount } from './inbox-account.js';
