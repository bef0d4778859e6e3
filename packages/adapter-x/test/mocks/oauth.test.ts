import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useXSimulator } from './support/use-x-simulator.js';
import { call, form, read } from './support/x-client.js';

const { x, clock } = useXSimulator({ clientSecrets: { 'confidential-app': 's3cret' } });
const REDIRECT = 'https://app.test/callback';
const VERIFIER = 'a-verifier-that-is-long-enough-for-pkce-0123456789';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');
const INVALID_TOKEN = {
  error: 'invalid_request',
  error_description: 'Value passed for the token was invalid.',
};

const ana = x.addAccount('ana');

const tokenCall = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  call(x.baseUrl, '/2/oauth2/token', { method: 'POST', body: form(fields), headers });

function authorizeUrl(clientId: string, scope = 'tweet.read users.read offline.access'): string {
  const url = new URL('https://x.com/i/oauth2/authorize');
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT,
    state: 'st4te',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    scope,
  }).toString();
  return url.toString();
}

function codeFrom(callback: string): string {
  const url = new URL(callback);
  expect(url.origin + url.pathname).toBe(REDIRECT);
  expect(url.searchParams.get('state')).toBe('st4te');
  return url.searchParams.get('code') ?? '';
}

const exchange = (code: string, verifier = VERIFIER) =>
  tokenCall({
    grant_type: 'authorization_code',
    client_id: 'public-app',
    code,
    redirect_uri: REDIRECT,
    code_verifier: verifier,
  });

describe('OAuth 2.0', () => {
  it('exchanges an authorization code with PKCE for a 2-hour token and a refresh token', async () => {
    const code = codeFrom(x.consent(authorizeUrl('public-app'), ana.account.id));
    const response = await exchange(code);
    expect(response.status).toBe(200);
    const body = await read(response);
    expect(body).toEqual({
      token_type: 'bearer',
      expires_in: 7200,
      access_token: expect.any(String),
      scope: 'tweet.read users.read offline.access',
      refresh_token: expect.any(String),
    });
    const me = await call(x.baseUrl, '/2/users/me', { token: String(body.access_token) });
    expect(me.status).toBe(200);
    // A code works once.
    expect(await read(await exchange(code))).toEqual({
      error: 'invalid_request',
      error_description: 'Value passed for the authorization code was invalid.',
    });
  });

  it('refuses a wrong verifier and a code older than 30 s', async () => {
    const wrong = codeFrom(x.consent(authorizeUrl('public-app'), ana.account.id));
    expect((await exchange(wrong, 'not-the-verifier')).status).toBe(400);
    const late = codeFrom(x.consent(authorizeUrl('public-app'), ana.account.id));
    clock.advance(30_000);
    expect((await exchange(late)).status).toBe(400);
  });

  it('rotates the refresh token and refuses the old one', async () => {
    const refreshToken = ana.refreshToken ?? '';
    const first = await tokenCall({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: 'public-app',
    });
    expect(first.status).toBe(200);
    const rotated = await read(first);
    expect(rotated.refresh_token).not.toBe(refreshToken);
    expect(rotated.scope).toContain('offline.access');

    const reused = await tokenCall({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: 'public-app',
    });
    expect(reused.status).toBe(400);
    expect(await reused.json()).toEqual(INVALID_TOKEN);

    const next = await tokenCall({
      grant_type: 'refresh_token',
      refresh_token: String(rotated.refresh_token),
      client_id: 'public-app',
    });
    expect(next.status).toBe(200);
  });

  it('makes confidential clients authenticate with HTTP Basic', async () => {
    const refreshToken = x.addAccount('bob').refreshToken ?? '';
    const noAuth = await tokenCall({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: 'confidential-app',
    });
    expect(noAuth.status).toBe(401);
    expect(await noAuth.json()).toEqual({
      error: 'unauthorized_client',
      error_description: 'Missing valid authorization header',
    });
    const basic = `Basic ${btoa('confidential-app:s3cret')}`;
    const ok = await tokenCall(
      { grant_type: 'refresh_token', refresh_token: refreshToken },
      { authorization: basic },
    );
    expect(ok.status).toBe(200);
  });

  it('revokes access and refresh tokens', async () => {
    const carol = x.addAccount('carol');
    const revoke = (token: string) =>
      call(x.baseUrl, '/2/oauth2/revoke', { method: 'POST', body: form({ token, client_id: 'public-app' }) });
    expect(await read(await revoke(carol.accessToken))).toEqual({ revoked: true });
    expect((await call(x.baseUrl, '/2/users/me', { token: carol.accessToken })).status).toBe(401);
    await revoke(carol.refreshToken ?? '');
    const refused = await tokenCall({
      grant_type: 'refresh_token',
      refresh_token: carol.refreshToken ?? '',
      client_id: 'public-app',
    });
    expect(await refused.json()).toEqual(INVALID_TOKEN);
  });

  it('keeps secrets out of the request log', async () => {
    await tokenCall({
      grant_type: 'refresh_token',
      refresh_token: ana.refreshToken ?? '',
      client_id: 'public-app',
    });
    const [entry] = x.sim.log.forRoute('POST /2/oauth2/token');
    expect(entry?.body).not.toContain(ana.refreshToken ?? 'no token');
  });

  it('refuses an authorization URL that is not X', () => {
    expect(() => x.consent('https://example.com/authorize?response_type=code', ana.account.id)).toThrow(
      /not an authorization URL/,
    );
  });
});
