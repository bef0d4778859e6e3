import { AuthError, staticTokenProvider, ValidationError } from '@smmkit/core';
import { failureOf } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import {
  exchangeFacebookCode,
  exchangeFacebookToken,
  FACEBOOK_PAGE_SCOPES,
  facebookLoginAuthorizationUrl,
  facebookPageTokens,
} from '../src/index.js';
import { START, useFacebook } from './support/harness.js';

const h = useFacebook();
const APP_ID = '990602627938098';
const APP_SECRET = 'app-secret-MUST-NOT-LEAK';
const REDIRECT = 'https://app.example/callback/facebook';
const DAY = 86_400_000;
const acmeId = h.acme.account.id;
// A person with a role on acme; what they grant is decided in the Login dialog.
const ana = h.facebook.addUser('ana', { pages: [{ pageId: acmeId }] });
const secrets = () => [...h.facebook.sim.tokens.allIssued(), APP_SECRET];
const transport = () => ({ baseUrl: h.facebook.baseUrl, clock: h.adapterClock });

/** ana approves a dialog URL asking for `scopes`; returns the code of the redirect. */
function consent(scopes?: readonly string[]): string {
  const url = facebookLoginAuthorizationUrl({ appId: APP_ID, redirectUri: REDIRECT, state: 'st-1', scopes });
  const redirect = new URL(h.facebook.consent(url, ana.user.id));
  expect(redirect.searchParams.get('state')).toBe('st-1');
  return redirect.searchParams.get('code') ?? '';
}

/** The Login flow after the redirect: code → short-lived → long-lived user token. */
async function logIn(code: string) {
  const short = await exchangeFacebookCode({
    appId: APP_ID,
    appSecret: APP_SECRET,
    redirectUri: REDIRECT,
    code,
    ...transport(),
  });
  const long = await exchangeFacebookToken({
    appId: APP_ID,
    appSecret: APP_SECRET,
    shortLivedToken: short.accessToken,
    ...transport(),
  });
  return { short, long };
}

describe('Facebook Login dialog URL', () => {
  it('asks for the Page permissions by default, comma-separated, on the versioned dialog', () => {
    const url = new URL(facebookLoginAuthorizationUrl({ appId: APP_ID, redirectUri: REDIRECT, state: 's' }));
    expect(`${url.origin}${url.pathname}`).toBe('https://www.facebook.com/v26.0/dialog/oauth');
    expect(url.searchParams.get('scope')).toBe(FACEBOOK_PAGE_SCOPES.join(','));
    expect(FACEBOOK_PAGE_SCOPES).toEqual(expect.arrayContaining(['pages_show_list', 'pages_manage_posts']));
    expect(url.searchParams.get('response_type')).toBe('code');
  });

  it('refuses scopes without pages_show_list and a blank state, all at once, for facebook', () => {
    let caught: unknown;
    try {
      facebookLoginAuthorizationUrl({
        appId: APP_ID,
        redirectUri: REDIRECT,
        state: '',
        scopes: ['pages_manage_posts'],
      });
    } catch (error) {
      caught = error;
    }
    if (!ValidationError.isInstance(caught)) throw new Error('expected a ValidationError');
    expect(caught.platform).toBe('facebook');
    expect(caught.problems.map((problem) => problem.rule)).toEqual([
      'oauth.required',
      'oauth.scope_required',
    ]);
  });
});

describe('Facebook Login for Pages, end to end', () => {
  it('logs in, gets a ~60-day user token, finds the Page token and posts to the Page', async () => {
    const { short, long } = await logIn(consent());
    expect(short.expiresAt).toEqual(new Date(START + 3_600_000));
    expect(long.expiresAt?.getTime()).toBeGreaterThan(START + 59 * DAY);
    expect(long.refreshToken).toBeUndefined();
    const tokens = facebookPageTokens({ pageId: acmeId, userAccessToken: long.accessToken, ...transport() });
    const result = await h.adapter().publish({ text: 'Posted after Facebook Login' }, h.context({ tokens }));
    expect(h.facebook.sim.posts.get(result.ref.platformPostId)?.accountId).toBe(acmeId);
  });

  it('names the permission the user did not grant in the dialog', async () => {
    const { long } = await logIn(consent(['pages_show_list', 'pages_read_engagement']));
    const tokens = facebookPageTokens({ pageId: acmeId, userAccessToken: long.accessToken, ...transport() });
    const error = await failureOf(h.adapter().publish({ text: 'x' }, h.context({ tokens })), { secrets });
    expect(error.code).toBe('auth_missing_scope');
    expect(error.message).toContain('the app was not granted pages_manage_posts');
  });

  it('grants each permission of a space-separated scope (the dialog takes comma or space separated)', async () => {
    // https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow: scope is
    // "A comma or space separated list of Permissions".
    const url = new URL(
      facebookLoginAuthorizationUrl({ appId: APP_ID, redirectUri: REDIRECT, state: 'st-1' }),
    );
    url.searchParams.set('scope', 'pages_show_list pages_read_engagement');
    const code = new URL(h.facebook.consent(url.toString(), ana.user.id)).searchParams.get('code') ?? '';
    const { long } = await logIn(code);
    const response = await fetch(`${h.facebook.baseUrl}/v26.0/me/permissions`, {
      headers: { authorization: `Bearer ${long.accessToken}` },
    });
    expect(await response.json()).toEqual({
      data: [
        { permission: 'pages_show_list', status: 'granted' },
        { permission: 'pages_read_engagement', status: 'granted' },
      ],
    });
  });

  it('refuses a used code as auth_revoked, quoting neither the code nor the secret', async () => {
    const code = consent();
    await logIn(code);
    const error = await failureOf(
      exchangeFacebookCode({
        appId: APP_ID,
        appSecret: APP_SECRET,
        redirectUri: REDIRECT,
        code,
        ...transport(),
      }),
      { secrets: () => [...secrets(), code] },
    );
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.code).toBe('auth_revoked');
    expect(error.platform).toBe('facebook');
    expect(error.platformError).toMatchObject({ code: 100, subcode: 36009 });
  });
});

describe('token errors through the adapter', () => {
  it('reports an expired Page token (190/463) as auth_expired, saying to log in again', async () => {
    const page = h.facebook.addPage('expiring');
    h.facebook.sim.tokens.expire(page.accessToken);
    const context = h.context({ tokens: staticTokenProvider(page.accessToken) }, page);
    const error = await failureOf(h.adapter().publish({ text: 'x' }, context), { secrets });
    expect(error.code).toBe('auth_expired');
    expect(error.platformError).toMatchObject({ code: 190, subcode: 463, traceId: expect.any(String) });
    expect(error.message).toContain('Session has expired');
    expect(error.message).toContain('log in to the app again');
    expect(error.hint).toContain('Page tokens made from a long-lived user token do not expire');
  });

  it('reports an invalidated Page token (190/460) as auth_revoked, saying the password changed', async () => {
    const page = h.facebook.addPage('invalidated');
    h.facebook.sim.tokens.revoke({ accessToken: page.accessToken });
    const context = h.context({ tokens: staticTokenProvider(page.accessToken) }, page);
    const error = await failureOf(h.adapter().getAccountMetrics(context), { secrets });
    expect(error.code).toBe('auth_revoked');
    expect(error.platformError).toMatchObject({ code: 190, subcode: 460 });
    expect(error.message).toContain('changed their Facebook password');
  });

  it('reports a token Graph cannot parse (190, no sub-code) as auth_expired with generic advice', async () => {
    const context = h.context({ tokens: staticTokenProvider('not-a-token') });
    const error = await failureOf(h.adapter().getAccountMetrics(context), { secrets });
    expect(error.code).toBe('auth_expired');
    expect(error.platformError?.subcode).toBeUndefined();
    expect(error.message).toContain('expired, revoked or otherwise invalid');
  });
});
