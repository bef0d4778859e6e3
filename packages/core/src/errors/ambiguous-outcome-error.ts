import { SmmkitError, type SmmkitErrorOptions } from './smmkit-error.js';

/** Options of {@link AmbiguousOutcomeError}. */
export interface AmbiguousOutcomeErrorOptions extends SmmkitErrorOptions {
  /** The operation whose outcome is unknown (`create post`, `publish container`, …). */
  readonly operation: string;
}

/**
 * The request may or may not have taken effect: the connection dropped or timed out after it was
 * sent, or the platform answered a create with a 5xx or an unreadable body. Never retry blindly:
 * reconcile first (the publisher does this with `findRecentPosts` and idempotency keys).
 */
export class AmbiguousOutcomeError extends SmmkitError {
  static override readonly kind: string = 'AmbiguousOutcomeError';
  /** The operation whose outcome is unknown. */
  readonly operation: string;

  /**
   * @param message - what happened
   * @param options - context; `operation` is required
   */
  constructor(message: string, options: AmbiguousOutcomeErrorOptions) {
    super('ambiguous_outcome', message, false, {
      hint: 'Check on the platform whether it happened before trying again (a publish through the publisher is reconciled for you; a reply or other action is not).',
      ...options,
    });
    this.operation = options.operation;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), operation: this.operation };
  }
}
