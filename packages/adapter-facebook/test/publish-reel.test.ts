import {
  type Media,
  MediaProcessingError,
  type PublishProgress,
  RateLimitError,
  TransientError,
} from '@smmkit/core';
import { failureOf, recordingFetch } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { START, useFacebook, videoIdOf, videoPostIdOf } from './support/harness.js';

const REELS = 'POST /:version/:pageId/video_reels';
const RUPLOAD = 'POST /video-upload/:version/:videoId';
const h = useFacebook({ videoProcessingMs: 20_000 });
const reel = { facebook: { format: 'reel' } } as const;

/** A 9:16 reel of `size` bytes. */
function reelBytes(size: number): Media {
  return {
    kind: 'video',
    mimeType: 'video/mp4',
    source: { type: 'bytes', bytes: new Uint8Array(size).fill(3) },
    durationSec: 15,
    width: 1080,
    height: 1920,
    fps: 30,
  };
}

describe('reels', () => {
  it('starts a reel, uploads its bytes to rupload with the OAuth header, publishes it and waits until it is live', async () => {
    const progress: PublishProgress[] = [];
    const result = await h
      .adapter()
      .publish(
        { text: 'Behind the counter', media: [reelBytes(4096)], options: reel },
        h.context({ onProgress: (event) => progress.push(event) }),
      );
    const videoId = videoIdOf(h.facebook, result.ref);
    expect(h.facebook.sim.log.bodies(REELS)).toEqual([
      { upload_phase: 'start' },
      {
        upload_phase: 'finish',
        video_id: videoId,
        description: 'Behind the counter',
        video_state: 'PUBLISHED',
      },
    ]);
    const [upload] = h.facebook.rupload.log.forRoute(RUPLOAD);
    expect(upload?.url).toBe(`https://rupload.facebook.com/video-upload/v26.0/${videoId}`);
    // The token goes as `Authorization: OAuth …`; the log redacts it.
    expect(upload?.headers).toMatchObject({
      offset: '0',
      file_size: '4096',
      authorization: expect.any(String),
    });
    expect(upload?.headers.authorization).not.toContain(h.acme.accessToken);
    expect(progress.filter((event) => event.stage === 'upload')).toEqual([
      { stage: 'upload', mediaIndex: 0, bytesSent: 0, bytesTotal: 4096 },
      { stage: 'upload', mediaIndex: 0, bytesSent: 4096, bytesTotal: 4096 },
    ]);
    // Processing takes 20 s: checked at once and every 10 s until published.
    expect(h.sleeps).toEqual([10_000, 10_000]);
    expect(result.url).toBe(`https://www.facebook.com/reel/${videoId}/`);
    expect(result.publishedAt).toEqual(new Date(START + 20_000));
    // Live, its ref is its Page post, as the Video node names it.
    expect(result.ref.platformPostId).toBe(await videoPostIdOf(h.facebook, h.acme.accessToken, videoId));
    const stored = h.facebook.sim.posts.get(result.ref.platformPostId);
    expect(stored?.text).toBe('Behind the counter');
    expect(stored?.media[0]?.sizeBytes).toBe(4096);
  });

  it('hands a hosted reel to rupload as the file_url header', async () => {
    const hosted: Media = {
      kind: 'video',
      mimeType: 'video/mp4',
      source: { type: 'url', url: 'https://cdn.smmkit.test/reel.mp4' },
      durationSec: 30,
    };
    await h.adapter().publish({ text: 'Hosted', media: [hosted], options: reel }, h.context());
    const [upload] = h.facebook.rupload.log.forRoute(RUPLOAD);
    expect(upload?.headers.file_url).toBe('https://cdn.smmkit.test/reel.mp4');
    expect(upload?.body).toBeUndefined();
  });

  it('never sends the Page token to an upload_url off rupload.facebook.com: refused before the upload, nothing published', async () => {
    // A tampered start answer names another host: the Page token must not go there.
    const recorder = recordingFetch({
      after: async (request, response) => {
        if (!request.url.endsWith('/video_reels') || request.method !== 'POST') return response;
        const body = (await response.clone().json()) as { video_id: string; upload_url?: string };
        if (body.upload_url === undefined) return response;
        return Response.json({
          ...body,
          upload_url: `https://attacker.example/video-upload/v26.0/${body.video_id}`,
        });
      },
    });
    const error = await failureOf(
      h
        .adapter({ fetch: recorder.fetch })
        .publish({ text: 'Stolen?', media: [reelBytes(1024)], options: reel }, h.context()),
      { secrets: () => [h.acme.accessToken] },
    );
    if (!TransientError.isInstance(error)) throw new Error(`expected a TransientError, got ${error.code}`);
    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain('upload reel was not sent');
    expect(error.message).toContain('rupload.facebook.com');
    expect(recorder.requests.filter((request) => new URL(request.url).host !== 'graph.facebook.com')).toEqual(
      [],
    );
    expect(h.facebook.rupload.log.forRoute(RUPLOAD)).toHaveLength(0);
    // Only the start: no finish, nothing published.
    expect(h.facebook.sim.log.bodies(REELS)).toEqual([{ upload_phase: 'start' }]);
  });

  it('fails with Facebook’s message when the reel cannot be processed', async () => {
    h.facebook.failNextVideo('Reels must be vertical.');
    const error = await failureOf(
      h.adapter().publish({ text: 'Sideways', media: [reelBytes(100)], options: reel }, h.context()),
    );
    expect(MediaProcessingError.isInstance(error) && error.code).toBe('media_processing_failed');
    expect(error.message).toContain('Reels must be vertical.');
  });

  it('is refused with a rate-limit error past 30 published reels in 24 hours', async () => {
    const adapter = h.adapter();
    for (let count = 0; count < 30; count += 1) {
      await adapter.publish({ text: `Reel ${count}`, media: [reelBytes(10)], options: reel }, h.context());
    }
    const error = await failureOf(
      adapter.publish({ text: 'One too many', media: [reelBytes(10)], options: reel }, h.context()),
    );
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.platformError?.code).toBe(613);
    expect(h.facebook.sim.posts.filter((post) => post.text === 'One too many')).toHaveLength(0);
  });
});
