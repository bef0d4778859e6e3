import type { Media } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { useFacebook, videoIdOf } from '../support/harness.js';

// `GET /{video-id}/video_insights` (https://developers.facebook.com/docs/graph-api/reference/video/video_insights/):
// a reel's Reels metrics, lifetime only, in the shape of the Video API insights guide's sample
// (https://developers.facebook.com/docs/video-api/guides/insights).
const h = useFacebook({ videoProcessingMs: 20_000 });
const HOUR = 3_600_000;
const reel = { facebook: { format: 'reel' } } as const;
const reelMedia: Media = {
  kind: 'video',
  mimeType: 'video/mp4',
  source: { type: 'bytes', bytes: new Uint8Array(1024).fill(5) },
  durationSec: 12,
  width: 1080,
  height: 1920,
  fps: 30,
};

const read = async (path: string, token = h.acme.accessToken) => {
  const response = await fetch(`${h.facebook.baseUrl}/v26.0/${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** Publishes a reel; its video id (its ref is its Page post id). */
const publishReel = async () =>
  videoIdOf(
    h.facebook,
    (await h.adapter().publish({ text: 'A reel', media: [reelMedia], options: reel }, h.context())).ref,
  );

describe('GET /{video-id}/video_insights', () => {
  it("answers a reel's Reels metrics as lifetime insights", async () => {
    const videoId = await publishReel();
    h.clock.advance(3 * HOUR);
    h.facebook.seedComments(videoId, 2);
    const metrics = 'blue_reels_play_count,post_video_view_time,post_video_social_actions';

    const { status, body } = await read(`${videoId}/video_insights?metric=${metrics}&period=lifetime`);

    expect(status).toBe(200);
    const data = body.data as { name: string; period: string; values: { value: unknown }[]; id: string }[];
    expect(data.map(({ name, period, id }) => ({ name, period, id }))).toEqual(
      metrics
        .split(',')
        .map((name) => ({ name, period: 'lifetime', id: `${videoId}/video_insights/${name}/lifetime` })),
    );
    for (const insight of data)
      expect(insight).toMatchObject({ title: expect.any(String), description: expect.any(String) });
    const [plays, viewTime, social] = data.map((insight) => insight.values[0]?.value);
    expect(plays).toBeGreaterThan(0);
    expect(viewTime).toBeGreaterThan(0);
    expect(social).toMatchObject({ COMMENT: 2 });
  });

  it('refuses the removed post_impressions_unique and a period other than lifetime', async () => {
    const videoId = await publishReel();
    const removed = await read(`${videoId}/video_insights?metric=post_impressions_unique`);
    expect(removed.status).toBe(400);
    expect(removed.body).toMatchObject({
      error: { code: 100, message: '(#100) The value must be a valid insights metric' },
    });
    const daily = await read(`${videoId}/video_insights?metric=blue_reels_play_count&period=day`);
    expect(daily.body).toMatchObject({ error: { code: 100, message: '(#100) Invalid period' } });
  });

  it('has no values for a reel not live yet, and answers another Page’s reel as unsupported', async () => {
    const scheduledFor = new Date(h.clock.now() + 2 * HOUR);
    const { ref } = await h
      .adapter()
      .publish({ text: 'Later', media: [reelMedia], options: reel }, h.context({ scheduledFor }));
    const { body } = await read(`${ref.platformPostId}/video_insights?metric=blue_reels_play_count`);
    expect(body).toMatchObject({ data: [{ name: 'blue_reels_play_count', values: [] }] });
    const foreign = await read(`${ref.platformPostId}/video_insights`, h.other.accessToken);
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ error: { code: 100, error_subcode: 33 } });
  });
});
