import type { AuthErrorCode } from './error-code.js';
import { SmmkitError, type SmmkitErrorOptions } from './smmkit-error.js';

const HINTS: Record<AuthErrorCode, string> = {
  auth_expired: 'The access token expired and could not be refreshed; re-authorize the account.',
  auth_revoked: 'The account revoked access or the grant is no longer valid; ask the user to re-authorize.',
  auth_missing_scope:
    'The token lacks a permission this call needs; re-authorize with the scopes listed in the adapter docs.',
  auth_invalid: 'The credentials are not valid for this platform; check the client id, secret and token.',
};

/**
 * The platform refused the credentials. Never retryable as is: a refresh is attempted once by
 * smmkit before this error reaches you; after that, a person has to re-authorize.
 */
export class AuthError extends SmmkitError {
  static override readonly kind: string = 'AuthError';
  declare readonly code: AuthErrorCode;

  /**
   * @param code - which auth failure
   * @param message - what happened; never include the token
   * @param options - context; see {@link SmmkitErrorOptions}
   */
  constructor(code: AuthErrorCode, message: string, options: SmmkitErrorOptions = {}) {
    super(code, message, false, { hint: HINTS[code], ...options });
  }
}
