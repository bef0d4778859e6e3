import { AuthError, type PostRef, parseMetricSample } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, photo, publicOptions, ROUTES, START, useTikTok, video } from './support/harness.js';

const h = useTikTok({ processingMs: 0, dailyPostsPerCreator: 100 });
const { tiktok, acme } = h;
const HOUR = 3_600_000;

describe('metrics from the Display API', () => {
  it('reads views, likes, comments and shares per post in the canonical vocabulary, 20 ids a query', async () => {
    const adapter = h.adapter();
    const refs: PostRef[] = [];
    for (let n = 0; n < 21; n += 1) {
      if (n % 6 === 5) h.clock.advance(60_000); // six inits a minute
      refs.push(
        (
          await adapter.publish(
            { text: `Post ${n}`, media: [video()], options: publicOptions() },
            h.context(),
          )
        ).ref,
      );
    }
    h.clock.advance(4 * HOUR);
    const samples = await adapter.getPostMetrics(refs, h.context());

    const queries = tiktok.sim.log.forRoute(ROUTES.videoQuery);
    expect(
      queries.map((query) => (query.json as { filters: { video_ids: string[] } }).filters.video_ids.length),
    ).toEqual([20, 1]);
    expect(new URL(queries[0]?.url ?? '').searchParams.get('fields')).toBe(
      'id,view_count,like_count,comment_count,share_count',
    );
    expect(samples).toHaveLength(21 * 4);
    const first = samples.filter((sample) => sample.platformPostId === refs[0]?.platformPostId);
    expect(first.map((sample) => [sample.metric, sample.rawName])).toEqual([
      ['video_views', 'view_count'],
      ['likes', 'like_count'],
      ['comments', 'comment_count'],
      ['shares', 'share_count'],
    ]);
    for (const sample of samples) {
      const parsed = parseMetricSample(sample);
      expect(parsed).toMatchObject({
        platform: 'tiktok',
        accountId: acme.account.id,
        scope: 'post',
        period: 'lifetime',
      });
      expect(parsed.observedAt).toEqual(new Date(h.clock.now()));
    }
    expect(first.find((sample) => sample.metric === 'video_views')?.value).toBeGreaterThan(0);
  });

  it('reads the other posts when publish ids are unknown or the status reads of the minute run out', async () => {
    const adapter = h.adapter();
    const { ref } = await adapter.publish(
      { text: 'Public', media: [video()], options: publicOptions() },
      h.context(),
    );
    const unknown = Array.from({ length: 35 }, (_, n) => ({
      ...ref,
      platformPostId: `v_pub_file~v2-1.${900 + n}`,
    }));
    h.clock.advance(4 * HOUR);
    const samples = await adapter.getPostMetrics([...unknown, ref], h.context());
    expect(samples.map((sample) => [sample.platformPostId, sample.metric])).toEqual([
      [ref.platformPostId, 'video_views'],
      [ref.platformPostId, 'likes'],
      [ref.platformPostId, 'comments'],
      [ref.platformPostId, 'shares'],
    ]);
    // After the publish's own read, 30 a minute: the 31st is refused, and the four refs after it
    // wait for the next call.
    expect(tiktok.sim.log.forRoute(ROUTES.status).map((entry) => entry.status)).toEqual([
      200,
      ...Array.from({ length: 30 }, () => 400),
      429,
    ]);
  });

  it('reads followers, following, likes and videos of the account', async () => {
    const adapter = h.adapter();
    await adapter.publish({ media: [photo('a')], options: publicOptions() }, h.context());
    await adapter.publish({ text: 'Two', media: [video()], options: publicOptions() }, h.context());
    const samples = await adapter.getAccountMetrics(h.context());
    expect(new URL(tiktok.sim.log.forRoute(ROUTES.userInfo)[0]?.url ?? '').searchParams.get('fields')).toBe(
      'open_id,display_name,follower_count,following_count,likes_count,video_count',
    );
    expect(samples.map((sample) => [sample.metric, sample.rawName, sample.value])).toEqual([
      ['followers', 'follower_count', 5200],
      ['following', 'following_count', 0],
      ['likes', 'likes_count', 0],
      ['posts_count', 'video_count', 2],
    ]);
    expect(samples.every((sample) => sample.scope === 'account')).toBe(true);
  });

  it('needs user.info.stats for the counts, and says so', async () => {
    const basic = tiktok.addCreator('basic', { scopes: ['user.info.basic', 'video.publish'] });
    const error = await failureOf(h.adapter().getAccountMetrics(h.context({}, basic)), tiktok);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.code).toBe('auth_missing_scope');
    expect(error.message).toMatch(/user\.info\.stats/);
  });
});

describe('findRecentPosts', () => {
  it("finds the creator's public posts since an instant by caption, reading pages newest first", async () => {
    const adapter = h.adapter();
    for (let n = 0; n < 3; n += 1) {
      await adapter.publish({ text: `Old ${n}`, media: [video()], options: publicOptions() }, h.context());
      h.clock.advance(HOUR);
    }
    const since = new Date(h.clock.now());
    await adapter.publish({ text: 'The one', media: [video()], options: publicOptions() }, h.context());
    h.clock.advance(60_000);
    await adapter.publish({ text: 'Another', media: [video()], options: publicOptions() }, h.context());

    const found = await adapter.findRecentPosts({ since, text: 'The one' }, h.context());
    expect(found).toEqual([
      {
        ref: expect.objectContaining({ platform: 'tiktok', accountId: acme.account.id }),
        text: 'The one',
        createdAt: new Date(since.getTime() - (since.getTime() % 1000)),
      },
    ]);
    h.clock.advance(60_000);
    await adapter.publish(
      { title: 'Photo title', text: 'Photo description', media: [photo('p')], options: publicOptions() },
      h.context(),
    );
    const photos = await adapter.findRecentPosts({ since, text: 'Photo description' }, h.context());
    expect(photos.map((post) => post.ref.url)).toEqual([expect.stringMatching(/\/photo\/\d{19}$/)]);
    const all = await adapter.findRecentPosts({ since: new Date(START) }, h.context());
    expect(all.map((post) => post.text)).toEqual([
      'Photo description',
      'Another',
      'The one',
      'Old 2',
      'Old 1',
      'Old 0',
    ]);
  });
});
