import type { ConnectedAccount } from '../accounts/account-store.js';
import { AuthError } from '../errors/auth-error.js';
import { withUnprintedCause } from '../security/callback-error.js';

/** An account whose refreshed tokens could not be stored, and what the store threw. */
export interface UnstoredTokens {
  readonly account: Pick<ConnectedAccount, 'id' | 'platform'>;
  readonly error: unknown;
}

/**
 * What `shutdown()` rejects with when tokens a platform answered a refresh with could not be
 * stored before the store closed: with platforms that rotate refresh tokens (X, TikTok) the stored
 * refresh token is already retired, so the account will need a new authorization. The message
 * names the accounts, never a token; the first store error is the `cause`.
 *
 * @param lost - every account whose refreshed tokens were lost (at least one)
 * @returns the error to reject with
 */
export function unstoredTokensError(lost: readonly UnstoredTokens[]): AuthError {
  const names = lost.map(({ account }) => `${account.platform} account "${account.id}"`).join(', ');
  const platforms = new Set(lost.map(({ account }) => account.platform));
  const first = lost[0]?.error;
  return withUnprintedCause(
    new AuthError(
      'auth_expired',
      `The tokens a refresh returned for ${names} could not be stored before the store closed: the token store failed (its error is the cause).`,
      {
        platform: platforms.size === 1 ? [...platforms][0] : undefined,
        cause: first,
        hint: 'If the platform rotates refresh tokens (X, TikTok), the stored one is retired: connect the account again (smm.accounts.connect with the tokens of a new authorization). Check the token store (the original error is the cause).',
      },
    ),
  );
}
