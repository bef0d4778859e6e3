import { describe, expect, it } from 'vitest';
import { authorizationRedirect, readAuthorizationUrl } from '../src/simulator/authorization-url.js';

const ENDPOINT = {
  platform: 'Acme',
  hosts: ['acme.test', 'www.acme.test'],
  path: '/oauth/authorize',
  required: ['state', 'code_challenge', 'code_challenge_method', 'scope'],
  maxStateLength: 5,
  scopeSeparator: /[\s+]+/,
};
const url = (query: string, base = 'https://acme.test/oauth/authorize') => `${base}?${query}`;
const FULL =
  'response_type=code&client_id=app&redirect_uri=https%3A%2F%2Fapp.test%2Fcb&state=xyz&code_challenge=ch&code_challenge_method=S256&scope=read+write%2Bpost';

describe('readAuthorizationUrl', () => {
  it('reads the request and splits its scopes', () => {
    expect(readAuthorizationUrl(url(FULL), ENDPOINT)).toEqual({
      clientId: 'app',
      redirectUri: 'https://app.test/cb',
      state: 'xyz',
      scopes: ['read', 'write', 'post'],
      codeChallenge: 'ch',
      codeChallengeMethod: 'S256',
    });
  });

  it('refuses another page, another response type, a missing parameter, a long state, an unknown method', () => {
    const refusal = (authorizeUrl: string) => () => readAuthorizationUrl(authorizeUrl, ENDPOINT);
    expect(refusal(url(FULL, 'https://evil.test/oauth/authorize'))).toThrow(
      'Acme authorize: not an authorization URL: https://evil.test/oauth/authorize',
    );
    expect(refusal(url(FULL.replace('response_type=code', 'response_type=token')))).toThrow(
      'Acme authorize: response_type must be code',
    );
    expect(refusal(url(FULL.replace('&state=xyz', '')))).toThrow('Acme authorize: missing state');
    expect(refusal(url(FULL.replace('client_id=app&', '')))).toThrow('Acme authorize: missing client_id');
    expect(refusal(url(FULL.replace('state=xyz', 'state=toolong')))).toThrow(
      'Acme authorize: state longer than 5 characters',
    );
    expect(refusal(url(FULL.replace('method=S256', 'method=MD5')))).toThrow(
      'Acme authorize: code_challenge_method must be S256 or plain',
    );
  });

  it('takes what is not required as optional; a challenge without a method is plain (RFC 7636)', () => {
    const lenient = { platform: 'Acme', hosts: ['acme.test'], path: '/oauth/authorize' };
    const base = 'response_type=code&client_id=app&redirect_uri=https%3A%2F%2Fapp.test%2Fcb';
    expect(readAuthorizationUrl(url(base), lenient)).toMatchObject({
      state: undefined,
      scopes: [],
      codeChallenge: undefined,
    });
    expect(readAuthorizationUrl(url(`${base}&code_challenge=ch`), lenient).codeChallengeMethod).toBe('plain');
  });
});

describe('authorizationRedirect', () => {
  it('sends the user back with state and code', () => {
    expect(authorizationRedirect({ redirectUri: 'https://app.test/cb?x=1', state: 'xyz' }, 'c1')).toBe(
      'https://app.test/cb?x=1&state=xyz&code=c1',
    );
    expect(authorizationRedirect({ redirectUri: 'https://app.test/cb', state: undefined }, 'c1')).toBe(
      'https://app.test/cb?code=c1',
    );
  });
});
