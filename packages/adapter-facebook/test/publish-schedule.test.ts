import { type Media, staticTokenProvider, ValidationError } from '@smmkit/core';
import { createPublisher } from '@smmkit/core/publisher';
import { failureOf } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { photo, START, useFacebook, videoPostIdOf } from './support/harness.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const FEED = 'POST /:version/:pageId/feed';
const h = useFacebook({ videoProcessingMs: 20_000 });
const inAnHour = () => new Date(h.clock.now() + 60 * MINUTE);
const unix = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * The ids of the Page's posts in its public feed now (`GET /{page-id}/posts`), or with `edge`
 * `video_reels` of its reels (the feed never lists a reel).
 */
async function feedIds(edge: 'posts' | 'video_reels' = 'posts'): Promise<string[]> {
  const response = await fetch(
    `${h.facebook.baseUrl}/v26.0/${h.acme.account.id}/${edge}?since=${unix(new Date(START - DAY))}`,
    {
      headers: { authorization: `Bearer ${h.acme.accessToken}` },
    },
  );
  const { data } = (await response.json()) as { data: { id: string }[] };
  return data.map((post) => post.id);
}

describe('native scheduling', () => {
  it('declares Facebook’s window of 10 minutes to 30 days', () => {
    expect(h.adapter().capabilities.nativeScheduling).toEqual({
      minLeadSeconds: 600,
      maxLeadSeconds: 2_592_000,
    });
  });

  it('creates the post unpublished with scheduled_publish_time, and it reaches the feed only at that time', async () => {
    const at = inAnHour();
    const result = await h.adapter().publish({ text: 'Opening at noon' }, h.context({ scheduledFor: at }));
    expect(h.facebook.sim.log.bodies(FEED)).toEqual([
      { message: 'Opening at noon', published: false, scheduled_publish_time: unix(at) },
    ]);
    expect(result.scheduledFor).toEqual(at);
    expect(result.publishedAt).toBeUndefined();
    expect(await feedIds()).toEqual([]);
    h.clock.set(at.getTime());
    expect(await feedIds()).toEqual([result.ref.platformPostId]);
  });

  it('schedules photos, multi-photo posts, videos and reels the same way', async () => {
    const at = new Date(START + 2 * DAY);
    const video: Media = {
      kind: 'video',
      mimeType: 'video/mp4',
      source: { type: 'url', url: 'https://cdn.smmkit.test/clip.mp4' },
    };
    const adapter = h.adapter();
    const context = h.context({ scheduledFor: at });
    const results = [
      await adapter.publish({ text: 'One photo', media: [photo('a')] }, context),
      await adapter.publish({ text: 'Two photos', media: [photo('b'), photo('c')] }, context),
      await adapter.publish({ text: 'A video', media: [video] }, context),
      await adapter.publish(
        { text: 'A reel', media: [video], options: { facebook: { format: 'reel' } } },
        context,
      ),
    ];
    expect(results.map((result) => result.scheduledFor)).toEqual(Array(4).fill(at));
    expect(h.facebook.sim.log.bodies('POST /:version/:pageId/photos')[0]).toMatchObject({
      published: false,
      scheduled_publish_time: unix(at),
    });
    expect(h.facebook.videoHost.log.bodies('POST /:version/:pageId/videos')[0]).toMatchObject({
      published: false,
      scheduled_publish_time: unix(at),
    });
    expect(h.facebook.sim.log.bodies('POST /:version/:pageId/video_reels')[1]).toMatchObject({
      video_state: 'SCHEDULED',
      scheduled_publish_time: unix(at),
    });
    // A scheduled video is waited for until processed (20 s), not until it goes live.
    expect(h.sleeps).toEqual([10_000, 10_000, 10_000, 10_000]);
    expect(await feedIds()).toEqual([]);
    expect(await feedIds('video_reels')).toEqual([]);
    h.clock.set(at.getTime());
    // A scheduled video's or reel's ref is its video id (it has no Page post until it goes live);
    // the feed names the video by the Page post id its Video node gives from then on. The reel is
    // listed by `video_reels` only, under its video id.
    const [onePhoto, twoPhotos, videoId, reelId] = results.map((result) => result.ref.platformPostId);
    const videoPost = await videoPostIdOf(h.facebook, h.acme.accessToken, videoId ?? '');
    expect((await feedIds()).sort()).toEqual([onePhoto, twoPhotos, videoPost].sort());
    expect(await feedIds('video_reels')).toEqual([reelId]);
  });

  it('refuses an instant under 10 minutes or over 30 days ahead on the context’s clock, before any request', async () => {
    h.clock.advance(5 * DAY);
    const now = h.clock.now();
    for (const [lead, rule] of [
      [9 * MINUTE, 'scheduledFor.min_lead'],
      [-MINUTE, 'scheduledFor.min_lead'],
      [30 * DAY + MINUTE, 'scheduledFor.max_lead'],
    ] as const) {
      const error = await failureOf(
        h
          .adapter()
          .publish({ text: 'Too soon or too late' }, h.context({ scheduledFor: new Date(now + lead) })),
      );
      expect(ValidationError.isInstance(error) && error.problems.map((problem) => problem.rule)).toEqual([
        rule,
      ]);
      expect(error.message).toContain('10 minutes to 30 days');
    }
    expect(h.facebook.sim.log.entries).toEqual([]);
    // The edges are inside the window.
    await h
      .adapter()
      .publish({ text: 'Ten minutes' }, h.context({ scheduledFor: new Date(now + 10 * MINUTE) }));
    await h.adapter().publish({ text: 'Thirty days' }, h.context({ scheduledFor: new Date(now + 30 * DAY) }));
    expect(h.facebook.sim.log.forRoute(FEED)).toHaveLength(2);
  });

  it('refuses a first comment on a scheduled post, with the window problem in the same error', async () => {
    const error = await failureOf(
      h
        .adapter()
        .publish(
          { text: 'Later', firstComment: 'Details' },
          h.context({ scheduledFor: new Date(h.clock.now() + MINUTE) }),
        ),
    );
    expect(ValidationError.isInstance(error) && error.problems.map((problem) => problem.rule)).toEqual([
      'scheduledFor.min_lead',
      'first_comment.scheduled',
    ]);
    expect(h.facebook.sim.log.entries).toEqual([]);
  });

  it('is refused by the simulator with Graph’s own error outside the window', async () => {
    const response = await fetch(`${h.facebook.baseUrl}/v26.0/${h.acme.account.id}/feed`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.acme.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        message: 'Soon',
        published: false,
        scheduled_publish_time: unix(new Date(START + MINUTE)),
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: {
        code: 100,
        type: 'OAuthException',
        message: '(#100) The specified scheduled publish time is invalid.',
      },
    });
  });

  it('lets the publisher hand a post over for later (PublishOptions.scheduledFor)', async () => {
    const publisher = createPublisher({
      adapters: [h.adapter()],
      tokens: () => staticTokenProvider(h.acme.accessToken),
      clock: h.adapterClock,
    });
    const at = inAnHour();
    const [outcome] = await publisher.publish(
      { text: 'Via the publisher' },
      [{ platform: 'facebook', accountId: h.acme.account.id }],
      { scheduledFor: at },
    );
    expect(outcome?.status).toBe('published');
    expect(outcome?.status === 'published' && outcome.result.scheduledFor).toEqual(at);
    expect(h.facebook.sim.log.bodies(FEED)[0]).toMatchObject({
      published: false,
      scheduled_publish_time: unix(at),
    });
  });

  it('reconciles a scheduled create whose answer was lost as published, found among the scheduled posts, never posting twice', async () => {
    h.facebook.sim.faults.inject({ kind: 'accepted_then_lost', route: FEED });
    const publisher = createPublisher({
      adapters: [h.adapter()],
      tokens: () => staticTokenProvider(h.acme.accessToken),
      clock: h.adapterClock,
    });
    const at = inAnHour();
    const [outcome] = await publisher.publish(
      { text: 'Doors open at one' },
      [{ platform: 'facebook', accountId: h.acme.account.id }],
      { scheduledFor: at },
    );
    const stored = h.facebook.sim.posts.filter((post) => post.text === 'Doors open at one');
    expect(stored).toHaveLength(1);
    expect(h.facebook.sim.log.forRoute(FEED)).toHaveLength(1);
    expect(outcome?.status).toBe('published');
    if (outcome?.status !== 'published') return;
    expect(outcome.result.ref.platformPostId).toBe(stored[0]?.id);
    expect(outcome.result.warnings.map((warning) => warning.code)).toContain('reconciled');
    // Found in /scheduled_posts: the feed does not list it before its time.
    expect(await feedIds()).toEqual([]);
    expect(h.facebook.sim.log.forRoute('GET /:version/:pageId/scheduled_posts')).not.toHaveLength(0);
  });

  it('reconciles a lost scheduled create found on a later page of the scheduled posts', async () => {
    const adapter = h.adapter();
    // 100 posts go out sooner, so the lost one is on the second page of /scheduled_posts (100 a page).
    for (let n = 0; n < 100; n += 1)
      await adapter.publish(
        { text: `Queued ${n}` },
        h.context({ scheduledFor: new Date(START + DAY + n * MINUTE) }),
      );
    h.facebook.sim.faults.inject({ kind: 'accepted_then_lost', route: FEED });
    const publisher = createPublisher({
      adapters: [adapter],
      tokens: () => staticTokenProvider(h.acme.accessToken),
      clock: h.adapterClock,
    });
    const [outcome] = await publisher.publish(
      { text: 'Last in the queue' },
      [{ platform: 'facebook', accountId: h.acme.account.id }],
      { scheduledFor: new Date(START + 2 * DAY) },
    );
    expect(h.facebook.sim.posts.filter((post) => post.text === 'Last in the queue')).toHaveLength(1);
    expect(h.facebook.sim.log.forRoute(FEED)).toHaveLength(101);
    expect(outcome?.status).toBe('published');
    const reads = h.facebook.sim.log.forRoute('GET /:version/:pageId/scheduled_posts');
    expect(reads.map((read) => new URL(read.url).searchParams.has('after'))).toContain(true);
  });

  it('finds scheduled posts by text when reconciling, once each, and live posts too', async () => {
    const adapter = h.adapter();
    const live = await adapter.publish({ text: 'Live now' }, h.context());
    const later = await adapter.publish({ text: 'Later on' }, h.context({ scheduledFor: inAnHour() }));
    const since = new Date(START);
    const found = await adapter.findRecentPosts({ since }, h.context());
    expect(found.map((post) => post.ref.platformPostId).sort()).toEqual(
      [live.ref.platformPostId, later.ref.platformPostId].sort(),
    );
    const scheduled = await adapter.findRecentPosts({ since, text: 'Later on' }, h.context());
    expect(scheduled).toEqual([
      expect.objectContaining({ ref: later.ref, text: 'Later on', createdAt: new Date(START) }),
    ]);
    // Scheduled before `since`: not ours.
    expect(await adapter.findRecentPosts({ since: new Date(START + 1_000) }, h.context())).toEqual([]);
    // Once live it is listed by the feed alone, still once.
    h.clock.set(inAnHour().getTime() + MINUTE);
    const afterwards = await adapter.findRecentPosts({ since, text: 'Later on' }, h.context());
    expect(afterwards.map((post) => post.ref.platformPostId)).toEqual([later.ref.platformPostId]);
  });
});
