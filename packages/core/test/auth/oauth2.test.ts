import { describe, expect, it } from 'vitest';
import {
  authorizationCodeUrl,
  checkAuthorizationRequest,
  tokenSetFromResponse,
} from '../../src/auth/oauth2.js';
import { ValidationError } from '../../src/errors/validation-error.js';

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

describe('checkAuthorizationRequest', () => {
  const complete = {
    platform: 'tiktok',
    subject: 'TikTok authorization request',
    required: { clientKey: 'key-1', redirectUri: 'https://app.example/cb', state: 'state-1' },
    scopes: ['user.info.basic'],
  };

  /** The ValidationError a check throws. */
  function refusal(check: Parameters<typeof checkAuthorizationRequest>[0]): ValidationError {
    try {
      checkAuthorizationRequest(check);
    } catch (error) {
      if (ValidationError.isInstance(error)) return error;
      throw error;
    }
    throw new Error('expected a ValidationError');
  }

  it('lets a request with every value and a scope through', () => {
    expect(() => checkAuthorizationRequest(complete)).not.toThrow();
  });

  it('lists every blank value by its own name, then the missing scopes, for the platform', () => {
    const error = refusal({
      ...complete,
      required: { clientKey: ' ', redirectUri: 'https://app.example/cb', state: '' },
      scopes: [],
    });
    expect(error.problems).toEqual([
      { path: ['clientKey'], rule: 'oauth.required', message: 'must not be empty' },
      { path: ['state'], rule: 'oauth.required', message: 'must not be empty' },
      { path: ['scopes'], rule: 'oauth.scopes', message: 'must ask for at least one scope' },
    ]);
    expect(error.platform).toBe('tiktok');
    expect(error.message).toContain('TikTok authorization request');
  });

  it('refuses a request that asks for no scope even when every value is there', () => {
    expect(refusal({ ...complete, scopes: [] }).problems.map((problem) => problem.rule)).toEqual([
      'oauth.scopes',
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
