import type { PlatformErrorCode } from './error-code.js';
import { SmmkitError, type SmmkitErrorOptions } from './smmkit-error.js';

const HINTS: Record<PlatformErrorCode, string> = {
  platform_refused:
    "The platform refused the request; read the platform's message, change the request, then try again.",
  duplicate_content: 'The platform already has this content from the account; it was not posted again.',
  not_found: 'The object does not exist on the platform (any more); check the id.',
};

/**
 * The platform refused the request for good: retrying the same request will fail the same way.
 * The platform's own code and message are in {@link SmmkitError.platformError}.
 */
export class PlatformError extends SmmkitError {
  static override readonly kind: string = 'PlatformError';
  declare readonly code: PlatformErrorCode;

  /**
   * @param code - `platform_refused`, `duplicate_content` or `not_found`
   * @param message - what happened
   * @param options - context; include `platformError` with the platform's own words
   */
  constructor(code: PlatformErrorCode, message: string, options: SmmkitErrorOptions = {}) {
    super(code, message, false, { hint: HINTS[code], ...options });
  }
}
