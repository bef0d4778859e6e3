import { describe, expect, it } from 'vitest';
import { createAnalytics } from '../../src/analytics/analytics.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { meta, postSample } from './analytics-fixtures.js';

/** Posts with an engagement rate by impressions of `likes / 100`. */
function withPosts(posts: readonly { id: string; at: string; likes: number; timeZone?: string }[]) {
  const analytics = createAnalytics();
  analytics.ingestSamples(
    posts.flatMap((post) => [
      postSample(post.id, 'impressions', 100),
      postSample(post.id, 'likes', post.likes),
    ]),
  );
  analytics.ingestPostMeta(
    posts.map((post) =>
      meta(post.id, post.at, post.timeZone === undefined ? {} : { timeZone: post.timeZone }),
    ),
  );
  return analytics;
}

describe('bestTime', () => {
  it('averages the rate per post in each hour of the week of the post zone, Monday = 0', () => {
    // Monday 2026-05-04 16:00 UTC is 18:00 in Berlin.
    const analytics = withPosts([
      { id: 'a', at: '2026-05-04T16:10:00Z', likes: 4, timeZone: 'Europe/Berlin' },
      { id: 'b', at: '2026-05-11T16:20:00Z', likes: 6, timeZone: 'Europe/Berlin' },
    ]);
    const heatmap = analytics.bestTime({ minSamples: 2 });
    expect(heatmap.cells).toHaveLength(7);
    expect(heatmap.cells[0]).toHaveLength(24);
    expect(heatmap.cells[0]?.[18]).toEqual({ weekday: 0, hour: 18, value: 0.05, samples: 2 });
    expect(heatmap.timeZone).toBeNull();
    const utc = analytics.bestTime({ minSamples: 2, timeZone: 'UTC' });
    expect(utc.cells[0]?.[16]?.value).toBe(0.05);
    expect(utc.timeZone).toBe('UTC');
  });

  it('reads the weekday and hour across a DST change in local time', () => {
    // Sunday 2026-03-29 08:00 UTC is 10:00 CEST in Berlin (clocks went forward at 01:00 UTC), not 09:00.
    const analytics = withPosts([
      { id: 'a', at: '2026-03-29T08:00:00Z', likes: 1, timeZone: 'Europe/Berlin' },
    ]);
    const heatmap = analytics.bestTime({ minSamples: 1 });
    expect(heatmap.cells[6]?.[10]?.samples).toBe(1);
  });

  it('reports cells below the threshold as null with their sample count, and never recommends them', () => {
    const analytics = withPosts([
      { id: 'a', at: '2026-05-04T09:00:00Z', likes: 50 },
      { id: 'b', at: '2026-05-05T09:00:00Z', likes: 2 },
      { id: 'c', at: '2026-05-12T09:30:00Z', likes: 4 },
      { id: 'd', at: '2026-05-06T12:00:00Z', likes: 1 },
      { id: 'e', at: '2026-05-13T12:00:00Z', likes: 1 },
    ]);
    const heatmap = analytics.bestTime({ minSamples: 2 });
    expect(heatmap.cells[0]?.[9]).toEqual({ weekday: 0, hour: 9, value: null, samples: 1 });
    expect(heatmap.topSlots(5).map((cell) => [cell.weekday, cell.hour, cell.value])).toEqual([
      [1, 9, 0.03],
      [2, 12, 0.01],
    ]);
    expect(heatmap.topSlots(1)).toHaveLength(1);
  });

  it('charts another measure and leaves out posts without it or without PostMeta', () => {
    const analytics = withPosts([{ id: 'a', at: '2026-05-04T09:00:00Z', likes: 5 }]);
    analytics.ingestSamples([postSample('no-meta', 'likes', 7)]);
    const heatmap = analytics.bestTime({ kpi: 'likes', minSamples: 1 });
    expect(heatmap.cells.flat().reduce((sum, cell) => sum + cell.samples, 0)).toBe(1);
    expect(analytics.bestTime({ kpi: 'saves', minSamples: 1 }).topSlots(3)).toEqual([]);
  });

  it('gives an empty heatmap for an empty store and rejects a bad threshold', () => {
    const heatmap = createAnalytics().bestTime();
    expect(heatmap.minSamples).toBe(3);
    expect(heatmap.cells.flat().every((cell) => cell.value === null && cell.samples === 0)).toBe(true);
    expect(heatmap.topSlots()).toEqual([]);
    expect(() => createAnalytics().bestTime({ minSamples: 0 })).toThrow(ValidationError);
  });
});
