import { describe, expect, it } from 'vitest';
import { publicOptions, START, useTikTok, video } from './support/harness.js';

// findRecentPosts is the publisher's look after a create whose answer was lost: it must find what
// TikTok's video list shows, and only that (https://developers.tiktok.com/doc/tiktok-api-v2-video-list,
// https://developers.tiktok.com/doc/tiktok-api-v2-video-object).
const h = useTikTok({ processingMs: 0 });
const since = new Date(START);

describe('findRecentPosts on TikTok', () => {
  it('finds a post whose caption is longer than the 150 characters the video list holds', async () => {
    const caption = `${'Behind the counter at dawn, '.repeat(7)}#coffee`;
    expect([...caption].length).toBeGreaterThan(150);
    const adapter = h.adapter();
    const { ref } = await adapter.publish(
      { text: caption, media: [video()], options: publicOptions() },
      h.context(),
    );
    const found = await adapter.findRecentPosts({ since, text: caption }, h.context());
    expect(found.map((post) => post.ref.platformPostId)).toEqual([ref.platformPostId]);
    // The list answers the caption's first 150 characters.
    expect([...(found[0]?.text ?? '')]).toHaveLength(150);
    // A caption that differs within its first 150 characters is another post.
    const other = await adapter.findRecentPosts({ since, text: `Before${caption}` }, h.context());
    expect(other).toEqual([]);
  });

  it('does not find a post only its creator may see: the list holds public posts', async () => {
    const adapter = h.adapter();
    await adapter.publish(
      { text: 'Just for me', media: [video()], options: { tiktok: { privacyLevel: 'SELF_ONLY' } } },
      h.context(),
    );
    await adapter.publish({ text: 'For everyone', media: [video()], options: publicOptions() }, h.context());
    const found = await adapter.findRecentPosts({ since }, h.context());
    expect(found.map((post) => post.text)).toEqual(['For everyone']);
  });
});
