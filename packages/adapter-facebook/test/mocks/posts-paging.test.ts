import { describe, expect, it } from 'vitest';
import { useFacebook } from '../support/harness.js';

// A Page's /posts pages as every Graph edge does (https://developers.facebook.com/docs/graph-api/results):
// `{data, paging: {cursors: {before, after}, next?, previous?}}`, newest first. The feed is
// ordered by when posts went out, so a natively scheduled post takes its place at its time, not
// at its id's (https://developers.facebook.com/docs/pages-api/posts).
const h = useFacebook();
const HOUR = 3_600_000;

interface PostsPage {
  readonly data: { readonly message: string }[];
  readonly paging?: { readonly next?: string; readonly previous?: string };
}

const read = async (url: string): Promise<PostsPage> => {
  const response = await fetch(url, { headers: { authorization: `Bearer ${h.acme.accessToken}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as PostsPage;
};

const messages = (page: PostsPage) => page.data.map((post) => post.message);

describe('GET /{page-id}/posts paging', () => {
  it('pages newest first with cursors, next and previous, a scheduled post at its time', async () => {
    const adapter = h.adapter();
    await adapter.publish({ text: 'A' }, h.context());
    h.clock.advance(HOUR / 6);
    await adapter.publish(
      { text: 'Scheduled' },
      h.context({ scheduledFor: new Date(h.clock.now() + 3 * HOUR) }),
    );
    for (const text of ['B', 'C']) {
      h.clock.advance(HOUR);
      await adapter.publish({ text }, h.context());
    }
    h.clock.advance(2 * HOUR);

    const first = await read(`${h.facebook.baseUrl}/v26.0/${h.acme.account.id}/posts?fields=message&limit=2`);
    expect(messages(first)).toEqual(['Scheduled', 'C']);
    expect(first.paging).toMatchObject({
      cursors: { before: expect.any(String), after: expect.any(String) },
    });
    expect(first.paging?.previous).toBeUndefined();

    const second = await read(first.paging?.next ?? '');
    expect(messages(second)).toEqual(['B', 'A']);
    expect(second.paging?.next).toBeUndefined();
    expect(messages(await read(second.paging?.previous ?? ''))).toEqual(['Scheduled', 'C']);
  });
});
