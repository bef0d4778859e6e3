import { type TokenSet, ValidationError, type ValidationProblem } from '@smmkit/core';
import {
  type AuthorizationCodeGrantRequest,
  type AuthorizationUrlOptions,
  authorizationCodeGrant,
  authorizationCodeUrl,
  checkAuthorizationRequest,
  DEFAULT_TOKEN_TIMEOUT_MS,
  type OAuthClientAuthentication,
  type OAuthGrant,
  refreshTokenGrant,
  requestTokenSet,
  type TokenEndpointOptions,
  toBase64,
} from '@smmkit/core/adapter-kit';
import { createXHttpClient } from './http-client.js';
import { TokenResponseSchema } from './schemas.js';
import { X_DEFAULTS } from './settings.js';

// The OAuth 2.0 Authorization Code Flow with PKCE
// (https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code):
// 1. send the user to xAuthorizationUrl(...) with a fresh state and PKCE pair (core's
//    createOAuthState and createPkcePair); ask for `offline.access` to get a refresh token;
// 2. on the redirect, check `state` and call exchangeXCode(...) within 30 s (the code's life);
// 3. wrap the TokenSet in core's createRefreshingTokenProvider with refreshXToken: access tokens
//    live 2 h and every refresh rotates the refresh token.

/**
 * Where users authorize an app (https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token).
 */
export const X_AUTHORIZE_URL = 'https://x.com/i/oauth2/authorize';

/**
 * Longest `state` X takes: "up to 500 characters"
 * (https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code).
 */
const MAX_STATE_LENGTH = 500;

/**
 * What {@link xAuthorizationUrl} needs: the app's OAuth 2.0 client id (developer portal, "Keys and
 * tokens"), one of its registered redirect URIs, the scopes, a state and a PKCE challenge. The
 * page defaults to `https://x.com/i/oauth2/authorize` ({@link X_AUTHORIZE_URL}).
 */
export interface XAuthorizationUrlOptions extends AuthorizationUrlOptions {
  /**
   * Scopes to ask for (https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code): posting
   * `tweet.read tweet.write users.read`, media `media.write`, hiding replies `tweet.moderate.write`, DMs
   * `dm.read dm.write`, liking `like.write` (`likePost` in https://api.x.com/2/openapi.json), and
   * `offline.access` for a refresh token. Searching for brand mentions needs only `tweet.read users.read`.
   */
  readonly scopes: readonly string[];
  /** A fresh, unguessable value (at most 500 characters) you check on the redirect (core's `createOAuthState`). */
  readonly state: string;
  /** The S256 PKCE challenge of a verifier you keep for the exchange (core's `createPkcePair`). */
  readonly codeChallenge: string;
}

/** The app's client credentials and transport for the token endpoint. */
export interface XTokenEndpointOptions extends TokenEndpointOptions {
  /** The app's OAuth 2.0 client id. */
  readonly clientId: string;
  /**
   * The client secret of a confidential client (web apps, automated apps), sent with HTTP Basic
   * (https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token). Leave it out for public
   * clients (native, single-page apps).
   */
  readonly clientSecret?: string | undefined;
  /** API base URL; default `https://api.x.com`. */
  readonly baseUrl?: string | undefined;
}

/**
 * What {@link exchangeXCode} needs: the app, the `code` X sent to the redirect URI (it lives
 * 30 s), the same redirect URI as in the authorization URL, and the PKCE verifier.
 */
export interface ExchangeXCodeOptions extends XTokenEndpointOptions, AuthorizationCodeGrantRequest {
  /** The PKCE verifier whose challenge was in the authorization URL. */
  readonly codeVerifier: string;
}

/** What {@link refreshXToken} needs. */
export interface RefreshXTokenOptions extends XTokenEndpointOptions {
  /** The current refresh token (it stops working once used: X rotates it). */
  readonly refreshToken: string;
}

/** What {@link revokeXToken} needs. */
export interface RevokeXTokenOptions extends XTokenEndpointOptions {
  /** The access or refresh token to revoke. */
  readonly token: string;
  /** Which kind `token` is; default `access_token`. */
  readonly tokenTypeHint?: 'access_token' | 'refresh_token' | undefined;
}

/**
 * The URL to send a user to so they authorize your app: `https://x.com/i/oauth2/authorize` with
 * `response_type=code`, `client_id`, `redirect_uri`, space-separated `scope`, `state`, and PKCE
 * with `code_challenge_method=S256`
 * (https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code). No I/O.
 *
 * @param options - app, redirect, scopes, state and PKCE challenge
 * @returns the authorization URL
 * @throws ValidationError listing every problem at once: `clientId`, `redirectUri`, `state` or
 *   `codeChallenge` empty or only spaces (`oauth.required`), no scope asked (`oauth.scopes`), or
 *   `state` longer than 500 characters (`oauth.state`)
 *
 * @example
 * ```ts
 * const { verifier, challenge } = await createPkcePair();
 * const state = createOAuthState();
 * const url = xAuthorizationUrl({
 *   clientId, redirectUri: 'https://app.example/callback', state, codeChallenge: challenge,
 *   scopes: ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'],
 * });
 * ```
 */
export function xAuthorizationUrl(options: XAuthorizationUrlOptions): string {
  const problems: ValidationProblem[] = [];
  try {
    // Core's shared check: a blank value (only spaces counts as blank) and an empty scope list.
    checkAuthorizationRequest({
      platform: 'x',
      subject: 'X authorization request',
      required: {
        clientId: options.clientId,
        redirectUri: options.redirectUri,
        state: options.state,
        codeChallenge: options.codeChallenge,
      },
      scopes: options.scopes,
    });
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    problems.push(...error.problems);
  }
  if (options.state.length > MAX_STATE_LENGTH) {
    problems.push({
      path: ['state'],
      rule: 'oauth.state',
      message: `must be 1–${MAX_STATE_LENGTH} characters`,
      limit: MAX_STATE_LENGTH,
      actual: options.state.length,
    });
  }
  if (problems.length > 0) throw new ValidationError(problems, 'X authorization request', { platform: 'x' });
  return authorizationCodeUrl(options.authorizeUrl ?? X_AUTHORIZE_URL, options);
}

/**
 * Exchanges an authorization code for the user's tokens: `POST /2/oauth2/token`, form-encoded,
 * `grant_type=authorization_code` with the PKCE `code_verifier`
 * (https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token). A confidential client
 * authenticates with HTTP Basic `client_id:client_secret`; `client_id` is always in the form. The secret,
 * code and verifier are kept out of every error.
 *
 * A refused exchange is an `AuthError`: `auth_invalid` for a refused client, `auth_revoked` for a
 * used or expired code (it lives 30 s); a 5xx or network failure is a retryable `TransientError`.
 *
 * @param options - app credentials, redirect, code and verifier
 * @returns the user's tokens; `expiresAt` from `expires_in` (2 h), a `refreshToken` only with `offline.access`
 *
 * @example
 * ```ts
 * const tokens = await exchangeXCode({ clientId, clientSecret, redirectUri, code, codeVerifier: session.verifier });
 * await db.saveTokens(accountId, tokens);
 * ```
 */
export function exchangeXCode(options: ExchangeXCodeOptions): Promise<TokenSet> {
  return requestTokens(options, authorizationCodeGrant(options));
}

/**
 * Gets a new access token with a refresh token: `POST /2/oauth2/token`, form-encoded,
 * `grant_type=refresh_token` (https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token). X
 * rotates the refresh token on every refresh (observed; the docs do not say so): store the returned
 * `refreshToken`, the old one is dead. Made for core's `createRefreshingTokenProvider`, which persists the
 * new set before using it.
 *
 * A dead refresh token is `AuthError('auth_revoked')` (re-authorize); a 5xx or network failure
 * is a retryable `TransientError`.
 *
 * @param options - app credentials and the refresh token
 * @returns the new tokens
 *
 * @example
 * ```ts
 * const tokens = createRefreshingTokenProvider({
 *   platform: 'x',
 *   tokens: () => db.loadTokens(accountId),
 *   refresh: (refreshToken) => refreshXToken({ clientId, clientSecret, refreshToken }),
 *   persist: (next) => db.saveTokens(accountId, next),
 * });
 * ```
 */
export function refreshXToken(options: RefreshXTokenOptions): Promise<TokenSet> {
  return requestTokens(options, refreshTokenGrant(options.refreshToken));
}

/**
 * Revokes an access or refresh token: `POST /2/oauth2/revoke`, form-encoded `token`,
 * `token_type_hint` and `client_id`
 * (https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token), HTTP Basic for confidential
 * clients.
 *
 * @param options - app credentials and the token
 *
 * @example
 * ```ts
 * await revokeXToken({ clientId, clientSecret, token: tokens.refreshToken, tokenTypeHint: 'refresh_token' });
 * ```
 */
export async function revokeXToken(options: RevokeXTokenOptions): Promise<void> {
  const client = clientAuthentication(options);
  await xEndpointClient(options).request({
    method: 'POST',
    path: '/2/oauth2/revoke',
    operation: 'revoke token',
    form: {
      token: options.token,
      token_type_hint: options.tokenTypeHint ?? 'access_token',
      ...client.form,
    },
    headers: client.headers,
    auth: false,
    signal: options.signal,
    secrets: [...client.secrets, options.token],
  });
}

function requestTokens(options: XTokenEndpointOptions, grant: OAuthGrant): Promise<TokenSet> {
  return requestTokenSet(options, {
    tokenUrl: `${baseUrl(options)}/2/oauth2/token`,
    createClient: createXHttpClient,
    client: clientAuthentication(options),
    grant,
    schema: TokenResponseSchema,
  });
}

/** The X client on `baseUrl` with the token call's own timeout, for the revoke endpoint. */
function xEndpointClient(options: XTokenEndpointOptions) {
  return createXHttpClient({
    baseUrl: baseUrl(options),
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS,
  });
}

function baseUrl(options: XTokenEndpointOptions): string {
  return (options.baseUrl ?? X_DEFAULTS.baseUrl).replace(/\/+$/, '');
}

/**
 * `client_id` in the form always, and for a confidential client HTTP Basic `client_id:client_secret`
 * (https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token), the secret and
 * the credentials made from it kept out of every error.
 */
function clientAuthentication(options: XTokenEndpointOptions): OAuthClientAuthentication & {
  readonly secrets: readonly string[];
} {
  const form = { client_id: options.clientId };
  if (options.clientSecret === undefined) return { form, secrets: [] };
  // RFC 6749 §2.3.1: id and secret form-encoded, joined by ":", base64 (docs.x.com: confidential clients).
  const credentials = toBase64(
    new TextEncoder().encode(
      `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`,
    ),
  );
  return {
    form,
    headers: { Authorization: `Basic ${credentials}` },
    secrets: [options.clientSecret, credentials],
  };
}
