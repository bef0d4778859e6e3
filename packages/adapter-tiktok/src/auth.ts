import type { TokenSet } from '@smmkit/core';
import {
  type AuthorizationCodeGrantRequest,
  type AuthorizationUrlOptions,
  authorizationCodeGrant,
  authorizationCodeUrl,
  type ConfidentialClientTokenOptions,
  checkAuthorizationRequest,
  type OAuthGrant,
  postTokenRequest,
  redactSecrets,
  refreshTokenGrant,
  systemClock,
  tokenSetFromResponse,
} from '@smmkit/core/adapter-kit';
import { classifyTikTokError } from './classify-error.js';
import { createTikTokHttpClient } from './http-client.js';
import { TokenAnswerSchema } from './schemas.js';

// TikTok's OAuth 2.0 (https://developers.tiktok.com/doc/login-kit-web,
// https://developers.tiktok.com/doc/oauth-user-access-token-management):
// 1. send the creator to tiktokAuthorizationUrl(...) with a fresh state (core's createOAuthState);
// 2. on the redirect, check `state` and call exchangeTikTokCode(...);
// 3. keep the TokenSet in core's createRefreshingTokenProvider with refreshTikTokToken: every
//    refresh hands out a new refresh token and the old one stops working, and the provider stores
//    the new one (through `persist` or a shared store) before anyone uses the new access token.
// Lifetimes differ between TikTok's pages, so the expiry instants come from each answer's
// `expires_in` and `refresh_expires_in`, never from a constant.

/** Where creators authorize an app. */
export const TIKTOK_AUTHORIZE_URL = 'https://www.tiktok.com/v2/auth/authorize/';

/** Where codes and refresh tokens are exchanged for tokens. */
export const TIKTOK_TOKEN_URL = 'https://open.tiktokapis.com/v2/oauth/token/';

/**
 * What {@link tiktokAuthorizationUrl} needs: the app's client key, one of its registered redirect
 * URIs, a fresh state (core's `createOAuthState`), the scopes, and for PKCE clients the challenge.
 * The page defaults to {@link TIKTOK_AUTHORIZE_URL}.
 */
export interface TikTokAuthorizationUrlOptions extends Omit<AuthorizationUrlOptions, 'clientId'> {
  /** The app's client key (TikTok's name for the client id). */
  readonly clientKey: string;
  /**
   * Scopes to ask for: `user.info.basic`, `user.info.stats` (account metrics), `video.publish`
   * (direct posts), `video.upload` (inbox drafts), `video.list` (post metrics, reconciliation).
   */
  readonly scopes: readonly string[];
  /**
   * The PKCE challenge, for desktop and mobile apps that use PKCE (send its verifier to
   * {@link exchangeTikTokCode}). Derive it as TikTok's guide for your client type says: the
   * desktop guide (https://developers.tiktok.com/doc/login-kit-desktop) uses the hex SHA-256 of the
   * verifier. Web apps with a client secret leave it out.
   */
  readonly codeChallenge?: string | undefined;
}

/**
 * The app's credentials and transport for the token endpoint (`timeoutMs` defaults to 15 000
 * here); the endpoint defaults to {@link TIKTOK_TOKEN_URL}.
 */
export interface TikTokTokenEndpointOptions extends ConfidentialClientTokenOptions {
  /** The app's client key. */
  readonly clientKey: string;
}

/**
 * What {@link exchangeTikTokCode} needs: the app, the `code` of the redirect, the redirect URI
 * the authorization URL was built with, and the PKCE verifier when it had a challenge.
 */
export interface ExchangeTikTokCodeOptions
  extends TikTokTokenEndpointOptions,
    AuthorizationCodeGrantRequest {}

/** What {@link refreshTikTokToken} needs. */
export interface RefreshTikTokTokenOptions extends TikTokTokenEndpointOptions {
  /** The current refresh token (it stops working once this call succeeds). */
  readonly refreshToken: string;
}

/** A TikTok token set: core's `TokenSet` and the creator's `open_id`, their account id. */
export interface TikTokTokenSet extends TokenSet {
  /** The creator's `open_id` for this app: use it as the account's `accountId`. */
  readonly openId?: string | undefined;
}

/**
 * The URL to send a creator to so they authorize your app:
 * `https://www.tiktok.com/v2/auth/authorize/?client_key&scope&response_type=code&redirect_uri&state`,
 * scopes comma-separated, and `code_challenge` with `code_challenge_method=S256` when a challenge
 * is given (https://developers.tiktok.com/doc/login-kit-web). No I/O.
 *
 * @param options - app, redirect, scopes, state and PKCE challenge
 * @returns the authorization URL
 * @throws ValidationError when the client key, redirect URI or state is empty, or no scope is asked
 *
 * @example
 * ```ts
 * const state = createOAuthState();
 * const url = tiktokAuthorizationUrl({
 *   clientKey, redirectUri: 'https://app.example/callback/tiktok', state,
 *   scopes: ['user.info.basic', 'video.publish', 'video.list'],
 * });
 * ```
 */
export function tiktokAuthorizationUrl(options: TikTokAuthorizationUrlOptions): string {
  checkAuthorizationRequest({
    platform: 'tiktok',
    subject: 'TikTok authorization request',
    required: { clientKey: options.clientKey, redirectUri: options.redirectUri, state: options.state },
    scopes: options.scopes,
  });
  const url = new URL(
    authorizationCodeUrl(options.authorizeUrl ?? TIKTOK_AUTHORIZE_URL, {
      clientId: options.clientKey,
      redirectUri: options.redirectUri,
      scopes: options.scopes,
      state: options.state,
      codeChallenge: options.codeChallenge,
    }),
  );
  // TikTok names the client `client_key` and separates scopes with commas.
  url.searchParams.delete('client_id');
  url.searchParams.set('client_key', options.clientKey);
  url.searchParams.set('scope', options.scopes.join(','));
  return url.toString();
}

/**
 * Exchanges an authorization code for the creator's tokens: `POST /v2/oauth/token/`,
 * form-encoded `client_key`, `client_secret`, `code`, `grant_type=authorization_code`,
 * `redirect_uri` (and `code_verifier` with PKCE)
 * (https://developers.tiktok.com/doc/oauth-user-access-token-management). The secret, the code
 * and the verifier are kept out of every error.
 *
 * A refused code (used, expired, another redirect URI or verifier) is `AuthError('auth_revoked')`;
 * a refused client `auth_invalid`; a 5xx or network failure a retryable `TransientError`.
 * TikTok's flat OAuth errors are read whatever HTTP status they come with, `log_id` kept.
 *
 * @param options - app credentials, redirect URI, code and verifier
 * @returns the tokens with `openId`, both expiries from TikTok's answer
 *
 * @example
 * ```ts
 * const tokens = await exchangeTikTokCode({ clientKey, clientSecret, redirectUri, code });
 * await db.saveTokens(tokens.openId, tokens);
 * ```
 */
export function exchangeTikTokCode(options: ExchangeTikTokCodeOptions): Promise<TikTokTokenSet> {
  return requestTokens(options, authorizationCodeGrant(options));
}

/**
 * Gets new tokens with a refresh token: `POST /v2/oauth/token/`, form-encoded
 * `grant_type=refresh_token` (https://developers.tiktok.com/doc/oauth-user-access-token-management).
 * TikTok answers with a new refresh token and the old one stops working: use it as the `refresh`
 * of core's `createRefreshingTokenProvider`, which stores the new set before handing out its
 * access token. A refresh token TikTok no longer takes is `AuthError('auth_revoked')`.
 *
 * @param options - app credentials and the refresh token
 * @returns the new tokens, with the rotated refresh token
 *
 * @example
 * ```ts
 * const tokens = createRefreshingTokenProvider({
 *   platform: 'tiktok',
 *   tokens: () => db.loadTokens(openId),
 *   refresh: (refreshToken) => refreshTikTokToken({ clientKey, clientSecret, refreshToken }),
 *   persist: (next) => db.saveTokens(openId, next),
 * });
 * ```
 */
export function refreshTikTokToken(options: RefreshTikTokTokenOptions): Promise<TikTokTokenSet> {
  return requestTokens(options, refreshTokenGrant(options.refreshToken));
}

async function requestTokens(
  options: TikTokTokenEndpointOptions,
  grant: OAuthGrant,
): Promise<TikTokTokenSet> {
  const clock = options.clock ?? systemClock;
  const tokenUrl = new URL(options.tokenUrl ?? TIKTOK_TOKEN_URL);
  const { data, status, headers, secrets } = await postTokenRequest(options, {
    tokenUrl: tokenUrl.toString(),
    createClient: createTikTokHttpClient,
    // TikTok names the client `client_key` (https://developers.tiktok.com/doc/oauth-user-access-token-management).
    client: {
      form: { client_key: options.clientKey, client_secret: options.clientSecret },
      secrets: [options.clientSecret],
    },
    grant,
    schema: TokenAnswerSchema,
  });
  if ('error' in data) {
    // An OAuth error in a 2xx answer: what it says, with every secret of the request taken out.
    const body: unknown = JSON.parse(redactSecrets(JSON.stringify(data), secrets));
    throw classifyTikTokError({
      platform: 'tiktok',
      operation: grant.operation,
      method: 'POST',
      path: tokenUrl.pathname,
      status,
      headers,
      body,
      rateLimit: undefined,
      retryAt: undefined,
      receivedAt: clock.now(),
      createsResource: false,
    });
  }
  const tokens = tokenSetFromResponse(
    {
      access_token: data.access_token,
      expires_in: data.expires_in,
      refresh_token: data.refresh_token,
      refresh_token_expires_in: data.refresh_expires_in,
      scope: data.scope,
    },
    clock.now(),
  );
  return data.open_id === undefined ? tokens : { ...tokens, openId: data.open_id };
}
