import type { SimClock } from './sim-clock.js';

/** A budget one endpoint bucket enforces. */
export interface RateBudgetRule {
  /** Requests allowed per window. */
  readonly limit: number;
  /** Window length. */
  readonly windowMs: number;
  /**
   * `fixed`: the window starts with the first request and resets `windowMs` later (X, Mastodon);
   * `sliding`: each request counts for `windowMs` after it was made (TikTok's sliding minute).
   */
  readonly kind?: 'fixed' | 'sliding' | undefined;
}

/** The state of one window after a request, for rate-limit headers and 429 bodies. */
export interface RateWindow {
  /** The bucket's name. */
  readonly bucket: string;
  /** Requests allowed per window. */
  readonly limit: number;
  /** Requests left. */
  readonly remaining: number;
  /** When `remaining` is back to `limit` (fixed) or the next request is allowed (sliding). */
  readonly resetAt: number;
}

/** The verdict on one request. */
export interface RateDecision {
  /** Whether the request may go through. */
  readonly allowed: boolean;
  /** The window after counting this request (or refusing it). */
  readonly window: RateWindow;
}

/**
 * Rate-limit windows per (key, bucket), as a platform keeps them per token or per account and
 * endpoint. Budgets can be changed at run time (`setBudget`) to simulate a platform that lowers
 * a limit the client was not told about.
 */
export class RateLimiter {
  readonly #clock: SimClock;
  readonly #budgets = new Map<string, RateBudgetRule>();
  readonly #initialBudgets: ReadonlyMap<string, RateBudgetRule>;
  readonly #fixed = new Map<string, { start: number; count: number }>();
  readonly #sliding = new Map<string, number[]>();

  /**
   * @param clock - simulated time
   * @param budgets - budget per bucket; requests to buckets without one are not limited
   */
  constructor(clock: SimClock, budgets: Readonly<Record<string, RateBudgetRule>> = {}) {
    this.#clock = clock;
    for (const [bucket, rule] of Object.entries(budgets)) this.#budgets.set(bucket, rule);
    this.#initialBudgets = new Map(this.#budgets);
  }

  /** Sets or replaces a bucket's budget; windows in progress keep their counts. */
  setBudget(bucket: string, rule: RateBudgetRule): void {
    this.#budgets.set(bucket, rule);
  }

  /** Counts one request by `key` (a token or account) to `bucket`; `undefined` when the bucket has no budget. */
  take(key: string, bucket: string): RateDecision | undefined {
    const rule = this.#budgets.get(bucket);
    if (rule === undefined) return undefined;
    const now = this.#clock.now();
    const id = `${key}\u0000${bucket}`;
    if (rule.kind === 'sliding') {
      const recent = (this.#sliding.get(id) ?? []).filter((at) => at > now - rule.windowMs);
      const allowed = recent.length < rule.limit;
      if (allowed) recent.push(now);
      this.#sliding.set(id, recent);
      const resetAt = (recent[0] ?? now) + rule.windowMs;
      return {
        allowed,
        window: { bucket, limit: rule.limit, remaining: rule.limit - recent.length, resetAt },
      };
    }
    let window = this.#fixed.get(id);
    if (window === undefined || now >= window.start + rule.windowMs) {
      window = { start: now, count: 0 };
      this.#fixed.set(id, window);
    }
    const allowed = window.count < rule.limit;
    if (allowed) window.count += 1;
    return {
      allowed,
      window: {
        bucket,
        limit: rule.limit,
        remaining: rule.limit - window.count,
        resetAt: window.start + rule.windowMs,
      },
    };
  }

  /** Forgets every window and restores the budgets given at construction. */
  reset(): void {
    this.#fixed.clear();
    this.#sliding.clear();
    this.#budgets.clear();
    for (const [bucket, rule] of this.#initialBudgets) this.#budgets.set(bucket, rule);
  }
}
