import PQueue from 'p-queue';
import type { RateBudget } from '../adapter/capabilities.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import type { RateLimitInfo, RateLimitScope } from '../models/rate-limit-info.js';
import type { Clock } from '../time/clock.js';
import { type BucketBooking, type BucketId, bucketKey } from './bucket-key.js';
import { BucketBudget, type BucketWait } from './budget-learner.js';
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

/**
 * The publisher's queues and budgets: one p-queue and one {@link BucketBudget} per
 * (platform, account, bucket), created when first used. Declared budgets of scope `app` or `ip`
 * (X: 10,000 posts per day per app) are kept once per (platform, bucket) and every account's
 * requests count against them; `user`, `page` and `business` budgets are kept per account.
 *
 * The queues only bound concurrency. Every wait (spacing, a reset, a pause) happens in
 * {@link BucketThrottle.acquire} on the injected clock, never on p-queue's own interval timers,
 * so fake time drives it.
 */
export class BucketThrottle {
  readonly #clock: Clock;
  readonly #options: ResolvedThrottleOptions;
  readonly #budgets = new Map<string, BucketBudget>();
  readonly #queues = new Map<string, PQueue>();

  /**
   * @param clock - the time source of every wait
   * @param options - the throttling policy
   */
  constructor(clock: Clock, options: ResolvedThrottleOptions) {
    this.#clock = clock;
    this.#options = options;
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
   * The budget of a bucket, created with its declared budgets on first use.
   *
   * @param id - the bucket
   * @param declared - every budget the adapter declares; those of this bucket are used
   * @returns the bucket's budget
   */
  budget(id: BucketId, declared: readonly RateBudget[]): BucketBudget {
    return this.#budgetAt(id, declared, (scope) => !isShared(scope));
  }

  /**
   * The budget a reported state or a 429 belongs to: the platform-wide one when the platform
   * said the limit is the app's or the IP's (Meta's `X-App-Usage`), else the account's.
   *
   * @param id - the bucket
   * @param scope - the scope the platform reported, when it did
   * @param declared - the adapter's declared budgets
   * @returns the budget to book it on
   */
  budgetFor(id: BucketId, scope: RateLimitScope | undefined, declared: readonly RateBudget[]): BucketBudget {
    if (scope !== undefined && isShared(scope)) {
      return this.#budgetAt({ ...id, accountId: SHARED_ACCOUNT }, declared, isShared);
    }
    return this.budget(id, declared);
  }

  /**
   * The budget of a bucket that every account of the platform shares (its `app` and `ip`
   * budgets, and what responses reported with those scopes), or `undefined` when the adapter
   * declares none for the bucket and no response has reported one.
   *
   * @param id - the bucket (its account is ignored)
   * @param declared - every budget the adapter declares
   * @returns the shared budget, when there is one
   */
  sharedBudget(id: BucketId, declared: readonly RateBudget[]): BucketBudget | undefined {
    const sharedId = { ...id, accountId: SHARED_ACCOUNT };
    const known = this.#budgets.get(bucketKey(sharedId));
    if (known !== undefined) return known;
    if (!declared.some((item) => item.bucket === id.bucket && isShared(item.scope))) return undefined;
    return this.#budgetAt(sharedId, declared, isShared);
  }

  #budgetAt(
    id: BucketId,
    declared: readonly RateBudget[],
    inScope: (scope: string) => boolean,
  ): BucketBudget {
    const key = bucketKey(id);
    let budget = this.#budgets.get(key);
    if (budget === undefined) {
      budget = new BucketBudget(
        declared.filter((item) => item.bucket === id.bucket && inScope(item.scope)),
        this.#options,
      );
      this.#budgets.set(key, budget);
    }
    return budget;
  }

  /** The account's budget of a bucket and, when declared, the platform-wide one. */
  #budgetsOf(id: BucketId, declared: readonly RateBudget[]): BucketBudget[] {
    const shared = this.sharedBudget(id, declared);
    const own = this.budget(id, declared);
    return shared === undefined ? [own] : [own, shared];
  }

  /**
   * Books a reported rate-limit state on its bucket (`info.bucket`, else `fallback`).
   *
   * @param fallback - the bucket of the operation that got the response
   * @param info - the reported state
   * @param declared - the adapter's declared budgets
   */
  learn(fallback: BucketId, info: RateLimitInfo, declared: readonly RateBudget[]): void {
    const id = bucketOf(fallback, info);
    this.budgetFor(id, info.scope, declared).learn(info);
  }

  /**
   * Stops every request to the bucket a 429 reported (`info.bucket`, else `fallback`; shared by
   * every account when its scope is the app's) until `until`.
   *
   * @param fallback - the bucket of the operation that got the 429
   * @param info - the rate-limit state the 429 carried, when it carried one
   * @param until - epoch ms
   * @param declared - the adapter's declared budgets
   * @returns the bucket paused
   */
  pause(
    fallback: BucketId,
    info: RateLimitInfo | undefined,
    until: number,
    declared: readonly RateBudget[],
  ): BucketId {
    const id = bucketOf(fallback, info);
    this.budgetFor(id, info?.scope, declared).pause(until);
    return id;
  }

  /**
   * Waits until every bucket in `ids` may take its requests (`units`, default 1), then counts
   * them on each.
   *
   * @param ids - the buckets the operation consumes, each with the requests it will send there
   * @param declared - the adapter's declared budgets
   * @param signal - stops waiting (rejects with its reason)
   * @param onWait - told before each wait
   */
  async acquire(
    ids: readonly BucketBooking[],
    declared: readonly RateBudget[],
    signal: AbortSignal | undefined,
    onWait: (wait: ThrottleWait) => void,
  ): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = this.#clock.now();
      let longest: ThrottleWait | undefined;
      for (const id of ids) {
        for (const budget of this.#budgetsOf(id, declared)) {
          const wait = budget.waitAt(now, id.units);
          if (wait.delayMs > 0 && (longest === undefined || wait.delayMs > longest.delayMs)) {
            longest = { ...wait, id: { platform: id.platform, accountId: id.accountId, bucket: id.bucket } };
          }
        }
      }
      if (longest === undefined) break;
      if (longest.reason !== 'spacing' && longest.delayMs > this.#options.maxWaitMs) {
        throw budgetSpent(longest, now);
      }
      onWait(longest);
      await this.#clock.sleep(longest.delayMs, signal);
    }
    const now = this.#clock.now();
    for (const id of ids) {
      for (const budget of this.#budgetsOf(id, declared)) budget.recordSend(now, id.units);
    }
  }
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
