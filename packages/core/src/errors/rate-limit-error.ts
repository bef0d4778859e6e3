import type { RateLimitErrorCode } from './error-code.js';
import { SmmkitError, type SmmkitErrorOptions } from './smmkit-error.js';

/** Options of {@link RateLimitError}. */
export interface RateLimitErrorOptions extends SmmkitErrorOptions {
  /** When calls are allowed again; from reset headers, `Retry-After`, or the platform's quota. */
  readonly resetAt?: Date | undefined;
}

/**
 * A rate-limit window or quota is used up. Retryable once `resetAt` has passed; the publisher
 * pauses the affected bucket until then.
 */
export class RateLimitError extends SmmkitError {
  static override readonly kind: string = 'RateLimitError';
  declare readonly code: RateLimitErrorCode;
  /** When calls are allowed again, when known. */
  readonly resetAt: Date | undefined;

  /**
   * @param code - `rate_limited` for a request window, `quota_exceeded` for a daily or publishing quota
   * @param message - what happened
   * @param options - context; `resetAt` falls back to `options.rateLimit.resetAt`
   */
  constructor(code: RateLimitErrorCode, message: string, options: RateLimitErrorOptions = {}) {
    const resetAt = options.resetAt ?? options.rateLimit?.resetAt;
    super(code, message, true, {
      hint: resetAt
        ? `Wait until ${resetAt.toISOString()} before calling this endpoint again.`
        : 'Wait before calling this endpoint again; the platform did not say for how long.',
      ...options,
    });
    this.resetAt = resetAt;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), resetAt: this.resetAt?.toISOString() };
  }
}
