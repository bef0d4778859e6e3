import PQueue from 'p-queue';
import type { RateBudget } from '../adapter/capabilities.js';
import type { RateLimitInfo } from '../http/rate-limit-info.js';
import type { Clock } from '../time/clock.js';
import { type BucketBooking, type BucketId, bucketKey } from './bucket-key.js';
import { BucketBudget, type BucketWait } from './budget-learner.js';
import type { ResolvedThrottleOptions } from './options.js';

/** A wait the throttle is about to sleep through. */
export interface ThrottleWait extends BucketWait {
  /** The bucket that asks for it. */
  readonly id: BucketId;
}

/**
 * The publisher's queues and budgets: one p-queue and one {@link BucketBudget} per
 * (platform, account, bucket), created when first used.
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
    const key = bucketKey(id);
    let budget = this.#budgets.get(key);
    if (budget === undefined) {
      budget = new BucketBudget(
        declared.filter((item) => item.bucket === id.bucket),
        this.#options,
      );
      this.#budgets.set(key, budget);
    }
    return budget;
  }

  /**
   * Books a reported rate-limit state on its bucket (`info.bucket`, else `fallback`).
   *
   * @param fallback - the bucket of the operation that got the response
   * @param info - the reported state
   * @param declared - the adapter's declared budgets
   */
  learn(fallback: BucketId, info: RateLimitInfo, declared: readonly RateBudget[]): void {
    const id = info.bucket === undefined ? fallback : { ...fallback, bucket: info.bucket };
    this.budget(id, declared).learn(info);
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
        const wait = this.budget(id, declared).waitAt(now, id.units);
        if (wait.delayMs > 0 && (longest === undefined || wait.delayMs > longest.delayMs)) {
          longest = { ...wait, id: { platform: id.platform, accountId: id.accountId, bucket: id.bucket } };
        }
      }
      if (longest === undefined) break;
      onWait(longest);
      await this.#clock.sleep(longest.delayMs, signal);
    }
    const now = this.#clock.now();
    for (const id of ids) this.budget(id, declared).recordSend(now, id.units);
  }
}
