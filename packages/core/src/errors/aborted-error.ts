import { SmmkitError, type SmmkitErrorOptions } from './smmkit-error.js';

/**
 * The caller's `AbortSignal` stopped the work before any request that changes state was sent.
 * (An abort after a create was sent is an {@link AmbiguousOutcomeError} instead.)
 */
export class AbortedError extends SmmkitError {
  static override readonly kind: string = 'AbortedError';

  /**
   * @param message - what was stopped
   * @param options - context; pass the signal's reason as `cause`
   */
  constructor(message = 'The operation was aborted.', options: SmmkitErrorOptions = {}) {
    super('aborted', message, false, {
      hint: 'Nothing was changed; start the operation again when wanted.',
      ...options,
    });
  }
}
