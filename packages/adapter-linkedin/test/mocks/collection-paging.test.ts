import { describe, expect, it } from 'vitest';
import { useLinkedIn } from '../support/harness.js';

// Every Rest.li collection reads `start` and `count` alike: absent means 0 and 10
// (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/pagination), a
// non-integer or negative value is Rest.li's own 400 (RestUtils.getPagingContext,
// https://github.com/linkedin/rest.li/blob/master/restli-server/src/main/java/com/linkedin/restli/internal/server/util/RestUtils.java),
// and count 0 is a page of none. Comments and reactions once clamped such values instead.

const h = useLinkedIn();
const API = 'https://api.linkedin.com/rest';

async function get(path: string) {
  const response = await fetch(`${API}${path}`, {
    headers: {
      authorization: `Bearer ${h.ana.accessToken}`,
      'linkedin-version': '202610',
      'x-restli-protocol-version': '2.0.0',
    },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const badRequest = (message: string) => ({ status: 400, serviceErrorCode: 100, message });

describe.each([
  {
    collection: 'comments',
    seed: (post: string) => h.linkedin.seedComments(post, 3),
    path: (post: string) => `/socialActions/${encodeURIComponent(post)}/comments?`,
  },
  {
    collection: 'reactions',
    seed: (post: string) => h.linkedin.seedReactions(post, 3),
    path: (post: string) => `/reactions/(entity:${encodeURIComponent(post)})?q=entity&`,
  },
])('$collection paging', ({ seed, path }) => {
  it('pages with start and count, and refuses what Rest.li refuses', async () => {
    const post = h.linkedin.addPost(h.ana.account.id, 'Talk to us');
    seed(post);
    const page = await get(`${path(post)}start=1&count=1`);
    expect([page.status, (page.body.elements as unknown[]).length, page.body.paging]).toEqual([
      200,
      1,
      { start: 1, count: 1, total: 3 },
    ]);
    expect((await get(path(post))).body.paging).toEqual({ start: 0, count: 10, total: 3 });
    const none = await get(`${path(post)}count=0`);
    expect([none.status, none.body.elements]).toEqual([200, []]);

    const refused = async (query: string) => (await get(`${path(post)}${query}`)).body;
    for (const query of ['start=-1', 'count=-5'])
      expect(await refused(query)).toEqual(badRequest('start/count parameters must be non-negative'));
    for (const query of ['count=ten', 'start=1.5'])
      expect(await refused(query)).toEqual(badRequest('Invalid (non-integer) start/count parameters'));
    expect(await refused('count=101')).toEqual(badRequest('count must not exceed 100'));
  });
});
