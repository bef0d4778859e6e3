import { type Clock, type HttpClient, systemClock, type TokenSet } from '@smmkit/core';
import { createInstagramHttpClient } from './http-client.js';
import { PageAccountsSchema, TokenResponseSchema } from './schemas.js';
import { INSTAGRAM_DEFAULTS, INSTAGRAM_HOSTS } from './settings.js';

// Token flows (meta-common.md, Tokens):
// - Facebook Login: exchange the short-lived user token for a ~60-day one
//   (exchangeFacebookToken), then find the Instagram account of each Page
//   (discoverInstagramAccounts). These tokens are not refreshed: re-authorize before they expire.
// - Instagram Login: exchange the 1-hour token for a 60-day one (exchangeInstagramToken), then
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

function client(options: InstagramAuthOptions, host: 'facebook' | 'instagram'): HttpClient {
  const origin = (options.baseUrl ?? INSTAGRAM_HOSTS[host]).replace(/\/+$/, '');
  return createInstagramHttpClient({
    baseUrl: `${origin}/${options.graphVersion ?? INSTAGRAM_DEFAULTS.graphVersion}`,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS,
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
