import { bearerToken, type PlatformDialect, type UnauthorizedReason } from '@smmkit/testkit/simulator-kit';
import { linkedInError, throttled } from './errors.js';

/**
 * LinkedIn's 401s, `{serviceErrorCode, message, status}`, with the messages LinkedIn answers
 * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling lists the
 * status; the codes and wording are those developers report).
 */
const UNAUTHORIZED: Readonly<
  Record<UnauthorizedReason, { readonly code: number; readonly message: string }>
> = {
  missing: { code: 65604, message: 'Empty oauth2 access token' },
  unknown: { code: 65600, message: 'Invalid access token' },
  expired: { code: 65602, message: 'The token used in the request has expired' },
  revoked: { code: 65601, message: 'The token used in the request has been revoked by the user' },
};

/**
 * How LinkedIn says things: a Bearer token (3-legged OAuth,
 * https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow),
 * 401s with a `serviceErrorCode`, the daily limit's 429, and a JSON 500. LinkedIn sends no
 * rate-limit headers (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits),
 * so the dialect has none.
 *
 * @example
 * ```ts
 * const sim = new PlatformSimulator({ platform: 'linkedin', baseUrl: 'https://api.linkedin.com', dialect: linkedInDialect });
 * ```
 */
export const linkedInDialect: PlatformDialect = {
  extractToken: (request) => bearerToken(request),
  unauthorized(reason) {
    const { code, message } = UNAUTHORIZED[reason];
    return linkedInError(401, message, { serviceErrorCode: code });
  },
  rateLimited: () => throttled(),
  serverError: () => linkedInError(500, 'Internal Server Error'),
};
