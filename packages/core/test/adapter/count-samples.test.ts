import { describe, expect, it } from 'vitest';
import { countSamples } from '../../src/adapter/count-samples.js';

const observedAt = new Date('2026-11-22T12:00:00Z');

describe('countSamples', () => {
  it('makes one lifetime account sample per count the platform reported, keeping its raw name', () => {
    const samples = countSamples(
      { followers_count: 120, media_count: '7' },
      [
        ['followers_count', 'followers'],
        ['media_count', 'posts_count'],
      ],
      { platform: 'instagram', accountId: 'a1', observedAt },
    );
    expect(samples).toEqual([
      {
        platform: 'instagram',
        accountId: 'a1',
        scope: 'account',
        metric: 'followers',
        rawName: 'followers_count',
        value: 120,
        observedAt,
        period: 'lifetime',
      },
      {
        platform: 'instagram',
        accountId: 'a1',
        scope: 'account',
        metric: 'posts_count',
        rawName: 'media_count',
        value: 7,
        observedAt,
        period: 'lifetime',
      },
    ]);
  });

  it('is post-scoped with a post id, and leaves out missing, negative and non-numeric counts', () => {
    const samples = countSamples(
      { shares: undefined, comments: -1, reactions: 'many', likes: 3 },
      [
        ['shares', 'shares'],
        ['comments', 'comments'],
        ['reactions', 'reactions'],
        ['likes', 'likes'],
      ],
      { platform: 'facebook', accountId: 'p1', platformPostId: 'p1_9', observedAt },
    );
    expect(samples).toEqual([
      expect.objectContaining({ scope: 'post', platformPostId: 'p1_9', metric: 'likes', value: 3 }),
    ]);
  });
});
