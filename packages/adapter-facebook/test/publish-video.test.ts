import { AmbiguousOutcomeError, type Media, MediaProcessingError, type PublishProgress } from '@smmkit/core';
import { failureOf } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { facebookVideoBaseUrl } from '../src/video-upload.js';
import { hostedVideo, START, useFacebook, videoIdOf, videoPostIdOf } from './support/harness.js';

const VIDEOS = 'POST /:version/:pageId/videos';
const h = useFacebook({ videoChunkBytes: 1000 });
/** A Page whose videos take 20 minutes to process: longer than the adapter waits (10 minutes). */
const slow = h.sibling({ baseUrl: 'https://graph.slow.test', videoProcessingMs: 20 * 60_000 });

/** An MP4 given as `size` bytes. */
function videoBytes(size: number): Media {
  return {
    kind: 'video',
    mimeType: 'video/mp4',
    source: { type: 'bytes', bytes: new Uint8Array(size).fill(1) },
    durationSec: 12,
  };
}

describe('videos', () => {
  it('publishes a video from its URL with file_url on the video host, then waits while Facebook processes it', async () => {
    const progress: PublishProgress[] = [];
    const result = await h
      .adapter()
      .publish(
        { text: 'Our workshop in 42 seconds', media: [hostedVideo()] },
        h.context({ onProgress: (event) => progress.push(event) }),
      );
    expect(h.facebook.videoHost.log.bodies(VIDEOS)).toEqual([
      { file_url: 'https://cdn.smmkit.test/clip.mp4', description: 'Our workshop in 42 seconds' },
    ]);
    expect(h.facebook.videoHost.log.entries[0]?.url).toMatch(
      new RegExp(`^https://graph-video\\.facebook\\.com/v26\\.0/${h.acme.account.id}/videos`),
    );
    // Processing takes 30 s: checked at once, then every 10 s on the context's clock.
    expect(h.sleeps).toEqual([10_000, 10_000, 10_000]);
    expect(progress.filter((event) => event.stage === 'processing').map((event) => event.percent)).toEqual([
      0, 33, 66,
    ]);
    // Live once processed: its ref is its Page post, as the Video node names it (`post_id`).
    const videoId = videoIdOf(h.facebook, result.ref);
    expect(result.ref.platformPostId).toBe(await videoPostIdOf(h.facebook, h.acme.accessToken, videoId));
    expect(result.url).toBe(`https://www.facebook.com/${h.acme.account.id}/videos/${videoId}/`);
    expect(result.publishedAt).toEqual(new Date(START + 30_000));
    expect(result.warnings).toEqual([]);
    const stored = h.facebook.sim.posts.get(result.ref.platformPostId);
    expect(stored?.text).toBe('Our workshop in 42 seconds');
    expect(stored?.media.map((item) => item.kind)).toEqual(['video']);
    const recent = await h.adapter().findRecentPosts({ since: new Date(START) }, h.context());
    expect(recent.map((post) => post.ref.platformPostId)).toEqual([result.ref.platformPostId]);
  });

  it('uploads bytes with the resumable protocol: start, a transfer per chunk Facebook asks for, finish', async () => {
    const progress: PublishProgress[] = [];
    const result = await h
      .adapter()
      .publish(
        { text: 'Chunked', media: [videoBytes(2500)] },
        h.context({ onProgress: (event) => progress.push(event) }),
      );
    const bodies = h.facebook.videoHost.log.bodies(VIDEOS);
    expect(bodies.map((body) => body.upload_phase)).toEqual([
      'start',
      'transfer',
      'transfer',
      'transfer',
      'finish',
    ]);
    expect(bodies[0]).toEqual({ upload_phase: 'start', file_size: 2500 });
    const session = bodies[0] === undefined ? undefined : bodies[1]?.upload_session_id;
    expect(bodies.slice(1, 4)).toEqual([
      {
        upload_phase: 'transfer',
        upload_session_id: session,
        start_offset: '0',
        video_file_chunk: '[file video/mp4 1000 bytes]',
      },
      {
        upload_phase: 'transfer',
        upload_session_id: session,
        start_offset: '1000',
        video_file_chunk: '[file video/mp4 1000 bytes]',
      },
      {
        upload_phase: 'transfer',
        upload_session_id: session,
        start_offset: '2000',
        video_file_chunk: '[file video/mp4 500 bytes]',
      },
    ]);
    expect(bodies[4]).toEqual({ upload_phase: 'finish', upload_session_id: session, description: 'Chunked' });
    expect(
      progress
        .filter((event) => event.stage === 'upload')
        .map((event) => [event.bytesSent, event.bytesTotal]),
    ).toEqual([
      [0, 2500],
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
    expect(h.facebook.sim.posts.get(result.ref.platformPostId)?.media[0]?.sizeBytes).toBe(2500);
  });

  it('fails with Facebook’s message when processing fails, and the video never reaches the feed', async () => {
    h.facebook.failNextVideo('The video codec is not supported.');
    const error = await failureOf(
      h.adapter().publish({ text: 'Broken', media: [hostedVideo()] }, h.context()),
    );
    expect(MediaProcessingError.isInstance(error) && error.code).toBe('media_processing_failed');
    expect(error.message).toContain('The video codec is not supported.');
    h.clock.advance(60 * 60_000);
    expect(await h.adapter().findRecentPosts({ since: new Date(START) }, h.context())).toEqual([]);
  });

  it('reports a video still processing when the wait runs out as published with a warning, not a failure', async () => {
    const result = await slow
      .adapter()
      .publish({ text: 'Long one', media: [hostedVideo()], firstComment: 'Chapters below' }, slow.context());
    expect(result.warnings.map((warning) => warning.code)).toEqual([
      'video_processing_pending',
      'first_comment_failed',
    ]);
    expect(result.publishedAt).toBeUndefined();
    expect(h.sleeps.reduce((sum, ms) => sum + ms, 0)).toBe(10 * 60_000);
    // Facebook finishes it: the video goes live when processing ends. Its ref is its video id (it
    // had no Page post yet); the Page's posts name it by the Page post id its Video node gives now.
    h.clock.set(START + 20 * 60_000);
    const recent = await slow.adapter().findRecentPosts({ since: new Date(START) }, slow.context());
    const postId = await videoPostIdOf(slow.facebook, slow.acme.accessToken, result.ref.platformPostId);
    expect(recent.map((post) => post.ref.platformPostId)).toEqual([postId]);
  });

  it('checks processing as often and for as long as the settings say', async () => {
    const adapter = slow.adapter({ videoPollIntervalMs: 4_000, videoPollTimeoutMs: 20_000 });
    const result = await adapter.publish({ text: 'Polled my way', media: [hostedVideo()] }, slow.context());
    expect(h.sleeps).toEqual([4_000, 4_000, 4_000, 4_000, 4_000]);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'video_processing_pending',
        message: expect.stringContaining('20000 ms'),
      }),
    ]);
  });

  it('reports a lost answer to the finish as an ambiguous outcome, with the video made once', async () => {
    h.facebook.videoHost.faults.inject({ kind: 'accepted_then_lost', route: VIDEOS });
    const error = await failureOf(h.adapter().publish({ text: 'Once', media: [hostedVideo()] }, h.context()));
    expect(AmbiguousOutcomeError.isInstance(error)).toBe(true);
    expect(h.facebook.sim.posts.filter((post) => post.text === 'Once')).toHaveLength(1);
  });

  it('sends video uploads to the graph-video host next to the Graph host, and anywhere else to the base URL itself', () => {
    expect(facebookVideoBaseUrl('https://graph.facebook.com/v26.0')).toBe(
      'https://graph-video.facebook.com/v26.0',
    );
    expect(facebookVideoBaseUrl('https://proxy.example.com/fb/v26.0')).toBe(
      'https://proxy.example.com/fb/v26.0',
    );
  });
});
