import type { TransientErrorCode } from './error-code.js';
import { SmmkitError, type SmmkitErrorOptions } from './smmkit-error.js';

/** Options of {@link TransientError}. */
export interface TransientErrorOptions extends SmmkitErrorOptions {
  /** When the platform asked to be called again (`Retry-After`), when it said. */
  readonly retryAt?: Date | undefined;
}

/**
 * A temporary failure where nothing happened on the platform: a 5xx on a read, a connection that
 * never reached the server, a read timeout, an unreadable body on a read. Safe to retry.
 */
export class TransientError extends SmmkitError {
  static override readonly kind: string = 'TransientError';
  declare readonly code: TransientErrorCode;
  /** When the platform asked to be called again, when it said. */
  readonly retryAt: Date | undefined;

  /**
   * @param code - `transient`, `timeout` or `invalid_response`
   * @param message - what happened
   * @param options - context; see {@link TransientErrorOptions}
   */
  constructor(code: TransientErrorCode, message: string, options: TransientErrorOptions = {}) {
    super(code, message, true, {
      hint: 'Try again with backoff; the platform did not act on the request.',
      ...options,
    });
    this.retryAt = options.retryAt;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAt: this.retryAt?.toISOString() };
  }
}
