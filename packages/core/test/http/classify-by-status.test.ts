import { describe, expect, it } from 'vitest';
import { RateLimitError } from '../../src/errors/rate-limit-error.js';
import { classifyByStatus } from '../../src/http/classify-by-status.js';
import type { PlatformResponse } from '../../src/http/platform-response.js';

function response(overrides: Partial<PlatformResponse>): PlatformResponse {
  return {
    platform: 'example',
    operation: 'read profile',
    method: 'GET',
    path: '/me',
    status: 429,
    headers: new Headers(),
    body: undefined,
    rateLimit: undefined,
    retryAt: undefined,
    receivedAt: 0,
    createsResource: false,
    ...overrides,
  };
}

describe('classifyByStatus', () => {
  const retryAt = new Date('2026-11-22T20:01:30Z');
  const resetAt = new Date('2026-11-22T20:15:00Z');

  it('takes a 429 reset from the rate-limit headers before Retry-After', () => {
    const error = classifyByStatus(
      response({ retryAt, rateLimit: { limit: 100, remaining: 0, resetAt, scope: 'user' } }),
    );
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).resetAt).toEqual(resetAt);
  });

  it('falls back to Retry-After when the headers name no reset', () => {
    const error = classifyByStatus(
      response({ retryAt, rateLimit: { limit: 100, remaining: 0, scope: 'user' } }),
    );
    expect((error as RateLimitError).resetAt).toEqual(retryAt);
  });
});
