import { inspect } from 'node:util';
import {
  AuthError,
  createOAuthState,
  createPkcePair,
  PlatformError,
  SmmkitError,
  TransientError,
} from '@smmkit/core';
import { pkceChallenge } from '@smmkit/core/adapter-kit';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exchangeMastodonCode, mastodonAuthorizationUrl } from '../src/index.js';

const INSTANCE = 'https://auth.mastodon.example';
const CLIENT_ID = 'client-id-123';
const CLIENT_SECRET = 'client-secret-SHOULD-NOT-LEAK';
const CODE = 'auth-code-SHOULD-NOT-LEAK';
const VERIFIER = 'pkce-verifier-SHOULD-NOT-LEAK-0123456789abcdefghijklmnop';
const REDIRECT = 'https://app.example/callback';
const SECRETS = [CLIENT_SECRET, CODE, VERIFIER];

/** What the token endpoint received, and what it answers next. */
const token = {
  requests: [] as Request[],
  forms: [] as Record<string, string>[],
  answer: (): Response =>
    HttpResponse.json({ access_token: 'user-token', token_type: 'Bearer', scope: 'read write' }),
};

const server = setupServer(
  http.post(`${INSTANCE}/oauth/token`, async ({ request }) => {
    token.requests.push(request.clone());
    token.forms.push(Object.fromEntries(new URLSearchParams(await request.text())));
    return token.answer();
  }),
);

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  token.requests.length = 0;
  token.forms.length = 0;
  token.answer = () =>
    HttpResponse.json({ access_token: 'user-token', token_type: 'Bearer', scope: 'read write' });
});
afterAll(() => server.close());

const exchange = () =>
  exchangeMastodonCode({
    instanceUrl: `${INSTANCE}/`,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: REDIRECT,
    code: CODE,
    codeVerifier: VERIFIER,
  });

/** The error the exchange fails with, checked to hold none of the secrets however it is printed. */
async function exchangeFailure(): Promise<SmmkitError> {
  try {
    await exchange();
  } catch (error) {
    const renderings = [
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
    ];
    for (const secret of SECRETS) {
      for (const text of renderings) expect(text).not.toContain(secret);
    }
    if (!SmmkitError.isInstance(error)) throw new Error(`expected a smmkit error, got ${String(error)}`);
    return error;
  }
  throw new Error('expected the exchange to fail');
}

describe('mastodonAuthorizationUrl', () => {
  it('asks for a code with state and an S256 PKCE challenge', async () => {
    const { verifier, challenge } = await createPkcePair();
    const state = createOAuthState();
    const url = new URL(
      mastodonAuthorizationUrl({
        instanceUrl: `${INSTANCE}/`,
        clientId: CLIENT_ID,
        redirectUri: REDIRECT,
        scopes: ['read', 'write:statuses'],
        state,
        codeChallenge: challenge,
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(`${INSTANCE}/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT,
      scope: 'read write:statuses',
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    expect(url.search).toContain('scope=read+write%3Astatuses');
    expect(challenge).toBe(await pkceChallenge(verifier));
    expect(url.search).not.toContain(verifier);
  });
});

describe('exchangeMastodonCode', () => {
  it('exchanges the code with the verifier and returns the token and its scopes', async () => {
    expect(await exchange()).toEqual({ accessToken: 'user-token', scopes: ['read', 'write'] });
    expect(token.forms).toEqual([
      {
        grant_type: 'authorization_code',
        code: CODE,
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uri: REDIRECT,
        code_verifier: VERIFIER,
      },
    ]);
    expect(token.requests[0]?.headers.get('content-type')).toContain('application/x-www-form-urlencoded');
    expect(token.requests[0]?.headers.has('authorization')).toBe(false);
  });

  it('returns neither expiry nor refresh token, and no scopes when Mastodon names none', async () => {
    token.answer = () =>
      HttpResponse.json({ access_token: 'user-token', token_type: 'Bearer', created_at: 1 });
    expect(await exchange()).toEqual({ accessToken: 'user-token' });
  });

  it('reports a used or wrong code as platform_refused with Mastodon’s description, without secrets', async () => {
    token.answer = () =>
      HttpResponse.json(
        {
          error: 'invalid_grant',
          error_description: `The provided authorization grant ${CODE} is invalid (client ${CLIENT_SECRET}, verifier ${VERIFIER}).`,
        },
        { status: 400 },
      );
    const error = await exchangeFailure();
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error.code).toBe('platform_refused');
    expect(error.platformError?.code).toBe('invalid_grant');
    expect(error.platformError?.message).toContain('The provided authorization grant');
  });

  it('reports a wrong client as auth_invalid, without secrets', async () => {
    token.answer = () =>
      HttpResponse.json(
        { error: 'invalid_client', error_description: `Client authentication failed for ${CLIENT_SECRET}` },
        { status: 401 },
      );
    const error = await exchangeFailure();
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.code).toBe('auth_invalid');
  });

  it('reports an answer without a token as an invalid response, without secrets', async () => {
    token.answer = () => HttpResponse.json({ token_type: 'Bearer', echo: `${CODE} ${VERIFIER}` });
    const error = await exchangeFailure();
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error.code).toBe('invalid_response');
  });

  it('reports a dropped connection without secrets', async () => {
    token.answer = () => HttpResponse.error();
    const error = await exchangeFailure();
    expect(error.retryable).toBe(true);
  });
});
