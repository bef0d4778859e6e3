import { AuthError, ValidationError } from '@smmkit/core';
import {
  failureOf,
  fastForwardClock,
  manualClock,
  type RunningSimulators,
  startSimulators,
} from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFacebookLogin, graphAuthClient, requestGraphToken } from '../src/index.js';
import { createGraphSimulator, GRAPH_USE_CASES } from '../src/mocks/index.js';

const START = Date.parse('2026-11-22T12:00:00.000Z');
const HOUR = 60 * 60_000;
const APP_ID = '990602627938098';
const APP_SECRET = 'app-secret-MUST-NOT-LEAK';
const REDIRECT = 'https://app.example/callback';
const FB_SCOPES = ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement'];

const clock = manualClock(START);
/** The helpers' clock: the simulator's time (the calls here never wait). */
const adapterClock = fastForwardClock(clock);
const graph = createGraphSimulator({
  platform: 'facebook',
  baseUrl: 'https://graph.facebook.test',
  useCase: GRAPH_USE_CASES.pages,
  clock,
});
const login = createFacebookLogin({ platform: 'facebook', basicScope: 'pages_show_list' });
const secrets = () => [...graph.sim.tokens.allIssued(), APP_SECRET];
let running: RunningSimulators;
let userId: string;

beforeAll(() => {
  userId = graph.sim.addAccount({ handle: 'ana' }).id;
  running = startSimulators(graph.sim);
});
beforeEach(() => {
  running.reset();
  clock.set(START);
});
afterAll(() => running.close());

/** ana approves a dialog URL; returns the code of the redirect. */
function consent(state = 'fb-state'): string {
  const url = login.authorizationUrl({ appId: APP_ID, redirectUri: REDIRECT, scopes: FB_SCOPES, state });
  const redirect = new URL(graph.consent(url, userId));
  expect(redirect.searchParams.get('state')).toBe(state);
  expect(redirect.hash).toBe('#_=_');
  return redirect.searchParams.get('code') ?? '';
}

const exchange = (code: string, redirectUri = REDIRECT) =>
  login.exchangeCode({
    appId: APP_ID,
    appSecret: APP_SECRET,
    redirectUri,
    code,
    baseUrl: graph.sim.baseUrl,
    clock: adapterClock,
  });

describe('dialog URL', () => {
  it('builds the versioned Login dialog URL', () => {
    const url = new URL(
      login.authorizationUrl({
        appId: APP_ID,
        redirectUri: REDIRECT,
        scopes: FB_SCOPES,
        state: 's1',
        graphVersion: 'v25.0',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://www.facebook.com/v25.0/dialog/oauth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: APP_ID,
      redirect_uri: REDIRECT,
      state: 's1',
      response_type: 'code',
      scope: FB_SCOPES.join(','),
    });
  });

  it('checks the dialog version and origin, and drops the origin\u2019s trailing slash', () => {
    const options = {
      appId: '1',
      redirectUri: 'https://app.example/cb',
      scopes: ['pages_show_list'],
      state: 's',
    };
    expect(() => login.authorizationUrl({ ...options, graphVersion: 'latest' })).toThrow(/graphVersion/);
    expect(() => login.authorizationUrl({ ...options, dialogOrigin: 'www.facebook.com' })).toThrow(
      /dialogOrigin/,
    );
    const url = new URL(login.authorizationUrl({ ...options, dialogOrigin: 'http://localhost:3000/' }));
    expect(`${url.origin}${url.pathname}`).toBe('http://localhost:3000/v26.0/dialog/oauth');
  });

  it('refuses a blank state and a scope list without the platform\u2019s basic scope, for the platform', () => {
    let caught: unknown;
    try {
      createFacebookLogin({ platform: 'instagram', basicScope: 'instagram_basic' }).authorizationUrl({
        appId: APP_ID,
        redirectUri: REDIRECT,
        scopes: ['pages_show_list'],
        state: ' ',
      });
    } catch (error) {
      caught = error;
    }
    if (!ValidationError.isInstance(caught)) throw new Error('expected a ValidationError');
    expect(caught.platform).toBe('instagram');
    expect(caught.problems.map((problem) => [problem.path.join('.'), problem.rule])).toEqual([
      ['state', 'oauth.required'],
      ['scopes', 'oauth.scope_required'],
    ]);
  });
});

describe('token exchange', () => {
  it('exchanges the code for a short-lived token, then for a ~60-day one without a refresh token', async () => {
    const short = await exchange(consent());
    expect(short).toEqual({ accessToken: expect.any(String), expiresAt: new Date(START + HOUR) });
    const long = await login.exchangeToken({
      appId: APP_ID,
      appSecret: APP_SECRET,
      shortLivedToken: short.accessToken,
      baseUrl: graph.sim.baseUrl,
      clock: adapterClock,
    });
    expect(long.expiresAt).toEqual(new Date(START + 5_183_944 * 1000));
    expect(long.refreshToken).toBeUndefined();
    expect(graph.sim.tokens.check(long.accessToken)).toMatchObject({ status: 'valid', accountId: userId });
    const query = new URL(graph.sim.log.forRoute('GET /:version/oauth/access_token').at(-1)?.url ?? '')
      .searchParams;
    expect(query.get('grant_type')).toBe('fb_exchange_token');
    expect(query.get('client_id')).toBe(APP_ID);
  });

  it('refuses a used code and a code for another redirect URI, keeping Meta\u2019s code and subcode', async () => {
    const code = consent();
    await exchange(code);
    const used = await failureOf(exchange(code), { secrets: () => [...secrets(), code] });
    expect(AuthError.isInstance(used)).toBe(true);
    expect(used.code).toBe('auth_revoked');
    expect(used.platform).toBe('facebook');
    expect(used.platformError).toMatchObject({
      code: 100,
      subcode: 36009,
      message: 'This authorization code has been used.',
    });
    const other = consent();
    const mismatch = await failureOf(exchange(other, 'https://app.example/other'), {
      secrets: () => [...secrets(), other],
    });
    expect(mismatch.platformError?.subcode).toBe(36008);
  });

  it('reports an expired short-lived token at the long-lived exchange as auth_expired, quoting no secret', async () => {
    const stale = graph.sim.tokens.issue(userId, { expiresInMs: HOUR }).accessToken;
    clock.advance(2 * HOUR);
    const error = await failureOf(
      login.exchangeToken({
        appId: APP_ID,
        appSecret: APP_SECRET,
        shortLivedToken: stale,
        baseUrl: graph.sim.baseUrl,
      }),
      { secrets },
    );
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.code).toBe('auth_expired');
  });
});

describe('auth transport', () => {
  it('refuses a bad version, base URL and timeout at once, before any request, for the platform', async () => {
    const requests: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      requests.push(String(input));
      throw new Error('no request expected');
    };
    let caught: unknown;
    try {
      graphAuthClient(
        { graphVersion: '26', baseUrl: 'graph.facebook.com', timeoutMs: 0, fetch },
        { platform: 'instagram' },
      );
    } catch (error) {
      caught = error;
    }
    if (!ValidationError.isInstance(caught)) throw new Error('expected a ValidationError');
    expect(caught.platform).toBe('instagram');
    expect(caught.message).toContain('Instagram auth options');
    expect(caught.problems.map((problem) => [problem.path.join('.'), problem.rule])).toEqual([
      ['graphVersion', 'settings.graph_version'],
      ['baseUrl', 'settings.base_url'],
      ['timeoutMs', 'settings.positive_integer'],
    ]);
    expect(requests).toEqual([]);
  });

  it('sends a token call to the target host with the version, or to baseUrl when given', async () => {
    const urls: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return Response.json({ access_token: 'new-token', token_type: 'bearer', expires_in: 60 });
    };
    const request = {
      platform: 'instagram',
      origin: 'https://graph.instagram.com',
      path: '/refresh_access_token',
      operation: 'refresh',
      query: { grant_type: 'ig_refresh_token', access_token: 'old-token' },
      secrets: ['old-token'],
    } as const;
    expect(await requestGraphToken({ fetch, clock: adapterClock }, request)).toEqual({
      accessToken: 'new-token',
      expiresAt: new Date(START + 60_000),
    });
    await requestGraphToken({ fetch, graphVersion: 'v25.0', baseUrl: 'https://proxy.example/' }, request);
    expect(urls.map((url) => `${new URL(url).origin}${new URL(url).pathname}`)).toEqual([
      'https://graph.instagram.com/v26.0/refresh_access_token',
      'https://proxy.example/v25.0/refresh_access_token',
    ]);
  });
});
