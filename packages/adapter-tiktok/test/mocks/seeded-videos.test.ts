import { describe, expect, it } from 'vitest';
import { publicOptions, START, useTikTok, video } from '../support/harness.js';

// Videos seeded on a creator are the creator's public videos, listed as
// https://developers.tiktok.com/doc/tiktok-api-v2-video-list lists "the given user's public TikTok
// video posts, sorted by create_time in descending order", beside the posts the app published.
const h = useTikTok({ processingMs: 2000, moderationMs: 3_600_000 });
const { tiktok, acme } = h;
const HOUR_MS = 3_600_000;

interface VideoPage {
  readonly data: {
    readonly videos: Record<string, unknown>[];
    readonly cursor: number;
    readonly has_more: boolean;
  };
}

/** acme's `POST /v2/video/list/` page with `fields`. */
const listVideos = async (fields: string, body: Record<string, unknown> = {}): Promise<VideoPage> =>
  (await (
    await fetch(`${tiktok.apiUrl}/v2/video/list/?fields=${fields}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${acme.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  ).json()) as VideoPage;

describe('videos seeded on a TikTok creator', () => {
  it("are listed as the creator's public videos, newest first, with id, title and create_time", async () => {
    const { posts } = tiktok.sim.seedPublicAccount('acme', {
      posts: 2,
      spacingMs: HOUR_MS,
      text: (index) => ['Roasting day', 'Latte art'][index] ?? '',
    });
    tiktok.sim.seedPublicAccount('bea', { posts: 1, text: () => "Bea's video" });
    const [older, newer] = posts;

    const page = await listVideos('id,title,create_time');

    expect(page.data.videos).toEqual([
      { id: newer?.id, title: 'Latte art', create_time: START / 1000 },
      { id: older?.id, title: 'Roasting day', create_time: (START - HOUR_MS) / 1000 },
    ]);
    for (const { id } of page.data.videos) expect(id).toMatch(/^\d{19}$/);
    expect(page.data.has_more).toBe(false);
  });

  it('are listed beside a published post, which shows only once TikTok has moderated it', async () => {
    const { posts } = tiktok.sim.seedPublicAccount('acme', { posts: 1, text: () => 'Posted in the app' });
    h.clock.advance(60_000);
    const result = await h
      .adapter()
      .publish({ text: 'Posted through the API', media: [video()], options: publicOptions() }, h.context());
    const published = tiktok.publication(result.ref.platformPostId)?.postId;

    const moderating = await listVideos('id,video_description');
    expect(moderating.data.videos).toEqual([{ id: posts[0]?.id, video_description: 'Posted in the app' }]);

    h.clock.advance(HOUR_MS);
    const first = await listVideos('id,video_description', { max_count: 1 });
    expect(first.data.videos).toEqual([{ id: published, video_description: 'Posted through the API' }]);
    expect(first.data.has_more).toBe(true);
    const second = await listVideos('id,video_description', { max_count: 1, cursor: first.data.cursor });
    expect(second.data.videos).toEqual([{ id: posts[0]?.id, video_description: 'Posted in the app' }]);
  });
});
