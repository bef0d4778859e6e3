import { inspect } from 'node:util';
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import type { RequestContext } from '../../src/adapter/context.js';
import { AbortedError } from '../../src/errors/aborted-error.js';
import { AmbiguousOutcomeError } from '../../src/errors/ambiguous-outcome-error.js';
import { AuthError } from '../../src/errors/auth-error.js';
import { PlatformError } from '../../src/errors/platform-error.js';
import { RateLimitError } from '../../src/errors/rate-limit-error.js';
import { SmmkitError } from '../../src/errors/smmkit-error.js';
import { TransientError } from '../../src/errors/transient-error.js';
import { createHttpClient, type HttpClientOptions } from '../../src/http/http-client.js';
import type { PlatformResponse } from '../../src/http/platform-response.js';

const TOKEN = 'tok_live_9f8e7d6c5b4a';
const FRESH = 'tok_fresh_1a2b3c4d5e6f';
const BASE = 'https://api.example.test/v26.0';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const ItemSchema = z.object({ id: z.string() });

function contextWith(overrides: Partial<RequestContext> = {}): RequestContext {
  return {
    account: { platform: 'example', accountId: 'acct-1' },
    tokens: { getAccessToken: async () => TOKEN },
    ...overrides,
  };
}

function client(options: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    platform: 'example',
    baseUrl: BASE,
    parseRateLimit: (headers) => {
      const remaining = headers.get('x-remaining');
      return remaining === null ? undefined : { remaining: Number(remaining), limit: 100, scope: 'user' };
    },
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<SmmkitError> {
  try {
    await promise;
  } catch (error) {
    if (SmmkitError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('createHttpClient', () => {
  it('sends the bearer token to the path under the base URL and parses the body through the schema', async () => {
    let seen: Request | undefined;
    server.use(
      http.get(`${BASE}/me`, ({ request }) => {
        seen = request;
        return HttpResponse.json({ id: '42', extra: 'ignored' }, { headers: { 'x-remaining': '7' } });
      }),
    );
    const onRateLimit = vi.fn();
    const response = await client().request({
      method: 'GET',
      path: '/me',
      operation: 'read profile',
      searchParams: { fields: 'id', skip: undefined },
      schema: ItemSchema,
      context: contextWith({ onRateLimit }),
    });
    expect(response.data).toEqual({ id: '42' });
    expect(response.rateLimit).toEqual({ remaining: 7, limit: 100, scope: 'user' });
    expect(onRateLimit).toHaveBeenCalledWith({ remaining: 7, limit: 100, scope: 'user' });
    expect(seen?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(new URL(seen?.url ?? '').search).toBe('?fields=id');
  });

  it('sends form bodies url-encoded and JSON bodies as JSON', async () => {
    const bodies: string[] = [];
    server.use(
      http.post(`${BASE}/form`, async ({ request }) => {
        bodies.push(`${request.headers.get('content-type')}|${await request.text()}`);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await client().request({
      method: 'POST',
      path: 'form',
      operation: 'send form',
      form: { a: 'x y', n: 1 },
      context: contextWith(),
    });
    await client().request({
      method: 'POST',
      path: 'form',
      operation: 'send json',
      json: { a: 1 },
      context: contextWith(),
    });
    expect(bodies[0]).toMatch(/^application\/x-www-form-urlencoded.*\|a=x\+y&n=1$/);
    expect(bodies[1]).toMatch(/^application\/json.*\|\{"a":1\}$/);
  });

  it('uses the injected fetch', async () => {
    const fetch = vi.fn(async () => Response.json({ id: 'from-fetch' }));
    const response = await client({ fetch }).request({
      method: 'GET',
      path: '/x',
      operation: 'read',
      schema: ItemSchema,
    });
    expect(response.data.id).toBe('from-fetch');
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('refreshes an expired token once and repeats the request with the new one', async () => {
    const used: (string | null)[] = [];
    server.use(
      http.post(`${BASE}/posts`, ({ request }) => {
        used.push(request.headers.get('authorization'));
        return used.length === 1
          ? HttpResponse.json({ error: 'expired' }, { status: 401 })
          : HttpResponse.json({ id: 'p1' }, { status: 201 });
      }),
    );
    const refresh = vi.fn(async () => FRESH);
    const response = await client().request({
      method: 'POST',
      path: '/posts',
      operation: 'create post',
      json: { text: 'hi' },
      schema: ItemSchema,
      createsResource: true,
      context: contextWith({ tokens: { getAccessToken: async () => TOKEN, refresh } }),
    });
    expect(response.data.id).toBe('p1');
    expect(refresh).toHaveBeenCalledExactlyOnceWith(TOKEN, expect.anything());
    expect(used).toEqual([`Bearer ${TOKEN}`, `Bearer ${FRESH}`]);
  });

  it('sends a token placed in the query, and after a refresh only the new one, beside the request query', async () => {
    const queries: string[] = [];
    server.use(
      http.get(`${BASE}/me`, ({ request }) => {
        queries.push(new URL(request.url).search);
        return queries.length === 1
          ? HttpResponse.json({ error: 'expired' }, { status: 401 })
          : HttpResponse.json({ id: 'me' });
      }),
    );
    const metaStyle = client({
      authorize: (token) => ({ searchParams: { access_token: token } }),
      classifyError: (response) =>
        response.status === 401
          ? new AuthError('auth_expired', 'expired', { platform: 'example' })
          : undefined,
    });
    const response = await metaStyle.request({
      method: 'GET',
      path: '/me',
      operation: 'read',
      searchParams: { fields: 'id' },
      schema: ItemSchema,
      context: contextWith({ tokens: { getAccessToken: async () => TOKEN, refresh: async () => FRESH } }),
    });
    expect(response.data.id).toBe('me');
    expect(queries).toEqual([`?fields=id&access_token=${TOKEN}`, `?fields=id&access_token=${FRESH}`]);
  });

  it('gives up with an auth error when the refreshed token is rejected too', async () => {
    server.use(http.get(`${BASE}/me`, () => HttpResponse.json({ message: 'bad token' }, { status: 401 })));
    const refresh = vi.fn(async () => FRESH);
    const error = await failure(
      client().request({
        method: 'GET',
        path: '/me',
        operation: 'read profile',
        context: contextWith({ tokens: { getAccessToken: async () => TOKEN, refresh } }),
      }),
    );
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(false);
    expect(refresh).toHaveBeenCalledOnce();
  });

  it('turns a 429 into a rate-limit error that says when to come back', async () => {
    server.use(
      http.get(`${BASE}/me`, () => HttpResponse.json({}, { status: 429, headers: { 'retry-after': '90' } })),
    );
    const now = Date.parse('2026-11-22T20:00:00Z');
    const error = await failure(
      client().request({
        method: 'GET',
        path: '/me',
        operation: 'read profile',
        context: contextWith({ clock: { now: () => now, sleep: async () => {} } }),
      }),
    );
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).resetAt?.toISOString()).toBe('2026-11-22T20:01:30.000Z');
    expect(error.retryable).toBe(true);
  });

  it('hands the adapter classifier a redacted body and keeps the platform message', async () => {
    server.use(
      http.get(`${BASE}/me`, () =>
        HttpResponse.json({ error: { message: `token ${TOKEN} lacks scope`, code: 200 } }, { status: 403 }),
      ),
    );
    let seenBody: unknown;
    const classifyError = (response: PlatformResponse) => {
      seenBody = response.body;
      return new PlatformError('platform_refused', 'refused', {
        platform: response.platform,
        platformError: {
          code: 200,
          message: (response.body as { error: { message: string } }).error.message,
        },
      });
    };
    const error = await failure(
      client({ classifyError }).request({
        method: 'GET',
        path: '/me',
        operation: 'read profile',
        context: contextWith(),
      }),
    );
    expect(JSON.stringify(seenBody)).not.toContain(TOKEN);
    expect(error.platformError).toEqual({ code: 200, message: 'token [REDACTED] lacks scope' });
  });

  it('falls back to classification by status with the platform message', async () => {
    server.use(
      http.get(`${BASE}/gone`, () => HttpResponse.json({ detail: 'No such post' }, { status: 404 })),
    );
    const error = await failure(
      client().request({ method: 'GET', path: '/gone', operation: 'read post', context: contextWith() }),
    );
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('No such post');
    expect(error.message).toContain('GET /v26.0/gone → 404');
  });

  describe('when the outcome is unknown', () => {
    it('reports a 5xx on a read as transient and on a create as ambiguous', async () => {
      server.use(http.all(`${BASE}/posts`, () => HttpResponse.json({ message: 'oops' }, { status: 503 })));
      const read = await failure(
        client().request({ method: 'GET', path: '/posts', operation: 'list posts', context: contextWith() }),
      );
      const create = await failure(
        client().request({
          method: 'POST',
          path: '/posts',
          operation: 'create post',
          createsResource: true,
          context: contextWith(),
        }),
      );
      expect(TransientError.isInstance(read)).toBe(true);
      expect(read.retryable).toBe(true);
      expect(AmbiguousOutcomeError.isInstance(create)).toBe(true);
      expect(create.retryable).toBe(false);
      expect((create as AmbiguousOutcomeError).operation).toBe('create post');
    });

    it('reports a dropped connection on a read as transient and on a create as ambiguous', async () => {
      server.use(http.all(`${BASE}/posts`, () => HttpResponse.error()));
      const read = await failure(
        client().request({ method: 'GET', path: '/posts', operation: 'list posts', context: contextWith() }),
      );
      const create = await failure(
        client().request({
          method: 'POST',
          path: '/posts',
          operation: 'create post',
          createsResource: true,
          context: contextWith(),
        }),
      );
      expect(read.code).toBe('transient');
      expect(create.code).toBe('ambiguous_outcome');
    });

    it('reports a timeout on a read as a retryable timeout and on a create as ambiguous', async () => {
      server.use(
        http.all(`${BASE}/slow`, async () => {
          await delay(500);
          return HttpResponse.json({ id: 'late' });
        }),
      );
      const read = await failure(
        client({ timeoutMs: 30 }).request({
          method: 'GET',
          path: '/slow',
          operation: 'read',
          context: contextWith(),
        }),
      );
      const create = await failure(
        client({ timeoutMs: 30 }).request({
          method: 'POST',
          path: '/slow',
          operation: 'create post',
          createsResource: true,
          context: contextWith(),
        }),
      );
      expect(read.code).toBe('timeout');
      expect(read.retryable).toBe(true);
      expect(create.code).toBe('ambiguous_outcome');
    });

    it('times out a body that stalls after the headers: retryable on a read, ambiguous on a create', async () => {
      // Headers and the start of the body arrive, then nothing: the timeout covers the body too.
      const stalling: typeof fetch = async () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start: (controller) => controller.enqueue(new TextEncoder().encode('{"id":')),
          }),
          { status: 200, headers: { 'content-type': 'application/json' } },
        );
      const read = await failure(
        client({ timeoutMs: 30, fetch: stalling }).request({
          method: 'GET',
          path: '/stalls',
          operation: 'read',
          schema: ItemSchema,
          context: contextWith(),
        }),
      );
      const create = await failure(
        client({ timeoutMs: 30, fetch: stalling }).request({
          method: 'POST',
          path: '/stalls',
          operation: 'create post',
          createsResource: true,
          schema: ItemSchema,
          context: contextWith(),
        }),
      );
      expect(read.code).toBe('timeout');
      expect(read.retryable).toBe(true);
      expect(create.code).toBe('ambiguous_outcome');
    });

    it('gives a request that uploads a body a second more per 125,000 bytes (a 1 Mbit/s upload)', async () => {
      server.use(
        http.put(`${BASE}/upload`, async () => {
          await delay(300);
          return HttpResponse.json({ id: 'u1' });
        }),
      );
      const upload = (body: BodyInit) =>
        client({ timeoutMs: 20 }).request({
          method: 'PUT',
          path: '/upload',
          operation: 'upload chunk',
          body,
          schema: ItemSchema,
          context: contextWith(),
        });
      const bytes = new Uint8Array(1_000_000); // 8 s more
      const form = new FormData();
      form.set('chunk', new Blob([bytes]));
      expect((await upload(new Blob([bytes]))).data).toEqual({ id: 'u1' });
      expect((await upload(form)).data).toEqual({ id: 'u1' });
      const small = await failure(upload('a few bytes'));
      expect(small.code).toBe('timeout');
    });

    it('reports an unreadable success body on a read as invalid and on a create as ambiguous', async () => {
      server.use(
        http.all(
          `${BASE}/posts`,
          () => new HttpResponse('{"id": ', { status: 200, headers: { 'content-type': 'application/json' } }),
        ),
      );
      server.use(http.get(`${BASE}/shape`, () => HttpResponse.json({ id: 7 })));
      const read = await failure(
        client().request({
          method: 'GET',
          path: '/shape',
          operation: 'read',
          schema: ItemSchema,
          context: contextWith(),
        }),
      );
      const create = await failure(
        client().request({
          method: 'POST',
          path: '/posts',
          operation: 'create post',
          schema: ItemSchema,
          createsResource: true,
          context: contextWith(),
        }),
      );
      expect(read.code).toBe('invalid_response');
      expect(read.message).toContain('(at id)');
      expect(create.code).toBe('ambiguous_outcome');
    });
  });

  it('treats a 5xx on a create as ambiguous even when the classifier calls it a refusal', async () => {
    server.use(http.post(`${BASE}/posts`, () => HttpResponse.json({ message: 'oops' }, { status: 500 })));
    const classifyError = (response: PlatformResponse) =>
      new PlatformError('platform_refused', 'refused', { platform: response.platform });
    const error = await failure(
      client({ classifyError }).request({
        method: 'POST',
        path: '/posts',
        operation: 'create post',
        createsResource: true,
        context: contextWith(),
      }),
    );
    expect(AmbiguousOutcomeError.isInstance(error)).toBe(true);
  });

  describe('abort', () => {
    it('stops waiting for a slow token provider with an aborted error', async () => {
      const controller = new AbortController();
      const tokens = {
        getAccessToken: ({ signal }: { signal?: AbortSignal | undefined } = {}) =>
          new Promise<string>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
      };
      const pending = client().request({
        method: 'GET',
        path: '/me',
        operation: 'read',
        context: contextWith({ tokens, signal: controller.signal }),
      });
      controller.abort();
      const error = await failure(pending);
      expect(AbortedError.isInstance(error)).toBe(true);
    });

    it('reports a token provider that throws as a retryable failure with nothing sent, not as ambiguous', async () => {
      const fetch = vi.fn(async () => Response.json({ id: '1' }));
      const tokens = {
        getAccessToken: async (): Promise<string> => {
          throw new Error('token store unreachable');
        },
      };
      const error = await failure(
        client({ fetch }).request({
          method: 'POST',
          path: '/posts',
          operation: 'create post',
          createsResource: true,
          context: contextWith({ tokens }),
        }),
      );
      expect(TransientError.isInstance(error)).toBe(true);
      expect(error.retryable).toBe(true);
      expect(error.message).toContain('create post was not sent: the token provider failed');
      // The provider's own message may quote a token: it is kept as the cause, not copied.
      expect(error.message).not.toContain('token store unreachable');
      expect((error.cause as Error).message).toBe('token store unreachable');
      expect(fetch).not.toHaveBeenCalled();
    });

    it('sends nothing when the signal is already aborted', async () => {
      const fetch = vi.fn(async () => Response.json({}));
      const error = await failure(
        client({ fetch }).request({
          method: 'POST',
          path: '/posts',
          operation: 'create post',
          context: contextWith({ signal: AbortSignal.abort() }),
        }),
      );
      expect(AbortedError.isInstance(error)).toBe(true);
      expect(fetch).not.toHaveBeenCalled();
    });

    it('sends nothing, and says so, when the abort comes while a token provider that ignores the signal answers', async () => {
      const fetch = vi.fn(async () => Response.json({ id: '1' }));
      const controller = new AbortController();
      const tokens = {
        getAccessToken: async (): Promise<string> => {
          controller.abort();
          return TOKEN;
        },
      };
      const error = await failure(
        client({ fetch }).request({
          method: 'POST',
          path: '/posts',
          operation: 'create post',
          createsResource: true,
          context: contextWith({ tokens, signal: controller.signal }),
        }),
      );
      // Not ambiguous: nothing went out, so the publisher need not look for a post.
      expect(AbortedError.isInstance(error)).toBe(true);
      expect(error.message).toBe('create post was aborted before it was sent.');
      expect(fetch).not.toHaveBeenCalled();
    });

    it('sends nothing again when the abort comes during the refresh after a 401', async () => {
      const fetch = vi.fn(async () => Response.json({ error: 'expired' }, { status: 401 }));
      const controller = new AbortController();
      const tokens = {
        getAccessToken: async () => TOKEN,
        refresh: async (): Promise<string> => {
          controller.abort();
          return FRESH;
        },
      };
      const error = await failure(
        client({ fetch }).request({
          method: 'POST',
          path: '/posts',
          operation: 'create post',
          createsResource: true,
          context: contextWith({ tokens, signal: controller.signal }),
        }),
      );
      expect(AbortedError.isInstance(error)).toBe(true);
      expect(fetch).toHaveBeenCalledTimes(1);
    });

    it('stops a read in flight with an aborted error', async () => {
      server.use(
        http.get(`${BASE}/slow`, async () => {
          await delay(1000);
          return HttpResponse.json({});
        }),
      );
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 20);
      const error = await failure(
        client().request({
          method: 'GET',
          path: '/slow',
          operation: 'read',
          context: contextWith({ signal: controller.signal }),
        }),
      );
      expect(error.code).toBe('aborted');
    });
  });

  describe('never leaks a token', () => {
    const leaks = (error: unknown, secret: string): boolean =>
      [
        String(error),
        JSON.stringify(error),
        inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
        (error as Error).stack ?? '',
      ].some((text) => text.includes(secret));

    it('from an error response that echoes the token, in any rendering of the error', async () => {
      server.use(
        http.get(`${BASE}/me`, ({ request }) =>
          HttpResponse.json(
            { message: `Invalid token ${request.headers.get('authorization')}` },
            { status: 400 },
          ),
        ),
      );
      const error = await failure(
        client().request({ method: 'GET', path: '/me', operation: 'read', context: contextWith() }),
      );
      expect(error.message).toContain('[REDACTED]');
      expect(leaks(error, TOKEN)).toBe(false);
    });

    it('from a token sent in the query string', async () => {
      server.use(http.get(`${BASE}/me`, () => HttpResponse.json({ message: 'nope' }, { status: 500 })));
      const metaStyle = client({ authorize: (token) => ({ searchParams: { access_token: token } }) });
      const error = await failure(
        metaStyle.request({ method: 'GET', path: '/me', operation: 'read', context: contextWith() }),
      );
      expect(leaks(error, TOKEN)).toBe(false);
    });

    it('from network failures and timeouts, whose underlying errors hold the request', async () => {
      server.use(http.get(`${BASE}/down`, () => HttpResponse.error()));
      server.use(
        http.get(`${BASE}/slow`, async () => {
          await delay(500);
          return HttpResponse.json({});
        }),
      );
      const network = await failure(
        client().request({ method: 'GET', path: '/down', operation: 'read', context: contextWith() }),
      );
      const timeout = await failure(
        client({ timeoutMs: 20 }).request({
          method: 'GET',
          path: '/slow',
          operation: 'read',
          context: contextWith(),
        }),
      );
      expect(leaks(network, TOKEN)).toBe(false);
      expect(leaks(timeout, TOKEN)).toBe(false);
    });

    it("from a timeout's cause, which quotes the URL with a signed upload URL's query", async () => {
      const uploadToken = 'upload_1000000000000003_f00dbabe';
      const uploadUrl = `https://upload.example.test/video/?upload_id=v_pub_42&upload_token=${uploadToken}`;
      server.use(
        http.put('https://upload.example.test/video/', async () => {
          await delay(500);
          return new HttpResponse(null, { status: 201 });
        }),
      );
      const error = await failure(
        client({ timeoutMs: 20 }).request({
          method: 'PUT',
          path: uploadUrl,
          operation: 'upload chunk',
          body: new Blob(['bytes']),
          auth: false,
          createsResource: true,
          context: contextWith(),
        }),
      );
      expect(error).toBeInstanceOf(AmbiguousOutcomeError);
      expect((error.cause as Error).message).toContain('https://upload.example.test/video/?upload_id=');
      expect(leaks(error, uploadToken)).toBe(false);
    });

    it('from request secrets such as a client secret', async () => {
      const secret = 'client-secret-abcdef123';
      server.use(
        http.post(`${BASE}/oauth/token`, async ({ request }) =>
          HttpResponse.json({ error_description: `bad ${await request.text()}` }, { status: 400 }),
        ),
      );
      const error = await failure(
        client().request({
          method: 'POST',
          path: '/oauth/token',
          operation: 'exchange code',
          form: { client_secret: secret },
          auth: false,
          secrets: [secret],
        }),
      );
      expect(leaks(error, secret)).toBe(false);
    });
  });
});

describe('createHttpClient query values and request info', () => {
  it('repeats a key for array values and tells the rate-limit parser which request it read', async () => {
    let query = '';
    server.use(
      http.get(`${BASE}/notifications`, ({ request }) => {
        query = new URL(request.url).search;
        return HttpResponse.json({ id: '1' }, { headers: { 'x-remaining': '3' } });
      }),
    );
    const seen: unknown[] = [];
    const reader = client({
      parseRateLimit: (_headers, _now, request) => {
        seen.push(request);
        return undefined;
      },
    });
    await reader.request({
      method: 'GET',
      path: '/notifications',
      operation: 'list mentions',
      searchParams: { 'types[]': ['mention', 'status'], limit: 2 },
      context: contextWith(),
    });
    expect(decodeURIComponent(query)).toBe('?types[]=mention&types[]=status&limit=2');
    expect(seen).toEqual([{ method: 'GET', path: '/v26.0/notifications', operation: 'list mentions' }]);
  });

  it('honours a plain signal on requests made without a context', async () => {
    const fetch = vi.fn(async () => Response.json({}));
    const error = await failure(
      client({ fetch }).request({
        method: 'POST',
        path: '/oauth/token',
        operation: 'exchange code',
        auth: false,
        signal: AbortSignal.abort(),
      }),
    );
    expect(error.code).toBe('aborted');
    expect(fetch).not.toHaveBeenCalled();
  });
});
