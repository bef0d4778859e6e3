import type { Media, MetricSample } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { useFacebook } from './support/harness.js';

// Reels that have no Page post (the simulator's `reelPagePosts: false`): their Video node names no
// `post_id`, so their metrics are read on the video id, from its `comments` and `likes` edges and
// its `video_insights` Reels metrics
// (https://developers.facebook.com/docs/graph-api/reference/video/video_insights/).
const h = useFacebook({ reelPagePosts: false, videoProcessingMs: 20_000 });
const HOUR = 3_600_000;
const VIDEO_INSIGHTS = 'GET /:version/:videoId/video_insights';
const POST_INSIGHTS = 'GET /:version/:objectId/insights';
const reel = { facebook: { format: 'reel' } } as const;

/** A 9:16 reel of a few bytes. */
const reelMedia: Media = {
  kind: 'video',
  mimeType: 'video/mp4',
  source: { type: 'bytes', bytes: new Uint8Array(2048).fill(7) },
  durationSec: 15,
  width: 1080,
  height: 1920,
  fps: 30,
};

const rawNames = (samples: readonly MetricSample[]) =>
  Object.fromEntries(samples.map((sample) => [sample.metric, sample.rawName]));

describe('metrics of a reel without a Page post', () => {
  it('reads its comments, likes, plays and shares on the video id', async () => {
    const page = h.facebook.addPage('reels', { followers: 2_000 });
    const adapter = h.adapter();
    const { ref } = await adapter.publish(
      { text: 'Behind the counter', media: [reelMedia], options: reel },
      h.context({}, page),
    );
    h.clock.advance(3 * HOUR);
    h.facebook.seedComments(ref.platformPostId, 3);

    const samples = await adapter.getPostMetrics([ref], h.context({}, page));

    expect(rawNames(samples)).toEqual({
      comments: 'comments',
      likes: 'likes',
      video_views: 'blue_reels_play_count',
      shares: 'post_video_social_actions.SHARE',
    });
    const comments = samples.find((sample) => sample.metric === 'comments');
    expect(comments).toMatchObject({ value: 3, period: 'lifetime', platformPostId: ref.platformPostId });
    for (const sample of samples) expect(sample.value).toBeGreaterThan(0);
    const [insights] = h.facebook.sim.log.forRoute(VIDEO_INSIGHTS);
    const url = new URL(insights?.url ?? 'https://missing.test');
    expect(url.pathname).toBe(`/v26.0/${ref.platformPostId}/video_insights`);
    expect(url.searchParams.get('metric')).toBe('blue_reels_play_count,post_video_social_actions');
    expect(url.searchParams.get('period')).toBe('lifetime');
    // No removed metric is asked for, and the post insights edge a Video lacks is not called.
    expect(url.searchParams.get('metric')).not.toMatch(/impressions/);
    expect(h.facebook.sim.log.forRoute(POST_INSIGHTS)).toEqual([]);
  });
});
