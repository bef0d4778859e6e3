import { createHash } from 'node:crypto';
import { AuthError, createRefreshingTokenProvider, type TokenSet, ValidationError } from '@smmkit/core';
import { failureOf } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { exchangeTikTokCode, refreshTikTokToken, tiktokAuthorizationUrl } from '../src/index.js';
import { publicOptions, ROUTES, START, useTikTok, video } from './support/harness.js';

const h = useTikTok({ processingMs: 0 });
const { tiktok, acme } = h;
const CLIENT_KEY = 'awtiktokclientkey';
const CLIENT_SECRET = 'tiktok-client-secret-value';
tiktok.addApp(CLIENT_KEY, CLIENT_SECRET);
const REDIRECT_URI = 'https://app.example/callback/tiktok';
const app = {
  clientKey: CLIENT_KEY,
  clientSecret: CLIENT_SECRET,
  tokenUrl: `${tiktok.apiUrl}/v2/oauth/token/`,
};
const secrets = () => [...tiktok.sim.tokens.allIssued(), CLIENT_SECRET];

describe('tiktokAuthorizationUrl', () => {
  it("builds TikTok's authorize URL: client_key, comma-separated scopes, state, and PKCE when asked", () => {
    const url = new URL(
      tiktokAuthorizationUrl({
        clientKey: CLIENT_KEY,
        redirectUri: REDIRECT_URI,
        scopes: ['user.info.basic', 'video.publish', 'video.list'],
        state: 'state-123',
        codeChallenge: 'challenge-abc',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://www.tiktok.com/v2/auth/authorize/');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_key: CLIENT_KEY,
      scope: 'user.info.basic,video.publish,video.list',
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      state: 'state-123',
      code_challenge: 'challenge-abc',
      code_challenge_method: 'S256',
    });
  });

  it('refuses an empty client key, redirect URI or state and no scopes, all at once', () => {
    expect(() =>
      tiktokAuthorizationUrl({ clientKey: ' ', redirectUri: '', scopes: [], state: '' }),
    ).toThrowError(ValidationError);
    try {
      tiktokAuthorizationUrl({ clientKey: ' ', redirectUri: '', scopes: [], state: '' });
    } catch (error) {
      expect((error as ValidationError).problems.map((problem) => problem.path[0])).toEqual([
        'clientKey',
        'redirectUri',
        'state',
        'scopes',
      ]);
    }
  });
});

describe('code exchange and refresh', () => {
  it('exchanges a code (with its PKCE verifier) for tokens, open_id and both expiries from the answer', async () => {
    const verifier = 'a-verifier-of-forty-three-characters-or-more-0123';
    const challenge = createHash('sha256').update(verifier).digest('hex');
    const code = tiktok.authorize({
      accountId: acme.account.id,
      clientKey: CLIENT_KEY,
      redirectUri: REDIRECT_URI,
      scopes: ['user.info.basic', 'video.publish'],
      codeChallenge: challenge,
    });
    const tokens = await exchangeTikTokCode({
      ...app,
      redirectUri: REDIRECT_URI,
      code,
      codeVerifier: verifier,
      clock: h.adapterClock,
    });
    expect(tokens).toEqual({
      accessToken: expect.stringMatching(/^sim_tiktok_at_/),
      refreshToken: expect.stringMatching(/^sim_tiktok_rt_/),
      expiresAt: new Date(START + 86_400_000),
      refreshTokenExpiresAt: new Date(START + 31_536_000_000),
      scopes: ['user.info.basic', 'video.publish'],
      openId: acme.account.id,
    });
    const [form] = tiktok.sim.log.forRoute(ROUTES.token);
    expect(form?.json).toMatchObject({
      client_key: CLIENT_KEY,
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT_URI,
    });

    // A code works once: TikTok's flat invalid_grant, log_id kept, is auth_revoked.
    const again = await failureOf(
      exchangeTikTokCode({ ...app, redirectUri: REDIRECT_URI, code, codeVerifier: verifier }),
      { secrets },
    );
    expect(AuthError.isInstance(again)).toBe(true);
    expect(again.code).toBe('auth_revoked');
    expect(again.platformError).toMatchObject({ code: 'invalid_grant', traceId: expect.any(String) });
  });

  it('rotates the refresh token: the new one works, the old one is refused as revoked', async () => {
    const creator = tiktok.addCreator('rotating', { refreshable: true });
    const refreshed = await refreshTikTokToken({ ...app, refreshToken: creator.refreshToken ?? '' });
    expect(refreshed.refreshToken).not.toBe(creator.refreshToken);
    expect(refreshed.openId).toBe(creator.account.id);
    const old = await failureOf(refreshTikTokToken({ ...app, refreshToken: creator.refreshToken ?? '' }), {
      secrets,
    });
    expect(old.code).toBe('auth_revoked');
    await expect(
      refreshTikTokToken({ ...app, refreshToken: refreshed.refreshToken ?? '' }),
    ).resolves.toBeDefined();
  });

  it('maps a wrong client secret to auth_invalid and keeps the secret out of the error', async () => {
    const error = await failureOf(
      refreshTikTokToken({ ...app, clientSecret: 'wrong-secret-value', refreshToken: 'rt' }),
      { secrets: () => [...secrets(), 'wrong-secret-value'] },
    );
    expect(error.code).toBe('auth_invalid');
    expect(error.platformError?.code).toBe('invalid_client');
  });

  it('reads an OAuth error TikTok sends with a 200, without quoting the secrets it echoes', async () => {
    const echoing: typeof fetch = async (_input, init) =>
      Response.json({
        error: 'invalid_grant',
        error_description: `Refresh token ${String(init?.body)} is invalid.`,
        log_id: '20261204120000ABCDEF0123456789ABCD',
      });
    const error = await failureOf(
      refreshTikTokToken({ ...app, refreshToken: 'refresh-token-value', fetch: echoing }),
      { secrets: () => [CLIENT_SECRET, 'refresh-token-value'] },
    );
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.code).toBe('auth_revoked');
    expect(error.platformError?.traceId).toBe('20261204120000ABCDEF0123456789ABCD');
  });

  it("refreshes an expired token once through core's provider and persists the rotated refresh token", async () => {
    const creator = tiktok.addCreator('expiring', { refreshable: true });
    const persisted: TokenSet[] = [];
    const tokens = createRefreshingTokenProvider({
      platform: 'tiktok',
      tokens: { accessToken: creator.accessToken, refreshToken: creator.refreshToken },
      refresh: (refreshToken) => refreshTikTokToken({ ...app, refreshToken, clock: h.adapterClock }),
      persist: (next) => {
        persisted.push(next);
      },
      clock: h.adapterClock,
    });
    tiktok.sim.tokens.expire(creator.accessToken);
    const result = await h
      .adapter()
      .publish(
        { text: 'After a refresh', media: [video()], options: publicOptions() },
        h.context({ tokens }, creator),
      );
    expect(tiktok.sim.posts.get(result.ref.platformPostId)?.text).toBe('After a refresh');
    expect(persisted).toHaveLength(1);
    expect(persisted[0]?.refreshToken).not.toBe(creator.refreshToken);
    expect(tiktok.sim.log.forRoute(ROUTES.token)).toHaveLength(1);
  });
});
