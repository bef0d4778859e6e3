import { AuthError, PlatformError, type SmmkitError } from '@smmkit/core';
import { failureOf } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { classifyCodeExchangeError, createGraphHttpClient, graphTokenErrorAdvice } from '../src/index.js';

const TOKEN = 'user-token-MUST-NOT-LEAK';

/** What a Graph read fails with when every answer is the Graph error `error`. */
async function failureFor(
  error: Record<string, unknown>,
  classifyError?: Parameters<typeof createGraphHttpClient>[0]['classifyError'],
): Promise<SmmkitError> {
  const http = createGraphHttpClient({
    platform: 'facebook',
    baseUrl: 'https://graph.facebook.com/v26.0',
    fetch: async () =>
      Response.json({ error: { type: 'OAuthException', fbtrace_id: 'Atoken1', ...error } }, { status: 400 }),
    classifyError,
  });
  return failureOf(
    http.request({
      method: 'GET',
      path: '/me',
      operation: 'read user',
      context: {
        account: { platform: 'facebook', accountId: '1' },
        tokens: { getAccessToken: async () => TOKEN },
      },
    }),
    { secrets: [TOKEN] },
  );
}

describe('token errors (code 190) by sub-code', () => {
  const cases = [
    { subcode: 458, code: 'auth_revoked', says: /removed the app.*log in to the app again/ },
    { subcode: 459, code: 'auth_revoked', says: /checkpoint.*https:\/\/www\.facebook\.com/ },
    { subcode: 460, code: 'auth_revoked', says: /changed their Facebook password.*log in to the app again/ },
    { subcode: 463, code: 'auth_expired', says: /expired.*log in to the app again.*long-lived/ },
    { subcode: 464, code: 'auth_revoked', says: /not confirmed their Facebook account/ },
    { subcode: 467, code: 'auth_revoked', says: /logged out.*log in to the app again/ },
    { subcode: 492, code: 'auth_revoked', says: /role on the Page.*CREATE_CONTENT/ },
    { subcode: undefined, code: 'auth_expired', says: /expired, revoked or otherwise invalid/ },
  ] as const;

  for (const item of cases) {
    it(`190/${item.subcode ?? '-'} is ${item.code} and says what the user must do, keeping Meta's message and trace id`, async () => {
      const error = await failureFor({
        code: 190,
        ...(item.subcode === undefined ? {} : { error_subcode: item.subcode }),
        message: 'Error validating access token: the session is invalid.',
      });
      expect(AuthError.isInstance(error)).toBe(true);
      expect(error.code).toBe(item.code);
      expect(error.message).toMatch(
        /^read user failed \(GET \/v26\.0\/me → 400\): Error validating access token/,
      );
      expect(error.message).toMatch(item.says);
      expect(error.hint).toMatch(item.says);
      expect(error.platformError).toMatchObject({
        code: 190,
        ...(item.subcode === undefined ? {} : { subcode: item.subcode }),
        traceId: 'Atoken1',
      });
    });
  }

  it('reads code 102 (API session) as a token error too', async () => {
    const error = await failureFor({ code: 102, message: 'Session key invalid or no longer valid' });
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.code).toBe('auth_expired');
    expect(error.message).toContain('log in to the app again');
  });

  it('keeps the advice when a token error answers a code exchange', async () => {
    const error = await failureFor(
      { code: 190, error_subcode: 460, message: 'invalidated' },
      classifyCodeExchangeError,
    );
    expect(error.code).toBe('auth_revoked');
    expect(error.message).toContain('changed their Facebook password');
  });

  it('gives the same advice as a function, for apps that show it themselves', () => {
    expect(graphTokenErrorAdvice(459)).toEqual({
      revoked: true,
      advice: expect.stringContaining('checkpoint'),
    });
    expect(graphTokenErrorAdvice(463).revoked).toBe(false);
    expect(graphTokenErrorAdvice(123_456)).toEqual(graphTokenErrorAdvice(undefined));
  });
});

describe('temporarily blocked (368)', () => {
  it('is a refusal that says to wait, with Meta\u2019s message and trace id', async () => {
    const error = await failureFor({
      code: 368,
      message: 'The action attempted has been deemed abusive or is otherwise disallowed',
    });
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error.code).toBe('platform_refused');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('deemed abusive');
    expect(error.message).toContain('temporarily blocked');
    expect(error.platformError).toMatchObject({ code: 368, traceId: 'Atoken1' });
  });
});
