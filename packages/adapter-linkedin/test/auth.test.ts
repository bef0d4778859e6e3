import { AuthError, createRefreshingTokenProvider, ValidationError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { exchangeLinkedInCode, linkedInAuthorizationUrl, refreshLinkedInToken } from '../src/index.js';
import { failureOf, START, useLinkedIn } from './support/harness.js';

const h = useLinkedIn();
const DAY = 86_400_000;
const app = {
  clientId: 'smmkit-app',
  clientSecret: 'app-secret-value',
  redirectUri: 'https://app.example/callback',
};

describe('3-legged OAuth', () => {
  it('builds the authorization URL with state and space-separated scopes', () => {
    const url = new URL(
      linkedInAuthorizationUrl({
        clientId: app.clientId,
        redirectUri: app.redirectUri,
        state: 'state-123',
        scopes: ['w_member_social', 'r_member_postAnalytics'],
      }),
    );
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/oauth/v2/authorization');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: app.clientId,
      redirect_uri: app.redirectUri,
      state: 'state-123',
      scope: 'w_member_social r_member_postAnalytics',
    });
  });

  it('refuses an authorization URL without state, client or scopes, listing each', () => {
    let caught: unknown;
    try {
      linkedInAuthorizationUrl({ clientId: '', redirectUri: app.redirectUri, state: ' ', scopes: [] });
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught) && caught.problems.map((problem) => problem.path[0])).toEqual([
      'clientId',
      'state',
      'scopes',
    ]);
  });

  it('exchanges a code for a 60-day token, and a year-long refresh token for approved apps', async () => {
    h.linkedin.addApp(app.clientId, app.clientSecret);
    const code = h.linkedin.authorize({
      memberId: h.ana.account.id,
      clientId: app.clientId,
      redirectUri: app.redirectUri,
      refreshable: true,
      scopes: ['w_member_social'],
    });
    const tokens = await exchangeLinkedInCode({ ...app, code, clock: h.adapterClock });
    expect(tokens.expiresAt?.getTime()).toBe(START + 60 * DAY);
    expect(tokens.refreshTokenExpiresAt?.getTime()).toBe(START + 365 * DAY);
    expect(tokens.scopes).toEqual(['w_member_social']);
    const [call] = h.linkedin.www.log.forRoute('POST /oauth/v2/accessToken');
    expect(call?.json).toMatchObject({
      grant_type: 'authorization_code',
      client_id: app.clientId,
      redirect_uri: app.redirectUri,
    });
    // The token works on the API.
    const post = await h
      .adapter()
      .publish(
        { text: 'Authorized' },
        h.context({ tokens: { getAccessToken: async () => tokens.accessToken } }),
      );
    expect(h.linkedin.sim.posts.get(post.ref.platformPostId)).toBeDefined();
  });

  it('surfaces what is left of the refresh token’s year: refreshing does not extend it', async () => {
    const code = h.linkedin.authorize({
      memberId: h.ana.account.id,
      clientId: app.clientId,
      redirectUri: app.redirectUri,
      refreshable: true,
    });
    const first = await exchangeLinkedInCode({ ...app, code, clock: h.adapterClock });
    h.clock.advance(10 * DAY);
    const refreshed = await refreshLinkedInToken({
      ...app,
      refreshToken: first.refreshToken ?? '',
      clock: h.adapterClock,
    });
    expect(refreshed.refreshToken).toBe(first.refreshToken);
    expect(refreshed.refreshTokenExpiresAt?.getTime()).toBe(first.refreshTokenExpiresAt?.getTime());
    expect(refreshed.expiresAt?.getTime()).toBe(h.clock.now() + 60 * DAY);
    expect(refreshed.accessToken).not.toBe(first.accessToken);
    h.clock.advance(356 * DAY);
    const expired = await failureOf(
      refreshLinkedInToken({ ...app, refreshToken: first.refreshToken ?? '' }),
      h.linkedin,
    );
    expect(AuthError.isInstance(expired) && expired.code).toBe('auth_revoked');
  });

  it('reports a used code and a wrong secret as auth errors, without the secrets', async () => {
    const code = h.linkedin.authorize({
      memberId: h.ana.account.id,
      clientId: app.clientId,
      redirectUri: app.redirectUri,
    });
    await exchangeLinkedInCode({ ...app, code });
    const used = await failureOf(exchangeLinkedInCode({ ...app, code }), h.linkedin);
    expect(AuthError.isInstance(used) && used.code).toBe('auth_revoked');
    expect(used.platformError?.code).toBe('invalid_request');
    const fresh = h.linkedin.authorize({
      memberId: h.ana.account.id,
      clientId: app.clientId,
      redirectUri: app.redirectUri,
    });
    const wrong = await failureOf(
      exchangeLinkedInCode({ ...app, clientSecret: 'not-the-secret', code: fresh }),
      h.linkedin,
    );
    expect(AuthError.isInstance(wrong) && wrong.code).toBe('auth_invalid');
    for (const error of [used, wrong]) {
      const printed = `${String(error)} ${JSON.stringify(error)}`;
      expect(printed).not.toContain(app.clientSecret);
      expect(printed).not.toContain('not-the-secret');
      expect(printed).not.toContain(code);
    }
  });

  it('refreshes an expired access token once and goes on', async () => {
    const member = h.linkedin.addMember('refreshing', { refreshable: true });
    let refreshes = 0;
    const tokens = createRefreshingTokenProvider({
      tokens: { accessToken: member.accessToken, refreshToken: member.refreshToken },
      refresh: async (refreshToken) => {
        refreshes += 1;
        return refreshLinkedInToken({ ...app, refreshToken });
      },
      persist: () => {},
    });
    h.linkedin.sim.tokens.expire(member.accessToken);
    const result = await h.adapter().publish({ text: 'After a refresh' }, h.context({ tokens }, member));
    expect(h.linkedin.sim.posts.get(result.ref.platformPostId)?.accountId).toBe(member.account.id);
    expect(refreshes).toBe(1);
  });
});
