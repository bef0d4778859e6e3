import { RateLimitError, TransientError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { adviceFor, buildLaunchPost, describeBadPost, refreshOnceForManyCallers } from '../src/quickstart.js';

describe('quickstart example', () => {
  it('builds a valid post', () => {
    const post = buildLaunchPost();
    expect(post.media?.[0]?.altText).toBe('Three linen jackets on a rail');
    expect(post.campaign).toBe('spring-26');
  });

  it('shows every problem of a bad post at once, with paths', () => {
    const message = describeBadPost();
    expect(message).toMatch(/^Invalid post \(\d+ problems\):/);
    for (const path of ['text', 'media[0].kind', 'media[0].mimeType', 'media[0].source.url']) {
      expect(message).toContain(`  - ${path}: `);
    }
  });

  it('refreshes once for concurrent callers and stores the rotated refresh token first', async () => {
    const result = await refreshOnceForManyCallers();
    expect(result.refreshes).toBe(1);
    expect(new Set(result.tokens)).toEqual(new Set(['new-access-token-from-refresh-1']));
    expect(result.stored?.refreshToken).toBe('refresh-2');
  });

  it('gives advice by error class and code', () => {
    const resetAt = new Date('2026-11-22T21:00:00Z');
    expect(adviceFor(new RateLimitError('rate_limited', 'x', { resetAt }))).toBe(
      'rate limited until 2026-11-22T21:00:00.000Z',
    );
    expect(adviceFor(new TransientError('transient', '503'))).toMatch(/^transient \(retry later\): /);
    expect(adviceFor(new Error('x'))).toBe('not an smmkit error');
  });
});
