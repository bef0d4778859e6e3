import type { ConnectedAccount } from '../accounts/account-store.js';
import type { TokenRefreshOptions } from '../auth/refreshing-token-provider.js';
import { ValidationError } from '../errors/validation-error.js';

/**
 * The refresh call of an account whose platform has none in `createSmmkit`'s `refresh` option. It
 * sends nothing and rejects with a `ValidationError`: the process is set up without it, which says
 * nothing of the tokens, so the account is not marked as needing re-authorization (other
 * processes sharing the store may well refresh it) and its stored tokens stay as they are.
 *
 * @param account - the account whose token is due for a refresh
 * @returns a refresh call that always rejects, naming the option to pass
 */
export function missingRefreshCall(account: ConnectedAccount): TokenRefreshOptions['refresh'] {
  const { platform, id } = account;
  return () =>
    Promise.reject(
      new ValidationError(
        [
          {
            path: ['refresh', platform],
            rule: 'refresh.missing',
            message: `no refresh call was given for ${platform}, so the access token of account "${id}" cannot be renewed in this process`,
          },
        ],
        'smmkit options',
        {
          platform,
          hint: `Pass createSmmkit a refresh call for ${platform} (refresh: { ${platform}: (refreshToken) => … }). Nothing was sent; the account and its stored tokens are left as they were.`,
        },
      ),
    );
}
