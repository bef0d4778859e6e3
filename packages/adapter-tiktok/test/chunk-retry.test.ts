import { AbortedError, AmbiguousOutcomeError, type PublishProgress, TransientError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { MIN_CHUNK_BYTES } from '../src/index.js';
import { failureOf, publicOptions, ROUTES, useTikTok, video } from './support/harness.js';

const h = useTikTok();
const { tiktok } = h;

/** Two chunks: the first is not the last, so resending it can post nothing. */
const SIZE = 2 * MIN_CHUNK_BYTES + 1234;
const adapter = () => h.adapter({ chunkSizeBytes: MIN_CHUNK_BYTES });
const puts = () => tiktok.upload.log.forRoute(ROUTES.upload);
const postsWith = (text: string) => tiktok.sim.posts.filter((post) => post.text === text);

/** A `fetch` that cannot connect to the upload host the first time, as when the host refuses the connection. */
const refuseFirstUploadConnection = (): typeof fetch => {
  let refused = false;
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!refused && url.startsWith(tiktok.upload.baseUrl)) {
      refused = true;
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
      });
    }
    return fetch(input, init);
  };
};

describe('a chunk the upload host fails', () => {
  it('resends a chunk answered 500 after a short wait, and the publish goes on with one init and one post', async () => {
    tiktok.upload.faults.inject({ kind: 'server_error', route: ROUTES.upload });
    const progress: PublishProgress[] = [];
    const result = await adapter().publish(
      { text: 'Hiccup', media: [video(SIZE)], options: publicOptions() },
      h.context({ onProgress: (event) => progress.push(event) }),
    );
    expect(puts().map((put) => [put.headers['content-range'], put.status])).toEqual([
      [`bytes 0-${MIN_CHUNK_BYTES - 1}/${SIZE}`, 500],
      [`bytes 0-${MIN_CHUNK_BYTES - 1}/${SIZE}`, 206],
      [`bytes ${MIN_CHUNK_BYTES}-${SIZE - 1}/${SIZE}`, 201],
    ]);
    expect(h.sleeps[0]).toBe(1000);
    expect(tiktok.sim.log.forRoute(ROUTES.videoInit)).toHaveLength(1);
    const posts = postsWith('Hiccup');
    expect(posts).toHaveLength(1);
    expect(result.ref.platformPostId).toBe(posts[0]?.id);
    // The chunk sent twice counts once.
    expect(progress.filter((event) => event.stage === 'upload').map((event) => event.bytesSent)).toEqual([
      0,
      MIN_CHUNK_BYTES,
      SIZE,
    ]);
  });

  it('resends a chunk whose connection dropped before any answer', async () => {
    tiktok.upload.faults.inject({ kind: 'network_error', route: ROUTES.upload });
    await adapter().publish({ text: 'Dropped', media: [video(SIZE)], options: publicOptions() }, h.context());
    expect(puts().map((put) => put.headers['content-range'])).toEqual([
      `bytes 0-${MIN_CHUNK_BYTES - 1}/${SIZE}`,
      `bytes 0-${MIN_CHUNK_BYTES - 1}/${SIZE}`,
      `bytes ${MIN_CHUNK_BYTES}-${SIZE - 1}/${SIZE}`,
    ]);
    expect(tiktok.sim.log.forRoute(ROUTES.videoInit)).toHaveLength(1);
    expect(postsWith('Dropped')).toHaveLength(1);
  });

  it('fails with a TransientError saying to publish again when the chunk fails every time it is sent', async () => {
    tiktok.upload.faults.inject({ kind: 'server_error', route: ROUTES.upload, times: 4 });
    const error = await failureOf(
      adapter().publish({ text: 'Down', media: [video(SIZE)], options: publicOptions() }, h.context()),
      tiktok,
    );
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 500, retryable: true });
    expect(error.platformError?.code).toBe('internal_error');
    expect(error.message).toMatch(/failed chunk 1 of 2 4 times in a row/);
    expect(error.message).toMatch(/nothing was published for v_pub_\S+\./);
    expect(error.hint).toMatch(/^Publish the post again later: a new publish gets a new upload URL/);
    expect(puts().map((put) => put.status)).toEqual([500, 500, 500, 500]);
    expect(h.sleeps).toEqual([1000, 2000, 4000]);
    expect(tiktok.sim.log.forRoute(ROUTES.videoInit)).toHaveLength(1);
    expect(postsWith('Down')).toEqual([]);
  });

  it('stops at once when the publish is aborted while it waits to resend a chunk', async () => {
    tiktok.upload.faults.inject({ kind: 'server_error', route: ROUTES.upload, times: 4 });
    const controller = new AbortController();
    // A wait that only an abort ends: the publish settles only if the abort reaches the wait.
    const clock = {
      now: () => h.clock.now(),
      sleep: (_ms: number, signal?: AbortSignal) =>
        new Promise<void>((_, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
          controller.abort();
        }),
    };
    const error = await failureOf(
      adapter().publish(
        { text: 'Aborted', media: [video(SIZE)], options: publicOptions() },
        h.context({ clock, signal: controller.signal }),
      ),
      tiktok,
    );
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(
      /waiting to resend chunk 1 of 2 of TikTok publish v_pub_\S+ \(nothing was published\)/,
    );
    expect(puts().map((put) => put.status)).toEqual([500]);
    expect(postsWith('Aborted')).toEqual([]);
  });
});

describe('the last chunk', () => {
  it('is resent after a 5xx like any other chunk, and the publish goes on with one post', async () => {
    tiktok.upload.faults.inject({ kind: 'server_error', route: ROUTES.upload });
    const result = await adapter().publish(
      { text: 'Last 500', media: [video()], options: publicOptions() },
      h.context(),
    );
    expect(puts().map((put) => put.status)).toEqual([500, 201]);
    expect(h.sleeps[0]).toBe(1000);
    expect(tiktok.sim.log.forRoute(ROUTES.videoInit)).toHaveLength(1);
    const posts = postsWith('Last 500');
    expect(posts).toHaveLength(1);
    expect(result.ref.platformPostId).toBe(posts[0]?.id);
  });

  it('is resent after its connection dropped before any answer', async () => {
    tiktok.upload.faults.inject({ kind: 'network_error', route: ROUTES.upload });
    await adapter().publish(
      { text: 'Last dropped', media: [video()], options: publicOptions() },
      h.context(),
    );
    // The dropped attempt has no status.
    expect(puts().map((put) => put.status)).toEqual([undefined, 201]);
    expect(h.sleeps[0]).toBe(1000);
    expect(tiktok.sim.log.forRoute(ROUTES.videoInit)).toHaveLength(1);
    expect(postsWith('Last dropped')).toHaveLength(1);
  });

  it('publishes once when a resend finds TikTok already took an attempt whose answer was lost', async () => {
    // A 5xx, then an attempt TikTok takes but whose answer is lost, then a resend TikTok refuses
    // (404: the upload is complete): the publish status says TikTok has the file.
    tiktok.upload.faults.inject({ kind: 'server_error', route: ROUTES.upload });
    tiktok.upload.faults.inject({ kind: 'accepted_then_lost', route: ROUTES.upload });
    const result = await adapter().publish(
      { text: 'Last lost', media: [video()], options: publicOptions() },
      h.context(),
    );
    expect(puts().map((put) => put.status)).toEqual([500, undefined, 404]);
    expect(tiktok.sim.log.forRoute(ROUTES.videoInit)).toHaveLength(1);
    const posts = postsWith('Last lost');
    expect(posts).toHaveLength(1);
    expect(result.ref.platformPostId).toBe(posts[0]?.id);
  });

  it('fails with an AmbiguousOutcomeError naming the publish id when every resend gets a 5xx', async () => {
    tiktok.upload.faults.inject({ kind: 'server_error', route: ROUTES.upload, times: 4 });
    const error = await failureOf(
      adapter().publish({ text: 'Last down', media: [video()], options: publicOptions() }, h.context()),
      tiktok,
    );
    expect(AmbiguousOutcomeError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/TikTok's publish id is v_pub_\S+: adapter\.getPublishStatus/);
    expect(puts().map((put) => put.status)).toEqual([500, 500, 500, 500]);
    expect(h.sleeps).toEqual([1000, 2000, 4000]);
    expect(postsWith('Last down')).toEqual([]);
  });

  it('is resent when its connection never opened: TikTok cannot have it', async () => {
    await h
      .adapter({ fetch: refuseFirstUploadConnection() })
      .publish({ text: 'Refused', media: [video()], options: publicOptions() }, h.context());
    expect(puts().map((put) => put.status)).toEqual([201]);
    expect(h.sleeps[0]).toBe(1000);
    expect(postsWith('Refused')).toHaveLength(1);
  });
});
