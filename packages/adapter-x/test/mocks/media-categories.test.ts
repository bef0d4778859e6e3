import { describe, expect, it } from 'vitest';
import { useXSimulator } from './support/use-x-simulator.js';
import { call, data, read } from './support/x-client.js';

const MB = 1024 * 1024;
const { x, clock } = useXSimulator({ mediaProcessingMs: 3_000, checkAfterSecs: 1 });

const ana = x.addAccount('ana');
const bob = x.addAccount('bob');

const api = (path: string, options: Parameters<typeof call>[2] = {}) =>
  call(x.baseUrl, path, { token: ana.accessToken, ...options });

const initialize = (json: Record<string, unknown>) =>
  api('/2/media/upload/initialize', { method: 'POST', json });
const finalize = (id: string) => api(`/2/media/upload/${id}/finalize`, { method: 'POST' });
const status = (id: string) => api(`/2/media/upload?command=STATUS&media_id=${id}`);

function append(id: string, bytes: number) {
  const body = new FormData();
  body.append('media', new Blob([new Uint8Array(bytes)]), 'chunk');
  body.append('segment_index', '0');
  return api(`/2/media/upload/${id}/append`, { method: 'POST', body });
}

/** The media id of a finalized one-chunk upload of `bytes` bytes. */
async function uploaded(mediaType: string, category: string, bytes: number): Promise<string> {
  const init = await initialize({ media_type: mediaType, total_bytes: bytes, media_category: category });
  expect(init.status).toBe(200);
  const id = String((await data(init)).id);
  expect((await append(id, bytes)).status).toBe(200);
  expect((await finalize(id)).status).toBe(200);
  return id;
}

describe('subtitle uploads (media_category subtitles)', () => {
  it('takes an SRT or WebVTT file, ready at FINALIZE with no processing to wait for', async () => {
    for (const mediaType of ['text/srt', 'text/vtt']) {
      const init = await initialize({
        media_type: mediaType,
        total_bytes: 2048,
        media_category: 'subtitles',
      });
      expect(init.status).toBe(200);
      const created = await data(init);
      const id = String(created.id);
      expect(created).toEqual({ id, expires_after_secs: 86_400 });
      expect((await append(id, 2048)).status).toBe(200);
      expect(await data(await finalize(id))).toEqual({ id, size: 2048, expires_after_secs: 86_400 });
      expect(await data(await status(id))).toEqual({ id, size: 2048, expires_after_secs: 86_400 });
    }
  });

  it('refuses a subtitle file over 1 MB, outside media_category subtitles, or as a post or DM medium', async () => {
    const tooBig = await initialize({
      media_type: 'text/srt',
      total_bytes: MB + 1,
      media_category: 'subtitles',
    });
    expect(tooBig.status).toBe(400);
    expect((await read(tooBig)).errors).toMatchObject([{ message: 'File size exceeds 1048576 bytes.' }]);
    for (const json of [
      { media_type: 'text/srt', total_bytes: 10 },
      { media_type: 'text/vtt', total_bytes: 10, media_category: 'tweet_video' },
      { media_type: 'video/mp4', total_bytes: 10, media_category: 'subtitles' },
    ])
      expect((await initialize(json)).status).toBe(400);

    const id = await uploaded('text/srt', 'subtitles', MB);
    const post = await api('/2/tweets', {
      method: 'POST',
      json: { text: 'captions', media: { media_ids: [id] } },
    });
    expect(post.status).toBe(400);
    expect((await read(post)).errors).toMatchObject([{ message: 'Your media IDs are invalid.' }]);
    const dm = await api(`/2/dm_conversations/with/${bob.account.id}/messages`, {
      method: 'POST',
      json: { text: 'captions', attachments: [{ media_id: id }] },
    });
    expect(dm.status).toBe(400);
  });
});

describe('amplify_video uploads', () => {
  it('keys the video 13_ from INITIALIZE to the posted media, and processes it like any video', async () => {
    const init = await initialize({
      media_type: 'video/mp4',
      total_bytes: 4096,
      media_category: 'amplify_video',
    });
    const created = await data(init);
    const id = String(created.id);
    expect(created).toEqual({ id, media_key: `13_${id}`, expires_after_secs: 86_400 });
    await append(id, 4096);
    expect(await data(await finalize(id))).toMatchObject({
      media_key: `13_${id}`,
      processing_info: { state: 'pending', check_after_secs: 1 },
      video: { video_type: 'video/mp4' },
    });
    clock.advance(3_000);
    expect(await data(await status(id))).toMatchObject({
      media_key: `13_${id}`,
      processing_info: { state: 'succeeded', progress_percent: 100 },
    });

    const post = await api('/2/tweets', { method: 'POST', json: { text: 'ad', media: { media_ids: [id] } } });
    const postId = String((await data(post)).id);
    const lookup = await read(
      await api(`/2/tweets?ids=${postId}&expansions=attachments.media_keys&media.fields=preview_image_url`),
    );
    expect(lookup).toMatchObject({
      data: [{ attachments: { media_keys: [`13_${id}`] } }],
      includes: {
        media: [
          {
            media_key: `13_${id}`,
            type: 'video',
            preview_image_url: `https://pbs.twimg.com/amplify_video_thumb/${id}/img/thumb.jpg`,
          },
        ],
      },
    });
  });

  it('keeps 7_ for a tweet_video and a dm_video', async () => {
    for (const category of ['tweet_video', 'dm_video']) {
      const init = await initialize({ media_type: 'video/mp4', total_bytes: 10, media_category: category });
      const created = await data(init);
      expect(created.media_key).toBe(`7_${String(created.id)}`);
    }
  });
});
