import { describe, expect, it } from 'vitest';
import type { RateLimitInfo } from '../../src/models/rate-limit-info.js';
import { parsePublishResult } from '../../src/parse/parse-models.js';

const ref = { platform: 'x', accountId: '2244994945', platformPostId: '1850000000000000000' };

describe('parsePublishResult', () => {
  it('defaults warnings to an empty array and turns publishedAt into a Date', () => {
    const result = parsePublishResult({ ref, publishedAt: '2026-05-01T09:00:02Z' });
    expect(result).toEqual({ ref, publishedAt: new Date('2026-05-01T09:00:02Z'), warnings: [] });
  });

  it('gives each parse its own warnings array', () => {
    const first = parsePublishResult({ ref });
    const second = parsePublishResult({ ref });
    expect(first.warnings).not.toBe(second.warnings);
  });

  it('keeps thread refs, partial-error warnings and the rate-limit info as given', () => {
    const rateLimit: RateLimitInfo = { limit: 100, remaining: 99, resetAt: new Date('2026-05-01T09:15:00Z') };
    const result = parsePublishResult({
      ref,
      url: 'https://x.com/XDevelopers/status/1850000000000000000',
      threadRefs: [{ ...ref, platformPostId: '1850000000000000001' }],
      firstCommentId: '1850000000000000002',
      warnings: [
        {
          code: 'platform_partial_error',
          message: 'X reported a partial error',
          platformCode: 'about:blank',
        },
      ],
      rateLimit,
    });
    expect(result.threadRefs?.[0]?.platformPostId).toBe('1850000000000000001');
    expect(result.warnings[0]?.platformCode).toBe('about:blank');
    expect(result.rateLimit).toBe(rateLimit);
  });
});
