import { AmbiguousOutcomeError, type SmmkitError, TransientError } from '@smmkit/core';
import { failureOf } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { classifyGraphError, createGraphHttpClient } from '../src/index.js';

const TOKEN = 'page-token-MUST-NOT-LEAK';

/** What a request fails with when Graph answers `body` with HTTP `status`. */
async function failureFor(
  body: unknown,
  request: { readonly createsResource: boolean; readonly status: number },
): Promise<SmmkitError> {
  const http = createGraphHttpClient({
    platform: 'facebook',
    baseUrl: 'https://graph.facebook.com/v26.0',
    fetch: async () => Response.json(body, { status: request.status }),
    classifyError: classifyGraphError(),
  });
  return failureOf(
    http.request({
      method: request.createsResource ? 'POST' : 'GET',
      path: '/104000000000001/feed',
      operation: request.createsResource ? 'create post' : 'list posts',
      ...(request.createsResource ? { form: { message: 'Hello' }, createsResource: true } : {}),
      context: {
        account: { platform: 'facebook', accountId: '104000000000001' },
        tokens: { getAccessToken: async () => TOKEN },
      },
    }),
    { secrets: [TOKEN] },
  );
}

const serverErrors = [
  { code: 1, message: 'An unknown error occurred' },
  { code: 2, message: 'An unexpected error has occurred. Please retry your request later.' },
] as const;

describe('Graph server errors (codes 1 and 2)', () => {
  for (const error of serverErrors) {
    it(`makes code ${error.code} with HTTP 400 on a create ambiguous, so the post is looked for instead of sent twice`, async () => {
      const failure = await failureFor(
        { error: { type: 'OAuthException', ...error } },
        {
          createsResource: true,
          status: 400,
        },
      );
      expect(AmbiguousOutcomeError.isInstance(failure)).toBe(true);
      expect(failure.retryable).toBe(false);
      expect((failure as AmbiguousOutcomeError).operation).toBe('create post');
      expect(failure.platformError).toMatchObject({ code: error.code });
      expect(failure.message).not.toContain(TOKEN);
    });

    it(`keeps code ${error.code} on a read retryable, as Meta says to retry`, async () => {
      const failure = await failureFor(
        { error: { type: 'OAuthException', ...error } },
        {
          createsResource: false,
          status: 400,
        },
      );
      expect(TransientError.isInstance(failure)).toBe(true);
      expect(failure.retryable).toBe(true);
    });
  }
});
