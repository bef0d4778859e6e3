import { describe, expect, it } from 'vitest';
import type { InstagramSimulatorAccount, SeedMediaOptions } from '../../src/mocks/index.js';
import { graphGet, type Json, START, useInstagramSimulators } from './support.js';

// GET /{ig-media-id}/insights answers per media product type, with breakdowns, and withholds a
// story's insights as the Instagram Media Insights reference says
// (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights).
const HOUR = 60 * 60_000;
let ana: InstagramSimulatorAccount;
const { clock, ig } = useInstagramSimulators(() => {
  ana = ig.addAccount('ana');
});

/** A media of ana's, two hours old unless told otherwise. */
const media = (options: SeedMediaOptions = {}) =>
  ig.seedMedia(ana.account.id, 'Measured', { createdAt: START - 2 * HOUR, ...options }).id;
const insights = (id: string, params: Record<string, string>) =>
  graphGet(`/${id}/insights`, params, ana, ig.baseUrl);
const error = (body: Json) => body.error as Json;

describe('media insights per product type', () => {
  it('refuses the metrics a product type does not have, naming them all', async () => {
    const story = await insights(media({ story: true }), { metric: 'reach,likes,saved' });
    expect(story.status).toBe(400);
    expect(error(story.body)).toMatchObject({
      code: 100,
      message:
        '(#100) The Media Insights API does not support the likes, saved metric for this media product type.',
    });
    const feed = await insights(media(), { metric: 'replies,navigation' });
    expect(error(feed.body)).toMatchObject({ code: 100 });
    expect(String(error(feed.body).message)).toContain('replies, navigation metric');
    const reel = await insights(media({ mediaType: 'VIDEO' }), { metric: 'profile_visits' });
    expect(error(reel.body)).toMatchObject({ code: 100 });
  });

  it("serves a story's replies, navigation and profile visits, and a reel's watch times", async () => {
    const story = await insights(media({ story: true }), {
      metric: 'reach,views,shares,total_interactions,replies,navigation,profile_visits,follows',
    });
    expect(story.status).toBe(200);
    const values = Object.fromEntries(
      (story.body.data as Json[]).map((item) => [item.name, (item.values as { value: number }[])[0]?.value]),
    );
    // On a story, total_interactions is "The number of replies and shares for your story".
    expect(values.total_interactions).toBe((values.replies ?? 0) + (values.shares ?? 0));
    expect(values.navigation).toBeGreaterThan(0);
    const reel = await insights(media({ mediaType: 'VIDEO' }), {
      metric: 'ig_reels_avg_watch_time,ig_reels_video_view_total_time',
    });
    expect((reel.body.data as Json[]).map((item) => item.name)).toEqual([
      'ig_reels_avg_watch_time',
      'ig_reels_video_view_total_time',
    ]);
  });
});

describe('media insights breakdowns', () => {
  it("breaks a story's navigation down by story_navigation_action_type, its total their sum", async () => {
    const id = media({ story: true });
    const answer = await insights(id, { metric: 'navigation', breakdown: 'story_navigation_action_type' });
    expect(answer.status).toBe(200);
    const [navigation] = answer.body.data as Json[];
    const total = navigation?.total_value as {
      value: number;
      breakdowns: { dimension_keys: string[]; results: { dimension_values: string[]; value: number }[] }[];
    };
    const [breakdown] = total.breakdowns;
    expect(breakdown?.dimension_keys).toEqual(['story_navigation_action_type']);
    const keys = breakdown?.results.map((result) => result.dimension_values[0]) ?? [];
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(['tap_forward', 'tap_back', 'tap_exit', 'swipe_forward']).toContain(key);
    const sum = breakdown?.results.reduce((all, result) => all + result.value, 0);
    expect(total.value).toBe(sum);
    expect(navigation).toMatchObject({
      name: 'navigation',
      values: [{ value: sum }],
      id: `${id}/insights/navigation/lifetime`,
    });
    // Without the breakdown, the total only.
    const plain = ((await insights(id, { metric: 'navigation' })).body.data as Json[])[0];
    expect(plain).not.toHaveProperty('total_value');
    expect(plain?.values).toEqual([{ value: sum }]);
  });

  it("breaks a post's profile_activity down by action_type", async () => {
    const answer = await insights(media(), { metric: 'profile_activity', breakdown: 'action_type' });
    const [activity] = answer.body.data as Json[];
    const total = activity?.total_value as { breakdowns: { dimension_keys: string[] }[] };
    expect(total.breakdowns[0]?.dimension_keys).toEqual(['action_type']);
  });

  it('refuses a breakdown with a metric that does not take it, as Graph does, and an unknown one', async () => {
    const story = media({ story: true });
    for (const params of [
      { metric: 'reach', breakdown: 'story_navigation_action_type' },
      { metric: 'navigation,reach', breakdown: 'story_navigation_action_type' },
      { metric: 'navigation', breakdown: 'action_type' },
    ]) {
      const refused = await insights(story, params);
      expect(refused.status).toBe(400);
      expect(error(refused.body)).toMatchObject({ code: 1, message: 'An unknown error has occurred.' });
    }
    const unknown = await insights(story, { metric: 'navigation', breakdown: 'age' });
    expect(error(unknown.body)).toMatchObject({ code: 100 });
  });
});

describe("a story's insights", () => {
  it('are withheld with code 10 while fewer than 5 accounts have seen it', async () => {
    const fewViewers = await insights(media({ story: true, viewers: 4 }), { metric: 'reach,views' });
    expect(fewViewers.status).toBe(400);
    expect(error(fewViewers.body)).toMatchObject({
      code: 10,
      type: 'OAuthException',
      message: '(#10) Not enough viewers for the media to show insights',
    });
    // Just published, nobody has seen it yet; two hours on, plenty have.
    const fresh = media({ story: true, createdAt: START });
    expect(error((await insights(fresh, { metric: 'reach' })).body)).toMatchObject({ code: 10 });
    clock.advance(2 * HOUR);
    expect((await insights(fresh, { metric: 'reach' })).status).toBe(200);
    // Five viewers are enough, and a feed post is never withheld.
    expect((await insights(media({ story: true, viewers: 5 }), { metric: 'reach' })).status).toBe(200);
    expect((await insights(media({ viewers: 1 }), { metric: 'reach' })).status).toBe(200);
  });

  it('are an empty data set once the story is 24 hours old', async () => {
    const id = media({ story: true, createdAt: START - 24 * HOUR });
    expect(await insights(id, { metric: 'reach' })).toEqual({ status: 200, body: { data: [] } });
  });
});
