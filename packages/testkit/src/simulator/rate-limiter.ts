import type { SimClock } from './sim-clock.js';

/** A budget one endpoint bucket enforces. */
export interface RateBudgetRule {
  /** Requests allowed per window. */
  readonly limit: number;
  /** Window length. */
  readonly windowMs: number;
  /**
   * `fixed`: the window starts with the first request and resets `windowMs` later (X, Mastodon);
   * `sliding`: each request counts for `windowMs` after it was made (TikTok's sliding minute);
   * `aligned`: windows are the `windowMs`-long slots of epoch time, so a day's window resets at
   * midnight UTC (LinkedIn's daily limits,
   * https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits).
   */
  readonly kind?: 'fixed' | 'sliding' | 'aligned' | undefined;
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
  /** Windows closed by {@link RateLimiter.refuse}, by (key, bucket), until their `resetAt`. */
  readonly #refused = new Map<string, RateWindow>();

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

  /**
   * Refuses every request by `key` to `window.bucket` until `window.resetAt`, answering each with
   * `window` (nothing left): what a platform does after a 429 that announced that reset. Works on
   * buckets without a budget too.
   *
   * @example
   * ```ts
   * limiter.refuse(accountId, { bucket: 'api', limit: 300, remaining: 0, resetAt: now + 60_000 });
   * limiter.take(accountId, 'api')?.allowed; // false until then
   * ```
   */
  refuse(key: string, window: RateWindow): void {
    this.#refused.set(`${key}\u0000${window.bucket}`, window);
  }

  /**
   * Counts one request by `key` (a token or account) to `bucket`; `undefined` when the bucket has
   * no budget and is not refused (see {@link RateLimiter.refuse}).
   */
  take(key: string, bucket: string): RateDecision | undefined {
    const decision = this.#decide(key, bucket);
    if (decision?.allowed) decision.count();
    return decision?.result;
  }

  /**
   * Counts one request against several budgets at once (a member's and the app's), all or
   * nothing: a request one budget refuses is counted by none. Buckets without a budget are left out.
   *
   * @param requests - the (key, bucket) pairs the request counts against
   * @returns the decisions, one per budgeted pair; `allowed` is false on each when any refused
   *
   * @example
   * ```ts
   * const decisions = limiter.takeAll([{ key: member, bucket: 'posts_member' }, { key: 'app', bucket: 'posts_app' }]);
   * if (decisions.some((decision) => !decision.allowed)) return throttled();
   * ```
   */
  takeAll(requests: readonly { readonly key: string; readonly bucket: string }[]): RateDecision[] {
    const decisions = requests.flatMap(({ key, bucket }) => this.#decide(key, bucket) ?? []);
    const allowed = decisions.every((decision) => decision.allowed);
    if (allowed) for (const decision of decisions) decision.count();
    return decisions.map(({ result }) => ({ ...result, allowed }));
  }

  /** The decision on one request without counting it, and how to count it. */
  #decide(
    key: string,
    bucket: string,
  ): { allowed: boolean; result: RateDecision; count(): void } | undefined {
    const now = this.#clock.now();
    const id = `${key}\u0000${bucket}`;
    const refused = this.#refused.get(id);
    if (refused !== undefined && now < refused.resetAt) {
      const result = { allowed: false, window: { ...refused, remaining: 0 } };
      return { allowed: false, result, count: () => {} };
    }
    this.#refused.delete(id);
    const rule = this.#budgets.get(bucket);
    if (rule === undefined) return undefined;
    if (rule.kind === 'sliding') {
      const recent = (this.#sliding.get(id) ?? []).filter((at) => at > now - rule.windowMs);
      this.#sliding.set(id, recent);
      const allowed = recent.length < rule.limit;
      const used = recent.length + (allowed ? 1 : 0);
      const resetAt = (recent[0] ?? now) + rule.windowMs;
      return {
        allowed,
        result: { allowed, window: { bucket, limit: rule.limit, remaining: rule.limit - used, resetAt } },
        count: () => recent.push(now),
      };
    }
    let window = this.#fixed.get(id);
    if (window === undefined || now >= window.start + rule.windowMs) {
      const start = rule.kind === 'aligned' ? now - (now % rule.windowMs) : now;
      window = { start, count: 0 };
      this.#fixed.set(id, window);
    }
    const current = window;
    const allowed = current.count < rule.limit;
    const used = current.count + (allowed ? 1 : 0);
    return {
      allowed,
      result: {
        allowed,
        window: {
          bucket,
          limit: rule.limit,
          remaining: rule.limit - used,
          resetAt: current.start + rule.windowMs,
        },
      },
      count: () => {
        current.count += 1;
      },
    };
  }

  /** Forgets every window and refusal, keeping the budgets (so a simulator can hold one in `resettable`). */
  clear(): void {
    this.#fixed.clear();
    this.#sliding.clear();
    this.#refused.clear();
  }

  /** Forgets every window and refusal and restores the budgets given at construction. */
  reset(): void {
    this.clear();
    this.#budgets.clear();
    for (const [bucket, rule] of this.#initialBudgets) this.#budgets.set(bucket, rule);
  }
}
