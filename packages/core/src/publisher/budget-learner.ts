import type { RateBudget } from '../adapter/capabilities.js';
import type { RateLimitInfo } from '../models/rate-limit-info.js';
import type { BudgetPolicy } from './budget-ledger.js';

const DAY_MS = 86_400_000;

/** Why a bucket makes a request wait. */
export type WaitReason = 'paused' | 'budget' | 'spacing' | 'usage';

/** How long the next request to a bucket has to wait, and why. */
export interface BucketWait {
  /** Milliseconds to wait; 0 when the request may go now. */
  readonly delayMs: number;
  /** Why (meaningful when `delayMs` > 0). */
  readonly reason: WaitReason;
}

/** Reset times this close apart name the same window (platforms round them to the second). */
const SAME_WINDOW_MS = 1_000;

/** Whether two reported reset times belong to the same window. */
function sameWindow(a: number | undefined, b: number | undefined): boolean {
  return a !== undefined && b !== undefined && Math.abs(a - b) <= SAME_WINDOW_MS;
}

/** A window as the platform reported it, with `remaining` counted down locally between reports. */
interface LearnedWindow {
  limit: number | undefined;
  remaining: number | undefined;
  resetAt: number | undefined;
}

/** A declared budget and our own sends counted against it. */
interface DeclaredWindow {
  readonly budget: RateBudget;
  /** Send times inside the current window (fixed and daily windows keep those since the start). */
  sends: number[];
  /** Start of the current fixed window. */
  start: number | undefined;
}

/**
 * What one (platform, account, bucket) may still spend, learned from declared budgets and from
 * the `RateLimitInfo` responses report, and how long the next request should wait so that the
 * bucket stays under its limit instead of running into a 429.
 *
 * Per window (the reported one, its `daily` companion, each declared budget):
 * - a reserve of `safetyFraction` of the limit, rounded down, is never spent;
 * - while more than `burstFraction` of the limit remains, requests go at once;
 * - below that, requests are spread evenly so the usable remainder lasts until the reset;
 * - with nothing usable left, requests wait for the reset (plus `resetSkewMs`).
 *
 * Usage shares (Meta) slow requests from `usageSlowFrom` on, linearly up to `usageMaxDelayMs`
 * at 100 %. A 429 pauses the bucket until its reset. The longest wait of all of these wins.
 */
export class BucketBudget {
  readonly #options: BudgetPolicy;
  readonly #learned = new Map<'window' | 'daily', LearnedWindow>();
  #declared: DeclaredWindow[];
  #usage: { readonly fraction: number; readonly resetAt: number | undefined } | undefined;
  #pausedUntil = 0;
  #lastSentAt: number | undefined;

  /**
   * @param budgets - the budgets capabilities declare for this bucket
   * @param options - the throttling policy
   */
  constructor(budgets: readonly RateBudget[], options: BudgetPolicy) {
    this.#options = options;
    this.#declared = budgets.map((budget) => ({ budget, sends: [], start: undefined }));
  }

  /**
   * Gives a budget that was made without declared budgets (first met through a report or a 429)
   * the ones its bucket declares, before its first booking; a budget that has some keeps them.
   *
   * @param budgets - the budgets capabilities declare for this bucket
   */
  declare(budgets: readonly RateBudget[]): void {
    if (this.#declared.length > 0 || budgets.length === 0) return;
    this.#declared = budgets.map((budget) => ({ budget, sends: [], start: undefined }));
  }

  /**
   * Takes in a rate-limit state a response reported for this bucket.
   *
   * @param info - the reported state
   */
  learn(info: RateLimitInfo): void {
    this.#learnWindow('window', info);
    if (info.daily !== undefined) this.#learnWindow('daily', info.daily);
    if (info.usedFraction !== undefined) {
      this.#usage = { fraction: info.usedFraction, resetAt: info.resetAt?.getTime() };
    }
  }

  /**
   * Stops every request until `until` (after a 429).
   *
   * @param until - epoch ms
   */
  pause(until: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, until);
  }

  /**
   * Counts requests sent now, so the budget is right before the responses report it.
   *
   * @param now - epoch ms
   * @param units - how many requests (default 1: a thread of three books 3 at once)
   */
  recordSend(now: number, units = 1): void {
    this.#lastSentAt = now;
    for (const window of this.#learned.values()) {
      if (window.remaining !== undefined && (window.resetAt === undefined || window.resetAt > now)) {
        window.remaining = Math.max(0, window.remaining - units);
      }
    }
    for (const declared of this.#declared) {
      this.#roll(declared, now);
      declared.start ??= now;
      for (let unit = 0; unit < units; unit += 1) declared.sends.push(now);
    }
  }

  /**
   * How long `units` requests at `now` have to wait. A demand larger than a whole window's
   * usable share waits for a fresh window and then goes (it cannot be split here).
   *
   * @param now - epoch ms
   * @param units - how many requests (default 1)
   * @returns the delay and its reason
   */
  waitAt(now: number, units = 1): BucketWait {
    let wait: BucketWait = { delayMs: 0, reason: 'spacing' };
    const consider = (delayMs: number, reason: WaitReason): void => {
      if (delayMs > wait.delayMs) wait = { delayMs, reason };
    };
    if (this.#pausedUntil > now) consider(this.#pausedUntil - now, 'paused');
    for (const window of this.#learned.values()) {
      if (window.resetAt === undefined || window.resetAt <= now) continue; // stale: a new window began
      if (window.limit === undefined || window.remaining === undefined) continue;
      const [delay, reason] = this.#windowWait(window.limit, window.remaining, window.resetAt, now, units);
      consider(delay, reason);
    }
    for (const declared of this.#declared) {
      this.#roll(declared, now);
      const { limit } = declared.budget;
      const resetAt = this.#declaredReset(declared, now);
      if (resetAt === undefined) continue;
      const [delay, reason] = this.#windowWait(limit, limit - declared.sends.length, resetAt, now, units);
      consider(delay, reason);
    }
    consider(this.#usageWait(now), 'usage');
    return wait;
  }

  #learnWindow(key: 'window' | 'daily', info: RateLimitInfo): void {
    if (info.limit === undefined && info.remaining === undefined && info.resetAt === undefined) return;
    const previous = this.#learned.get(key);
    const resetAt = info.resetAt?.getTime();
    let remaining = info.remaining;
    // Within one window `remaining` only goes down. A response that reports more than we have
    // counted is an older one overtaken by a later one (or sent before our own later sends):
    // keep the lower figure so those sends are not spent twice.
    if (
      previous?.remaining !== undefined &&
      remaining !== undefined &&
      sameWindow(previous.resetAt, resetAt)
    ) {
      remaining = Math.min(remaining, previous.remaining);
    }
    this.#learned.set(key, { limit: info.limit ?? previous?.limit, remaining, resetAt });
  }

  /** The wait one window asks for: spend freely, spread, or wait for the reset. */
  #windowWait(
    limit: number,
    remaining: number,
    resetAt: number,
    now: number,
    units: number,
  ): [number, WaitReason] {
    const { safetyFraction, burstFraction, resetSkewMs } = this.#options;
    const reserve = Math.max(0, Math.min(limit - 1, Math.floor(limit * safetyFraction)));
    const usable = remaining - reserve;
    const needed = Math.max(1, Math.min(units, limit - reserve));
    if (usable < needed) return [resetAt - now + resetSkewMs, 'budget'];
    if (remaining / limit > burstFraction) return [0, 'spacing'];
    // Spread what is usable evenly over the time left, the last booking still before the reset
    // (one more gap than bookings), so none of it slips into the next window unused.
    // Spacing is the gap after our last send; with none yet there is nothing to space from.
    if (this.#lastSentAt === undefined) return [0, 'spacing'];
    const spacing = (resetAt - now) / (Math.floor(usable / needed) + 1);
    const next = this.#lastSentAt + spacing;
    return [Math.max(0, Math.ceil(next - now)), 'spacing'];
  }

  #usageWait(now: number): number {
    const usage = this.#usage;
    if (usage === undefined) return 0;
    const { usageSlowFrom, usageMaxDelayMs, resetSkewMs } = this.#options;
    // A share reported with a reset time is over once that time has passed.
    if (usage.resetAt !== undefined && usage.resetAt <= now) return 0;
    if (usage.fraction >= 1 && usage.resetAt !== undefined) return usage.resetAt - now + resetSkewMs;
    if (usage.fraction < usageSlowFrom || this.#lastSentAt === undefined) return 0;
    const share = Math.min(1, (usage.fraction - usageSlowFrom) / Math.max(1e-9, 1 - usageSlowFrom));
    const next = this.#lastSentAt + share * usageMaxDelayMs;
    return Math.max(0, Math.ceil(next - now));
  }

  /** Drops sends that no longer count against a declared window. */
  #roll(declared: DeclaredWindow, now: number): void {
    const windowMs = declared.budget.windowSec * 1000;
    switch (declared.budget.resets) {
      case 'rolling':
        declared.sends = declared.sends.filter((at) => at > now - windowMs);
        break;
      case 'fixed':
        // The window starts with its first request and resets `windowSec` later (X, Mastodon).
        if (declared.start !== undefined && now >= declared.start + windowMs) {
          declared.start = undefined;
          declared.sends = [];
        }
        break;
      case 'utc_midnight': {
        const midnight = Math.floor(now / DAY_MS) * DAY_MS;
        declared.sends = declared.sends.filter((at) => at >= midnight);
        break;
      }
    }
  }

  #declaredReset(declared: DeclaredWindow, now: number): number | undefined {
    const windowMs = declared.budget.windowSec * 1000;
    const first = declared.sends[0];
    if (first === undefined) return undefined;
    switch (declared.budget.resets) {
      case 'rolling':
        return first + windowMs;
      case 'fixed':
        return (declared.start ?? first) + windowMs;
      case 'utc_midnight':
        return (Math.floor(now / DAY_MS) + 1) * DAY_MS;
    }
  }
}
