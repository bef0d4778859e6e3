// Instagram Login (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login):
// send the user to the authorization window (instagramLoginAuthorizationUrl), exchange the code
// for a 1-hour token and the IG user id (exchangeInstagramCode), exchange the 1-hour token for a
// 60-day one (exchangeInstagramToken), then refresh it with itself (refreshInstagramToken; it must
// be ≥ 24 h old and unexpired). There is no separate refresh token, so these helpers return
// `refreshToken` = the access token, which is what core's createRefreshingTokenProvider hands
// back to `refresh`:
//
//     const tokens = createRefreshingTokenProvider({
//       platform: 'instagram',
//       tokens: () => db.loadTokens(accountId),            // { accessToken, refreshToken: accessToken, expiresAt }
//       refresh: (token) => refreshInstagramToken({ accessToken: token }),
//       persist: (next) => db.saveTokens(accountId, next),
//       refreshMarginMs: 7 * 24 * 3600 * 1000,              // refresh a week ahead of the 60 days
//     });
import { PlatformError, type TokenSet } from '@smmkit/core';
import {
  type AuthorizationUrlOptions,
  exactIntegers,
  httpBaseUrlSetting,
  parseModel,
  systemClock,
} from '@smmkit/core/adapter-kit';
import {
  createGraphHttpClient,
  type GraphAuthOptions,
  type GraphTokenRequest,
  graphAuthTransportShape,
  OAuthValue,
  requestGraphToken,
  scopesIncluding,
} from '@smmkit/graph-api';
import * as z from 'zod/mini';
import { InstagramCodeGrantSchema } from '../schemas.js';
import { INSTAGRAM_HOSTS } from '../settings.js';
import { classifyInstagramCodeError } from './code-exchange-error.js';

/**
 * The Instagram Login authorization window: `https://www.instagram.com/oauth/authorize?client_id&
 * redirect_uri&response_type=code&scope` (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login, Step 1).
 */
export const INSTAGRAM_LOGIN_AUTHORIZE_URL = 'https://www.instagram.com/oauth/authorize';

/**
 * Where an Instagram Login code is exchanged: `POST https://api.instagram.com/oauth/access_token`
 * with `client_id`, `client_secret`, `grant_type=authorization_code`, `redirect_uri`, `code` as
 * form fields → a short-lived token and the user id
 * (https://developers.facebook.com/docs/instagram-platform/reference/oauth-access-token).
 */
export const INSTAGRAM_LOGIN_TOKEN_URL = 'https://api.instagram.com/oauth/access_token';

/**
 * Instagram Login short-lived tokens last one hour; the code exchange answers without
 * `expires_in` (https://developers.facebook.com/docs/instagram-platform/reference/oauth-access-token).
 */
const INSTAGRAM_SHORT_LIVED_TTL_MS = 3_600_000;

/**
 * What {@link instagramLoginAuthorizationUrl} needs: the Instagram app id as `clientId` (App
 * Dashboard, Instagram Login settings), a redirect URI registered for the app, the state, and the
 * authorization window (default {@link INSTAGRAM_LOGIN_AUTHORIZE_URL}; tests point it elsewhere).
 */
export interface InstagramLoginAuthorizationUrlOptions
  extends Omit<AuthorizationUrlOptions, 'codeChallenge'> {
  /**
   * Permissions to ask for: `instagram_business_basic` and the others the app needs
   * (`instagram_business_content_publish`, `instagram_business_manage_comments`, …). Sent comma-separated.
   */
  readonly scopes: readonly string[];
}

/** What {@link exchangeInstagramCode} needs. */
export interface ExchangeInstagramCodeOptions extends GraphAuthOptions {
  /** The Instagram app id (`client_id`). */
  readonly clientId: string;
  /** The Instagram app secret (`client_secret`). */
  readonly appSecret: string;
  /** The redirect URI the authorization URL was built with (Meta refuses any other). */
  readonly redirectUri: string;
  /** The `code` of the redirect; a trailing `#_` (which Instagram appends) is removed. */
  readonly code: string;
  /** The token endpoint; default {@link INSTAGRAM_LOGIN_TOKEN_URL} (tests point it at a simulator). */
  readonly tokenUrl?: string | undefined;
}

/** The tokens of an Instagram Login code exchange, with the account they belong to. */
export interface InstagramCodeGrant extends TokenSet {
  /** The Instagram-scoped user id: `Account.accountId` for the adapter (Instagram Login host). */
  readonly userId: string;
}

/** What {@link exchangeInstagramToken} needs. */
export interface ExchangeInstagramTokenOptions extends GraphAuthOptions {
  /** The Instagram app secret (`client_secret`). */
  readonly appSecret: string;
  /** The short-lived (1 h) Instagram Login token. */
  readonly shortLivedToken: string;
}

/** What {@link refreshInstagramToken} needs. */
export interface RefreshInstagramTokenOptions extends GraphAuthOptions {
  /** The current long-lived Instagram Login token (≥ 24 h old, unexpired). */
  readonly accessToken: string;
}

/** The rules of {@link InstagramLoginAuthorizationUrlOptions}, in the order their problems are listed. */
const AuthorizationUrlOptionsSchema = z.object({
  clientId: OAuthValue,
  redirectUri: OAuthValue,
  state: OAuthValue,
  // https://developers.facebook.com/docs/instagram-platform/reference/oauth-authorize: the scope
  // list must hold instagram_business_basic (or the older instagram_basic).
  scopes: scopesIncluding('instagram_business_basic'),
  authorizeUrl: z._default(
    httpBaseUrlSetting(INSTAGRAM_LOGIN_AUTHORIZE_URL, 'settings.authorize_url'),
    INSTAGRAM_LOGIN_AUTHORIZE_URL,
  ),
});

/** The rules of the code exchange's endpoint and transport. */
const CodeExchangeTransportSchema = z.object({
  tokenUrl: z._default(
    httpBaseUrlSetting(INSTAGRAM_LOGIN_TOKEN_URL, 'settings.token_url'),
    INSTAGRAM_LOGIN_TOKEN_URL,
  ),
  ...graphAuthTransportShape,
});

/**
 * A token call on `graph.instagram.com` (`baseUrl` replaces it). Instagram Login tokens are
 * refreshed with themselves, so the token set's `refreshToken` is its access token.
 */
async function requestInstagramToken(
  options: GraphAuthOptions,
  call: Pick<GraphTokenRequest, 'path' | 'operation' | 'query' | 'secrets'>,
): Promise<TokenSet> {
  const tokens = await requestGraphToken(options, {
    ...call,
    platform: 'instagram',
    origin: INSTAGRAM_HOSTS.instagram,
  });
  return { ...tokens, refreshToken: tokens.accessToken };
}

/**
 * The URL to send a user to so they grant your app access with Instagram Login
 * (https://developers.facebook.com/docs/instagram-platform/reference/oauth-authorize):
 * `https://www.instagram.com/oauth/authorize?client_id&redirect_uri&response_type=code&scope&state`,
 * the scopes comma-separated. Instagram Login does not take PKCE. Check the `state` of the
 * redirect against the one you stored before calling {@link exchangeInstagramCode}.
 *
 * @param options - app id, redirect URI, scopes and state
 * @returns the authorization URL
 * @throws ValidationError when a required value is empty or `instagram_business_basic` is not asked
 *
 * @example
 * ```ts
 * const state = createOAuthState();
 * const url = instagramLoginAuthorizationUrl({
 *   clientId: process.env.IG_APP_ID ?? '',
 *   redirectUri: 'https://app.example/callback/instagram',
 *   scopes: ['instagram_business_basic', 'instagram_business_content_publish'],
 *   state,
 * });
 * ```
 */
export function instagramLoginAuthorizationUrl(options: InstagramLoginAuthorizationUrlOptions): string {
  const request = parseModel(AuthorizationUrlOptionsSchema, options, 'Instagram Login authorization URL', {
    platform: 'instagram',
  });
  const url = new URL(request.authorizeUrl);
  url.searchParams.set('client_id', request.clientId);
  url.searchParams.set('redirect_uri', request.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', request.scopes.join(','));
  url.searchParams.set('state', request.state);
  return url.toString();
}

/**
 * Exchanges the code of an Instagram Login redirect for a short-lived (1 h) token and the user's
 * id: `POST https://api.instagram.com/oauth/access_token` with the form fields `client_id`,
 * `client_secret`, `grant_type=authorization_code`, `redirect_uri`, `code`
 * (https://developers.facebook.com/docs/instagram-platform/reference/oauth-access-token →
 * `{access_token, user_id}`; the Business Login guide shows the same inside
 * `data:[{access_token, user_id, permissions}]`, and both are read). Exchange the result for a
 * 60-day token with {@link exchangeInstagramToken} right away.
 *
 * A refused code (used, expired, another redirect URI) is an `AuthError('auth_revoked')` keeping
 * Meta's message; the secret and the code are kept out of every error.
 *
 * @param options - app credentials, redirect URI, code and transport
 * @returns the 1-hour token (`expiresAt` one hour from now), the user id and the granted permissions
 * @throws ValidationError when `tokenUrl`, `timeoutMs` or `fetch` is invalid
 *
 * @example
 * ```ts
 * const grant = await exchangeInstagramCode({ clientId, appSecret, redirectUri, code: url.searchParams.get('code') ?? '' });
 * const tokens = await exchangeInstagramToken({ appSecret, shortLivedToken: grant.accessToken });
 * ```
 */
export async function exchangeInstagramCode(
  options: ExchangeInstagramCodeOptions,
): Promise<InstagramCodeGrant> {
  // https://developers.facebook.com/docs/instagram-platform/reference/oauth-authorize: Instagram
  // appends `#_` to the redirect URI; it is not part of the code.
  const code = options.code.replace(/#_$/, '');
  const transport = parseModel(CodeExchangeTransportSchema, options, 'Instagram auth options', {
    platform: 'instagram',
  });
  const tokenUrl = new URL(transport.tokenUrl);
  const http = createGraphHttpClient({
    platform: 'instagram',
    baseUrl: tokenUrl.origin,
    // `user_id` comes as a JSON number past 2^53 (`17841405793187218` in the reference): quoted
    // before it is parsed, so no digit is lost.
    fetch: exactIntegers(['user_id'], (url) => url.pathname === tokenUrl.pathname, transport.fetch),
    timeoutMs: transport.timeoutMs,
    classifyError: classifyInstagramCodeError,
  });
  const { data } = await http.request({
    method: 'POST',
    path: tokenUrl.pathname,
    operation: 'exchange Instagram Login code',
    form: {
      client_id: options.clientId,
      client_secret: options.appSecret,
      grant_type: 'authorization_code',
      redirect_uri: options.redirectUri,
      code,
    },
    schema: InstagramCodeGrantSchema,
    auth: false,
    signal: options.signal,
    secrets: [options.appSecret, code, options.code],
  });
  const grant = data.data?.[0] ?? data;
  if (grant.access_token === undefined || grant.user_id === undefined) {
    throw new PlatformError(
      'platform_refused',
      'exchange Instagram Login code failed: the answer has no access_token or user_id',
      { platform: 'instagram' },
    );
  }
  const clock = options.clock ?? systemClock;
  const permissions =
    typeof grant.permissions === 'string' ? grant.permissions.split(',') : grant.permissions;
  const scopes = permissions?.map((scope) => scope.trim()).filter((scope) => scope !== '');
  return {
    accessToken: grant.access_token,
    expiresAt: new Date(clock.now() + INSTAGRAM_SHORT_LIVED_TTL_MS),
    userId: grant.user_id,
    ...(scopes === undefined ? {} : { scopes }),
  };
}

/**
 * Exchanges a short-lived (1 h) Instagram Login token for a 60-day one:
 * `GET graph.instagram.com/{v}/access_token?grant_type=ig_exchange_token&client_secret&access_token`
 * (https://developers.facebook.com/docs/instagram-platform/reference/access_token).
 *
 * @param options - the app secret, the short-lived token and transport
 * @returns the long-lived token, with `refreshToken` = the access token (Instagram Login refreshes with it)
 * @throws ValidationError when a transport option is invalid
 *
 * @example
 * ```ts
 * const tokens = await exchangeInstagramToken({ appSecret, shortLivedToken });
 * ```
 */
export async function exchangeInstagramToken(options: ExchangeInstagramTokenOptions): Promise<TokenSet> {
  return requestInstagramToken(options, {
    path: '/access_token',
    operation: 'exchange for long-lived Instagram token',
    query: {
      grant_type: 'ig_exchange_token',
      client_secret: options.appSecret,
      access_token: options.shortLivedToken,
    },
    secrets: [options.appSecret, options.shortLivedToken],
  });
}

/**
 * Refreshes a long-lived Instagram Login token with itself:
 * `GET graph.instagram.com/{v}/refresh_access_token?grant_type=ig_refresh_token&access_token`
 * → `{access_token, token_type, expires_in}`; the token must be at least 24 h old and unexpired
 * (https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token).
 * Nothing rotates: the old token keeps working until it expires. A refused token is an
 * `AuthError` (re-authorize); a 5xx or network failure a retryable `TransientError`.
 *
 * @param options - the current token and transport
 * @returns the new token, with `refreshToken` = the new access token
 * @throws ValidationError when a transport option is invalid
 *
 * @example
 * ```ts
 * const next = await refreshInstagramToken({ accessToken: current.accessToken });
 * ```
 */
export async function refreshInstagramToken(options: RefreshInstagramTokenOptions): Promise<TokenSet> {
  return requestInstagramToken(options, {
    path: '/refresh_access_token',
    operation: 'refresh Instagram token',
    query: { grant_type: 'ig_refresh_token', access_token: options.accessToken },
    secrets: [options.accessToken],
  });
}
