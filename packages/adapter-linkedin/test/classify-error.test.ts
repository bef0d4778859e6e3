import { AuthError, PlatformError, RateLimitError, type SmmkitError, TransientError } from '@smmkit/core';
import type { PlatformResponse } from '@smmkit/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { classifyLinkedInError, linkedInErrorDetails } from '../src/index.js';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const classify = classifyLinkedInError({ version: '202610' });

function answer(status: number, body: unknown, extra: Partial<PlatformResponse> = {}): SmmkitError {
  return classify({
    platform: 'linkedin',
    operation: 'create post',
    method: 'POST',
    path: '/rest/posts',
    status,
    headers: new Headers(),
    body,
    rateLimit: undefined,
    retryAt: undefined,
    receivedAt: NOW,
    createsResource: true,
    ...extra,
  }) as SmmkitError;
}

describe('LinkedIn error classification', () => {
  it('maps every documented status into the taxonomy, keeping the message and serviceErrorCode', () => {
    const cases: [number, unknown, string, string][] = [
      [
        400,
        { status: 400, serviceErrorCode: 100, message: 'ERROR :: /commentary :: is too long' },
        'PlatformError',
        'platform_refused',
      ],
      [
        401,
        { status: 401, serviceErrorCode: 65600, message: 'Invalid access token' },
        'AuthError',
        'auth_expired',
      ],
      [
        401,
        {
          status: 401,
          serviceErrorCode: 65601,
          message: 'The token used in the request has been revoked by the user',
        },
        'AuthError',
        'auth_revoked',
      ],
      [
        403,
        {
          status: 403,
          serviceErrorCode: 100,
          code: 'ACCESS_DENIED',
          message: 'Not enough permissions to access: partnerApiPostsExternal.CREATE.20240501',
        },
        'AuthError',
        'auth_missing_scope',
      ],
      [
        403,
        { status: 403, message: 'Member is restricted from posting' },
        'PlatformError',
        'platform_refused',
      ],
      [404, { status: 404, message: 'Not Found' }, 'PlatformError', 'not_found'],
      [409, { status: 409, message: 'Conflict' }, 'PlatformError', 'platform_refused'],
      [
        422,
        { status: 422, message: 'Content is a duplicate of urn:li:share:7' },
        'PlatformError',
        'duplicate_content',
      ],
      [
        426,
        { status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version 202301 is not active' },
        'PlatformError',
        'platform_refused',
      ],
      [
        429,
        {
          status: 429,
          serviceErrorCode: 101,
          message: 'Resource level throttle limit for calls to this resource is reached.',
        },
        'RateLimitError',
        'quota_exceeded',
      ],
      [500, { status: 500, message: 'Internal Server Error' }, 'TransientError', 'transient'],
      [503, 'Service Unavailable', 'TransientError', 'transient'],
      [504, undefined, 'TransientError', 'transient'],
    ];
    for (const [status, body, kind, code] of cases) {
      const error = answer(status, body);
      expect([status, error.name, error.code]).toEqual([status, kind, code]);
      expect(error.status).toBe(status);
      const details = linkedInErrorDetails(body);
      expect(error.platformError).toEqual(details);
      if (details?.message !== undefined) expect(error.message).toContain(details.message);
    }
  });

  it('takes Retry-After over the daily reset when LinkedIn sends one', () => {
    const retryAt = new Date(NOW + 30_000);
    const error = answer(429, { status: 429, serviceErrorCode: 101, message: 'throttled' }, { retryAt });
    expect((error as RateLimitError).resetAt).toEqual(retryAt);
    const daily = answer(429, { status: 429, serviceErrorCode: 101, message: 'throttled' });
    expect((daily as RateLimitError).resetAt?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('reads the token endpoint’s OAuth errors', () => {
    const oauth = (status: number, error: string) =>
      answer(
        status,
        { error, error_description: 'Client authentication failed' },
        { path: '/oauth/v2/accessToken' },
      );
    expect(oauth(401, 'invalid_client').code).toBe('auth_invalid');
    expect(oauth(400, 'invalid_request').code).toBe('auth_revoked');
    expect(oauth(400, 'invalid_request').platformError).toEqual({
      code: 'invalid_request',
      message: 'Client authentication failed',
    });
  });

  it('recognises the error classes across installs', () => {
    expect(AuthError.isInstance(answer(401, {}))).toBe(true);
    expect(RateLimitError.isInstance(answer(429, {}))).toBe(true);
    expect(TransientError.isInstance(answer(502, {}))).toBe(true);
    expect(PlatformError.isInstance(answer(404, {}))).toBe(true);
    expect(AuthError.isInstance(answer(404, {}))).toBe(false);
  });
});
