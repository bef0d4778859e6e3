import { describe, expect, it } from 'vitest';
import { START, useFacebook } from '../support/harness.js';

// The Video node (https://developers.facebook.com/docs/graph-api/reference/video/): its fields and
// its `comments` and `likes` edges read with `.summary(true)`; fields a Video does not have are
// refused as Graph refuses them.
const h = useFacebook({ videoProcessingMs: 20_000 });
const HOUR = 3_600_000;

/** A video Facebook fetches from `file_url`, with a title and a description, on the video host. */
async function hostedVideo(): Promise<string> {
  const response = await fetch(`${h.facebook.videoHost.baseUrl}/v26.0/${h.acme.account.id}/videos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.acme.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      file_url: 'https://cdn.smmkit.test/clip.mp4',
      title: 'Opening day',
      description: 'Doors open at nine',
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

const read = async (path: string) => {
  const response = await fetch(`${h.facebook.baseUrl}/v26.0/${path}`, {
    headers: { authorization: `Bearer ${h.acme.accessToken}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('GET /{video-id}', () => {
  it('answers the title, length, description, permalink, creation time and Page post of a processed video', async () => {
    const videoId = await hostedVideo();
    h.clock.advance(HOUR);
    const fields = 'title,length,description,permalink_url,created_time,post_id';

    const { status, body } = await read(`${videoId}?fields=${fields}`);

    expect(status).toBe(200);
    expect(body).toEqual({
      id: videoId,
      title: 'Opening day',
      length: expect.any(Number),
      description: 'Doors open at nine',
      permalink_url: `/${h.acme.account.id}/videos/${videoId}/`,
      created_time: new Date(START).toISOString().replace('.000Z', '+0000'),
      post_id: `${h.acme.account.id}_${videoId}`,
    });
    expect(body.length).toBeGreaterThan(0);
  });

  it('expands the comments and likes edges with their summary counts', async () => {
    const videoId = await hostedVideo();
    h.clock.advance(3 * HOUR);
    const seeded = h.facebook.seedComments(videoId, 3);

    const { status, body } = await read(`${videoId}?fields=comments.summary(true),likes.summary(true)`);

    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: videoId,
      comments: {
        data: seeded.map((comment) => expect.objectContaining({ id: comment.id, message: comment.text })),
        summary: { total_count: 3 },
      },
      likes: { data: [], summary: { total_count: expect.any(Number) } },
    });
    const likes = body.likes as { summary: { total_count: number } };
    expect(likes.summary.total_count).toBeGreaterThan(0);
    // Without `.summary(true)`, no summary.
    const plain = await read(`${videoId}?fields=comments`);
    expect(plain.body.comments).not.toHaveProperty('summary');
  });

  it('still refuses a field a Video does not have', async () => {
    const videoId = await hostedVideo();
    const { status, body } = await read(`${videoId}?fields=title,shares`);
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: { code: 100, message: '(#100) Tried accessing nonexisting field (shares) on node type (Video)' },
    });
  });
});
