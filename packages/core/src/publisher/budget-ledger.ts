import type { RateBudget } from '../adapter/capabilities.js';
import type { RateLimitInfo } from '../models/rate-limit-info.js';

/** One (platform, account, endpoint bucket) budget; account `*` holds a platform's app- or IP-wide budgets. */
export interface BudgetId {
  /** Platform id. */
  readonly platform: string;
  /** The account, or `*` for the budget every account of the platform spends from. */
  readonly accountId: string;
  /** The endpoint bucket (`POST /2/tweets`). */
  readonly bucket: string;
}

/** A budget a request spends from, and what it spends. */
export interface BudgetSlot {
  /** The budget. */
  readonly id: BudgetId;
  /**
   * The budgets the adapter declares for it: its capabilities' `rateLimits.budgets` of this
   * bucket and scope (the account's own for an account, `app` and `ip` ones for `*`).
   */
  readonly declared: readonly RateBudget[];
  /** Requests to book at once (a thread of three books 3). */
  readonly units: number;
  /**
   * Spend from it only once it exists: a platform-wide budget nothing declared counts only after
   * a response reported it (Meta's app usage).
   */
  readonly onlyIfKnown?: boolean | undefined;
}

/** How a budget is spent: the publisher's throttle options (`ThrottleOptions`), defaults filled in. */
export interface BudgetPolicy {
  /** Share of a window's limit never spent, rounded down. */
  readonly safetyFraction: number;
  /** Above this share remaining requests go at once; below it they are spread to the reset. */
  readonly burstFraction: number;
  /** Added to every reset time, in ms. */
  readonly resetSkewMs: number;
  /** From this reported usage share on, requests slow down. */
  readonly usageSlowFrom: number;
  /** Delay in ms before a request at 100 % usage with no known reset. */
  readonly usageMaxDelayMs: number;
}

/** Why a request must wait, and how long. */
export interface BudgetWait {
  /** The slot (index into the request's slots) that asks for the longest wait. */
  readonly slot: number;
  /** Milliseconds to wait (more than 0). */
  readonly delayMs: number;
  /** `paused` (a 429), `budget` (spent until the reset), `spacing` (spread to the reset) or `usage` (reported usage share). */
  readonly reason: 'paused' | 'budget' | 'spacing' | 'usage';
}

/**
 * Where the publisher's rate budgets live (`ThrottleOptions.ledger`). By default each publisher
 * keeps its own in memory; a shared ledger (`redisBudgetLedger` from `@smmkit/scheduler-bullmq`)
 * lets publishers in many processes spend one budget per (platform, account, bucket).
 *
 * The ledger stores budgets and applies the pacing policy (reserve, burst, spreading to the
 * reset, usage slow-down, 429 pauses) as core's in-memory one does; the publisher keeps its
 * queues, decides which budgets a request spends from, and sleeps through the waits. Methods may
 * answer synchronously or with a promise. A `take` that throws (the store is unreachable) fails
 * the attempt with a retryable `TransientError`, nothing sent; a `learn` or `pause` that rejects
 * is dropped (the next `take` meets the same outage).
 *
 * @example
 * ```ts
 * const publisher = createPublisher({
 *   adapters,
 *   tokens,
 *   throttle: { ledger: redisBudgetLedger({ connection: process.env.REDIS_URL }) },
 * });
 * ```
 */
export interface BudgetLedger {
  /**
   * When every slot may take its units at `now`, books them all and answers `undefined`;
   * otherwise books nothing and answers the longest wait (the first slot asking for it). Must be
   * atomic for everyone sharing the ledger: two callers can never both take a budget's last
   * request.
   *
   * @param slots - the budgets the request spends from, in order
   * @param now - epoch ms, by the publisher's clock
   * @param policy - how budgets are spent
   */
  take(
    slots: readonly BudgetSlot[],
    now: number,
    policy: BudgetPolicy,
  ): BudgetWait | undefined | Promise<BudgetWait | undefined>;
  /**
   * Takes in a rate-limit state a response reported for budget `id`. Within one window (reset
   * times less than a second apart) `remaining` only goes down: the lower of two reports wins.
   */
  learn(id: BudgetId, info: RateLimitInfo): void | Promise<void>;
  /** Stops every request to budget `id` until `until` (epoch ms), after a 429; a pause never shortens. */
  pause(id: BudgetId, until: number): void | Promise<void>;
}
