import PQueue from 'p-queue';
import type { RateBudget } from '../adapter/capabilities.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { TransientError } from '../errors/transient-error.js';
import type { RateLimitInfo, RateLimitScope } from '../models/rate-limit-info.js';
import type { Clock } from '../time/clock.js';
import { type BucketBooking, type BucketId, bucketKey } from './bucket-key.js';
import type { BucketWait } from './budget-learner.js';
import type { BudgetId, BudgetLedger, BudgetSlot, BudgetWait } from './budget-ledger.js';
import { memoryBudgetLedger } from './memory-budget-ledger.js';
import type { ResolvedThrottleOptions } from './options.js';

/** A wait the throttle is about to sleep through. */
export interface ThrottleWait extends BucketWait {
  /** The bucket that asks for it. */
  readonly id: BucketId;
}

/** Budget scopes the whole app spends from, whichever account a request is for. */
const SHARED_SCOPES: ReadonlySet<string> = new Set(['app', 'ip']);

/** Whether a declared or reported scope is shared by every account of the platform. */
const isShared = (scope: string): boolean => SHARED_SCOPES.has(scope);

/** The account id under which a platform's shared (app or IP) budgets are kept. */
const SHARED_ACCOUNT = '*';

/** The budgets of one request, and which of its bookings each slot belongs to. */
interface Slots {
  readonly slots: readonly BudgetSlot[];
  readonly owners: readonly BucketBooking[];
}

/**
 * The publisher's queues and budgets: one p-queue per (platform, account, bucket), created when
 * first used, and the budgets in a {@link BudgetLedger} (this process's memory unless
 * `ThrottleOptions.ledger` names a shared one). Declared budgets of scope `app` or `ip` (X:
 * 10,000 posts per day per app) are kept once per (platform, bucket), under account `*`, and
 * every account's requests count against them; `user`, `page` and `business` budgets are kept
 * per account.
 *
 * The queues only bound concurrency, per process. Every wait (spacing, a reset, a pause) happens
 * in {@link BucketThrottle.acquire} on the injected clock, never on p-queue's own interval
 * timers, so fake time drives it.
 */
export class BucketThrottle {
  readonly #clock: Clock;
  readonly #options: ResolvedThrottleOptions;
  readonly #ledger: BudgetLedger;
  readonly #queues = new Map<string, PQueue>();
  /** Reports (`learn`, `pause`) a shared ledger has not confirmed yet; the next booking waits for them. */
  readonly #pending = new Set<Promise<void>>();

  /**
   * @param clock - the time source of every wait
   * @param options - the throttling policy, and the ledger
   */
  constructor(clock: Clock, options: ResolvedThrottleOptions) {
    this.#clock = clock;
    this.#options = options;
    this.#ledger = options.ledger ?? memoryBudgetLedger(options);
  }

  /**
   * The queue of a bucket.
   *
   * @param id - the bucket
   * @returns its p-queue (concurrency from the options)
   */
  queue(id: BucketId): PQueue {
    const key = bucketKey(id);
    let queue = this.#queues.get(key);
    if (queue === undefined) {
      queue = new PQueue({ concurrency: this.#options.concurrency });
      this.#queues.set(key, queue);
    }
    return queue;
  }

  /** Every queue made so far. */
  get queues(): readonly PQueue[] {
    return [...this.#queues.values()];
  }

  /**
   * Books a reported rate-limit state on its bucket (`info.bucket`, else `fallback`): on the
   * platform-wide budget when the platform said the limit is the app's or the IP's (Meta's
   * `X-App-Usage`), else on the account's.
   *
   * @param fallback - the bucket of the operation that got the response
   * @param info - the reported state
   */
  learn(fallback: BucketId, info: RateLimitInfo): void {
    const id = bucketOf(fallback, info);
    this.#report(() => this.#ledger.learn(budgetIdOf(id, info.scope), info));
  }

  /**
   * Stops every request to the bucket a 429 reported (`info.bucket`, else `fallback`; shared by
   * every account when its scope is the app's) until `until`.
   *
   * @param fallback - the bucket of the operation that got the 429
   * @param info - the rate-limit state the 429 carried, when it carried one
   * @param until - epoch ms
   * @returns the bucket paused
   */
  pause(fallback: BucketId, info: RateLimitInfo | undefined, until: number): BucketId {
    const id = bucketOf(fallback, info);
    this.#report(() => this.#ledger.pause(budgetIdOf(id, info?.scope), until));
    return id;
  }

  /**
   * Waits until every bucket in `ids` may take its requests (`units`, default 1), then counts
   * them on each, in one step of the ledger.
   *
   * @param ids - the buckets the operation consumes, each with the requests it will send there
   * @param declared - the adapter's declared budgets
   * @param signal - stops waiting (rejects with its reason)
   * @param onWait - told before each wait
   * @throws RateLimitError (the throttle's own, see {@link isThrottleRefusal}) for a wait longer
   *   than `maxWaitMs`; TransientError when a shared ledger cannot be reached (nothing was sent)
   */
  async acquire(
    ids: readonly BucketBooking[],
    declared: readonly RateBudget[],
    signal: AbortSignal | undefined,
    onWait: (wait: ThrottleWait) => void,
  ): Promise<void> {
    const { slots, owners } = slotsOf(ids, declared);
    for (;;) {
      signal?.throwIfAborted();
      // This process's own reports are in the ledger before its next booking.
      if (this.#pending.size > 0) await Promise.all([...this.#pending]);
      const now = this.#clock.now();
      const taken = this.#take(slots, now, ids[0]);
      const wait = isPromiseLike(taken) ? await taken : taken;
      if (wait === undefined) return;
      const owner = owners[wait.slot] ?? owners[0];
      if (owner === undefined) return; // no buckets, nothing to wait for
      const longest: ThrottleWait = {
        delayMs: wait.delayMs,
        reason: wait.reason,
        id: { platform: owner.platform, accountId: owner.accountId, bucket: owner.bucket },
      };
      if (longest.reason !== 'spacing' && longest.delayMs > this.#options.maxWaitMs) {
        throw budgetSpent(longest, now);
      }
      onWait(longest);
      await this.#clock.sleep(longest.delayMs, signal);
    }
  }

  /**
   * One booking attempt. The in-memory ledger answers synchronously and is not awaited, so a
   * check and its booking stay in one synchronous step, as they always were; a shared ledger's
   * answer is awaited, and its failure becomes a retryable TransientError.
   */
  #take(
    slots: readonly BudgetSlot[],
    now: number,
    first: BucketId | undefined,
  ): BudgetWait | undefined | Promise<BudgetWait | undefined> {
    const unreachable = (error: unknown): never => {
      throw new TransientError(
        'transient',
        `Not sent: the rate budget ledger could not be reached for ${first?.platform ?? 'the'} bucket ${first?.bucket ?? ''}.`,
        {
          platform: first?.platform,
          cause: error,
          hint: 'Nothing reached the platform; check the ledger’s store (Redis) and publish again.',
        },
      );
    };
    try {
      const taken = this.#ledger.take(slots, now, this.#options);
      return isPromiseLike(taken) ? Promise.resolve(taken).catch(unreachable) : taken;
    } catch (error) {
      return unreachable(error);
    }
  }

  /**
   * Hands a report to the ledger. A shared ledger's promise is kept until it settles, so the next
   * booking sees it; one that fails is dropped (the next booking meets the same outage and fails
   * as TransientError), never thrown into the adapter's response path.
   */
  #report(run: () => void | Promise<void>): void {
    let done: void | Promise<void>;
    try {
      done = run();
    } catch {
      return;
    }
    if (!isPromiseLike(done)) return;
    const settled = Promise.resolve(done).then(
      () => undefined,
      () => undefined,
    );
    this.#pending.add(settled);
    void settled.finally(() => this.#pending.delete(settled));
  }
}

/**
 * The budgets a request spends from, in the order the throttle always weighed them: for each
 * booking, the account's own budget (its declared non-shared budgets of the bucket), then the
 * platform-wide one under account `*` (its declared `app`/`ip` budgets; when it declares none,
 * spent only once a response reported one).
 */
function slotsOf(ids: readonly BucketBooking[], declared: readonly RateBudget[]): Slots {
  const slots: BudgetSlot[] = [];
  const owners: BucketBooking[] = [];
  for (const booking of ids) {
    const units = booking.units ?? 1;
    const own: BudgetId = {
      platform: booking.platform,
      accountId: booking.accountId,
      bucket: booking.bucket,
    };
    const ofBucket = declared.filter((budget) => budget.bucket === booking.bucket);
    const shared = ofBucket.filter((budget) => isShared(budget.scope));
    slots.push({ id: own, declared: ofBucket.filter((budget) => !isShared(budget.scope)), units });
    slots.push({
      id: { ...own, accountId: SHARED_ACCOUNT },
      declared: shared,
      units,
      ...(shared.length === 0 ? { onlyIfKnown: true } : {}),
    });
    owners.push(booking, booking);
  }
  return { slots, owners };
}

/** The budget a report belongs to: the platform-wide one for an app or IP scope, else the account's. */
function budgetIdOf(id: BucketId, scope: RateLimitScope | undefined): BudgetId {
  return scope !== undefined && isShared(scope) ? { ...id, accountId: SHARED_ACCOUNT } : id;
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

/** The bucket a reported state names, else the operation's own. */
function bucketOf(fallback: BucketId, info: RateLimitInfo | undefined): BucketId {
  return info?.bucket === undefined ? fallback : { ...fallback, bucket: info.bucket };
}

/** Errors {@link BucketThrottle.acquire} made itself (no platform said 429). */
const ownRefusals = new WeakSet<Error>();

/**
 * Whether `error` is the throttle's own refusal to wait longer than `maxWaitMs` rather than a
 * platform's 429: its bucket is already blocked, so it needs no pause and no 429 event.
 *
 * @param error - anything caught
 * @returns true for the throttle's own RateLimitError
 */
export function isThrottleRefusal(error: unknown): boolean {
  return error instanceof Error && ownRefusals.has(error);
}

/** The error for a wait longer than `maxWaitMs`: nothing was sent, try again at `resetAt`. */
function budgetSpent(wait: ThrottleWait, now: number): RateLimitError {
  const resetAt = new Date(now + wait.delayMs);
  const why =
    wait.reason === 'paused'
      ? 'is paused after a 429'
      : wait.reason === 'usage'
        ? 'is at 100 % of its usage'
        : 'has spent its budget';
  const error = new RateLimitError(
    'rate_limited',
    `Not sent: bucket ${wait.id.bucket} of ${wait.id.platform} account ${wait.id.accountId} ${why} until ${resetAt.toISOString()}, longer than the publisher waits (throttle.maxWaitMs).`,
    {
      platform: wait.id.platform,
      resetAt,
      hint: `Nothing reached the platform; publish again after ${resetAt.toISOString()} (or raise throttle.maxWaitMs to wait for it).`,
    },
  );
  ownRefusals.add(error);
  return error;
}
