import type { RateWindow } from './rate-limiter.js';

/** Why the simulator refuses a token. */
export type UnauthorizedReason = 'missing' | 'unknown' | 'expired' | 'revoked';

/**
 * How one platform says things: where it reads the token, and the exact status, headers and body
 * of its auth failures, 429s and 5xx. Each platform mock supplies one, taken from the platform's
 * documentation, so that adapters are tested against the platform's real shapes.
 */
export interface PlatformDialect {
  /** The token a request presents (a Bearer header, an `access_token` query parameter, …). */
  extractToken(request: Request, url: URL): string | undefined;
  /** The platform's answer to a missing, unknown, expired or revoked token. */
  unauthorized(reason: UnauthorizedReason): Response;
  /** The platform's 429. */
  rateLimited(window: RateWindow): Response;
  /** The platform's rate-limit headers for a window, added to every limited response; none when it sends none. */
  rateLimitHeaders?(window: RateWindow): Readonly<Record<string, string>>;
  /** The platform's 5xx. */
  serverError(): Response;
}

/**
 * The token of an `Authorization: Bearer <token>` header.
 *
 * @example
 * ```ts
 * const dialect: PlatformDialect = { extractToken: bearerToken, … };
 * ```
 */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}
