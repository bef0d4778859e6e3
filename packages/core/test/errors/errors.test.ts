import { describe, expect, it, vi } from 'vitest';
import * as errors from '../../src/index.js';

const {
  AbortedError,
  AmbiguousOutcomeError,
  AuthError,
  MediaProcessingError,
  PlatformError,
  RateLimitError,
} = errors;
const { SmmkitError, TransientError, UnsupportedCapabilityError, ValidationError } = errors;

describe('error taxonomy', () => {
  it('gives each class its stable code, retryability and a hint', () => {
    const resetAt = new Date('2026-11-22T21:00:00Z');
    const cases = [
      [
        new ValidationError([{ path: ['text'], rule: 'text.max_length', message: 'too long' }], 'post'),
        'validation_failed',
        false,
      ],
      [new AuthError('auth_revoked', 'revoked'), 'auth_revoked', false],
      [new RateLimitError('rate_limited', 'slow down', { resetAt }), 'rate_limited', true],
      [new RateLimitError('quota_exceeded', 'quota'), 'quota_exceeded', true],
      [new TransientError('transient', '503'), 'transient', true],
      [new PlatformError('duplicate_content', 'dup'), 'duplicate_content', false],
      [new MediaProcessingError('media_processing_failed', 'codec'), 'media_processing_failed', false],
      [new MediaProcessingError('media_processing_timeout', 'slow'), 'media_processing_timeout', true],
      [new UnsupportedCapabilityError('delete', { platform: 'tiktok' }), 'unsupported_capability', false],
      [new AmbiguousOutcomeError('lost', { operation: 'create post' }), 'ambiguous_outcome', false],
      [new AbortedError(), 'aborted', false],
    ] as const;
    for (const [error, code, retryable] of cases) {
      expect(error.code).toBe(code);
      expect(error.retryable).toBe(retryable);
      expect(error.hint.length).toBeGreaterThan(10);
      expect(error).toBeInstanceOf(Error);
      expect(SmmkitError.isInstance(error)).toBe(true);
    }
  });

  it('names the reset time in a rate-limit hint and falls back to the rate-limit info', () => {
    const resetAt = new Date('2026-11-22T21:00:00Z');
    const error = new RateLimitError('rate_limited', 'slow down', { rateLimit: { remaining: 0, resetAt } });
    expect(error.resetAt).toEqual(resetAt);
    expect(error.hint).toContain('2026-11-22T21:00:00.000Z');
  });

  it('keeps the platform code and message', () => {
    const error = new PlatformError('platform_refused', 'refused', {
      platform: 'instagram',
      status: 400,
      platformError: {
        code: 36003,
        subcode: 2207009,
        message: 'The aspect ratio is not supported.',
        traceId: 'AbC',
      },
    });
    expect(error.platformError).toEqual({
      code: 36003,
      subcode: 2207009,
      message: 'The aspect ratio is not supported.',
      traceId: 'AbC',
    });
    expect(error.toJSON()).toMatchObject({
      name: 'PlatformError',
      code: 'platform_refused',
      platform: 'instagram',
      status: 400,
    });
  });

  it('lists every validation problem with its path in the message', () => {
    const error = new ValidationError(
      [
        { path: ['media', 1, 'sizeBytes'], rule: 'media.max_bytes', message: 'is too big' },
        { path: [], rule: 'post.empty', message: 'a post needs text or media' },
      ],
      'post',
    );
    expect(error.message).toBe(
      'Invalid post (2 problems):\n  - media[1].sizeBytes: is too big\n  - (root): a post needs text or media',
    );
    expect(error.toJSON().problems).toHaveLength(2);
  });

  it('recognises subclasses through isInstance on the parent but not on siblings', () => {
    const error = new RateLimitError('rate_limited', 'x');
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(SmmkitError.isInstance(error)).toBe(true);
    expect(TransientError.isInstance(error)).toBe(false);
    expect(SmmkitError.isInstance(new Error('plain'))).toBe(false);
    expect(SmmkitError.isInstance(null)).toBe(false);
    expect(SmmkitError.isInstance({ code: 'rate_limited' })).toBe(false);
  });

  it('recognises errors from another installed copy of core, where instanceof fails', async () => {
    vi.resetModules();
    const otherCopy = (await import('../../src/index.js')) as typeof errors;
    expect(otherCopy.RateLimitError).not.toBe(RateLimitError);

    const foreign = new otherCopy.RateLimitError('rate_limited', 'from the other copy');
    expect(foreign instanceof RateLimitError).toBe(false);
    expect(RateLimitError.isInstance(foreign)).toBe(true);
    expect(SmmkitError.isInstance(foreign)).toBe(true);
    expect(AuthError.isInstance(foreign)).toBe(false);
    expect(otherCopy.SmmkitError.isInstance(new AuthError('auth_expired', 'local'))).toBe(true);
  });

  it('sets name to the class kind and keeps the marker out of enumerable properties', () => {
    const error = new AuthError('auth_expired', 'expired');
    expect(error.name).toBe('AuthError');
    expect(
      Object.getOwnPropertySymbols(error).every(
        (s) => !Object.getOwnPropertyDescriptor(error, s)?.enumerable,
      ),
    ).toBe(true);
  });
});

describe('user subclasses', () => {
  it('recognises a subclass that declares no kind of its own through its ancestors', () => {
    class MyPlatformError extends PlatformError {}
    const error = new MyPlatformError('platform_refused', 'mine');
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(SmmkitError.isInstance(error)).toBe(true);
    expect(error.name).toBe('PlatformError');
  });

  it('keeps class-specific fields in toJSON', () => {
    expect(
      new MediaProcessingError('media_processing_failed', 'x', { mediaIndex: 2 }).toJSON().mediaIndex,
    ).toBe(2);
    expect(new UnsupportedCapabilityError('delete').toJSON().capability).toBe('delete');
  });
});
