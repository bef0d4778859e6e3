import type { RateLimitInfo } from '@smmkit/core';
import type { RateBudget } from '@smmkit/core/adapter-kit';

/** One (platform, account, endpoint bucket) budget; account `*` holds a platform's app- or IP-wide budgets. */
export interface BudgetId {
  /** Platform id. */
  readonly platform: string;
  /** The account, or `*` for the budget every account of the platform spends from. */
  readonly accountId: string;
  /** The endpoint bucket (`POST /2/tweets`). */
  readonly bucket: string;
}

/** A budget a request spends from, with what it spends. */
export interface BudgetSlot {
  /** The budget. */
  readonly id: BudgetId;
  /** The budgets the adapter declares for it (its capabilities' `rateLimits.budgets` of this bucket and scope). */
  readonly declared: readonly RateBudget[];
  /** Requests to book at once (a thread of three books 3). */
  readonly units: number;
  /**
   * Spend from it only once it exists: a platform-wide budget nothing declared counts only after
   * a response reported it (Meta's app usage), as the in-process throttle does.
   */
  readonly onlyIfKnown?: boolean | undefined;
}

/** How a budget is spent: the publisher's throttle options, defaults filled in. */
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
  /** The slot (index in the request) that asks for the longest wait. */
  readonly slot: number;
  /** Milliseconds to wait. */
  readonly delayMs: number;
  /** `paused` (a 429), `budget` (spent until the reset), `spacing` (spread to the reset) or `usage` (reported usage share). */
  readonly reason: 'paused' | 'budget' | 'spacing' | 'usage';
}

/**
 * Where the publisher's rate budgets live. The in-process throttle keeps them in memory; a
 * shared ledger (Redis) lets workers in many processes spend one budget: a booking is checked
 * and counted in one atomic step, what one worker learns from headers and a 429 one worker saw
 * hold for all. The shape proposed for `@smmkit/core/publisher`'s throttle to take; until it
 * does, call it around your own requests.
 */
export interface BudgetLedger {
  /**
   * When every slot may take its units at `now`, books them all and answers `undefined`;
   * otherwise books nothing and answers the longest wait. Atomic across every worker.
   *
   * @param slots - the budgets the request spends from, main one first
   * @param now - epoch ms
   * @param policy - how budgets are spent
   */
  take(slots: readonly BudgetSlot[], now: number, policy: BudgetPolicy): Promise<BudgetWait | undefined>;
  /**
   * Takes in a rate-limit state a response reported for budget `id` (within one window,
   * `remaining` only goes down: the lower of two reports wins).
   */
  learn(id: BudgetId, info: RateLimitInfo): Promise<void>;
  /** Stops every request to budget `id` until `until` (epoch ms), after a 429; a pause never shortens. */
  pause(id: BudgetId, until: number): Promise<void>;
}
