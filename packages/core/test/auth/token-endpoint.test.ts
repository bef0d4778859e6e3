import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  authorizationCodeGrant,
  DEFAULT_TOKEN_TIMEOUT_MS,
  postTokenRequest,
  refreshTokenGrant,
  requestTokenSet,
  type TokenEndpointRequest,
  type TokenEndpointTransport,
} from '../../src/auth/token-endpoint.js';
import { AuthError } from '../../src/errors/auth-error.js';
import { SmmkitError } from '../../src/errors/smmkit-error.js';
import { TransientError } from '../../src/errors/transient-error.js';
import { createHttpClient } from '../../src/http/http-client.js';
import type { Clock } from '../../src/time/clock.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const clock: Clock = { now: () => NOW, sleep: () => Promise.resolve() };
const CLIENT_SECRET = 'client-secret-SHOULD-NOT-LEAK';
const CODE = 'auth-code-SHOULD-NOT-LEAK';
const VERIFIER = 'pkce-verifier-SHOULD-NOT-LEAK-0123456789';
const REFRESH_TOKEN = 'refresh-token-SHOULD-NOT-LEAK';

const TokenSchema = z.object({
  access_token: z.string(),
  expires_in: z.optional(z.number()),
  refresh_token: z.optional(z.string()),
  scope: z.optional(z.string()),
});

/** What the fake token endpoint received. */
interface Received {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly form: Record<string, string>;
}

/** A token endpoint answering `answer` to every call, recording each call and each client made. */
function endpoint(answer: () => Response = () => Response.json({ access_token: 'at', expires_in: 3600 })) {
  const received: Received[] = [];
  const transports: TokenEndpointTransport[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    received.push({
      url: request.url,
      method: request.method,
      headers: request.headers,
      form: Object.fromEntries(new URLSearchParams(await request.text())),
    });
    return answer();
  };
  const request: TokenEndpointRequest<z.output<typeof TokenSchema>> = {
    tokenUrl: 'https://auth.example.test/oauth/v2/token',
    createClient: (transport) => {
      transports.push(transport);
      return createHttpClient({ ...transport, platform: 'example' });
    },
    client: {
      form: { client_id: 'client-1', client_secret: CLIENT_SECRET },
      headers: { 'X-Client': 'example' },
      secrets: [CLIENT_SECRET, undefined, ''],
    },
    grant: authorizationCodeGrant({
      code: CODE,
      redirectUri: 'https://app.example/cb',
      codeVerifier: VERIFIER,
    }),
    schema: TokenSchema,
  };
  return { fetch, received, transports, request };
}

describe('authorizationCodeGrant', () => {
  it('sends the code, redirect URI and PKCE verifier, all secret but the redirect', () => {
    expect(
      authorizationCodeGrant({ code: CODE, redirectUri: 'https://app.example/cb', codeVerifier: VERIFIER }),
    ).toEqual({
      operation: 'exchange authorization code',
      form: {
        grant_type: 'authorization_code',
        code: CODE,
        redirect_uri: 'https://app.example/cb',
        code_verifier: VERIFIER,
      },
      secrets: [CODE, VERIFIER],
    });
  });

  it('leaves the verifier out when the request had no PKCE challenge', () => {
    const grant = authorizationCodeGrant({ code: CODE, redirectUri: 'https://app.example/cb' });
    expect(grant.form).toStrictEqual({
      grant_type: 'authorization_code',
      code: CODE,
      redirect_uri: 'https://app.example/cb',
    });
    expect(grant.secrets).toEqual([CODE]);
  });
});

describe('refreshTokenGrant', () => {
  it('sends the refresh token, its secret', () => {
    expect(refreshTokenGrant(REFRESH_TOKEN)).toEqual({
      operation: 'refresh access token',
      form: { grant_type: 'refresh_token', refresh_token: REFRESH_TOKEN },
      secrets: [REFRESH_TOKEN],
    });
  });
});

describe('requestTokenSet', () => {
  it("posts the grant then the client's fields, form-encoded, to the token URL with the client's headers and no user token", async () => {
    const { fetch, received, request } = endpoint();
    await requestTokenSet({ fetch, clock }, request);
    expect(received).toHaveLength(1);
    const [call] = received;
    expect(call?.method).toBe('POST');
    expect(call?.url).toBe('https://auth.example.test/oauth/v2/token');
    expect(call?.headers.get('content-type')).toContain('application/x-www-form-urlencoded');
    expect(call?.headers.get('x-client')).toBe('example');
    expect(call?.headers.get('authorization')).toBeNull();
    expect(Object.entries(call?.form ?? {})).toEqual([
      ['grant_type', 'authorization_code'],
      ['code', CODE],
      ['redirect_uri', 'https://app.example/cb'],
      ['code_verifier', VERIFIER],
      ['client_id', 'client-1'],
      ['client_secret', CLIENT_SECRET],
    ]);
  });

  it("makes the platform's client on the endpoint's origin, with the caller's fetch and a token call's own timeout", async () => {
    const { fetch, transports, request } = endpoint();
    await requestTokenSet({ fetch, clock }, request);
    await requestTokenSet({ fetch, clock, timeoutMs: 2_500 }, request);
    expect(transports).toEqual([
      { baseUrl: 'https://auth.example.test', fetch, timeoutMs: DEFAULT_TOKEN_TIMEOUT_MS },
      { baseUrl: 'https://auth.example.test', fetch, timeoutMs: 2_500 },
    ]);
    expect(DEFAULT_TOKEN_TIMEOUT_MS).toBe(15_000);
  });

  it("reads the answer into a token set, expiring from the caller's clock", async () => {
    const { fetch, request } = endpoint(() =>
      Response.json({ access_token: 'at', expires_in: 7200, refresh_token: 'rt', scope: 'read write' }),
    );
    await expect(requestTokenSet({ fetch, clock }, request)).resolves.toEqual({
      accessToken: 'at',
      expiresAt: new Date(NOW + 7_200_000),
      refreshToken: 'rt',
      scopes: ['read', 'write'],
    });
  });

  it("keeps the client's and the grant's secrets out of a refusal that echoes them", async () => {
    const { fetch, request } = endpoint(() =>
      Response.json(
        {
          error: 'invalid_grant',
          error_description: `bad code ${CODE} for ${CLIENT_SECRET} with ${VERIFIER}`,
        },
        { status: 401 },
      ),
    );
    const error = await requestTokenSet({ fetch, clock }, request).catch((caught: unknown) => caught);
    if (!SmmkitError.isInstance(error)) throw new Error(`expected a smmkit error, got ${String(error)}`);
    expect(AuthError.isInstance(error)).toBe(true);
    const renderings = [
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
    ];
    for (const secret of [CLIENT_SECRET, CODE, VERIFIER]) {
      for (const text of renderings) expect(text).not.toContain(secret);
    }
  });

  it("stops at the caller's abort signal without calling the endpoint", async () => {
    const { fetch, received, request } = endpoint();
    const controller = new AbortController();
    controller.abort();
    await expect(requestTokenSet({ fetch, clock, signal: controller.signal }, request)).rejects.toThrow();
    expect(received).toEqual([]);
  });
});

describe('postTokenRequest', () => {
  it("gives back the answer, its status, and the request's non-empty secrets for the caller's own reading", async () => {
    const { fetch, request } = endpoint(() => Response.json({ access_token: 'at' }, { status: 200 }));
    const response = await postTokenRequest(
      { fetch },
      { ...request, grant: refreshTokenGrant(REFRESH_TOKEN) },
    );
    expect(response.data).toEqual({ access_token: 'at' });
    expect(response.status).toBe(200);
    expect(response.secrets).toEqual([CLIENT_SECRET, REFRESH_TOKEN]);
  });

  it('does not claim a refresh was not acted on when its 200 answer cannot be read, and still allows the retry', async () => {
    const { fetch, request } = endpoint(
      () =>
        new Response('{"access_token":"at","refresh_tok', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    );
    const error = await postTokenRequest(
      { fetch },
      { ...request, grant: refreshTokenGrant(REFRESH_TOKEN) },
    ).catch((caught: unknown) => caught);
    if (!TransientError.isInstance(error)) throw new Error(`expected a TransientError, got ${String(error)}`);
    expect(error.code).toBe('invalid_response');
    expect(error.retryable).toBe(true);
    expect(error.status).toBe(200);
    expect(error.hint).not.toContain('did not act');
    expect(error.hint).toContain('re-authorize');
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(REFRESH_TOKEN);
  });
});
