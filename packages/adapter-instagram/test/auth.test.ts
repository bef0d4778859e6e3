import {
  AuthError,
  createRefreshingTokenProvider,
  PlatformError,
  staticTokenProvider,
  ValidationError,
} from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import {
  discoverInstagramAccounts,
  exchangeFacebookCode,
  exchangeFacebookToken,
  exchangeInstagramCode,
  exchangeInstagramToken,
  facebookLoginAuthorizationUrl,
  INSTAGRAM_LOGIN_AUTHORIZE_URL,
  instagramLoginAuthorizationUrl,
  refreshInstagramToken,
} from '../src/index.js';
import { DAY, failureOf, HOUR, image, START, useInstagram, videoBytes } from './support/harness.js';

const APP_ID = '990602627938098';
const APP_SECRET = 'app-secret-MUST-NOT-LEAK';
const REDIRECT = 'https://app.example/callback';
const IG_SCOPES = [
  'instagram_business_basic',
  'instagram_business_content_publish',
  'instagram_business_manage_comments',
];
const FB_SCOPES = ['instagram_basic', 'instagram_content_publish', 'pages_read_engagement'];
const SIXTY_DAYS_S = 5_184_000;

const h = useInstagram();
const { ana } = h;
const login = h.sibling({
  baseUrl: 'https://graph.instagram.com',
  ruploadUrl: 'https://rupload.instagram.test',
});

/** The account ana on the Instagram Login host approves the window; returns the code as Meta sends it. */
function instagramConsent(state = 'state-1'): { code: string; redirect: URL } {
  const url = instagramLoginAuthorizationUrl({
    clientId: APP_ID,
    redirectUri: REDIRECT,
    scopes: IG_SCOPES,
    state,
  });
  const redirect = new URL(login.ig.consent(url, login.ana.account.id));
  expect(redirect.searchParams.get('state')).toBe(state);
  expect(redirect.hash).toBe('#_');
  // What a callback handler that reads the raw query string sees: the code, then Meta's `#_`.
  return { code: `${redirect.searchParams.get('code') ?? ''}#_`, redirect };
}

const exchangeCode = (code: string, redirectUri = REDIRECT) =>
  exchangeInstagramCode({
    clientId: APP_ID,
    appSecret: APP_SECRET,
    redirectUri,
    code,
    tokenUrl: `${login.ig.baseUrl}/oauth/access_token`,
    clock: h.adapterClock,
  });

describe('Instagram Login', () => {
  it('builds the authorization URL Meta documents, scopes comma-separated', () => {
    const url = new URL(
      instagramLoginAuthorizationUrl({
        clientId: APP_ID,
        redirectUri: REDIRECT,
        scopes: IG_SCOPES,
        state: 'xyz',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(INSTAGRAM_LOGIN_AUTHORIZE_URL);
    expect(INSTAGRAM_LOGIN_AUTHORIZE_URL).toBe('https://www.instagram.com/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: APP_ID,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: IG_SCOPES.join(','),
      state: 'xyz',
    });
  });

  it('refuses a URL without state or without instagram_business_basic, listing both problems', () => {
    let caught: unknown;
    try {
      instagramLoginAuthorizationUrl({
        clientId: APP_ID,
        redirectUri: REDIRECT,
        scopes: ['instagram_business_content_publish'],
        state: '',
      });
    } catch (error) {
      caught = error;
    }
    if (!ValidationError.isInstance(caught)) throw new Error('expected a ValidationError');
    expect(caught.problems.map((problem) => problem.rule).sort()).toEqual([
      'oauth.required',
      'oauth.scope_required',
    ]);
  });

  it('exchanges the code (without Meta\u2019s #_) for a 1-hour token and the user id, then for a 60-day token that works', async () => {
    const { code } = instagramConsent();
    const grant = await exchangeCode(code);
    expect(grant).toEqual({
      accessToken: expect.any(String),
      userId: login.ana.account.id,
      expiresAt: new Date(START + HOUR),
      scopes: IG_SCOPES,
    });
    const [request] = login.requests('POST /oauth/access_token');
    expect(request?.json).toMatchObject({
      grant_type: 'authorization_code',
      client_id: APP_ID,
      redirect_uri: REDIRECT,
    });

    const long = await exchangeInstagramToken({
      appSecret: APP_SECRET,
      shortLivedToken: grant.accessToken,
      baseUrl: login.ig.baseUrl,
      clock: h.adapterClock,
    });
    expect(long.expiresAt).toEqual(new Date(START + SIXTY_DAYS_S * 1000));
    expect(long.refreshToken).toBe(long.accessToken);
    expect(login.queries('GET /:version/access_token')[0]?.get('grant_type')).toBe('ig_exchange_token');

    const context = { ...login.context(), tokens: staticTokenProvider(long.accessToken) };
    const samples = await login.adapter({ host: 'instagram' }).getAccountMetrics(context);
    expect(samples.find((sample) => sample.metric === 'followers')?.value).toBe(42);
  });

  it('keeps every digit of a user id Meta sends as a JSON number past 2^53', async () => {
    // The reference's answer, with an odd id (a JavaScript number would round it to ...220).
    const answer = '{"access_token":"IGQVJabc","user_id":17841405793187219}';
    const grant = await exchangeInstagramCode({
      clientId: APP_ID,
      appSecret: APP_SECRET,
      redirectUri: REDIRECT,
      code: 'AQD-code',
      fetch: async () => new Response(answer, { headers: { 'content-type': 'application/json' } }),
    });
    expect(grant.userId).toBe('17841405793187219');
  });

  it('takes videos by URL only with Instagram Login, where resumable uploads are not offered', async () => {
    const adapter = login.adapter({ host: 'instagram' });
    expect(adapter.capabilities.media.sources).toEqual(['url']);
    expect(h.adapter().capabilities.media.sources).toContain('bytes');
    const error = await failureOf(adapter.publish({ media: [videoBytes()] }, login.context()), login.ig);
    expect(ValidationError.isInstance(error)).toBe(true);
    const direct = await fetch(
      `${login.ig.baseUrl}/v26.0/${login.ana.account.id}/media?media_type=REELS&upload_type=resumable`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${login.ana.accessToken}` },
      },
    );
    expect(direct.status).toBe(400);
  });

  it('keeps what the dialog granted on every token made from the code: a permission not asked for is refused', async () => {
    const adapter = login.adapter({ host: 'instagram' });
    const media = login.media('Measured');
    const grantedAsAsked = async (token: string) => {
      const context = { ...login.context(), tokens: staticTokenProvider(token) };
      await adapter.reply(media, 'Comments are granted', context);
      // IG_SCOPES leave out instagram_business_manage_insights.
      const error = await failureOf(adapter.getPostMetrics([media], context), login.ig);
      expect(error).toMatchObject({ code: 'auth_missing_scope' });
      expect(error.message).toContain('Requires instagram_business_manage_insights permission');
    };
    const grant = await exchangeCode(instagramConsent().code);
    await grantedAsAsked(grant.accessToken);
    const long = await exchangeInstagramToken({
      appSecret: APP_SECRET,
      shortLivedToken: grant.accessToken,
      baseUrl: login.ig.baseUrl,
      clock: h.adapterClock,
    });
    await grantedAsAsked(long.accessToken);
    h.clock.advance(DAY);
    const refreshed = await refreshInstagramToken({
      accessToken: long.accessToken,
      baseUrl: login.ig.baseUrl,
      clock: h.adapterClock,
    });
    await grantedAsAsked(refreshed.accessToken);
  });

  it('refuses a code used twice as an AuthError that keeps Meta\u2019s message and quotes neither code nor secret', async () => {
    const { code } = instagramConsent();
    await exchangeCode(code);
    const error = await failureOf(exchangeCode(code), login.ig, [APP_SECRET, code, code.replace('#_', '')]);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.code).toBe('auth_revoked');
    expect(error.retryable).toBe(false);
    expect(error.platformError).toMatchObject({
      message: 'This authorization code has been used',
      type: 'OAuthException',
    });
  });

  it('refuses a code sent with another redirect URI', async () => {
    const { code } = instagramConsent();
    const error = await failureOf(exchangeCode(code, 'https://evil.example/callback'), login.ig, [
      APP_SECRET,
      code,
    ]);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.platformError?.message).toContain('redirect_uri is identical');
  });

  it('refreshes a long-lived token once it is 24 h old, with ig_refresh_token', async () => {
    const long = await exchangeInstagramToken({
      appSecret: APP_SECRET,
      shortLivedToken: login.ig.issueShortLivedToken(login.ana.account.id),
      baseUrl: login.ig.baseUrl,
      clock: h.adapterClock,
    });
    const refresh = () =>
      refreshInstagramToken({
        accessToken: long.accessToken,
        baseUrl: login.ig.baseUrl,
        clock: h.adapterClock,
      });

    const early = await failureOf(refresh(), login.ig);
    expect(PlatformError.isInstance(early)).toBe(true);
    expect(early.platformError?.message).toContain('too new to be refreshed');

    h.clock.advance(DAY + HOUR);
    const next = await refresh();
    expect(next.accessToken).not.toBe(long.accessToken);
    expect(next.refreshToken).toBe(next.accessToken);
    expect(next.expiresAt).toEqual(new Date(START + DAY + HOUR + SIXTY_DAYS_S * 1000));
    expect(login.queries('GET /:version/refresh_access_token').at(-1)?.get('grant_type')).toBe(
      'ig_refresh_token',
    );
  });

  it('reports an expired token at refresh as auth_expired: a person has to log in again', async () => {
    const short = login.ig.issueShortLivedToken(login.ana.account.id);
    h.clock.advance(2 * HOUR);
    const error = await failureOf(
      refreshInstagramToken({ accessToken: short, baseUrl: login.ig.baseUrl, clock: h.adapterClock }),
      login.ig,
    );
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.code).toBe('auth_expired');
    expect(error.platformError).toMatchObject({ code: 190, subcode: 463 });
  });

  it('lets core\u2019s refreshing provider renew a token a week before it expires', async () => {
    const long = await exchangeInstagramToken({
      appSecret: APP_SECRET,
      shortLivedToken: login.ig.issueShortLivedToken(login.ana.account.id),
      baseUrl: login.ig.baseUrl,
      clock: h.adapterClock,
    });
    let stored = long;
    const tokens = createRefreshingTokenProvider({
      platform: 'instagram',
      tokens: async () => stored,
      refresh: (token) =>
        refreshInstagramToken({ accessToken: token, baseUrl: login.ig.baseUrl, clock: h.adapterClock }),
      persist: (next) => {
        stored = next;
      },
      refreshMarginMs: 7 * DAY,
      clock: h.adapterClock,
    });
    expect(await tokens.getAccessToken()).toBe(long.accessToken);
    h.clock.advance(54 * DAY);
    const renewed = await tokens.getAccessToken();
    expect(renewed).not.toBe(long.accessToken);
    expect(stored.accessToken).toBe(renewed);
    expect(login.requests('GET /:version/refresh_access_token')).toHaveLength(1);
  });
});

describe('Facebook Login', () => {
  const consent = (state = 'fb-state') => {
    const url = facebookLoginAuthorizationUrl({
      appId: APP_ID,
      redirectUri: REDIRECT,
      scopes: FB_SCOPES,
      state,
    });
    const redirect = new URL(h.ig.consent(url, ana.account.id));
    expect(redirect.searchParams.get('state')).toBe(state);
    return redirect.searchParams.get('code') ?? '';
  };
  const exchange = (code: string, redirectUri = REDIRECT) =>
    exchangeFacebookCode({
      appId: APP_ID,
      appSecret: APP_SECRET,
      redirectUri,
      code,
      baseUrl: h.ig.baseUrl,
      clock: h.adapterClock,
    });

  it('exchanges the code, then for a ~60-day token, then finds the Instagram account behind each Page', async () => {
    const short = await exchange(consent());
    expect(short.expiresAt).toEqual(new Date(START + HOUR));
    const long = await exchangeFacebookToken({
      appId: APP_ID,
      appSecret: APP_SECRET,
      shortLivedToken: short.accessToken,
      baseUrl: h.ig.baseUrl,
      clock: h.adapterClock,
    });
    expect(long.expiresAt).toEqual(new Date(START + 5_183_944 * 1000));
    expect(long.refreshToken).toBeUndefined();
    const exchangeQuery = h.queries('GET /:version/oauth/access_token').at(-1);
    expect(exchangeQuery?.get('grant_type')).toBe('fb_exchange_token');
    expect(exchangeQuery?.get('client_id')).toBe(APP_ID);

    const links = await discoverInstagramAccounts({
      userAccessToken: long.accessToken,
      baseUrl: h.ig.baseUrl,
    });
    expect(links).toEqual([
      expect.objectContaining({
        instagramAccountId: ana.account.id,
        pageId: expect.any(String),
        pageAccessToken: expect.any(String),
      }),
    ]);
    expect(h.queries('GET /:version/me/accounts')[0]?.get('fields')).toContain('instagram_business_account');

    // Every token made from the code keeps what the dialog granted: FB_SCOPES leave out
    // instagram_manage_comments, so the Page token may publish but not comment.
    const context = { ...h.context(), tokens: staticTokenProvider(links[0]?.pageAccessToken ?? '') };
    await h.adapter().publish({ text: 'Granted', media: [image()] }, context);
    const error = await failureOf(h.adapter().reply(h.media('Not granted'), 'Hello', context), h.ig);
    expect(error).toMatchObject({ code: 'auth_missing_scope' });
    expect(error.message).toContain('Requires instagram_manage_comments permission');
  });

  it('refuses a used code and a code for another redirect URI, keeping Meta\u2019s code and subcode', async () => {
    const code = consent();
    await exchange(code);
    const used = await failureOf(exchange(code), h.ig, [APP_SECRET, code]);
    expect(AuthError.isInstance(used)).toBe(true);
    expect(used.code).toBe('auth_revoked');
    expect(used.platformError).toMatchObject({
      code: 100,
      subcode: 36009,
      message: 'This authorization code has been used.',
    });

    const other = consent();
    const mismatch = await failureOf(exchange(other, 'https://app.example/other'), h.ig, [APP_SECRET, other]);
    expect(mismatch.platformError?.subcode).toBe(36008);
  });

  it('keeps the app secret and the token out of a refused long-lived exchange', async () => {
    const stale = h.ig.issueShortLivedToken(ana.account.id);
    h.clock.advance(2 * HOUR);
    const error = await failureOf(
      exchangeFacebookToken({
        appId: APP_ID,
        appSecret: APP_SECRET,
        shortLivedToken: stale,
        baseUrl: h.ig.baseUrl,
      }),
      h.ig,
      [APP_SECRET, stale],
    );
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.code).toBe('auth_expired');
  });
});
