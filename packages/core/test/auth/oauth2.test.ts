import { describe, expect, it } from 'vitest';
import { authorizationCodeUrl, tokenSetFromResponse } from '../../src/auth/oauth2.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('authorizationCodeUrl', () => {
  it('builds a PKCE authorization request on the page URL, scopes space-separated', () => {
    const url = new URL(
      authorizationCodeUrl('https://auth.example.test/oauth/authorize?stale=1', {
        clientId: 'client-1',
        redirectUri: 'https://app.example/callback',
        scopes: ['read', 'write:statuses'],
        state: 'state-1',
        codeChallenge: 'challenge-1',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://auth.example.test/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: 'https://app.example/callback',
      scope: 'read write:statuses',
      state: 'state-1',
      code_challenge: 'challenge-1',
      code_challenge_method: 'S256',
    });
  });

  it('sends no PKCE parameters without a challenge', () => {
    const url = new URL(
      authorizationCodeUrl('https://auth.example.test/authorize', {
        clientId: 'c',
        redirectUri: 'https://app.example/cb',
        scopes: ['a'],
        state: 's',
      }),
    );
    expect([...url.searchParams.keys()].sort()).toEqual([
      'client_id',
      'redirect_uri',
      'response_type',
      'scope',
      'state',
    ]);
  });
});

describe('tokenSetFromResponse', () => {
  it('turns lifetimes into dates from now and the scope into a list', () => {
    expect(
      tokenSetFromResponse(
        {
          access_token: 'at',
          expires_in: 7200,
          refresh_token: 'rt',
          refresh_token_expires_in: 86_400,
          scope: 'r_basicprofile,w_member_social',
        },
        NOW,
      ),
    ).toEqual({
      accessToken: 'at',
      expiresAt: new Date(NOW + 7_200_000),
      refreshToken: 'rt',
      refreshTokenExpiresAt: new Date(NOW + 86_400_000),
      scopes: ['r_basicprofile', 'w_member_social'],
    });
  });

  it('splits scopes on spaces and plus signs and leaves out what the answer lacks', () => {
    expect(tokenSetFromResponse({ access_token: 'at', scope: 'read+write  push' }, NOW)).toStrictEqual({
      accessToken: 'at',
      scopes: ['read', 'write', 'push'],
    });
    expect(tokenSetFromResponse({ access_token: 'at', scope: null }, NOW)).toStrictEqual({
      accessToken: 'at',
    });
  });
});
