import { AuthError, PlatformError } from '@smmkit/core';
import { type ErrorClassifier, errorOptionsFrom } from '@smmkit/core/adapter-kit';
import { classifyGraphError } from '../classify-graph-error.js';

/** The Graph-wide classifier, made once. */
const classifyGraphWide = classifyGraphError();

/**
 * Classifies the errors of an OAuth code exchange: a Graph error that is neither transient,
 * throttling, an auth error nor `not_found` means the code cannot be used (used, expired, sent
 * with another redirect URI: code 100 with sub-codes such as 36007–36009), so a person has to
 * authorize again: `AuthError('auth_revoked')`, keeping Meta's message and codes
 * (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow). A body that
 * is not a Graph error gives `undefined`, for the caller's own reading or core's fallback.
 *
 * @example
 * ```ts
 * const http = graphAuthClient(options, { platform: 'facebook', classifyError: classifyCodeExchangeError });
 * ```
 */
export const classifyCodeExchangeError: ErrorClassifier = (response) => {
  const classified = classifyGraphWide(response);
  if (classified === undefined) return undefined;
  if (!PlatformError.isInstance(classified) || classified.code === 'not_found') return classified;
  return new AuthError('auth_revoked', classified.message, {
    ...errorOptionsFrom(response),
    ...(classified.platformError === undefined ? {} : { platformError: classified.platformError }),
  });
};
