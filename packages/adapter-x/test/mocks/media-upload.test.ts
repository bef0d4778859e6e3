import { describe, expect, it } from 'vitest';
import { useXSimulator } from './support/use-x-simulator.js';
import { call, data, read, START } from './support/x-client.js';

const MB = 1024 * 1024;
const { x, clock } = useXSimulator({ mediaProcessingMs: 3_000, checkAfterSecs: 1 });

const ana = x.addAccount('ana');

const api = (path: string, options: Parameters<typeof call>[2] = {}) =>
  call(x.baseUrl, path, { token: ana.accessToken, ...options });

function initialize(json: Record<string, unknown>) {
  return api('/2/media/upload/initialize', { method: 'POST', json });
}

function append(id: string, bytes: number, segmentIndex: number) {
  const body = new FormData();
  body.append('media', new Blob([new Uint8Array(bytes)]), 'chunk');
  body.append('segment_index', String(segmentIndex));
  return api(`/2/media/upload/${id}/append`, { method: 'POST', body });
}

/** A multipart/form-data body written byte by byte, each part with exactly the headers given. */
function multipart(
  parts: readonly { headers: readonly string[]; content: Uint8Array<ArrayBuffer> | string }[],
) {
  const boundary = 'smmkit-raw-boundary';
  const encoder = new TextEncoder();
  const pieces: Uint8Array<ArrayBuffer>[] = [];
  for (const part of parts) {
    pieces.push(encoder.encode(`--${boundary}\r\n${part.headers.join('\r\n')}\r\n\r\n`));
    pieces.push(typeof part.content === 'string' ? encoder.encode(part.content) : part.content);
    pieces.push(encoder.encode('\r\n'));
  }
  pieces.push(encoder.encode(`--${boundary}--\r\n`));
  return { body: new Blob(pieces), contentType: `multipart/form-data; boundary=${boundary}` };
}

const finalize = (id: string) => api(`/2/media/upload/${id}/finalize`, { method: 'POST' });
const status = (id: string) => api(`/2/media/upload?command=STATUS&media_id=${id}`);

/** The id of a new upload session for `totalBytes` bytes of `mediaType`. */
async function initialized(mediaType: string, totalBytes: number): Promise<string> {
  return String((await data(await initialize({ media_type: mediaType, total_bytes: totalBytes }))).id);
}

async function upload(mediaType: string, category: string, sizes: readonly number[]): Promise<string> {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const init = await data(
    await initialize({ media_type: mediaType, total_bytes: total, media_category: category }),
  );
  const id = String(init.id);
  for (const [index, size] of sizes.entries()) expect((await append(id, size, index)).status).toBe(200);
  return id;
}

describe('chunked media upload', () => {
  it('uploads an image that is ready at FINALIZE and can be attached', async () => {
    const init = await initialize({
      media_type: 'image/png',
      total_bytes: 2048,
      media_category: 'tweet_image',
    });
    expect(init.status).toBe(200);
    const created = await data(init);
    const id = String(created.id);
    expect(created).toEqual({ id, media_key: `3_${id}`, expires_after_secs: 86_400 });
    const appended = await append(id, 2048, 0);
    expect(await read(appended)).toEqual({ data: { expires_at: START / 1000 + 86_400 } });
    const finalized = await data(await finalize(id));
    expect(finalized).toEqual({
      id,
      media_key: `3_${id}`,
      size: 2048,
      expires_after_secs: 86_400,
      image: { image_type: 'image/png' },
    });
    const post = await api('/2/tweets', {
      method: 'POST',
      json: { text: 'look', media: { media_ids: [id] } },
    });
    expect(post.status).toBe(201);
    const postId = String((await data(post)).id);
    expect(x.sim.posts.get(postId)?.media.map((media) => media.kind)).toEqual(['image']);
  });

  it('processes a video pending → in_progress → succeeded over simulated time', async () => {
    const id = await upload('video/mp4', 'tweet_video', [MB, MB, 1000]);
    const finalized = await data(await finalize(id));
    expect(finalized).toMatchObject({
      id,
      media_key: `7_${id}`,
      size: 2 * MB + 1000,
      processing_info: { state: 'pending', check_after_secs: 1 },
      video: { video_type: 'video/mp4' },
    });
    const early = await api('/2/tweets', {
      method: 'POST',
      json: { text: 'too soon', media: { media_ids: [id] } },
    });
    expect(early.status).toBe(400);
    expect((await read(early)).errors).toMatchObject([{ message: 'Your media IDs are invalid.' }]);

    clock.advance(1_500);
    expect((await data(await status(id))).processing_info).toEqual({
      state: 'in_progress',
      check_after_secs: 1,
      progress_percent: 50,
    });
    clock.advance(1_500);
    expect((await data(await status(id))).processing_info).toEqual({
      state: 'succeeded',
      progress_percent: 100,
    });

    const post = await api('/2/tweets', {
      method: 'POST',
      json: { text: 'watch', media: { media_ids: [id] } },
    });
    const postId = String((await data(post)).id);
    clock.advance(60 * 60_000);
    const lookup = await read(
      await api(`/2/tweets?ids=${postId}&expansions=attachments.media_keys&media.fields=public_metrics`),
    );
    expect((lookup.data as Record<string, unknown>[])[0]).toMatchObject({
      attachments: { media_keys: [`7_${id}`] },
    });
    const [media] = (lookup.includes as { media: { public_metrics: { view_count: number } }[] }).media;
    expect(media).toMatchObject({ media_key: `7_${id}`, type: 'video' });
    expect(media?.public_metrics.view_count).toBeGreaterThan(0);
  });

  it('fails processing when told to, with X error object', async () => {
    x.failNextMediaProcessing();
    const id = await upload('image/gif', 'tweet_gif', [4096]);
    expect((await data(await finalize(id))).processing_info).toEqual({
      state: 'pending',
      check_after_secs: 1,
    });
    clock.advance(3_000);
    expect((await data(await status(id))).processing_info).toEqual({
      state: 'failed',
      progress_percent: 99,
      error: { code: 1, name: 'InvalidMedia', message: 'Unsupported video format' },
    });
    expect(x.sim.media.get(id)?.state).toBe('failed');
    const post = await api('/2/tweets', {
      method: 'POST',
      json: { text: 'broken', media: { media_ids: [id] } },
    });
    expect(post.status).toBe(400);
  });

  it('refuses uploads over the category limit at INITIALIZE', async () => {
    const image = await initialize({
      media_type: 'image/jpeg',
      total_bytes: 5 * MB + 1,
      media_category: 'tweet_image',
    });
    expect(image.status).toBe(400);
    expect((await read(image)).errors).toEqual([
      { parameters: { total_bytes: [String(5 * MB + 1)] }, message: 'File size exceeds 5242880 bytes.' },
    ]);
    const gif = await initialize({
      media_type: 'image/gif',
      total_bytes: 15 * MB,
      media_category: 'tweet_gif',
    });
    expect(gif.status).toBe(200);
    const video = await initialize({ media_type: 'video/mp4', total_bytes: 512 * MB + 1 });
    expect(video.status).toBe(400);
  });

  it('refuses FINALIZE when the appended bytes differ from total_bytes', async () => {
    const init = await data(
      await initialize({ media_type: 'video/mp4', total_bytes: 3000, media_category: 'tweet_video' }),
    );
    const id = String(init.id);
    await append(id, 1000, 0);
    const refused = await finalize(id);
    expect(refused.status).toBe(400);
    expect((await read(refused)).errors).toMatchObject([
      { message: 'Segments do not add up to provided total file size.' },
    ]);
    await append(id, 2000, 1);
    expect((await finalize(id)).status).toBe(200);
  });

  it('counts the raw bytes of a binary `media` part sent without a filename', async () => {
    // Every byte value, so the chunk is not valid UTF-8 (nor base64): what reqwest's
    // `Part::bytes` or Python's `files={"media": (None, chunk)}` put on the wire.
    const chunk = Uint8Array.from({ length: 1000 }, (_, index) => (index * 37) % 256);
    const id = await initialized('video/mp4', 2000);
    for (const [index, headers] of [
      ['Content-Disposition: form-data; name="media"'],
      ['Content-Disposition: form-data; name="media"', 'Content-Type: application/octet-stream'],
    ].entries()) {
      const { body, contentType } = multipart([
        { headers, content: chunk },
        { headers: ['Content-Disposition: form-data; name="segment_index"'], content: String(index) },
      ]);
      const appended = await api(`/2/media/upload/${id}/append`, {
        method: 'POST',
        body,
        headers: { 'content-type': contentType },
      });
      expect(appended.status).toBe(200);
    }
    const finalized = await finalize(id);
    expect(finalized.status).toBe(200);
    expect((await data(finalized)).size).toBe(2000);
  });

  it('still reads base64 `media` (format byte) in a bare multipart part and in JSON', async () => {
    const chunk = Uint8Array.from({ length: 300 }, (_, index) => (index * 37) % 256);
    const encoded = Buffer.from(chunk).toString('base64');
    const id = await initialized('video/mp4', 600);
    const form = new FormData();
    form.append('media', encoded);
    form.append('segment_index', '0');
    expect((await api(`/2/media/upload/${id}/append`, { method: 'POST', body: form })).status).toBe(200);
    const json = await api(`/2/media/upload/${id}/append`, {
      method: 'POST',
      json: { media: encoded, segment_index: 1 },
    });
    expect(json.status).toBe(200);
    const finalized = await finalize(id);
    expect(finalized.status).toBe(200);
    expect((await data(finalized)).size).toBe(600);
  });

  it("refuses an APPEND whose multipart body does not parse with X's invalid-request 400, and logs it", async () => {
    const id = await initialized('video/mp4', 10);
    const refused = await api(`/2/media/upload/${id}/append`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=declared' },
      body: '--other\r\nContent-Disposition: form-data; name="segment_index"\r\n\r\n0\r\n--other--\r\n',
    });
    expect(refused.status).toBe(400);
    expect(await read(refused)).toMatchObject({
      title: 'Invalid Request',
      errors: [{ message: 'The multipart/form-data body is malformed.' }],
    });
    expect(x.sim.log.entries.at(-1)?.body).toBe('[malformed multipart/form-data body]');
  });

  it('refuses a segment_index outside 0..999 and unknown media ids', async () => {
    const id = await upload('image/png', 'tweet_image', []);
    expect((await append(id, 10, 1000)).status).toBe(400);
    expect((await append('123', 10, 0)).status).toBe(404);
    expect((await status('123')).status).toBe(404);
  });

  it('sets alt text with POST /2/media/metadata', async () => {
    const id = await upload('image/png', 'tweet_image', [10]);
    await finalize(id);
    const response = await api('/2/media/metadata', {
      method: 'POST',
      json: { id, metadata: { alt_text: { text: 'A cat' } } },
    });
    expect(await read(response)).toEqual({
      data: { id, associated_metadata: { alt_text: { text: 'A cat' } } },
    });
    expect(x.sim.media.get(id)?.altText).toBe('A cat');
    const tooLong = await api('/2/media/metadata', {
      method: 'POST',
      json: { id, metadata: { alt_text: { text: 'a'.repeat(1001) } } },
    });
    expect(tooLong.status).toBe(400);
  });

  it('needs the media.write scope', async () => {
    const bob = x.addAccount('bob', { scopes: ['tweet.read', 'tweet.write', 'users.read'] });
    const response = await call(x.baseUrl, '/2/media/upload/initialize', {
      method: 'POST',
      token: bob.accessToken,
      json: { media_type: 'image/png', total_bytes: 10 },
    });
    expect(response.status).toBe(403);
  });
});
