import { AuthError, PlatformError } from '@smmkit/core';
import { describeFailure, type ErrorClassifier, errorOptionsFrom } from '@smmkit/core/adapter-kit';
import { classifyInstagramError } from '../classify-error.js';

/**
 * Classifies the errors of both logins' code exchanges: a Graph error that is not transient nor
 * throttling means the code cannot be used (used, expired, another redirect URI), so a person
 * has to authorize again (`AuthError('auth_revoked')`, keeping Meta's message). The token
 * endpoint of Instagram Login answers `{error_type, code, error_message}` instead of a Graph
 * error body (https://developers.facebook.com/docs/instagram-platform/reference/oauth-access-token).
 *
 * @example
 * ```ts
 * const http = graphAuthClient(options, 'facebook', classifyCodeExchangeError);
 * ```
 */
export const classifyCodeExchangeError: ErrorClassifier = (response) => {
  const classified = classifyInstagramError(response);
  if (classified !== undefined) {
    if (!PlatformError.isInstance(classified) || classified.code === 'not_found') return classified;
    return new AuthError('auth_revoked', classified.message, {
      ...errorOptionsFrom(response),
      ...(classified.platformError === undefined ? {} : { platformError: classified.platformError }),
    });
  }
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
