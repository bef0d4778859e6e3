import { type Media, staticTokenProvider } from '@smmkit/core';
import { createPublisher, type PublishOutcome } from '@smmkit/core/publisher';
import { describe, expect, it } from 'vitest';
import { useFacebook } from './support/harness.js';

// A reel whose finish call Facebook accepted but whose answer was lost must be found by the
// reconciliation, or it stays `unknown` forever: a Page's posts never list a reel ("This endpoint
// does not return Reels. To get a list of Reels published to your Page, use the Page VideoReels
// edge": https://developers.facebook.com/docs/graph-api/reference/pagepost/, Limitations).
const REELS = 'POST /:version/:pageId/video_reels';
const h = useFacebook({ videoProcessingMs: 20_000 });
// Reels without a Page post of their own (the simulator's `reelPagePosts: false`), on hosts of
// their own so both worlds run side by side.
const RUPLOAD = 'https://rupload.no-post.test';
const noPagePost = h.sibling({
  baseUrl: 'https://graph.no-post.test',
  ruploadUrl: RUPLOAD,
  reelPagePosts: false,
  videoProcessingMs: 20_000,
});

const reel: Media = {
  kind: 'video',
  mimeType: 'video/mp4',
  source: { type: 'bytes', bytes: new Uint8Array(2048).fill(5) },
  durationSec: 15,
  width: 1080,
  height: 1920,
  fps: 30,
};

/** Publishes one reel for the world's acme through a publisher, the finish call's answer lost. */
async function publishWithLostFinish(world: typeof noPagePost): Promise<PublishOutcome> {
  // The first call to the edge starts the upload; the second, the finish, is made and its answer lost.
  world.facebook.sim.faults.inject({ kind: 'accepted_then_lost', route: REELS, skip: 1 });
  const publisher = createPublisher({
    adapters: [world.adapter(world === noPagePost ? { ruploadUrl: RUPLOAD } : {})],
    tokens: () => staticTokenProvider(world.acme.accessToken),
    clock: h.adapterClock,
    // Looks again once Facebook has processed the reel (20 s).
    reconcile: { recheckDelayMs: 30_000 },
  });
  const [outcome] = await publisher.publish(
    { text: 'Lost and found', media: [reel], options: { facebook: { format: 'reel' } } },
    [{ platform: 'facebook', accountId: world.acme.account.id }],
  );
  if (outcome === undefined) throw new Error('expected one outcome');
  return outcome;
}

describe('a reel whose finish answer was lost', () => {
  it.each([
    { reels: 'with a Page post', world: h },
    { reels: 'without a Page post', world: noPagePost },
  ])('is found among the Page’s reels and reported published, sent once ($reels)', async ({ world }) => {
    const outcome = await publishWithLostFinish(world);

    const [stored] = world.facebook.sim.posts.filter((post) => post.extra.kind === 'reel');
    const videoId = String(stored?.extra.videoId);
    expect(outcome.status).toBe('published');
    if (outcome.status !== 'published') return;
    // The ref its publish would have given: the Page post id its Video node names, else the video id.
    expect(outcome.result.ref.platformPostId).toBe(stored?.id);
    expect(outcome.result.url).toBe(`https://www.facebook.com/reel/${videoId}/`);
    expect(outcome.result.warnings.map((warning) => warning.code)).toContain('reconciled');
    const finishes = world.facebook.sim.log
      .bodies(REELS)
      .filter((body) => (body as { upload_phase?: string }).upload_phase === 'finish');
    expect(finishes).toHaveLength(1);
    // Looked for where Meta lists reels, not in the Page's posts, which never hold one.
    expect(world.facebook.sim.log.forRoute('GET /:version/:pageId/video_reels').length).toBeGreaterThan(0);
    expect(world.facebook.sim.log.forRoute('GET /:version/:pageId/posts')).toHaveLength(0);
  });
});
