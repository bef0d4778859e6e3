import type { EngagementPage, Media } from '@smmkit/core';
import { allPages } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { useFacebook } from './support/harness.js';

// The Page's posts never list a reel ("This endpoint does not return Reels. To get a list of Reels
// published to your Page, use the Page VideoReels edge":
// https://developers.facebook.com/docs/graph-api/reference/pagepost/, Limitations), so the
// comments on a reel are found through `video_reels`. Reels here have no Page post of their own
// (`reelPagePosts: false`): their ref and comments are on the video id.
const h = useFacebook({ videoProcessingMs: 20_000, reelPagePosts: false });
const MINUTE = 60_000;

const reel: Media = {
  kind: 'video',
  mimeType: 'video/mp4',
  source: { type: 'bytes', bytes: new Uint8Array(1024).fill(4) },
  durationSec: 12,
  width: 1080,
  height: 1920,
  fps: 30,
};

const itemsOf = (pages: readonly EngagementPage[]) => pages.flatMap((page) => page.items);

describe('listEngagements across the Page', () => {
  it('lists the comments on its reels with those on its posts, newest post or reel first', async () => {
    const adapter = h.adapter();
    const post = await adapter.publish({ text: 'A text post' }, h.context());
    h.clock.advance(MINUTE);
    const published = await adapter.publish(
      { text: 'A reel', media: [reel], options: { facebook: { format: 'reel' } } },
      h.context(),
    );
    const onPost = h.facebook.seedComments(post.ref.platformPostId, 1);
    const onReel = h.facebook.seedComments(published.ref.platformPostId, 2);

    const items = itemsOf(await allPages(adapter.listEngagements({ kinds: ['comment'] }, h.context())));

    expect(items.map((item) => item.id)).toEqual(
      [...[...onReel].reverse(), ...onPost].map((comment) => comment.id),
    );
    expect(items[0]?.postRef?.platformPostId).toBe(published.ref.platformPostId);
  });
});
