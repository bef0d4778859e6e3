/**
 * Every adapter's token-endpoint helpers (code exchanges, refreshes, revokes), with the sweep's
 * secrets: the registry of the sweep's token-endpoint probes. An adapter with auth helpers adds
 * its entries here; a platform of the demo's registry without any is named in the report.
 *
 * The bench's package.json does not list `@smmkit/adapter-instagram`, `@smmkit/adapter-linkedin`
 * or `@smmkit/adapter-facebook` (adding them would change the workspace lockfile); they are
 * imported from where the demo, which depends on them, resolves them.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { exchangeXCode, refreshXToken, revokeXToken } from '@smmkit/adapter-x';
import type { Clock, TokenSet } from '@smmkit/core';
import { exchangeMastodonCode } from '@smmkit/example-adapter-mastodon';
import { CLIENT_ID, SWEEP_SECRETS } from './secret-set.ts';

/** What an auth helper is called with. */
export interface AuthTransport {
  readonly fetch: typeof globalThis.fetch;
  readonly clock: Clock;
}

/** One token-endpoint helper. */
export interface AuthFlow {
  /** The platform id. */
  readonly platform: string;
  /** The helper and how it is called, for the report. */
  readonly name: string;
  /** True when it sends `Authorization: Basic base64(client_id:secret)`. */
  readonly sendsBasic: boolean;
  /** Calls it with the sweep's secrets. */
  call(transport: AuthTransport): Promise<unknown>;
  /**
   * For a refresh helper: the tokens a `createRefreshingTokenProvider` starts from (expired) and
   * its `refresh` callback, so the sweep also drives it through the adapter and the publisher.
   */
  readonly refresh?: {
    readonly tokens: TokenSet;
    callback(transport: AuthTransport): (refreshToken: string) => Promise<TokenSet>;
  };
}

const { accessToken: AT, refreshToken: RT, clientSecret: CS, code: CODE, verifier: VERIFIER } = SWEEP_SECRETS;
const REDIRECT_URI = 'https://app.example.test/callback';
const EXPIRED = new Date(Date.parse('2026-01-01T00:00:00.000Z'));
const X_API = 'https://api.x.test';

type InstagramModule = typeof import('@smmkit/adapter-instagram');
const fromDemo = createRequire(new URL('../../../examples/demo/package.json', import.meta.url));
const instagram = (await import(
  pathToFileURL(fromDemo.resolve('@smmkit/adapter-instagram')).href
)) as InstagramModule;
const GRAPH = { baseUrl: 'https://graph.instagram.test', graphVersion: 'v26.0' };

type LinkedInModule = typeof import('@smmkit/adapter-linkedin');
const linkedin = (await import(
  pathToFileURL(fromDemo.resolve('@smmkit/adapter-linkedin')).href
)) as LinkedInModule;
const LINKEDIN_TOKEN_URL = 'https://www.linkedin.test/oauth/v2/accessToken';

type FacebookModule = typeof import('@smmkit/adapter-facebook');
const facebook = (await import(
  pathToFileURL(fromDemo.resolve('@smmkit/adapter-facebook')).href
)) as FacebookModule;
const FACEBOOK_GRAPH = { baseUrl: 'https://graph.facebook.test', graphVersion: 'v26.0' };

// The demo does not list @smmkit/adapter-tiktok yet: it is imported by its own name from inside its
// package (Node resolves a package's self-reference through its "exports").
type TikTokModule = typeof import('@smmkit/adapter-tiktok');
const fromTikTok = createRequire(new URL('../../../packages/adapter-tiktok/package.json', import.meta.url));
const tiktok = (await import(
  pathToFileURL(fromTikTok.resolve('@smmkit/adapter-tiktok')).href
)) as TikTokModule;
const TIKTOK_TOKEN_URL = 'https://open.tiktok.test/v2/oauth/token/';

/** Every token-endpoint helper the sweep probes. */
export const AUTH_FLOWS: readonly AuthFlow[] = [
  {
    platform: 'x',
    name: 'refreshXToken (confidential client)',
    sendsBasic: true,
    call: ({ fetch, clock }) =>
      refreshXToken({
        clientId: CLIENT_ID,
        clientSecret: CS,
        refreshToken: RT,
        baseUrl: X_API,
        fetch,
        clock,
      }),
    refresh: {
      tokens: { accessToken: AT, refreshToken: RT, expiresAt: EXPIRED },
      callback:
        ({ fetch, clock }) =>
        (refreshToken) =>
          refreshXToken({
            clientId: CLIENT_ID,
            clientSecret: CS,
            refreshToken,
            baseUrl: X_API,
            fetch,
            clock,
          }),
    },
  },
  {
    platform: 'x',
    name: 'refreshXToken (public client)',
    sendsBasic: false,
    call: ({ fetch, clock }) =>
      refreshXToken({ clientId: CLIENT_ID, refreshToken: RT, baseUrl: X_API, fetch, clock }),
  },
  {
    platform: 'x',
    name: 'exchangeXCode (confidential client)',
    sendsBasic: true,
    call: ({ fetch, clock }) =>
      exchangeXCode({
        clientId: CLIENT_ID,
        clientSecret: CS,
        redirectUri: REDIRECT_URI,
        code: CODE,
        codeVerifier: VERIFIER,
        baseUrl: X_API,
        fetch,
        clock,
      }),
  },
  {
    platform: 'x',
    name: 'revokeXToken (confidential client)',
    sendsBasic: true,
    call: ({ fetch, clock }) =>
      revokeXToken({
        clientId: CLIENT_ID,
        clientSecret: CS,
        token: RT,
        tokenTypeHint: 'refresh_token',
        baseUrl: X_API,
        fetch,
        clock,
      }),
  },
  {
    platform: 'instagram',
    name: 'refreshInstagramToken',
    sendsBasic: false,
    call: ({ fetch, clock }) => instagram.refreshInstagramToken({ ...GRAPH, accessToken: AT, fetch, clock }),
    refresh: {
      // Instagram Login refreshes a long-lived token with itself.
      tokens: { accessToken: AT, refreshToken: AT, expiresAt: EXPIRED },
      callback:
        ({ fetch, clock }) =>
        (refreshToken) =>
          instagram.refreshInstagramToken({ ...GRAPH, accessToken: refreshToken, fetch, clock }),
    },
  },
  {
    platform: 'instagram',
    name: 'exchangeInstagramToken',
    sendsBasic: false,
    call: ({ fetch, clock }) =>
      instagram.exchangeInstagramToken({ ...GRAPH, appSecret: CS, shortLivedToken: AT, fetch, clock }),
  },
  {
    platform: 'instagram',
    name: 'exchangeInstagramCode',
    sendsBasic: false,
    call: ({ fetch, clock }) =>
      instagram.exchangeInstagramCode({
        clientId: CLIENT_ID,
        appSecret: CS,
        redirectUri: REDIRECT_URI,
        code: CODE,
        tokenUrl: 'https://api.instagram.test/oauth/access_token',
        fetch,
        clock,
      }),
  },
  {
    platform: 'instagram',
    name: 'exchangeFacebookCode',
    sendsBasic: false,
    call: ({ fetch, clock }) =>
      instagram.exchangeFacebookCode({
        ...GRAPH,
        appId: CLIENT_ID,
        appSecret: CS,
        redirectUri: REDIRECT_URI,
        code: CODE,
        fetch,
        clock,
      }),
  },
  {
    platform: 'instagram',
    name: 'exchangeFacebookToken',
    sendsBasic: false,
    call: ({ fetch, clock }) =>
      instagram.exchangeFacebookToken({
        ...GRAPH,
        appId: CLIENT_ID,
        appSecret: CS,
        shortLivedToken: AT,
        fetch,
        clock,
      }),
  },
  {
    platform: 'instagram',
    name: 'discoverInstagramAccounts',
    sendsBasic: false,
    call: ({ fetch, clock }) =>
      instagram.discoverInstagramAccounts({ ...GRAPH, userAccessToken: AT, fetch, clock }),
  },
  {
    platform: 'facebook',
    name: 'exchangeFacebookCode',
    sendsBasic: false,
    call: ({ fetch, clock }) =>
      facebook.exchangeFacebookCode({
        ...FACEBOOK_GRAPH,
        appId: CLIENT_ID,
        appSecret: CS,
        redirectUri: REDIRECT_URI,
        code: CODE,
        fetch,
        clock,
      }),
  },
  {
    platform: 'facebook',
    name: 'exchangeFacebookToken',
    sendsBasic: false,
    call: ({ fetch, clock }) =>
      facebook.exchangeFacebookToken({
        ...FACEBOOK_GRAPH,
        appId: CLIENT_ID,
        appSecret: CS,
        shortLivedToken: AT,
        fetch,
        clock,
      }),
  },
  {
    platform: 'facebook',
    name: 'discoverFacebookPages',
    sendsBasic: false,
    call: ({ fetch, clock }) =>
      facebook.discoverFacebookPages({ ...FACEBOOK_GRAPH, userAccessToken: AT, fetch, clock }),
  },
  {
    platform: 'facebook',
    name: 'facebookPageTokens (getAccessToken)',
    sendsBasic: false,
    call: ({ fetch, clock }) =>
      facebook
        .facebookPageTokens({
          ...FACEBOOK_GRAPH,
          pageId: '104000000000001',
          userAccessToken: AT,
          fetch,
          clock,
        })
        .getAccessToken(),
  },
  {
    platform: 'linkedin',
    name: 'exchangeLinkedInCode',
    sendsBasic: false,
    call: ({ fetch, clock }) =>
      linkedin.exchangeLinkedInCode({
        clientId: CLIENT_ID,
        clientSecret: CS,
        redirectUri: REDIRECT_URI,
        code: CODE,
        tokenUrl: LINKEDIN_TOKEN_URL,
        fetch,
        clock,
      }),
  },
  {
    platform: 'linkedin',
    name: 'refreshLinkedInToken',
    sendsBasic: false,
    call: ({ fetch, clock }) =>
      linkedin.refreshLinkedInToken({
        clientId: CLIENT_ID,
        clientSecret: CS,
        refreshToken: RT,
        tokenUrl: LINKEDIN_TOKEN_URL,
        fetch,
        clock,
      }),
  },
  {
    platform: 'tiktok',
    name: 'refreshTikTokToken',
    sendsBasic: false,
    call: ({ fetch, clock }) =>
      tiktok.refreshTikTokToken({
        clientKey: CLIENT_ID,
        clientSecret: CS,
        refreshToken: RT,
        tokenUrl: TIKTOK_TOKEN_URL,
        fetch,
        clock,
      }),
    refresh: {
      // TikTok rotates refresh tokens: the provider persists the new one.
      tokens: { accessToken: AT, refreshToken: RT, expiresAt: EXPIRED },
      callback:
        ({ fetch, clock }) =>
        (refreshToken) =>
          tiktok.refreshTikTokToken({
            clientKey: CLIENT_ID,
            clientSecret: CS,
            refreshToken,
            tokenUrl: TIKTOK_TOKEN_URL,
            fetch,
            clock,
          }),
    },
  },
  {
    platform: 'tiktok',
    name: 'exchangeTikTokCode (PKCE)',
    sendsBasic: false,
    call: ({ fetch, clock }) =>
      tiktok.exchangeTikTokCode({
        clientKey: CLIENT_ID,
        clientSecret: CS,
        redirectUri: REDIRECT_URI,
        code: CODE,
        codeVerifier: VERIFIER,
        tokenUrl: TIKTOK_TOKEN_URL,
        fetch,
        clock,
      }),
  },
  {
    platform: 'mastodon',
    name: 'exchangeMastodonCode',
    sendsBasic: false,
    call: ({ fetch }) =>
      exchangeMastodonCode({
        instanceUrl: 'https://mastodon.sweep.test',
        clientId: CLIENT_ID,
        clientSecret: CS,
        redirectUri: REDIRECT_URI,
        code: CODE,
        codeVerifier: VERIFIER,
        fetch,
      }),
  },
];
