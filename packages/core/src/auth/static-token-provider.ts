import { AuthError } from '../errors/auth-error.js';
import type { TokenProvider } from './token-provider.js';

/**
 * A {@link TokenProvider} for a token that never expires: Mastodon access tokens, X OAuth 1.0a
 * user tokens, app tokens, and tests. It has no `refresh`, so a rejected token surfaces as an
 * auth error instead of a refresh attempt.
 *
 * Throws `AuthError('auth_invalid')` right away when `token` is empty, which usually means an
 * unset environment variable (`process.env.TOKEN ?? ''`): better to fail here than at the first request.
 *
 * @param token - the access token to hand out
 * @returns a provider that always returns `token`
 *
 * @example
 * ```ts
 * const tokens = staticTokenProvider(process.env.MASTODON_TOKEN ?? '');
 * await adapter.publish(post, { account, tokens });
 * ```
 */
export function staticTokenProvider(token: string): TokenProvider {
  if (token === '') throw new AuthError('auth_invalid', 'The static access token is empty.');
  return { getAccessToken: () => Promise.resolve(token) };
}
