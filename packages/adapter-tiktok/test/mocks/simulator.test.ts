import { describe, expect, it } from 'vitest';
import { useTikTok } from '../support/harness.js';

// The simulator answered with plain fetch, against TikTok's documented shapes.
const h = useTikTok({ processingMs: 1000 });
const { tiktok, acme } = h;
const MIB = 1024 * 1024;

const call = (path: string, json: unknown) =>
  fetch(`${tiktok.apiUrl}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${acme.accessToken}`,
      'content-type': 'application/json; charset=UTF-8',
    },
    body: JSON.stringify(json),
  });

const init = (sourceInfo: Record<string, unknown>, privacyLevel = 'PUBLIC_TO_EVERYONE') =>
  call('/v2/post/publish/video/init/', {
    post_info: { title: 'sim', privacy_level: privacyLevel },
    source_info: { source: 'FILE_UPLOAD', ...sourceInfo },
  });

describe('the TikTok simulator', () => {
  it("refuses chunk declarations against TikTok's rules with its error body", async () => {
    const cases = [
      { video_size: 3 * MIB, chunk_size: MIB, total_chunk_count: 3 }, // under 5 MB, not whole
      { video_size: 80 * MIB, chunk_size: 80 * MIB, total_chunk_count: 1 }, // over 64 MB, whole
      { video_size: 100 * MIB, chunk_size: 60 * MIB, total_chunk_count: 1 }, // over 64 MB, one chunk of 100 MB
      { video_size: 20 * MIB, chunk_size: 4 * MIB, total_chunk_count: 5 }, // chunk under 5 MB
      { video_size: 25 * MIB, chunk_size: 10 * MIB, total_chunk_count: 3 }, // not floor(size / chunk)
    ];
    for (const sourceInfo of cases) {
      const response = await init(sourceInfo);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        data: {},
        error: {
          code: 'invalid_params',
          message: expect.any(String),
          log_id: expect.stringMatching(/^\d{14}/),
        },
      });
    }
    const whole = await init({ video_size: 3 * MIB, chunk_size: 3 * MIB, total_chunk_count: 1 });
    expect(whole.status).toBe(200);
    expect(await whole.json()).toEqual({
      data: {
        publish_id: expect.stringMatching(/^v_pub_file~/),
        upload_url: expect.stringContaining('upload_id='),
      },
      error: { code: 'ok', message: '', log_id: expect.any(String) },
    });
  });

  it('takes chunks in order only, with a video Content-Type and matching Content-Range, 206 then 201', async () => {
    const size = 11 * MIB;
    const chunk = 5 * MIB;
    const answer = (await (
      await init({ video_size: size, chunk_size: chunk, total_chunk_count: 2 })
    ).json()) as {
      data: { upload_url: string; publish_id: string };
    };
    const put = (first: number, last: number, type = 'video/mp4') =>
      fetch(answer.data.upload_url, {
        method: 'PUT',
        headers: { 'content-type': type, 'content-range': `bytes ${first}-${last}/${size}` },
        body: new Uint8Array(last - first + 1),
      });
    expect((await put(chunk, size - 1)).status).toBe(416); // out of order
    expect((await put(0, chunk - 1, 'application/octet-stream')).status).toBe(400);
    expect((await put(0, chunk - 1)).status).toBe(206);
    expect((await put(chunk, 2 * chunk - 1)).status).toBe(416); // the last chunk runs to the end
    expect((await put(chunk, size - 1)).status).toBe(201);

    const status = await call('/v2/post/publish/status/fetch/', { publish_id: answer.data.publish_id });
    expect(await status.json()).toMatchObject({
      data: { status: 'PROCESSING_UPLOAD', uploaded_bytes: size },
    });
    h.clock.advance(1000);
    const done = await (
      await call('/v2/post/publish/status/fetch/', { publish_id: answer.data.publish_id })
    ).text();
    // TikTok's spelling, and the int64 id as a bare JSON number.
    expect(done).toMatch(/"status":"PUBLISH_COMPLETE","publicaly_available_post_id":\[\d{19}\]/);
  });

  it('lists no public id for a SELF_ONLY post, hours after it is published', async () => {
    const size = 3 * MIB;
    const answer = (await (
      await init({ video_size: size, chunk_size: size, total_chunk_count: 1 }, 'SELF_ONLY')
    ).json()) as { data: { upload_url: string; publish_id: string } };
    const put = await fetch(answer.data.upload_url, {
      method: 'PUT',
      headers: { 'content-type': 'video/mp4', 'content-range': `bytes 0-${size - 1}/${size}` },
      body: new Uint8Array(size),
    });
    expect(put.status).toBe(201);
    h.clock.advance(12 * 3_600_000);
    const status = await call('/v2/post/publish/status/fetch/', { publish_id: answer.data.publish_id });
    expect(await status.json()).toMatchObject({
      data: { status: 'PUBLISH_COMPLETE', publicaly_available_post_id: [] },
    });
    expect(tiktok.publishEvents(answer.data.publish_id, 'client-key').map((body) => body.event)).toEqual([
      'post.publish.complete',
    ]);
  });

  it('loses a chunk on request: answers it 206 and waits for the same bytes again', async () => {
    const answer = (await (
      await init({ video_size: 1000, chunk_size: 1000, total_chunk_count: 1 })
    ).json()) as {
      data: { upload_url: string; publish_id: string };
    };
    const put = () =>
      fetch(answer.data.upload_url, {
        method: 'PUT',
        headers: { 'content-type': 'video/mp4', 'content-range': 'bytes 0-999/1000' },
        body: new Uint8Array(1000),
      });
    tiktok.loseNextChunk();
    expect((await put()).status).toBe(206);
    const status = await call('/v2/post/publish/status/fetch/', { publish_id: answer.data.publish_id });
    expect(await status.json()).toMatchObject({ data: { status: 'PROCESSING_UPLOAD', uploaded_bytes: 0 } });
    expect(tiktok.publication(answer.data.publish_id)?.mediaAt).toBeUndefined();
    expect((await put()).status).toBe(201);
    expect(tiktok.publication(answer.data.publish_id)?.mediaAt).toBeDefined();
  });

  it('refuses an upload URL after its hour with 403, as the media transfer guide has it', async () => {
    const answer = (await (
      await init({ video_size: 1000, chunk_size: 1000, total_chunk_count: 1 })
    ).json()) as {
      data: { upload_url: string };
    };
    h.clock.advance(3_600_001);
    const response = await fetch(answer.data.upload_url, {
      method: 'PUT',
      headers: { 'content-type': 'video/mp4', 'content-range': 'bytes 0-999/1000' },
      body: new Uint8Array(1000),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_file_upload' } });
  });

  it('offers the privacy levels of a public or a private account, as creator info documents them', async () => {
    const creatorInfo = async (accessToken: string) => {
      const response = await fetch(`${tiktok.apiUrl}/v2/post/publish/creator_info/query/`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${accessToken}`,
          'content-type': 'application/json; charset=UTF-8',
        },
      });
      return ((await response.json()) as { data: Record<string, unknown> }).data;
    };
    expect(await creatorInfo(acme.accessToken)).toMatchObject({
      privacy_level_options: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
      duet_disabled: false,
    });
    const shy = tiktok.addCreator('shy', { privateAccount: true });
    expect(await creatorInfo(shy.accessToken)).toMatchObject({
      privacy_level_options: ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
      duet_disabled: true,
    });
  });
});
