import {
  AmbiguousOutcomeError,
  MediaProcessingError,
  PlatformError,
  type PublishProgress,
  RateLimitError,
  ValidationError,
} from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { MIN_CHUNK_BYTES } from '../src/index.js';
import { failureOf, photo, publicOptions, ROUTES, START, useTikTok, video } from './support/harness.js';

const h = useTikTok();
const { tiktok, acme } = h;

/**
 * A `fetch` through which every answer of the upload host with a 2xx comes back as `status`
 * instead, the upload itself handled as the simulator handles it.
 */
const answerUploadsWith =
  (status: number): typeof fetch =>
  async (input, init) => {
    const response = await fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    return url.startsWith(tiktok.upload.baseUrl) && response.ok ? new Response(null, { status }) : response;
  };

describe('a direct video post', () => {
  it('asks creator info first, uploads in TikTok chunks with Content-Range, then polls until PUBLISH_COMPLETE', async () => {
    const adapter = h.adapter({ chunkSizeBytes: MIN_CHUNK_BYTES });
    const size = 2 * MIN_CHUNK_BYTES + 1234;
    const progress: PublishProgress[] = [];
    const result = await adapter.publish(
      {
        text: 'Behind the scenes 🎬 #bts',
        media: [video(size)],
        options: publicOptions({ allowComment: true, coverTimestampMs: 1500, aiGenerated: true }),
      },
      h.context({ onProgress: (event) => progress.push(event) }),
    );

    expect(tiktok.sim.log.entries.map((entry) => entry.route).slice(0, 2)).toEqual([
      ROUTES.creatorInfo,
      ROUTES.videoInit,
    ]);
    expect(tiktok.sim.log.bodies(ROUTES.videoInit)).toEqual([
      {
        post_info: {
          title: 'Behind the scenes 🎬 #bts',
          privacy_level: 'PUBLIC_TO_EVERYONE',
          disable_duet: true,
          disable_stitch: true,
          disable_comment: false,
          video_cover_timestamp_ms: 1500,
          brand_content_toggle: false,
          brand_organic_toggle: false,
          is_aigc: true,
        },
        source_info: {
          source: 'FILE_UPLOAD',
          video_size: size,
          chunk_size: MIN_CHUNK_BYTES,
          total_chunk_count: 2,
        },
      },
    ]);
    const puts = tiktok.upload.log.forRoute(ROUTES.upload);
    expect(
      puts.map((put) => [put.headers['content-range'], put.headers['content-type'], put.status]),
    ).toEqual([
      [`bytes 0-${MIN_CHUNK_BYTES - 1}/${size}`, 'video/mp4', 206],
      [`bytes ${MIN_CHUNK_BYTES}-${size - 1}/${size}`, 'video/mp4', 201],
    ]);
    // The upload URL is signed: the creator's token does not go there.
    expect(puts.every((put) => put.headers.authorization === undefined)).toBe(true);
    expect(progress.filter((event) => event.stage === 'upload').map((event) => event.bytesSent)).toEqual([
      0,
      MIN_CHUNK_BYTES,
      size,
    ]);

    // Processing takes 3 simulated seconds: read at once, then every second until complete.
    const statuses = tiktok.sim.log.forRoute(ROUTES.status);
    expect(statuses).toHaveLength(4);
    expect(h.sleeps).toEqual([1000, 1000, 1000]);
    const [publishId] = tiktok.sim.log.bodies(ROUTES.status).map((body) => body.publish_id as string);
    const postId = tiktok.publication(publishId ?? '')?.postId ?? '';
    expect(postId).toMatch(/^\d{19}$/);
    expect(result).toEqual({
      ref: {
        platform: 'tiktok',
        accountId: acme.account.id,
        platformPostId: postId,
        url: `https://www.tiktok.com/@acme/video/${postId}`,
      },
      url: `https://www.tiktok.com/@acme/video/${postId}`,
      publishedAt: new Date(START + 3000),
      warnings: [],
    });
    expect(tiktok.sim.posts.get(postId)?.text).toBe('Behind the scenes 🎬 #bts');
  });

  it('keeps the 19-digit public id exact although TikTok sends it as a JSON number', async () => {
    const result = await h
      .adapter()
      .publish({ text: 'Exact', media: [video()], options: publicOptions() }, h.context());
    const [entry] = tiktok.sim.log.forRoute(ROUTES.status).slice(-1);
    expect(entry?.status).toBe(200);
    const id = result.ref.platformPostId;
    expect(id).toMatch(/^\d{19}$/);
    expect(Number.isSafeInteger(Number(id))).toBe(false);
    expect(tiktok.sim.posts.get(id)).toBeDefined();
  });

  it('sends a small file whole, and a video at a URL as PULL_FROM_URL with no upload', async () => {
    const adapter = h.adapter();
    await adapter.publish({ text: 'Small', media: [video(4096)], options: publicOptions() }, h.context());
    const pulled = await adapter.publish(
      {
        text: 'Pulled',
        media: [video(0, { source: { type: 'url', url: 'https://media.acme.test/clip.mp4' } })],
        options: publicOptions(),
      },
      h.context(),
    );
    expect(tiktok.sim.log.bodies(ROUTES.videoInit).map((body) => body.source_info)).toEqual([
      { source: 'FILE_UPLOAD', video_size: 4096, chunk_size: 4096, total_chunk_count: 1 },
      { source: 'PULL_FROM_URL', video_url: 'https://media.acme.test/clip.mp4' },
    ]);
    expect(tiktok.upload.log.forRoute(ROUTES.upload)).toHaveLength(1);
    expect(tiktok.sim.posts.get(pulled.ref.platformPostId)?.text).toBe('Pulled');
  });

  it("refuses what the creator's settings rule out, all at once, before anything is uploaded", async () => {
    const creator = tiktok.creator(acme.account.id);
    creator.privacyLevelOptions = ['FOLLOWER_OF_CREATOR', 'SELF_ONLY'];
    creator.commentDisabled = true;
    creator.stitchDisabled = true;
    creator.maxVideoPostDurationSec = 60;
    try {
      const error = await failureOf(
        h.adapter().publish(
          {
            text: 'Too much',
            media: [video(2048, { durationSec: 90 })],
            options: publicOptions({ allowComment: true, allowDuet: true, allowStitch: true }),
          },
          h.context(),
        ),
        tiktok,
      );
      expect(ValidationError.isInstance(error)).toBe(true);
      expect(
        (error as ValidationError).problems.map((problem) => [problem.rule, problem.path.join('.')]),
      ).toEqual([
        ['options.privacy_option', 'options.tiktok.privacyLevel'],
        ['media.duration', 'media.0.durationSec'],
        ['options.creator_disabled', 'options.tiktok.allowComment'],
        ['options.creator_disabled', 'options.tiktok.allowStitch'],
      ]);
      expect(tiktok.sim.log.entries.map((entry) => entry.route)).toEqual([ROUTES.creatorInfo]);
      expect(tiktok.upload.log.entries).toHaveLength(0);
    } finally {
      Object.assign(creator, {
        privacyLevelOptions: [
          'PUBLIC_TO_EVERYONE',
          'MUTUAL_FOLLOW_FRIENDS',
          'FOLLOWER_OF_CREATOR',
          'SELF_ONLY',
        ],
        commentDisabled: false,
        stitchDisabled: false,
        maxVideoPostDurationSec: 600,
      });
    }
  });
});

describe('a publish TikTok fails', () => {
  it('is a MediaProcessingError for a file TikTok cannot use, with the fail_reason kept', async () => {
    tiktok.failNextPublish('frame_rate_check_failed');
    const error = await failureOf(
      h.adapter().publish({ text: 'Bad fps', media: [video()], options: publicOptions() }, h.context()),
      tiktok,
    );
    expect(MediaProcessingError.isInstance(error)).toBe(true);
    expect(error.code).toBe('media_processing_failed');
    expect(error.platformError).toMatchObject({ code: 'frame_rate_check_failed', type: 'FAILED' });
    expect(error.message).toMatch(/23 to 60 frames per second/);
  });

  it('is a PlatformError when TikTok flags the caption as spam', async () => {
    tiktok.failNextPublish('spam_risk_text');
    const error = await failureOf(
      h.adapter().publish({ text: 'Buy now!!!', media: [video()], options: publicOptions() }, h.context()),
      tiktok,
    );
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error.platformError?.code).toBe('spam_risk_text');
    expect(error.retryable).toBe(false);
  });

  it('asks for the status when the answer to the last chunk was lost, and finishes the publish TikTok has', async () => {
    tiktok.upload.faults.inject({ kind: 'accepted_then_lost', route: ROUTES.upload });
    const result = await h
      .adapter()
      .publish({ text: 'Lost answer', media: [video()], options: publicOptions() }, h.context());
    const [post] = tiktok.sim.posts.filter((one) => one.text === 'Lost answer');
    expect(post).toBeDefined();
    expect(result.ref.platformPostId).toBe(post?.id);
  });

  it('reports a last chunk that may not have arrived as ambiguous, naming the publish id to look up', async () => {
    // Its connection drops every time it is sent (a single drop is resent: chunk-retry.test.ts).
    tiktok.upload.faults.inject({ kind: 'network_error', route: ROUTES.upload, times: 4 });
    const error = await failureOf(
      h.adapter().publish({ text: 'Lost', media: [video()], options: publicOptions() }, h.context()),
      tiktok,
    );
    expect(AmbiguousOutcomeError.isInstance(error)).toBe(true);
    const [init] = tiktok.sim.log.bodies(ROUTES.videoInit);
    expect(init).toBeDefined();
    expect(error.message).toMatch(/TikTok's publish id is v_pub_\S+: adapter\.getPublishStatus/);
  });

  it('fails a last chunk TikTok answers with 206: nothing published, and the hint says to publish again', async () => {
    tiktok.loseNextChunk();
    const error = await failureOf(
      h.adapter().publish({ text: 'Partial', media: [video()], options: publicOptions() }, h.context()),
      tiktok,
    );
    expect(MediaProcessingError.isInstance(error)).toBe(true);
    const [put] = tiktok.upload.log.forRoute(ROUTES.upload);
    expect(put?.status).toBe(206);
    // The upload URL names its publish: `upload_id` is the publish id.
    const publishId = new URL(put?.url ?? 'https://x.test').searchParams.get('upload_id') ?? '';
    expect(tiktok.publication(publishId)).toBeDefined();
    expect(error).toMatchObject({ code: 'media_processing_failed', retryable: false, mediaIndex: 0 });
    expect(error.message).toContain(`206 Partial Content, not 201 Created, for publish ${publishId}`);
    expect(error.hint).toMatch(/^Publish the post again: a new publish uploads the whole file anew\./);
    expect(error.hint).toContain('adapter.cancelPublish');
    // TikTok does not have the file: it never starts processing, and nothing is posted.
    expect(tiktok.publication(publishId)?.mediaAt).toBeUndefined();
    expect(tiktok.sim.posts.filter((post) => post.text === 'Partial')).toEqual([]);
  });

  it('asks for the status when the last chunk gets another 2xx, and finishes the publish TikTok has', async () => {
    const result = await h
      .adapter({ fetch: answerUploadsWith(200) })
      .publish({ text: 'Answered 200', media: [video()], options: publicOptions() }, h.context());
    expect(tiktok.upload.log.forRoute(ROUTES.upload).map((put) => put.status)).toEqual([201]);
    const [post] = tiktok.sim.posts.filter((one) => one.text === 'Answered 200');
    expect(post).toBeDefined();
    expect(result.ref.platformPostId).toBe(post?.id);
  });

  it('reports another 2xx on the last chunk as ambiguous when the status shows the file is not all there', async () => {
    tiktok.loseNextChunk();
    const error = await failureOf(
      h
        .adapter({ fetch: answerUploadsWith(200) })
        .publish({ text: 'Not all there', media: [video()], options: publicOptions() }, h.context()),
      tiktok,
    );
    expect(AmbiguousOutcomeError.isInstance(error)).toBe(true);
    expect(error.message).toContain('with 200, neither 201 Created');
    expect(error.message).toMatch(/TikTok's publish id is v_pub_\S+: adapter\.getPublishStatus/);
    expect(tiktok.sim.posts.filter((post) => post.text === 'Not all there')).toEqual([]);
  });

  it('reports a full creator-info window as a rate limit that resets a minute later', async () => {
    tiktok.sim.faults.inject({ kind: 'rate_limit', route: ROUTES.creatorInfo });
    const error = await failureOf(
      h.adapter().publish({ media: [photo('a')], options: publicOptions() }, h.context()),
      tiktok,
    );
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).resetAt).toEqual(new Date(START + 60_000));
    expect(error.platformError?.code).toBe('rate_limit_exceeded');
    expect(error.platformError?.traceId).toMatch(/^\d{14}[0-9A-F]{20}$/);
  });
});

describe('cancel', () => {
  it('cancels a publish TikTok is still processing: its status becomes FAILED, publish_cancelled', async () => {
    const adapter = h.adapter({ publishPollTimeoutMs: 1000 });
    const result = await adapter.publish(
      { text: 'Oops', media: [video()], options: publicOptions() },
      h.context(),
    );
    expect(result.warnings.map((warning) => warning.code)).toEqual(['publish_processing_pending']);
    await adapter.cancelPublish(result.ref, h.context());
    const status = await adapter.getPublishStatus(result.ref, h.context());
    expect(status).toMatchObject({ status: 'FAILED', failReason: 'publish_cancelled', publicPostIds: [] });
    expect(tiktok.sim.posts.filter((post) => post.text === 'Oops')).toEqual([]);
  });
});
