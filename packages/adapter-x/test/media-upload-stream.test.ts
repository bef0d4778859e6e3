import type { Media } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { useX } from './support/harness.js';

const h = useX();

const INITIALIZE = 'POST /2/media/upload/initialize';
const APPEND = 'POST /2/media/upload/:id/append';

describe('media upload from a stream without sizeBytes', () => {
  it('counts the stream for initialize, then uploads the same bytes in chunks', async () => {
    let opened = 0;
    const video: Media = {
      kind: 'video',
      mimeType: 'video/mp4',
      durationSec: 30,
      width: 1280,
      height: 720,
      fps: 30,
      source: {
        type: 'stream',
        stream: async function* () {
          opened += 1;
          for (let piece = 0; piece < 4; piece += 1) yield new Uint8Array(700);
        },
      },
    };
    await h.adapter({ uploadChunkBytes: 1_000 }).publish({ text: 'Streamed', media: [video] }, h.context());

    expect(h.bodies(INITIALIZE)).toEqual([
      { media_type: 'video/mp4', total_bytes: 2_800, media_category: 'tweet_video' },
    ]);
    expect(h.bodies(APPEND).map((body) => body.media)).toEqual([
      '[file application/octet-stream 1000 bytes]',
      '[file application/octet-stream 1000 bytes]',
      '[file application/octet-stream 800 bytes]',
    ]);
    // Once to count, once to upload: the stream is never held whole.
    expect(opened).toBe(2);
  });
});
