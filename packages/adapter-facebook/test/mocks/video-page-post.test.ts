import { describe, expect, it } from 'vitest';
import { useFacebook } from '../support/harness.js';

// A live video's Page post, as Graph names it: the Page's posts list Post ids
// (https://developers.facebook.com/docs/graph-api/reference/page/feed/, `{page-id}_{post-id}`:
// https://developers.facebook.com/docs/graph-api/reference/post/), the Video node's `post_id` is
// that id, and a `feed` comment webhook carries it as `post_id`
// (https://developers.facebook.com/docs/graph-api/webhooks/reference/page/).
const h = useFacebook({ videoProcessingMs: 20_000 });
const HOUR = 3_600_000;

/** A processed video Facebook fetched from `file_url`; its id. */
async function liveVideo(): Promise<string> {
  const response = await fetch(`${h.facebook.videoHost.baseUrl}/v26.0/${h.acme.account.id}/videos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.acme.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ file_url: 'https://cdn.smmkit.test/clip.mp4', description: 'Doors open' }),
  });
  const { id } = (await response.json()) as { id: string };
  h.clock.advance(HOUR);
  return id;
}

const read = async (path: string) => {
  const response = await fetch(`${h.facebook.baseUrl}/v26.0/${path}`, {
    headers: { authorization: `Bearer ${h.acme.accessToken}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** The Video node's `post_id`. */
async function postIdOf(videoId: string): Promise<string> {
  const { body } = await read(`${videoId}?fields=post_id`);
  expect(body.post_id).toEqual(expect.any(String));
  return String(body.post_id);
}

describe("a live video's Page post", () => {
  it("is listed in the Page's posts under the Post id its Video node names", async () => {
    const videoId = await liveVideo();
    const postId = await postIdOf(videoId);

    const { body } = await read(`${h.acme.account.id}/posts?fields=id,message`);

    expect(postId).toBe(`${h.acme.account.id}_${videoId}`);
    expect(body.data).toEqual([{ id: postId, message: 'Doors open' }]);
  });

  it('answers the comments of the video under that Post id', async () => {
    const videoId = await liveVideo();
    const postId = await postIdOf(videoId);
    const seeded = h.facebook.seedComments(videoId, 2);

    const { status, body } = await read(`${postId}/comments`);

    expect(status).toBe(200);
    expect((body.data as { id: string }[]).map((comment) => comment.id)).toEqual(
      seeded.map((comment) => comment.id),
    );
  });

  it('is the post_id (and parent_id) of a comment webhook on the video', async () => {
    const videoId = await liveVideo();
    const postId = await postIdOf(videoId);
    const [comment] = h.facebook.seedComments(videoId, 1);

    const delivery = h.facebook.webhookDelivery(comment?.id ?? '');

    expect(delivery.entry[0]?.changes[0]?.value).toMatchObject({
      post_id: postId,
      parent_id: postId,
      post: { id: postId },
    });
  });

  it('can be deleted by that Post id, taking the video out of the feed', async () => {
    const videoId = await liveVideo();
    const postId = await postIdOf(videoId);
    const response = await fetch(`${h.facebook.baseUrl}/v26.0/${postId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${h.acme.accessToken}` },
    });

    expect(await response.json()).toEqual({ success: true });
    expect((await read(`${h.acme.account.id}/posts`)).body.data).toEqual([]);
  });
});
