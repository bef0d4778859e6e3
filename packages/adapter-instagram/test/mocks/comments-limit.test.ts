import { describe, expect, it } from 'vitest';
import { itemsOf, useInstagram } from '../support/harness.js';

// "Returns a maximum of 50 comments per query", newest first ("results returned in reverse
// chronological order"): https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments
const h = useInstagram();

const commentsPage = async (mediaId: string, limit: number) => {
  const response = await fetch(`${h.ig.baseUrl}/v26.0/${mediaId}/comments?fields=id&limit=${limit}`, {
    headers: { authorization: `Bearer ${h.ana.accessToken}` },
  });
  return (await response.json()) as { data: { id: string }[]; paging?: { next?: string } };
};

describe('GET /{ig-media-id}/comments', () => {
  it('answers at most 50 comments a page, whatever the limit, with a next page for the rest', async () => {
    const ref = h.media('Popular');
    const seeded = h.ig.seedComments(ref.platformPostId, 60);

    const first = await commentsPage(ref.platformPostId, 100);
    expect(first.data).toHaveLength(50);
    expect(new URL(first.paging?.next ?? '').searchParams.get('limit')).toBe('50');
    expect((await commentsPage(ref.platformPostId, 20)).data).toHaveLength(20);

    // The adapter, asking for pages of 100, still lists all 60, newest first.
    const listed = await itemsOf(h.adapter(), { post: ref, kinds: ['comment'], pageSize: 100 }, h.context());
    expect(listed.map((item) => item.id)).toEqual(seeded.map((comment) => comment.id).reverse());
  });
});
