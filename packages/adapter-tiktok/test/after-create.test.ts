import { staticTokenProvider } from '@smmkit/core';
import { createPublisher, type PublishOutcome } from '@smmkit/core/publisher';
import { describe, expect, it } from 'vitest';
import { publicOptions, ROUTES, useTikTok, video } from './support/harness.js';

// Once TikTok has answered the init, it has the post: only TikTok's own verdict (status FAILED)
// may fail the publish. A retry would post it twice, and a `failed` outcome would let the caller
// send it again.
const h = useTikTok({ processingMs: 3_000, moderationMs: 0 });
const { tiktok, acme } = h;
const POST = { text: 'One clip', media: [video()], options: publicOptions() };

/** Publishes {@link POST} for acme through a publisher; `onProcessing` runs at each processing report. */
async function publishThroughPublisher(onProcessing?: () => void): Promise<PublishOutcome> {
  const publisher = createPublisher({
    adapters: [h.adapter()],
    tokens: () => staticTokenProvider(acme.accessToken),
    clock: h.adapterClock,
    retry: { random: () => 0.5 },
  });
  const controller = new AbortController();
  publisher.events.on('progress', ({ progress }) => {
    if (progress.stage === 'processing') onProcessing?.call(controller);
  });
  const [outcome] = await publisher.publish(POST, [{ platform: 'tiktok', accountId: acme.account.id }], {
    signal: controller.signal,
  });
  if (outcome === undefined) throw new Error('expected one outcome');
  return outcome;
}

const initsSent = () => tiktok.sim.log.forRoute(ROUTES.videoInit).length;
const clips = () => tiktok.sim.posts.filter((post) => post.text === 'One clip');
const warningsOf = (outcome: PublishOutcome) =>
  outcome.status === 'published' ? outcome.result.warnings : [];

describe('after TikTok accepted the init', () => {
  it('reads the status again after a 5xx, and publishes once', async () => {
    tiktok.sim.faults.inject({ kind: 'server_error', route: ROUTES.status });
    const outcome = await publishThroughPublisher();
    expect(outcome.status).toBe('published');
    expect(warningsOf(outcome)).toEqual([]);
    expect(initsSent()).toBe(1);
    expect(clips()).toHaveLength(1);
    expect(tiktok.sim.log.forRoute(ROUTES.status).length).toBeGreaterThan(1);
  });

  it('reads the status again after an answer without the post’s fields, and publishes once', async () => {
    tiktok.sim.faults.inject({ kind: 'malformed_body', route: ROUTES.status });
    const result = await h.adapter().publish(POST, h.context());
    expect(result.warnings).toEqual([]);
    expect(initsSent()).toBe(1);
  });

  it('answers pending, not failed, when the status cannot be read: the post goes on', async () => {
    tiktok.sim.faults.inject({ kind: 'revoked_token', route: ROUTES.status });
    const outcome = await publishThroughPublisher();
    expect(outcome.status).toBe('published');
    const [warning] = warningsOf(outcome);
    expect(warning?.code).toBe('publish_processing_pending');
    expect(warning?.message).toContain('its status could not be read');
    expect(warning?.message).toContain('do not send it again');
    expect(initsSent()).toBe(1);
    if (outcome.status !== 'published') return;
    h.clock.advance(10_000);
    const status = await h.adapter().getPublishStatus(outcome.result.ref, h.context());
    expect(status.status).toBe('PUBLISH_COMPLETE');
    expect(clips()).toHaveLength(1);
  });

  it('answers pending, not "aborted before anything was sent", when the publish is aborted while TikTok processes it', async () => {
    const outcome = await publishThroughPublisher(function (this: AbortController) {
      this.abort(new Error('the user pressed cancel'));
    });
    expect(outcome.status).toBe('published');
    const [warning] = warningsOf(outcome);
    expect(warning?.code).toBe('publish_processing_pending');
    expect(warning?.message).toContain('was aborted');
    expect(initsSent()).toBe(1);
    h.clock.advance(10_000);
    expect(clips()).toHaveLength(1);
  });

  it('still fails a publish TikTok itself failed, with its reason', async () => {
    tiktok.failNextPublish('frame_rate_check_failed');
    const outcome = await publishThroughPublisher();
    expect(outcome.status).toBe('failed');
    expect(initsSent()).toBe(1);
  });
});
