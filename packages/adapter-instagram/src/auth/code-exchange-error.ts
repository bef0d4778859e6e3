import { AuthError } from '@smmkit/core';
import { describeFailure, type ErrorClassifier, errorOptionsFrom } from '@smmkit/core/adapter-kit';
import { classifyCodeExchangeError } from '@smmkit/graph-api';

/**
 * Classifies the errors of Instagram Login's code exchange: a Graph error body is read as any
 * code exchange's (`@smmkit/graph-api`'s `classifyCodeExchangeError`: a refused code is
 * `AuthError('auth_revoked')`); the token endpoint's own body `{error_type, code, error_message}`
 * (https://developers.facebook.com/docs/instagram-platform/reference/oauth-access-token) is a
 * refused code too, keeping Meta's message.
 *
 * @example
 * ```ts
 * const http = createGraphHttpClient({ platform: 'instagram', baseUrl, classifyError: classifyInstagramCodeError });
 * ```
 */
export const classifyInstagramCodeError: ErrorClassifier = (response) => {
  const classified = classifyCodeExchangeError(response);
  if (classified !== undefined) return classified;
  const body = response.body;
  if (typeof body !== 'object' || body === null || response.status >= 500) return undefined;
  const fields = body as Record<string, unknown>;
  const message = typeof fields.error_message === 'string' ? fields.error_message : undefined;
  if (message === undefined) return undefined;
  const type = typeof fields.error_type === 'string' ? fields.error_type : undefined;
  const code = typeof fields.code === 'number' ? fields.code : undefined;
  return new AuthError('auth_revoked', `${describeFailure(response)}: ${message}`, {
    ...errorOptionsFrom(response),
    platformError: {
      message,
      ...(code === undefined ? {} : { code }),
      ...(type === undefined ? {} : { type }),
    },
  });
};
