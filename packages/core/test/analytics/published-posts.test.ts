import { describe, expect, it } from 'vitest';
import { publishedPosts } from '../../src/analytics/published-posts.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { PostRef } from '../../src/models/post-ref.js';
import type { PublishOutcome } from '../../src/publisher/outcome.js';

const ref = (platformPostId: string, platform = 'x'): PostRef => ({
  platform,
  accountId: 'acc-1',
  platformPostId,
});
const publishedAt = new Date('2026-05-04T09:00:00Z');

describe('publishedPosts', () => {
  it("gives each published target the post's labels and the time it went live", () => {
    const outcomes: PublishOutcome[] = [
      {
        status: 'published',
        target: { platform: 'x', accountId: 'acc-1' },
        result: { ref: ref('1'), publishedAt, warnings: [] },
      },
      {
        status: 'failed',
        target: { platform: 'linkedin', accountId: 'acc-1' },
        error: new ValidationError([], 'post'),
        hint: 'shorten it',
      },
      {
        status: 'unknown',
        target: { platform: 'tiktok', accountId: 'acc-1' },
        error: new ValidationError([], 'post'),
        checked: [],
      },
      {
        status: 'published',
        target: { platform: 'facebook', accountId: 'acc-1' },
        result: { ref: ref('2', 'facebook'), scheduledFor: new Date('2026-05-05T18:00:00Z'), warnings: [] },
      },
    ];

    const posts = publishedPosts(
      { campaign: 'spring-26', tags: ['launch'], variant: 'A', contentClass: 'promotion' },
      outcomes,
      { timeZone: 'Europe/Berlin' },
    );

    const labels = {
      campaign: 'spring-26',
      tags: ['launch'],
      variant: 'A',
      contentClass: 'promotion',
      timeZone: 'Europe/Berlin',
    };
    expect(posts).toEqual([
      { ...ref('1'), publishedAt, ...labels },
      // Natively scheduled: placed at the time the platform will publish it.
      { ...ref('2', 'facebook'), publishedAt: new Date('2026-05-05T18:00:00Z'), ...labels },
    ]);
  });

  it('gives the bare ref of a published outcome that carries no time, so its metrics are still read', () => {
    const outcome: PublishOutcome = {
      status: 'published',
      target: { platform: 'x', accountId: 'acc-1' },
      result: { ref: ref('3'), warnings: [] },
    };
    expect(publishedPosts({ campaign: 'spring-26' }, [outcome])).toEqual([ref('3')]);
  });

  it('leaves out labels the post does not have', () => {
    const outcome: PublishOutcome = {
      status: 'published',
      target: { platform: 'x', accountId: 'acc-1' },
      result: { ref: ref('4'), publishedAt, warnings: [] },
    };
    expect(publishedPosts({}, [outcome])).toEqual([{ ...ref('4'), publishedAt }]);
  });
});
