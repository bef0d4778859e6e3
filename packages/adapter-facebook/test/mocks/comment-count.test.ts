import { describe, expect, it } from 'vitest';
import { useFacebook } from '../support/harness.js';

// `limit` is "the maximum number of objects that may be returned"
// (https://developers.facebook.com/docs/graph-api/results) and `summary=true` adds the edge's
// `total_count` (https://developers.facebook.com/docs/graph-api/reference/object/comments): with
// `limit=0` the two read a post's comment count alone.
const h = useFacebook();

describe('GET /{post-id}/comments?summary=true&limit=0', () => {
  it('answers the total count with no comments, not a refusal', async () => {
    const { ref } = await h.adapter().publish({ text: 'Ask me' }, h.context());
    h.facebook.seedComments(ref.platformPostId, 3);
    const response = await fetch(
      `${h.facebook.baseUrl}/v26.0/${ref.platformPostId}/comments?summary=true&limit=0`,
      { headers: { authorization: `Bearer ${h.acme.accessToken}` } },
    );

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: [],
      summary: { order: 'chronological', total_count: 3, can_comment: true },
    });
  });
});
