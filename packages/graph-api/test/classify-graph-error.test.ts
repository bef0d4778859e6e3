import { AuthError, PlatformError, RateLimitError, type SmmkitError, TransientError } from '@smmkit/core';
import { failureOf } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { classifyCodeExchangeError, classifyGraphError, createGraphHttpClient } from '../src/index.js';

const START = Date.parse('2026-11-22T12:00:00.000Z');
const HOUR = 60 * 60_000;
const TOKEN = 'page-token-MUST-NOT-LEAK';
/** The context's clock: the responses arrive at START (no call here waits). */
const clock = { now: () => START, sleep: async () => {} };

/** What a read through a Graph client fails with when every answer is `body` with `status`. */
async function failureFor(
  body: unknown,
  options: {
    readonly status?: number | undefined;
    readonly headers?: Record<string, string>;
    readonly classifyError?: Parameters<typeof createGraphHttpClient>[0]['classifyError'];
  } = {},
): Promise<SmmkitError> {
  const http = createGraphHttpClient({
    platform: 'facebook',
    baseUrl: 'https://graph.facebook.com/v26.0',
    fetch: async () => Response.json(body, { status: options.status ?? 400, headers: options.headers ?? {} }),
    classifyError: options.classifyError,
  });
  return failureOf(
    http.request({
      method: 'GET',
      path: '/104000000000001',
      operation: 'read Page',
      context: {
        account: { platform: 'facebook', accountId: '104000000000001' },
        tokens: { getAccessToken: async () => TOKEN },
        clock,
      },
    }),
    { secrets: [TOKEN] },
  );
}

/** A Graph error body with `error`, as Meta sends it. */
const graphBody = (error: Record<string, unknown>) => ({
  error: { type: 'OAuthException', fbtrace_id: 'Atrace', ...error },
});

describe('Graph error codes', () => {
  const cases: readonly {
    readonly name: string;
    readonly error: Record<string, unknown>;
    readonly status?: number;
    readonly kind: { isInstance(value: unknown): boolean };
    readonly code: string;
    readonly retryable: boolean;
  }[] = [
    {
      name: '190/463 expired token',
      error: { code: 190, error_subcode: 463, message: 'Error validating access token: Session has expired' },
      kind: AuthError,
      code: 'auth_expired',
      retryable: false,
    },
    {
      name: '190/460 password changed',
      error: { code: 190, error_subcode: 460, message: 'The session has been invalidated' },
      kind: AuthError,
      code: 'auth_revoked',
      retryable: false,
    },
    {
      name: '10 missing permission',
      error: { code: 10, message: '(#10) Application does not have permission for this action' },
      kind: AuthError,
      code: 'auth_missing_scope',
      retryable: false,
    },
    {
      name: '3 capability or permissions issue',
      error: { code: 3, message: '(#3) Application does not have the capability to make this API call.' },
      kind: AuthError,
      code: 'auth_missing_scope',
      retryable: false,
    },
    {
      name: '17 user throttled',
      error: { code: 17, message: '(#17) User request limit reached' },
      kind: RateLimitError,
      code: 'rate_limited',
      retryable: true,
    },
    {
      name: '32 Page throttled',
      error: { code: 32, message: '(#32) Page request limit reached' },
      kind: RateLimitError,
      code: 'rate_limited',
      retryable: true,
    },
    {
      name: '613 throttled',
      error: { code: 613, message: 'Calls to this api have exceeded the rate limit.' },
      kind: RateLimitError,
      code: 'rate_limited',
      retryable: true,
    },
    {
      name: '80002 Instagram throttled',
      error: { code: 80002, message: 'There have been too many calls to this Instagram account.' },
      kind: RateLimitError,
      code: 'rate_limited',
      retryable: true,
    },
    {
      name: '2 with is_transient',
      error: {
        code: 2,
        is_transient: true,
        message: 'An unexpected error has occurred. Please retry your request later.',
      },
      status: 500,
      kind: TransientError,
      code: 'transient',
      retryable: true,
    },
    {
      name: '506 duplicate post',
      error: { code: 506, message: 'Duplicate status message' },
      kind: PlatformError,
      code: 'duplicate_content',
      retryable: false,
    },
    {
      name: '100 unknown object',
      error: {
        code: 100,
        error_subcode: 33,
        message: "Unsupported get request. Object with ID '1' does not exist",
      },
      kind: PlatformError,
      code: 'not_found',
      retryable: false,
    },
    {
      name: '190/467 logged out',
      error: {
        code: 190,
        error_subcode: 467,
        message: 'Error validating access token: The user has not authorized application',
      },
      kind: AuthError,
      code: 'auth_revoked',
      retryable: false,
    },
    {
      name: '200 permission error',
      error: {
        code: 200,
        message: '(#200) The user hasn\u2019t authorized the application to perform this action',
      },
      kind: AuthError,
      code: 'auth_missing_scope',
      retryable: false,
    },
    {
      name: '80001 Page throttled',
      error: { code: 80001, message: 'There have been too many calls to this Page account.' },
      kind: RateLimitError,
      code: 'rate_limited',
      retryable: true,
    },
    {
      name: '1 unknown error',
      error: { code: 1, message: 'An unknown error occurred' },
      kind: TransientError,
      code: 'transient',
      retryable: true,
    },
    {
      name: '368 temporarily blocked',
      error: {
        code: 368,
        message: 'The action attempted has been deemed abusive or is otherwise disallowed',
      },
      kind: PlatformError,
      code: 'platform_refused',
      retryable: false,
    },
  ];

  for (const item of cases) {
    it(`maps ${item.name} to ${item.code}, keeping Meta's code, subcode, message and trace id`, async () => {
      const error = await failureFor(graphBody(item.error), { status: item.status });
      expect(item.kind.isInstance(error)).toBe(true);
      expect(error.code).toBe(item.code);
      expect(error.retryable).toBe(item.retryable);
      expect(error.platform).toBe('facebook');
      expect(error.platformError).toMatchObject({
        code: item.error.code,
        ...(item.error.error_subcode === undefined ? {} : { subcode: item.error.error_subcode }),
        traceId: 'Atrace',
      });
      expect(error.platformError?.message).toContain(String(item.error.message));
      if (typeof item.error.error_user_msg === 'string')
        expect(error.message).toContain(item.error.error_user_msg);
    });
  }

  it('names the request and quotes code and subcode in the message, with the user message after Meta\u2019s', async () => {
    const error = await failureFor(
      graphBody({
        code: 100,
        error_subcode: 1487390,
        message: 'Invalid parameter',
        error_user_msg: 'Pick a date.',
      }),
    );
    expect(error.message).toBe(
      'read Page failed (GET /v26.0/104000000000001 → 400): Invalid parameter Pick a date. (code 100/1487390)',
    );
  });

  it('sends a code 3 (an app capability as often as a grant) to the app\u2019s review, not only to re-authorization', async () => {
    const error = await failureFor({
      error: { code: 3, message: '(#3) Application does not have the capability to make this API call.' },
    });
    expect(error.hint).toMatch(/App Review/);
  });

  it('reads codes sent as numeric strings', async () => {
    const error = await failureFor(graphBody({ code: '190', error_subcode: '460', message: 'invalidated' }));
    expect(error.code).toBe('auth_revoked');
    expect(error.platformError).toMatchObject({ code: 190, subcode: 460 });
  });
});

describe('throttling reset', () => {
  it('resets when the business header says access returns', async () => {
    const error = await failureFor(graphBody({ code: 80001, message: 'Page throttled' }), {
      headers: {
        'x-business-use-case-usage': JSON.stringify({
          '104000000000001': [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 25 }],
        }),
      },
    });
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).resetAt).toEqual(new Date(START + 25 * 60_000));
    expect(error.rateLimit).toMatchObject({ usedFraction: 1, scope: 'business', bucket: 'graph' });
  });

  it('resets an hour after an app throttle that says nothing, the end of its rolling window', async () => {
    const error = await failureFor(graphBody({ code: 4, message: '(#4) Application request limit reached' }));
    expect((error as RateLimitError).resetAt).toEqual(new Date(START + HOUR));
  });
});

describe('classifyGraphError(override)', () => {
  const classify = classifyGraphError(({ graph, message, options }) =>
    graph.code === 4 && graph.subcode === 2207051
      ? new PlatformError('platform_refused', `${message}; restricted`, options)
      : undefined,
  );

  it('asks the platform first, with the message and options every Graph error carries', async () => {
    const error = await failureFor(
      graphBody({ code: 4, error_subcode: 2207051, message: 'Action blocked' }),
      {
        classifyError: classify,
      },
    );
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/Action blocked \(code 4\/2207051\); restricted$/);
    expect(error).toMatchObject({ platform: 'facebook', status: 400, platformError: { traceId: 'Atrace' } });
  });

  it('leaves the rest to the Graph-wide table, and bodies that are not Graph errors to core', async () => {
    const throttled = await failureFor(graphBody({ code: 4, message: 'limit' }), { classifyError: classify });
    expect(RateLimitError.isInstance(throttled)).toBe(true);
    const html = await failureFor('<html>Bad gateway</html>', { status: 502, classifyError: classify });
    expect(TransientError.isInstance(html)).toBe(true);
    expect(html.platformError?.code).toBeUndefined();
  });
});

describe('classifyCodeExchangeError', () => {
  it('makes a refused code a revoked grant, keeping Meta\u2019s codes', async () => {
    const error = await failureFor(
      graphBody({ code: 100, error_subcode: 36009, message: 'This authorization code has been used.' }),
      { classifyError: classifyCodeExchangeError },
    );
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.code).toBe('auth_revoked');
    expect(error.platformError).toMatchObject({ code: 100, subcode: 36009 });
  });

  it('keeps throttling, transient errors and unknown objects as they are', async () => {
    const classifyError = classifyCodeExchangeError;
    expect((await failureFor(graphBody({ code: 4, message: 'limit' }), { classifyError })).code).toBe(
      'rate_limited',
    );
    expect(
      (
        await failureFor(graphBody({ code: 2, is_transient: true, message: 'retry' }), {
          status: 500,
          classifyError,
        })
      ).code,
    ).toBe('transient');
    expect(
      (await failureFor(graphBody({ code: 100, message: 'Object does not exist' }), { classifyError })).code,
    ).toBe('not_found');
  });
});
