import { describe, expect, it } from 'vitest';
import { useFacebook } from '../support/harness.js';

// A post's `shares` is "The shares count of this post"
// (https://developers.facebook.com/docs/graph-api/reference/post/); Graph leaves the field out of a
// post no one has shared instead of writing `{count: 0}` (ASSUMED: the reference does not say so).
const h = useFacebook();

describe('GET /{post-id}?fields=shares,comments.summary(true),reactions.summary(true)', () => {
  it('leaves shares out of a post no one has shared, and gives the other counts at 0', async () => {
    const { ref } = await h.adapter().publish({ text: 'Nobody shared me yet' }, h.context());
    const fields = 'shares,comments.summary(true),reactions.summary(true)';
    const response = await fetch(`${h.facebook.baseUrl}/v26.0/${ref.platformPostId}?fields=${fields}`, {
      headers: { authorization: `Bearer ${h.acme.accessToken}` },
    });

    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty('shares');
    expect(body).toMatchObject({
      id: ref.platformPostId,
      comments: { summary: { total_count: 0 } },
      reactions: { summary: { total_count: 0 } },
    });
  });
});
