import { AuthError, type Clock, PlatformError, type TokenSet, ValidationError, type ValidationProblem } from '@smmkit/core';
import {
  describeFailure,
  type ErrorClassifier,
  errorOptionsFrom,
  type HttpClient,
  systemClock,
} from '@smmkit/core/adapter-kit';
import { classifyInstagramError } from './classify-error.js';
import { createInstagramHttpClient } from './http-client.js';
import { InstagramCodeGrantSchema, PageAccountsSchema, TokenResponseSchema } from './schemas.js';
import { INSTAGRAM_DEFAULTS, INSTAGRAM_HOSTS } from './settings.js';

// Token flows (meta-common.md, Tokens):
// - Facebook Login: send the user to the Login dialog (facebookLoginAuthorizationUrl), exchange
//   the code for a short-lived user token (exchangeFacebookCode), exchange that for a ~60-day one
//   (exchangeFacebookToken), then find the Instagram account of each Page
//   (discoverInstagramAccounts). These tokens are not refreshed: re-authorize before they expire.
// - Instagram Login: send the user to the authorization window (instagramLoginAuthorizationUrl),
//   exchange the code for a 1-hour token and the IG user id (exchangeInstagramCode), exchange
//   the 1-hour token for a 60-day one (exchangeInstagramToken), then
//   refresh it with itself (refreshInstagramToken; it must be ≥ 24 h old and unexpired). There
//   is no separate refresh token, so these helpers return `refreshToken` = the access token,
//   which is what core's createRefreshingTokenProvider hands back to `refresh`:
//
//     const tokens = createRefreshingTokenProvider({
//       platform: 'instagram',
//       tokens: () => db.loadTokens(accountId),            // { accessToken, refreshToken: accessToken, expiresAt }
//       refresh: (token) => refreshInstagramToken({ accessToken: token }),
//       persist: (next) => db.saveTokens(accountId, next),
//       refreshMarginMs: 7 * 24 * 3600 * 1000,              // refresh a week ahead of the 60 days
//     });

/** A token call gets its own timeout: a shared refresh is never cancelled. */
const DEFAULT_TOKEN_TIMEOUT_MS = 15_000;

/**
 * The Instagram Login authorization window (developers.facebook.com, Instagram Platform, "Business
 * Login for Instagram", Step 1: `https://www.instagram.com/oauth/authorize?client_id&redirect_uri&
 * response_type=code&scope`; not in shared/platforms yet).
 */
export const INSTAGRAM_LOGIN_AUTHORIZE_URL = 'https://www.instagram.com/oauth/authorize';

/**
 * Where an Instagram Login code is exchanged (developers.facebook.com, Instagram Platform
 * reference, "OAuth Access Token": `POST https://api.instagram.com/oauth/access_token` with
 * `client_id`, `client_secret`, `grant_type=authorization_code`, `redirect_uri`, `code` as form
 * fields → a short-lived token and the user id).
 */
export const INSTAGRAM_LOGIN_TOKEN_URL = 'https://api.instagram.com/oauth/access_token';

/**
 * The Facebook Login dialog, without the version (developers.facebook.com, Facebook Login,
 * "Manually Build a Login Flow": `https://www.facebook.com/{v}/dialog/oauth?client_id&redirect_uri&state`).
 */
export const FACEBOOK_LOGIN_DIALOG_ORIGIN = 'https://www.facebook.com';

/**
 * Instagram Login short-lived tokens last one hour (meta-common.md, Tokens: "Instagram Login:
 * short-lived 1 h"); the code exchange answers without `expires_in`.
 */
const INSTAGRAM_SHORT_LIVED_TTL_MS = 3_600_000;

/** Transport shared by the auth helpers. */
export interface InstagramAuthOptions {
  /** Graph API version; default `v26.0`. */
  readonly graphVersion?: string | undefined;
  /** Replaces the host's origin (simulators); the version is still appended. */
  readonly baseUrl?: string | undefined;
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Stops the call. */
  readonly signal?: AbortSignal | undefined;
  /** Milliseconds before the call is abandoned; default 15 000. */
  readonly timeoutMs?: number | undefined;
  /** Time source for `expiresAt`; default the system clock. */
  readonly clock?: Clock | undefined;
}

/** What {@link instagramLoginAuthorizationUrl} needs. */
export interface InstagramLoginAuthorizationUrlOptions {
  /** The Instagram app id (`client_id`), from the App Dashboard's Instagram Login settings. */
  readonly clientId: string;
  /** Where Instagram sends the user back; must match a URI registered for the app. */
  readonly redirectUri: string;
  /**
   * Permissions to ask for: `instagram_business_basic` and the others of instagram.md,
   * Permissions (Instagram Login). Sent comma-separated.
   */
  readonly scopes: readonly string[];
  /** A value you check on the way back, against forged callbacks (core's `createOAuthState`). */
  readonly state: string;
  /** The authorization window; default {@link INSTAGRAM_LOGIN_AUTHORIZE_URL} (tests point it elsewhere). */
  readonly authorizeUrl?: string | undefined;
}

/** What {@link exchangeInstagramCode} needs. */
export interface ExchangeInstagramCodeOptions extends InstagramAuthOptions {
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

/** What {@link facebookLoginAuthorizationUrl} needs. */
export interface FacebookLoginAuthorizationUrlOptions {
  /** The Meta app id (`client_id`). */
  readonly appId: string;
  /** Where Facebook sends the user back; must be one of the app's valid OAuth redirect URIs. */
  readonly redirectUri: string;
  /** Permissions to ask for (instagram.md, Permissions, Facebook Login). Sent comma-separated. */
  readonly scopes: readonly string[];
  /** A value you check on the way back, against forged callbacks (core's `createOAuthState`). */
  readonly state: string;
  /** Graph API version of the dialog; default `v26.0`. */
  readonly graphVersion?: string | undefined;
  /** Replaces `https://www.facebook.com` (tests). */
  readonly dialogOrigin?: string | undefined;
}

/** What {@link exchangeFacebookCode} needs. */
export interface ExchangeFacebookCodeOptions extends InstagramAuthOptions {
  /** The Meta app id (`client_id`). */
  readonly appId: string;
  /** The Meta app secret (`client_secret`). */
  readonly appSecret: string;
  /** The redirect URI the dialog URL was built with (Meta refuses any other). */
  readonly redirectUri: string;
  /** The `code` of the redirect. */
  readonly code: string;
}

/** What {@link exchangeFacebookToken} needs. */
export interface ExchangeFacebookTokenOptions extends InstagramAuthOptions {
  /** The Meta app id (`client_id`). */
  readonly appId: string;
  /** The Meta app secret (`client_secret`). */
  readonly appSecret: string;
  /** The short-lived user token from Facebook Login. */
  readonly shortLivedToken: string;
}

/** What {@link discoverInstagramAccounts} needs. */
export interface DiscoverInstagramAccountsOptions extends InstagramAuthOptions {
  /** A (long-lived) Facebook user token. */
  readonly userAccessToken: string;
}

/** A Facebook Page with its linked Instagram professional account. */
export interface InstagramAccountLink {
  /** The IG user id: `Account.accountId` for the adapter. */
  readonly instagramAccountId: string;
  /** The Instagram username, when Meta returned it. */
  readonly username?: string | undefined;
  /** The Page id. */
  readonly pageId: string;
  /** The Page name, when returned. */
  readonly pageName?: string | undefined;
  /** The Page access token, when returned. */
  readonly pageAccessToken?: string | undefined;
}

/** What {@link exchangeInstagramToken} needs. */
export interface ExchangeInstagramTokenOptions extends InstagramAuthOptions {
  /** The Instagram app secret (`client_secret`). */
  readonly appSecret: string;
  /** The short-lived (1 h) Instagram Login token. */
  readonly shortLivedToken: string;
}

/** What {@link refreshInstagramToken} needs. */
export interface RefreshInstagramTokenOptions extends InstagramAuthOptions {
  /** The current long-lived Instagram Login token (≥ 24 h old, unexpired). */
  readonly accessToken: string;
}

/**
 * The URL to send a user to so they grant your app access with Instagram Login
 * (developers.facebook.com, "Business Login for Instagram", Step 1; reference "OAuth Authorize"):
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
  // "OAuth Authorize" reference: `instagram_basic or instagram_business_basic is required`.
  checkAuthorization(
    { clientId: options.clientId, redirectUri: options.redirectUri, state: options.state },
    options.scopes,
    'instagram_business_basic',
    'Instagram Login authorization URL',
  );
  const url = new URL(options.authorizeUrl ?? INSTAGRAM_LOGIN_AUTHORIZE_URL);
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('redirect_uri', options.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', options.scopes.join(','));
  url.searchParams.set('state', options.state);
  return url.toString();
}

/**
 * Exchanges the code of an Instagram Login redirect for a short-lived (1 h) token and the user's
 * id: `POST https://api.instagram.com/oauth/access_token` with the form fields `client_id`,
 * `client_secret`, `grant_type=authorization_code`, `redirect_uri`, `code` (developers.facebook.com,
 * reference "OAuth Access Token" → `{access_token, user_id}`; "Business Login for Instagram" shows
 * the same inside `data:[{access_token, user_id, permissions}]`, and both are read). Exchange the
 * result for a 60-day token with {@link exchangeInstagramToken} right away.
 *
 * A refused code (used, expired, another redirect URI) is an `AuthError('auth_revoked')` keeping
 * Meta's message; the secret and the code are kept out of every error.
 *
 * @param options - app credentials, redirect URI, code and transport
 * @returns the 1-hour token (`expiresAt` one hour from now), the user id and the granted permissions
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
  // "OAuth Authorize" reference: Instagram appends `#_` to the redirect URI; it is not part of the code.
  const code = options.code.replace(/#_$/, '');
  const tokenUrl = new URL(options.tokenUrl ?? INSTAGRAM_LOGIN_TOKEN_URL);
  const http = createInstagramHttpClient({
    baseUrl: tokenUrl.origin,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS,
    classifyError: classifyCodeExchangeError,
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
 * The Facebook Login dialog URL (developers.facebook.com, "Manually Build a Login Flow"):
 * `https://www.facebook.com/{v}/dialog/oauth?client_id&redirect_uri&state&response_type=code&scope`,
 * the scopes comma-separated. Check the `state` of the redirect before {@link exchangeFacebookCode}.
 *
 * @param options - app id, redirect URI, scopes, state and version
 * @returns the dialog URL
 * @throws ValidationError when a required value is empty or `instagram_basic` is not asked
 *
 * @example
 * ```ts
 * const url = facebookLoginAuthorizationUrl({
 *   appId, redirectUri: 'https://app.example/callback/facebook', state: createOAuthState(),
 *   scopes: ['instagram_basic', 'instagram_content_publish', 'pages_show_list', 'pages_read_engagement'],
 * });
 * ```
 */
export function facebookLoginAuthorizationUrl(options: FacebookLoginAuthorizationUrlOptions): string {
  checkAuthorization(
    { appId: options.appId, redirectUri: options.redirectUri, state: options.state },
    options.scopes,
    // instagram.md, Permissions (Facebook Login): instagram_basic reads the account at all.
    'instagram_basic',
    'Facebook Login dialog URL',
  );
  const version = options.graphVersion ?? INSTAGRAM_DEFAULTS.graphVersion;
  const origin = (options.dialogOrigin ?? FACEBOOK_LOGIN_DIALOG_ORIGIN).replace(/\/+$/, '');
  const url = new URL(`${origin}/${version}/dialog/oauth`);
  url.searchParams.set('client_id', options.appId);
  url.searchParams.set('redirect_uri', options.redirectUri);
  url.searchParams.set('state', options.state);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', options.scopes.join(','));
  return url.toString();
}

/**
 * Exchanges the code of a Facebook Login redirect for a (short-lived) user token:
 * `GET graph.facebook.com/{v}/oauth/access_token?client_id&redirect_uri&client_secret&code` →
 * `{access_token, token_type, expires_in}` (developers.facebook.com, "Manually Build a Login
 * Flow", Exchanging Code for an Access Token). Exchange it for a ~60-day token with
 * {@link exchangeFacebookToken}. A refused code is an `AuthError('auth_revoked')` keeping Meta's
 * message; the secret and the code are kept out of every error.
 *
 * @param options - app credentials, redirect URI, code and transport
 * @returns the user token
 *
 * @example
 * ```ts
 * const short = await exchangeFacebookCode({ appId, appSecret, redirectUri, code });
 * const tokens = await exchangeFacebookToken({ appId, appSecret, shortLivedToken: short.accessToken });
 * ```
 */
export async function exchangeFacebookCode(options: ExchangeFacebookCodeOptions): Promise<TokenSet> {
  const data = await tokenRequest(client(options, 'facebook', classifyCodeExchangeError), options, {
    path: '/oauth/access_token',
    operation: 'exchange Facebook Login code',
    query: {
      client_id: options.appId,
      redirect_uri: options.redirectUri,
      client_secret: options.appSecret,
      code: options.code,
    },
    secrets: [options.appSecret, options.code],
  });
  return tokenSet(data, options, false);
}

/**
 * Exchanges a short-lived Facebook Login user token for a long-lived one (~60 days):
 * `GET graph.facebook.com/{v}/oauth/access_token?grant_type=fb_exchange_token&client_id&client_secret&fb_exchange_token`
 * → `{access_token, token_type, expires_in}` (meta-common.md, Tokens). The secret and both
 * tokens are kept out of every error.
 *
 * @param options - app credentials, the short-lived token and transport
 * @returns the long-lived token; no refresh token (Facebook Login tokens are re-authorized, not refreshed)
 *
 * @example
 * ```ts
 * const tokens = await exchangeFacebookToken({ appId, appSecret, shortLivedToken });
 * ```
 */
export async function exchangeFacebookToken(options: ExchangeFacebookTokenOptions): Promise<TokenSet> {
  const data = await tokenRequest(client(options, 'facebook'), options, {
    path: '/oauth/access_token',
    operation: 'exchange for long-lived token',
    query: {
      grant_type: 'fb_exchange_token',
      client_id: options.appId,
      client_secret: options.appSecret,
      fb_exchange_token: options.shortLivedToken,
    },
    secrets: [options.appSecret, options.shortLivedToken],
  });
  return tokenSet(data, options, false);
}

/**
 * Lists the Facebook Pages the user manages that have an Instagram professional account:
 * `GET /me/accounts?fields=id,name,access_token,instagram_business_account{id,username,name}`
 * (meta-common.md, Tokens), every page of them. Pages without an Instagram account are left out.
 *
 * @param options - the user token and transport
 * @returns one link per Instagram account; use `instagramAccountId` as the adapter's account id
 *
 * @example
 * ```ts
 * const [first] = await discoverInstagramAccounts({ userAccessToken: tokens.accessToken });
 * ```
 */
export async function discoverInstagramAccounts(
  options: DiscoverInstagramAccountsOptions,
): Promise<InstagramAccountLink[]> {
  const http = client(options, 'facebook');
  const links: InstagramAccountLink[] = [];
  let after: string | undefined;
  for (;;) {
    const { data } = await http.request({
      method: 'GET',
      path: '/me/accounts',
      operation: 'list Pages and Instagram accounts',
      searchParams: { fields: 'id,name,access_token,instagram_business_account{id,username,name}', after },
      headers: { Authorization: `Bearer ${options.userAccessToken}` },
      schema: PageAccountsSchema,
      auth: false,
      signal: options.signal,
      secrets: [options.userAccessToken],
    });
    for (const page of data.data ?? []) {
      const account = page.instagram_business_account;
      if (account === undefined) continue;
      links.push({
        instagramAccountId: account.id,
        ...(account.username === undefined ? {} : { username: account.username }),
        pageId: page.id,
        ...(page.name === undefined ? {} : { pageName: page.name }),
        ...(page.access_token === undefined ? {} : { pageAccessToken: page.access_token }),
      });
    }
    after = data.paging?.next === undefined ? undefined : data.paging.cursors?.after;
    if (after === undefined) return links;
  }
}

/**
 * Exchanges a short-lived (1 h) Instagram Login token for a 60-day one:
 * `GET graph.instagram.com/{v}/access_token?grant_type=ig_exchange_token&client_secret&access_token`
 * (meta-common.md, Tokens).
 *
 * @param options - the app secret, the short-lived token and transport
 * @returns the long-lived token, with `refreshToken` = the access token (Instagram Login refreshes with it)
 *
 * @example
 * ```ts
 * const tokens = await exchangeInstagramToken({ appSecret, shortLivedToken });
 * ```
 */
export async function exchangeInstagramToken(options: ExchangeInstagramTokenOptions): Promise<TokenSet> {
  const data = await tokenRequest(client(options, 'instagram'), options, {
    path: '/access_token',
    operation: 'exchange for long-lived Instagram token',
    query: {
      grant_type: 'ig_exchange_token',
      client_secret: options.appSecret,
      access_token: options.shortLivedToken,
    },
    secrets: [options.appSecret, options.shortLivedToken],
  });
  return tokenSet(data, options, true);
}

/**
 * Refreshes a long-lived Instagram Login token with itself:
 * `GET graph.instagram.com/{v}/refresh_access_token?grant_type=ig_refresh_token&access_token`
 * → `{access_token, token_type, expires_in}` (meta-common.md, Tokens: the token must be ≥ 24 h
 * old and unexpired). Nothing rotates: the old token keeps working until it expires. A refused
 * token is an `AuthError` (re-authorize); a 5xx or network failure a retryable `TransientError`.
 *
 * @param options - the current token and transport
 * @returns the new token, with `refreshToken` = the new access token
 *
 * @example
 * ```ts
 * const next = await refreshInstagramToken({ accessToken: current.accessToken });
 * ```
 */
export async function refreshInstagramToken(options: RefreshInstagramTokenOptions): Promise<TokenSet> {
  const data = await tokenRequest(client(options, 'instagram'), options, {
    path: '/refresh_access_token',
    operation: 'refresh Instagram token',
    query: { grant_type: 'ig_refresh_token', access_token: options.accessToken },
    secrets: [options.accessToken],
  });
  return tokenSet(data, options, true);
}

/**
 * Code exchanges: a Graph error that is not transient nor throttling means the code cannot be
 * used (used, expired, another redirect URI), so a person has to authorize again. The token
 * endpoint of Instagram Login answers `{error_type, code, error_message}` instead of a Graph
 * error body (developers.facebook.com, Instagram Platform, "OAuth Access Token").
 */
const classifyCodeExchangeError: ErrorClassifier = (response) => {
  const classified = classifyInstagramError(response);
  if (classified !== undefined) {
    if (!PlatformError.isInstance(classified) || classified.code === 'not_found') return classified;
    return new AuthError('auth_revoked', classified.message, {
      ...errorOptionsFrom(response),
      ...(classified.platformError === undefined ? {} : { platformError: classified.platformError }),
    });
  }
  const body = response.body;
  if (typeof body !== 'object' || body === null || response.status >= 500) return undefined;
  const fields = body as Record<string, unknown>;
  const message = typeof fields.error_message === 'string' ? fields.error_message : undefined;
  if (message === undefined) return undefined;
  const type = typeof fields.error_type === 'string' ? fields.error_type : undefined;
  const code = typeof fields.code === 'number' ? fields.code : undefined;
  return new AuthError('auth_revoked', `${describeFailure(response)}: ${message}`, {
    ...errorOptionsFrom(response),
    platformError: {
      message,
      ...(code === undefined ? {} : { code }),
      ...(type === undefined ? {} : { type }),
    },
  });
};

function checkAuthorization(
  required: Readonly<Record<string, string>>,
  scopes: readonly string[],
  basicScope: string,
  subject: string,
): void {
  const problems: ValidationProblem[] = [];
  for (const [name, value] of Object.entries(required)) {
    if (value.trim() === '')
      problems.push({ path: [name], rule: 'oauth.required', message: 'must not be empty' });
  }
  if (!scopes.includes(basicScope)) {
    problems.push({
      path: ['scopes'],
      rule: 'oauth.scope_required',
      message: `must include ${basicScope}`,
      actual: scopes.join(','),
    });
  }
  if (problems.length > 0) throw new ValidationError(problems, subject, { platform: 'instagram' });
}

/** A Graph client for the auth helpers; `classifyError` replaces the Graph classifier (code exchanges). */
function client(
  options: InstagramAuthOptions,
  host: 'facebook' | 'instagram',
  classifyError?: ErrorClassifier,
): HttpClient {
  const origin = (options.baseUrl ?? INSTAGRAM_HOSTS[host]).replace(/\/+$/, '');
  return createInstagramHttpClient({
    baseUrl: `${origin}/${options.graphVersion ?? INSTAGRAM_DEFAULTS.graphVersion}`,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS,
    classifyError,
  });
}

async function tokenRequest(
  http: HttpClient,
  options: InstagramAuthOptions,
  call: {
    readonly path: string;
    readonly operation: string;
    readonly query: Readonly<Record<string, string>>;
    readonly secrets: readonly string[];
  },
) {
  const { data } = await http.request({
    method: 'GET',
    path: call.path,
    operation: call.operation,
    searchParams: call.query,
    schema: TokenResponseSchema,
    auth: false,
    signal: options.signal,
    secrets: call.secrets,
  });
  return data;
}

function tokenSet(
  data: { readonly access_token: string; readonly expires_in?: number | undefined },
  options: InstagramAuthOptions,
  selfRefreshing: boolean,
): TokenSet {
  const clock = options.clock ?? systemClock;
  return {
    accessToken: data.access_token,
    ...(data.expires_in === undefined ? {} : { expiresAt: new Date(clock.now() + data.expires_in * 1000) }),
    ...(selfRefreshing ? { refreshToken: data.access_token } : {}),
  };
}
