import type { MetricSample } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { hostedVideo, useFacebook, videoIdOf } from './support/harness.js';

const h = useFacebook();

const HOUR = 3_600_000;
const INSIGHTS = 'GET /:version/:objectId/insights';

/** A Page big enough for insights (Meta gives them to Pages with 100 likes or more). */
const bigPage = () => h.facebook.addPage(`big${h.facebook.sim.accounts.size}`, { followers: 1_500 });

const byMetric = (samples: readonly MetricSample[]) =>
  Object.fromEntries(samples.map((sample) => [sample.metric, sample]));

/** Metric names removed from the Page Insights API (post_impressions*, page_impressions*, page_fans*, …). */
const REMOVED = [/impressions/, /^page_fans?(_|$)/, /^page_fan_adds/, /engaged_users/, /consumptions/];

describe('post metrics', () => {
  it('reads counts and lifetime insights of a post in the canonical vocabulary, keeping Meta’s names', async () => {
    const page = bigPage();
    const adapter = h.adapter();
    const { ref } = await adapter.publish({ text: 'Counted' }, h.context({}, page));
    h.clock.advance(3 * HOUR);
    const samples = await adapter.getPostMetrics([ref], h.context({}, page));
    const metrics = byMetric(samples);
    expect(Object.fromEntries(samples.map((sample) => [sample.metric, sample.rawName]))).toEqual({
      shares: 'shares',
      comments: 'comments',
      reactions: 'reactions',
      reach: 'post_total_media_view_unique',
      impressions: 'post_media_view',
      clicks: 'post_clicks',
      likes: 'post_reactions_by_type_total.like',
    });
    for (const sample of samples) {
      expect(sample).toMatchObject({ scope: 'post', platformPostId: ref.platformPostId, period: 'lifetime' });
      expect(sample.value).toBeGreaterThan(0);
    }
    // Likes are one kind of reaction; viewers are at most the views.
    expect(metrics.likes?.value).toBeLessThanOrEqual(metrics.reactions?.value ?? -1);
    expect(metrics.reach?.value).toBeLessThanOrEqual(metrics.impressions?.value ?? -1);
    h.clock.advance(24 * HOUR);
    const later = byMetric(await adapter.getPostMetrics([ref], h.context({}, page)));
    expect(later.impressions?.value).toBeGreaterThan(metrics.impressions?.value ?? Number.POSITIVE_INFINITY);
  });

  it("reads a video's metrics on its Page post, which the Video node names (post_id)", async () => {
    const page = bigPage();
    const adapter = h.adapter();
    const published = await adapter.publish({ text: 'A clip', media: [hostedVideo()] }, h.context({}, page));
    // A ref taken before the video had its Page post (still processing, scheduled) is its video id.
    const ref = { ...published.ref, platformPostId: videoIdOf(h.facebook, published.ref) };
    h.clock.advance(3 * HOUR);
    const samples = await adapter.getPostMetrics([ref], h.context({}, page));
    expect(samples.map((sample) => sample.metric).sort()).toEqual([
      'clicks',
      'comments',
      'impressions',
      'likes',
      'reach',
      'reactions',
      'shares',
    ]);
    expect(new Set(samples.map((sample) => sample.platformPostId))).toEqual(new Set([ref.platformPostId]));
    const postId = published.ref.platformPostId;
    expect(h.facebook.sim.log.forRoute(INSIGHTS).map((entry) => new URL(entry.url).pathname)).toEqual([
      `/v26.0/${postId}/insights`,
    ]);

    // As Graph: a Video node has no shares field and no insights edge.
    const token = page.accessToken;
    const base = `${h.facebook.baseUrl}/v26.0/${ref.platformPostId}`;
    for (const url of [`${base}?fields=shares`, `${base}/insights?metric=post_media_view`]) {
      const answer = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(
        /^\(#100\) Tried accessing nonexisting field \((shares|insights)\) on node type \(Video\)$/,
      );
    }
  });

  it('reports 0 shares for a post no one has shared, whose answer has no shares field', async () => {
    const { ref } = await h.adapter().publish({ text: 'Not shared yet' }, h.context());
    const samples = await h.adapter().getPostMetrics([ref], h.context());
    const metrics = byMetric(samples);
    expect(metrics.shares).toMatchObject({ rawName: 'shares', value: 0, period: 'lifetime' });
    expect(metrics.comments?.value).toBe(0);
  });

  it('gives no sample, not 0, for an insight without values', async () => {
    const small = h.facebook.addPage('small', { followers: 40 });
    const adapter = h.adapter();
    const { ref } = await adapter.publish({ text: 'Too small for insights' }, h.context({}, small));
    h.clock.advance(3 * HOUR);
    const samples = await adapter.getPostMetrics([ref], h.context({}, small));
    // The insights were asked for and came back empty: only the counts remain.
    expect(h.facebook.sim.log.forRoute(INSIGHTS)).toHaveLength(1);
    expect(samples.map((sample) => sample.metric).sort()).toEqual(['comments', 'reactions', 'shares']);
  });

  it('skips a post that no longer exists and reads the others', async () => {
    const page = bigPage();
    const adapter = h.adapter();
    const gone = await adapter.publish({ text: 'Gone' }, h.context({}, page));
    const kept = await adapter.publish({ text: 'Kept' }, h.context({}, page));
    await adapter.delete(gone.ref, h.context({}, page));
    const samples = await adapter.getPostMetrics([gone.ref, kept.ref], h.context({}, page));
    expect(new Set(samples.map((sample) => sample.platformPostId))).toEqual(
      new Set([kept.ref.platformPostId]),
    );
  });
});

describe('Page metrics', () => {
  it('reads the Page’s daily follows, views, viewers and post engagements, one sample per day', async () => {
    const page = bigPage();
    const adapter = h.adapter();
    await adapter.publish({ text: 'Yesterday’s news' }, h.context({}, page));
    h.clock.advance(2 * 24 * HOUR);
    const samples = await adapter.getAccountMetrics(h.context({}, page));
    const days = (metric: string) =>
      samples
        .filter((sample) => sample.metric === metric)
        .map(({ rawName, period, periodStart, value }) => ({ rawName, period, periodStart, value }));
    // Days end at midnight Pacific (08:00 UTC); the last two ended before now.
    const lastEnd = Date.parse('2026-12-06T08:00:00Z');
    const starts = [new Date(lastEnd - 2 * 24 * HOUR), new Date(lastEnd - 24 * HOUR)];
    expect(days('followers')).toEqual(
      starts.map((periodStart) => ({ rawName: 'page_follows', period: 'day', periodStart, value: 1_500 })),
    );
    expect(days('impressions').map((day) => day.rawName)).toEqual(['page_media_view', 'page_media_view']);
    expect(days('reach').map((day) => day.rawName)).toEqual([
      'page_total_media_view_unique',
      'page_total_media_view_unique',
    ]);
    expect(days('engagements').map((day) => day.rawName)).toEqual([
      'page_post_engagements',
      'page_post_engagements',
    ]);
    for (const sample of samples) expect(sample.scope).toBe('account');
    // The post published on the first day was seen then.
    expect(days('impressions')[0]?.value).toBeGreaterThan(0);
    // page_follows had data: the Page node's followers_count was not read.
    expect(h.facebook.sim.log.entries.filter((entry) => entry.url.includes('followers_count'))).toEqual([]);
  });

  it('starts each day at the Pacific midnight before its end_time, 23 or 25 hours on US clock changes', async () => {
    const page = bigPage();
    const adapter = h.adapter();
    const followerDays = async (now: string) => {
      h.clock.set(Date.parse(now));
      const samples = await adapter.getAccountMetrics(h.context({}, page));
      return samples
        .filter((sample) => sample.metric === 'followers')
        .map((sample) => sample.periodStart?.toISOString());
    };
    // 2026-03-08 springs forward: it starts at 08:00 UTC (PST) and ends at 07:00 UTC (PDT).
    expect(await followerDays('2026-03-09T12:00:00Z')).toEqual([
      '2026-03-07T08:00:00.000Z',
      '2026-03-08T08:00:00.000Z',
    ]);
    // 2026-11-01 falls back: it starts at 07:00 UTC (PDT) and ends at 08:00 UTC (PST).
    expect(await followerDays('2026-11-02T12:00:00Z')).toEqual([
      '2026-10-31T07:00:00.000Z',
      '2026-11-01T07:00:00.000Z',
    ]);
  });

  it('falls back to followers_count when page_follows has no data', async () => {
    const page = h.facebook.addPage('followed', { followers: 42 });
    const samples = await h.adapter().getAccountMetrics(h.context({}, page));
    expect(samples.map(({ metric, value, rawName, period }) => ({ metric, value, rawName, period }))).toEqual(
      [{ metric: 'followers', value: 42, rawName: 'followers_count', period: 'lifetime' }],
    );
  });
});

describe('removed metrics', () => {
  it('are never requested: only the metrics in force after the impressions removal are named', async () => {
    const adapter = h.adapter();
    for (const page of [bigPage(), h.facebook.addPage('tiny', { followers: 3 })]) {
      const { ref } = await adapter.publish({ text: 'Measured' }, h.context({}, page));
      h.clock.advance(HOUR);
      await adapter.getPostMetrics([ref], h.context({}, page));
      await adapter.getAccountMetrics(h.context({}, page));
    }
    const named = h.facebook.sim.log.entries.flatMap((entry) => {
      const url = new URL(entry.url);
      const fields = [url.searchParams.get('metric'), url.searchParams.get('fields'), entry.body ?? ''];
      return fields
        .join(',')
        .split(/[,&=(){}.]/)
        .filter((name) => name !== '');
    });
    for (const name of named) for (const removed of REMOVED) expect(name).not.toMatch(removed);
    const metrics = h.facebook.sim.log
      .forRoute(INSIGHTS)
      .flatMap((entry) => new URL(entry.url).searchParams.get('metric')?.split(',') ?? []);
    expect(new Set(metrics)).toEqual(
      new Set([
        'post_total_media_view_unique',
        'post_media_view',
        'post_clicks',
        'post_reactions_by_type_total',
        'page_follows',
        'page_media_view',
        'page_total_media_view_unique',
        'page_post_engagements',
      ]),
    );
  });

  it('are refused by the simulator with Graph’s invalid metric error', async () => {
    const page = bigPage();
    const { ref } = await h.adapter().publish({ text: 'Old metrics' }, h.context({}, page));
    for (const [id, metric] of [
      [ref.platformPostId, 'post_impressions_unique'],
      [page.account.id, 'page_fans'],
      [page.account.id, 'page_impressions'],
    ] as const) {
      const response = await fetch(`${h.facebook.baseUrl}/v26.0/${id}/insights?metric=${metric}`, {
        headers: { authorization: `Bearer ${page.accessToken}` },
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 100 } });
    }
  });
});
