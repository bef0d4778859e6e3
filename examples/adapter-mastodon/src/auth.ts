import type { TokenSet } from '@smmkit/core';
import {
  type AuthorizationCodeGrantRequest,
  type AuthorizationCodeRequest,
  authorizationCodeGrant,
  authorizationCodeUrl,
  requestTokenSet,
  type TokenEndpointOptions,
} from '@smmkit/core/adapter-kit';
import { createMastodonHttpClient } from './http-client.js';
import { TokenSchema } from './schemas.js';

// The OAuth flow (docs.joinmastodon.org: client/token, methods/apps, methods/oauth):
// 1. once per server, register your app with POST /api/v1/apps (client_name, redirect_uris,
//    scopes) to get a client_id and client_secret;
// 2. send the user to mastodonAuthorizationUrl(...) with a fresh state and PKCE pair
//    (core's createOAuthState and createPkcePair);
// 3. on the redirect, check `state` and call exchangeMastodonCode(...).
// The token never expires until revoked (POST /oauth/revoke): wrap it in core's
// staticTokenProvider.

/**
 * What {@link mastodonAuthorizationUrl} needs: the server, your app's `client_id` on it (from
 * `POST /api/v1/apps`), one of the app's registered `redirect_uris`, the scopes, a fresh state
 * (core's `createOAuthState`) and a PKCE challenge.
 */
export interface MastodonAuthorizationUrlOptions extends AuthorizationCodeRequest {
  /** The server's base URL, such as `https://mastodon.social`. */
  readonly instanceUrl: string;
  /** Scopes to ask for, a subset of the app's (`read`, `write`, or granular `write:statuses`, …). */
  readonly scopes: readonly string[];
  /** The S256 PKCE challenge of a verifier you keep for the exchange (core's `createPkcePair`). */
  readonly codeChallenge: string;
}

/**
 * The URL to send a user to so they authorize your app on their server:
 * `GET /oauth/authorize` with `response_type=code`, `state`, and PKCE with
 * `code_challenge_method=S256`, the only method Mastodon supports (docs.joinmastodon.org:
 * methods/oauth#authorize; PKCE from Mastodon 4.3).
 *
 * @param options - server, app, redirect, scopes, state and PKCE challenge
 * @returns the authorization URL
 *
 * @example
 * ```ts
 * const { verifier, challenge } = await createPkcePair();
 * const state = createOAuthState();
 * const url = mastodonAuthorizationUrl({
 *   instanceUrl: 'https://mastodon.social', clientId, redirectUri: 'https://app.example/callback',
 *   scopes: ['read', 'write'], state, codeChallenge: challenge,
 * });
 * ```
 */
export function mastodonAuthorizationUrl(options: MastodonAuthorizationUrlOptions): string {
  // Scopes space-separated, sent as "+", which Mastodon accepts (methods/oauth#authorize).
  return authorizationCodeUrl(`${options.instanceUrl.replace(/\/+$/, '')}/oauth/authorize`, options);
}

/**
 * What {@link exchangeMastodonCode} needs: the server, your app's credentials on it, the `code`
 * the server sent to the redirect URI, the same redirect URI as in the authorization URL, and the
 * PKCE verifier. `timeoutMs` defaults to the kit's 15 000 for token calls.
 */
export interface ExchangeMastodonCodeOptions extends TokenEndpointOptions, AuthorizationCodeGrantRequest {
  /** The server's base URL. */
  readonly instanceUrl: string;
  /** Your app's `client_id` on that server. */
  readonly clientId: string;
  /** Your app's `client_secret` on that server. */
  readonly clientSecret: string;
  /** The PKCE verifier whose challenge was in the authorization URL. */
  readonly codeVerifier: string;
}

/**
 * Exchanges an authorization code for the user's token: `POST /oauth/token` with
 * `grant_type=authorization_code` and the PKCE `code_verifier` (docs.joinmastodon.org:
 * methods/oauth#token). The client secret, code and verifier are kept out of every error.
 * Mastodon returns no expiry and no refresh token, so the `TokenSet` has neither.
 *
 * A refused exchange fails like any Mastodon call: `AuthError('auth_invalid')` for a wrong
 * client (401 `invalid_client`), `PlatformError('platform_refused')` for a used or wrong code
 * (400 `invalid_grant`), with Mastodon's `error_description` as the message.
 *
 * @param options - server, app credentials, redirect, code and verifier
 * @returns the user's tokens
 *
 * @example
 * ```ts
 * const tokens = await exchangeMastodonCode({ instanceUrl, clientId, clientSecret, redirectUri, code, codeVerifier: verifier });
 * const provider = staticTokenProvider(tokens.accessToken);
 * ```
 */
export function exchangeMastodonCode(options: ExchangeMastodonCodeOptions): Promise<TokenSet> {
  // Mastodon tokens do not expire (no expires_in) and come without a refresh token.
  return requestTokenSet(options, {
    tokenUrl: `${options.instanceUrl.replace(/\/+$/, '')}/oauth/token`,
    createClient: ({ baseUrl, ...transport }) =>
      createMastodonHttpClient({ ...transport, instanceUrl: baseUrl }),
    // The app's credentials in the form (methods/oauth#token).
    client: {
      form: { client_id: options.clientId, client_secret: options.clientSecret },
      secrets: [options.clientSecret],
    },
    grant: authorizationCodeGrant(options),
    schema: TokenSchema,
  });
}
