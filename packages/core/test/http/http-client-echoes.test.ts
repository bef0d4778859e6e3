import { assertNoSecretIn } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { RequestContext } from '../../src/adapter/context.js';
import { PlatformError } from '../../src/errors/platform-error.js';
import { SmmkitError } from '../../src/errors/smmkit-error.js';
import { TransientError } from '../../src/errors/transient-error.js';
import { createHttpClient, type HttpClientOptions } from '../../src/http/http-client.js';
import type { PlatformResponse } from '../../src/http/platform-response.js';

// Secrets with characters JSON and URL encoders rewrite.
const TOKEN = 'SECRET-TOKEN-4f3e2d1c';
const REFRESH = 'rt/9f8e+7d6c=5b4a==';
const CLIENT_SECRET = 'cs_1a2b3c4d5e6f';
const BASE = 'https://api.example.test';

function contextWith(overrides: Partial<RequestContext> = {}): RequestContext {
  return {
    account: { platform: 'example', accountId: 'acct-1' },
    tokens: { getAccessToken: async () => TOKEN },
    ...overrides,
  };
}

/** A client whose platform answers every request with `answer(request)`. */
function platform(
  answer: (request: Request) => Response | Promise<Response>,
  options: Partial<HttpClientOptions> = {},
) {
  return createHttpClient({
    platform: 'example',
    baseUrl: BASE,
    fetch: async (input, init) => answer(new Request(input, init)),
    ...options,
  });
}

/** A raw JSON text with every `-` written as `\u002d`, as some platforms escape it. */
const escapedJson = (text: string): string => text.replaceAll('-', '\\u002d');

async function failure(promise: Promise<unknown>, secrets: readonly string[]): Promise<SmmkitError> {
  try {
    await promise;
  } catch (error) {
    // String(), JSON.stringify() and util.inspect(showHidden) of the error, causes included.
    assertNoSecretIn(error, secrets);
    if (SmmkitError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('createHttpClient: a secret the platform echoes back in another encoding', () => {
  it('is redacted from a JSON error body that escapes it with \\u, after JSON.parse decoded it', async () => {
    const http = platform(
      () =>
        new Response(escapedJson(`{"detail":"token ${TOKEN} bad","title":"Unauthorized ${TOKEN}"}`), {
          status: 400,
          headers: { 'content-type': 'application/json' },
        }),
    );
    const error = await failure(
      http.request({ method: 'GET', path: '/me', operation: 'read profile', context: contextWith() }),
      [TOKEN],
    );
    expect(error.message).toContain('token [REDACTED] bad');
    expect(error.platformError?.message).toBe('token [REDACTED] bad');
  });

  it('hands an adapter classifier a body whose decoded strings are redacted', async () => {
    let seen: unknown;
    const classifyError = (response: PlatformResponse) => {
      seen = response.body;
      const { title } = response.body as { title: string };
      return new PlatformError('platform_refused', `refused: ${title}`, { platform: 'example' });
    };
    const http = platform(
      () =>
        new Response(escapedJson(`{"title":"bad ${TOKEN}","errors":[{"value":"${TOKEN}"}]}`), {
          status: 403,
        }),
      { classifyError },
    );
    const error = await failure(
      http.request({ method: 'GET', path: '/me', operation: 'read profile', context: contextWith() }),
      [TOKEN],
    );
    expect(JSON.stringify(seen)).not.toContain(TOKEN);
    expect(seen).toEqual({ title: 'bad [REDACTED]', errors: [{ value: '[REDACTED]' }] });
    expect(error.message).toBe('refused: bad [REDACTED]');
  });

  it('is redacted when echoed URL-encoded (%2F, %2B, %3D) in a refresh error', async () => {
    const http = platform(async (request) =>
      Response.json(
        { error: 'invalid_grant', error_description: `unknown token: ${await request.text()}` },
        { status: 400 },
      ),
    );
    const encoded = encodeURIComponent(REFRESH);
    const error = await failure(
      http.request({
        method: 'POST',
        path: '/oauth2/token',
        operation: 'refresh token',
        form: { grant_type: 'refresh_token', refresh_token: REFRESH },
        auth: false,
        secrets: [REFRESH],
      }),
      [REFRESH, encoded, encoded.toLowerCase()],
    );
    expect(error.message).toContain('refresh_token=[REDACTED]');
  });

  it('is redacted when a Basic credential (base64 of id:secret) is echoed, without being listed', async () => {
    const basic = btoa(`client-id:${CLIENT_SECRET}`);
    const http = platform((request) =>
      Response.json({ message: `bad credentials: ${request.headers.get('authorization')}` }, { status: 401 }),
    );
    const error = await failure(
      http.request({
        method: 'POST',
        path: '/oauth2/revoke',
        operation: 'revoke token',
        headers: { Authorization: `Basic ${basic}` },
        auth: false,
      }),
      [basic, basic.replace(/=+$/, '')],
    );
    expect(error.message).toContain('Basic [REDACTED]');
  });

  it('is redacted from every string of the classified error, even one built from a header', async () => {
    const classifyError = (response: PlatformResponse) =>
      new PlatformError('platform_refused', `refused (${response.headers.get('www-authenticate')})`, {
        platform: 'example',
        hint: `check ${response.headers.get('www-authenticate')}`,
        platformError: { message: decodeURIComponent(response.headers.get('x-echo') ?? '') },
      });
    const http = platform(
      () =>
        new Response('', {
          status: 403,
          headers: {
            'www-authenticate': `Bearer error="invalid_token" token="${TOKEN}"`,
            'x-echo': encodeURIComponent(TOKEN),
          },
        }),
      { classifyError },
    );
    const error = await failure(
      http.request({ method: 'GET', path: '/me', operation: 'read profile', context: contextWith() }),
      [TOKEN],
    );
    expect(error.message).toContain('[REDACTED]');
    expect(error.hint).toContain('[REDACTED]');
    expect(error.platformError?.message).toBe('[REDACTED]');
  });
});

describe('createHttpClient: a token provider that throws', () => {
  it("keeps the provider's message out of the error and its original as a hidden cause", async () => {
    const thrown = Object.assign(
      new Error(
        `duplicate key value violates unique constraint: Key (access_token)=(${TOKEN}) already exists`,
      ),
      { name: 'DatabaseError', code: '23505' },
    );
    const tokens = { getAccessToken: (): Promise<string> => Promise.reject(thrown) };
    const http = platform(() => Response.json({ id: '1' }));
    const error = await failure(
      http.request({
        method: 'POST',
        path: '/posts',
        operation: 'create post',
        createsResource: true,
        context: contextWith({ tokens }),
      }),
      [TOKEN],
    );
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error.message).toContain('create post was not sent: the token provider failed');
    expect(error.message).not.toContain('duplicate key');
    expect(error.cause).toBe(thrown);
    expect(Object.keys(error)).not.toContain('cause');
    expect(Object.getOwnPropertyDescriptor(error, 'cause')?.enumerable).toBe(false);
  });
});

describe('createHttpClient: a success that quotes the token back', () => {
  it.each([
    ['raw', (text: string) => text],
    ['JSON-escaped', escapedJson],
  ])(
    'hands the adapter a body without the bearer token (%s), since it may copy it into an error',
    async (_name, encode) => {
      const http = platform(
        () =>
          new Response(encode(JSON.stringify({ state: 'failed', error: `bad media for token ${TOKEN}` })), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
      );
      const { data } = await http.request({
        method: 'GET',
        path: '/media/1',
        operation: 'check media',
        schema: z.unknown(),
        context: contextWith(),
      });
      expect(data).toEqual({ state: 'failed', error: 'bad media for token [REDACTED]' });
    },
  );

  it("keeps a token endpoint's new credentials even when they equal a secret it was sent", async () => {
    const http = platform(
      () =>
        new Response(JSON.stringify({ access_token: 'new-access', refresh_token: REFRESH }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    );
    const { data } = await http.request({
      method: 'POST',
      path: '/oauth/token',
      operation: 'refresh token',
      auth: false,
      secrets: [REFRESH, CLIENT_SECRET],
      schema: z.unknown(),
    });
    expect(data).toEqual({ access_token: 'new-access', refresh_token: REFRESH });
  });
});
