import { type Media, staticTokenProvider } from '@smmkit/core';
import { createPublisher, type PublishOutcome } from '@smmkit/core/publisher';
import { describe, expect, it } from 'vitest';
import { useFacebook } from './support/harness.js';

// Once Facebook has accepted a reel's finish call, it publishes the reel: only its own verdict
// (the video failed processing) may fail the publish. A retry would post the reel twice, and a
// `failed` outcome would let the caller send it again.
const REELS = 'POST /:version/:pageId/video_reels';
/** The video's status read: Graph has one URL per node, and the simulator names it after the video route. */
const NODE = 'GET /:version/:videoId';
const h = useFacebook({ videoProcessingMs: 20_000 });
const { facebook, acme } = h;

const reel: Media = {
  kind: 'video',
  mimeType: 'video/mp4',
  source: { type: 'bytes', bytes: new Uint8Array(4096).fill(3) },
  durationSec: 15,
  width: 1080,
  height: 1920,
  fps: 30,
};

/** Publishes one reel for acme through a publisher; `onProcessing` runs at each processing report. */
async function publishReel(onProcessing?: (controller: AbortController) => void): Promise<PublishOutcome> {
  const publisher = createPublisher({
    adapters: [h.adapter({ videoPollIntervalMs: 5_000 })],
    tokens: () => staticTokenProvider(acme.accessToken),
    clock: h.adapterClock,
    retry: { random: () => 0.5 },
  });
  const controller = new AbortController();
  publisher.events.on('progress', ({ progress }) => {
    if (progress.stage === 'processing') onProcessing?.(controller);
  });
  const [outcome] = await publisher.publish(
    { text: 'One reel', media: [reel], options: { facebook: { format: 'reel' } } },
    [{ platform: 'facebook', accountId: acme.account.id }],
    { signal: controller.signal },
  );
  if (outcome === undefined) throw new Error('expected one outcome');
  return outcome;
}

const finishes = () =>
  facebook.sim.log
    .bodies(REELS)
    .filter((body) => (body as { upload_phase?: string }).upload_phase === 'finish');
const pendingWarning = (outcome: PublishOutcome) =>
  outcome.status === 'published'
    ? outcome.result.warnings.find((warning) => warning.code === 'video_processing_pending')
    : undefined;

describe('after Facebook accepted a reel’s finish call', () => {
  it('reads the status again after a 5xx, and publishes once', async () => {
    facebook.sim.faults.inject({ kind: 'server_error', route: NODE });
    const outcome = await publishReel();
    expect(facebook.sim.log.forRoute(NODE).map((entry) => entry.status)[0]).toBe(500);
    expect(outcome.status).toBe('published');
    expect(pendingWarning(outcome)).toBeUndefined();
    expect(finishes()).toHaveLength(1);
  });

  it('answers pending, not failed, when the status cannot be read: the reel goes on', async () => {
    facebook.sim.faults.inject({ kind: 'revoked_token', route: NODE });
    const outcome = await publishReel();
    expect(outcome.status).toBe('published');
    expect(pendingWarning(outcome)?.message).toContain('its status could not be read');
    expect(finishes()).toHaveLength(1);
  });

  it('answers pending, not "aborted before anything was sent", when the publish is aborted while Facebook processes the reel', async () => {
    const outcome = await publishReel((controller) => controller.abort(new Error('the user pressed cancel')));
    expect(outcome.status).toBe('published');
    expect(pendingWarning(outcome)?.message).toContain('was aborted');
    expect(finishes()).toHaveLength(1);
    h.clock.advance(60_000);
    const recent = await h.adapter().findRecentPosts({ since: new Date(0) }, h.context());
    expect(recent).toHaveLength(1);
  });
});
