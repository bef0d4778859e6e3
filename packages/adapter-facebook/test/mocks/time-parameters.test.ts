import { describe, expect, it } from 'vitest';
import { START, useFacebook } from '../support/harness.js';

// `since` and `until` are "A Unix timestamp or strtotime data value"
// (https://developers.facebook.com/docs/graph-api/results, time-based pagination): the simulator
// reads a date as the same instant as its Unix seconds.
const h = useFacebook();
const HOUR = 3_600_000;
const unix = (ms: number) => String(Math.floor(ms / 1000));
/** A date as Graph writes its own times (`2026-12-04T13:00:00+0000`). */
const graphDate = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');

const get = async (path: string, token: string) => {
  const response = await fetch(`${h.facebook.baseUrl}/v26.0/${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as unknown };
};

describe('since and until as a date', () => {
  it('GET /{page-id}/posts?since= keeps the posts from that instant on, as with Unix seconds', async () => {
    const adapter = h.adapter();
    await adapter.publish({ text: 'Early' }, h.context());
    h.clock.advance(2 * HOUR);
    await adapter.publish({ text: 'Late' }, h.context());
    const posts = (since: string) =>
      get(`${h.acme.account.id}/posts?fields=message&since=${encodeURIComponent(since)}`, h.acme.accessToken);

    const byDate = await posts(graphDate(START + HOUR));
    expect(byDate.status).toBe(200);
    const data = (answer: { body: unknown }) => (answer.body as { data: unknown }).data;
    expect(data(byDate)).toEqual([{ message: 'Late', id: expect.any(String) }]);
    expect(data(await posts(unix(START + HOUR)))).toEqual(data(byDate));
  });

  it('GET /{page-id}/insights?since=&until= answers the days between, as with Unix seconds', async () => {
    const page = h.facebook.addPage('big', { followers: 1_500 });
    await h.adapter().publish({ text: 'Seen' }, h.context({}, page));
    h.clock.advance(3 * 24 * HOUR);
    const from = Date.parse('2026-12-04T08:00:00Z');
    const to = Date.parse('2026-12-06T08:00:00Z');
    const insights = (since: string, until: string) =>
      get(
        `${page.account.id}/insights?metric=page_media_view&period=day&since=${encodeURIComponent(since)}&until=${encodeURIComponent(until)}`,
        page.accessToken,
      );

    const byDate = await insights(graphDate(from), graphDate(to));
    expect(byDate.status).toBe(200);
    const [metric] = (byDate.body as { data: { values: { end_time: string }[] }[] }).data;
    expect(metric?.values.map((value) => value.end_time)).toEqual([
      '2026-12-05T08:00:00+0000',
      '2026-12-06T08:00:00+0000',
    ]);
    expect(await insights(unix(from), unix(to))).toEqual(byDate);
  });
});

describe('the days of Page insights', () => {
  it('end at Pacific midnight: 07:00 UTC in daylight time, 08:00 UTC in standard time', async () => {
    // As Meta's example answer: "end_time": "2020-03-10T07:00:00+0000", two days after a spring-forward
    // (https://developers.facebook.com/docs/platforminsights/page).
    const page = h.facebook.addPage('big', { followers: 1_500 });
    const endTimes = async (since: string, until: string) => {
      const answer = await get(
        `${page.account.id}/insights?metric=page_media_view&period=day&since=${unix(Date.parse(since))}&until=${unix(Date.parse(until))}`,
        page.accessToken,
      );
      const [metric] = (answer.body as { data: { values: { end_time: string }[] }[] }).data;
      return metric?.values.map((value) => value.end_time);
    };
    expect(await endTimes('2026-03-07T08:00:00Z', '2026-03-10T07:00:00Z')).toEqual([
      '2026-03-08T08:00:00+0000',
      '2026-03-09T07:00:00+0000',
      '2026-03-10T07:00:00+0000',
    ]);
    expect(await endTimes('2026-10-31T07:00:00Z', '2026-11-03T08:00:00Z')).toEqual([
      '2026-11-01T07:00:00+0000',
      '2026-11-02T08:00:00+0000',
      '2026-11-03T08:00:00+0000',
    ]);
  });
});

describe('until', () => {
  it('GET /{page-id}/posts?until= leaves out the posts after that instant, with or without since', async () => {
    const adapter = h.adapter();
    await adapter.publish({ text: 'First' }, h.context());
    h.clock.advance(2 * HOUR);
    await adapter.publish({ text: 'Second' }, h.context());
    h.clock.advance(2 * HOUR);
    await adapter.publish({ text: 'Third' }, h.context());
    const messages = async (query: string) => {
      const answer = await get(`${h.acme.account.id}/posts?fields=message&${query}`, h.acme.accessToken);
      expect(answer.status).toBe(200);
      return (answer.body as { data: { message: string }[] }).data.map((post) => post.message);
    };

    expect(await messages(`until=${unix(START + 3 * HOUR)}`)).toEqual(['Second', 'First']);
    expect(await messages(`until=${encodeURIComponent(graphDate(START + HOUR))}`)).toEqual(['First']);
    expect(await messages(`since=${unix(START + HOUR)}&until=${unix(START + 3 * HOUR)}`)).toEqual(['Second']);
    expect(await messages(`until=${unix(START - HOUR)}`)).toEqual([]);
  });

  it('GET /{post-id}/comments?until= leaves out the comments after that instant, as since does before it', async () => {
    const { ref } = await h.adapter().publish({ text: 'Ask me' }, h.context());
    const platformPostId = ref.platformPostId;
    // Four comments a minute apart, the newest now.
    const seeded = h.facebook.seedComments(platformPostId, 4);
    const ids = async (query: string) => {
      const answer = await get(`${platformPostId}/comments?${query}`, h.acme.accessToken);
      expect(answer.status).toBe(200);
      return (answer.body as { data: { id: string }[] }).data.map((comment) => comment.id);
    };
    const at = (index: number) => seeded[index]?.createdAt ?? Number.NaN;

    expect(await ids(`until=${unix(at(1))}`)).toEqual([seeded[0]?.id, seeded[1]?.id]);
    expect(await ids(`until=${encodeURIComponent(graphDate(at(1)))}`)).toEqual([
      seeded[0]?.id,
      seeded[1]?.id,
    ]);
    expect(await ids(`since=${unix(at(1))}&until=${unix(at(2))}`)).toEqual([seeded[1]?.id, seeded[2]?.id]);
  });
});

describe('an unreadable or empty since and until', () => {
  /** A Page post with two fan comments, and the two edges that read since and until. */
  async function edges() {
    const { ref } = await h.adapter().publish({ text: 'Ask me' }, h.context());
    const seeded = h.facebook.seedComments(ref.platformPostId, 2);
    return {
      posts: `${h.acme.account.id}/posts?fields=message`,
      comments: `${ref.platformPostId}/comments?fields=message`,
      count: { posts: 1, comments: seeded.length },
    };
  }

  it('refuses an unreadable since or until the same way on /posts and /comments: (#100)', async () => {
    const { posts, comments } = await edges();
    for (const edge of [posts, comments])
      for (const query of ['since=not-a-time', 'until=not-a-time', `since=${unix(START)}&until=soon`]) {
        const answer = await get(`${edge}&${query}`, h.acme.accessToken);
        expect(answer.status, `${edge}&${query}`).toBe(400);
        expect((answer.body as { error: unknown }).error).toMatchObject({
          code: 100,
          type: 'OAuthException',
          message: '(#100) Must be a unixtime or a date/time representation parseable by strtotime()',
        });
      }
  });

  it('reads an empty since or until as no bound on both edges, as in the paging links Graph writes', async () => {
    const { posts, comments, count } = await edges();
    for (const [edge, expected] of [
      [posts, count.posts],
      [comments, count.comments],
    ] as const)
      for (const query of ['since=', 'until=', 'since', `until=${unix(START)}&since`]) {
        const answer = await get(`${edge}&${query}`, h.acme.accessToken);
        expect(answer.status, `${edge}&${query}`).toBe(200);
        expect((answer.body as { data: unknown[] }).data, `${edge}&${query}`).toHaveLength(expected);
      }
  });
});
