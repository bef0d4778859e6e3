/**
 * What a platform said about a rate-limit window, in one shape for every platform.
 *
 * Adapters fill it from response headers (X `x-rate-limit-*`, Meta `X-App-Usage`, Mastodon
 * `X-RateLimit-*`) or from a declared budget where the platform sends none (TikTok, LinkedIn).
 * The publisher reads it to slow down before the limit instead of after a 429.
 *
 * @example
 * ```ts
 * const info: RateLimitInfo = { limit: 100, remaining: 3, resetAt: new Date('2026-11-22T20:15:00Z'), scope: 'user' };
 * ```
 */
export interface RateLimitInfo {
  /** Requests allowed in the window, when the platform says. */
  readonly limit?: number;
  /** Requests left in the window, when the platform says. */
  readonly remaining?: number;
  /** When the window resets and `remaining` returns to `limit`. */
  readonly resetAt?: Date;
  /**
   * Share of the budget already used, from 0 to 1, for platforms that report usage as a
   * percentage instead of counts (Meta's `X-App-Usage`: throttling starts at 100 %).
   */
  readonly usedFraction?: number;
  /** Who the window belongs to: the user token, the app, a page or business object, an IP. */
  readonly scope?: RateLimitScope;
  /** The platform's endpoint bucket this window applies to (for example `POST /2/tweets`). */
  readonly bucket?: string;
  /** A longer window (X's 24-hour caps, Instagram's publishing quota) reported beside the main one. */
  readonly daily?: RateLimitInfo;
}

/** Who a rate-limit window is counted against. */
export type RateLimitScope = 'user' | 'app' | 'page' | 'business' | 'ip' | 'unknown';
