import type { Media, Post } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { createFacebookAdapter } from '../src/index.js';
import { photo } from './support/harness.js';

const facebook = createFacebookAdapter();
const rules = (post: Post) => facebook.validate(post).map((problem) => problem.rule);
const reel = { facebook: { format: 'reel' } } as const;

function video(extra: Partial<Media> = {}): Media {
  return {
    kind: 'video',
    mimeType: 'video/mp4',
    source: { type: 'bytes', bytes: new Uint8Array(8) },
    durationSec: 30,
    width: 1080,
    height: 1920,
    fps: 30,
    ...extra,
  } as Media;
}

describe('validate: media beyond photos by URL', () => {
  it('accepts photos as bytes, a file or a stream, a video, a reel, a first comment', () => {
    const bytes: Media = {
      kind: 'image',
      mimeType: 'image/png',
      source: { type: 'bytes', bytes: new Uint8Array(8) },
    };
    const file: Media = {
      kind: 'image',
      mimeType: 'image/jpeg',
      source: { type: 'file', path: '/tmp/a.jpg' },
    };
    expect(facebook.validate({ media: [bytes, file, photo('c')] })).toEqual([]);
    expect(facebook.validate({ text: 'A clip', media: [video({ width: 1920, height: 1080 })] })).toEqual([]);
    expect(facebook.validate({ text: 'A reel', media: [video()], options: reel })).toEqual([]);
    expect(facebook.validate({ text: 'Hi', firstComment: 'More below' })).toEqual([]);
  });

  it('refuses a video beside other media, a link on a video, and video types Facebook does not take', () => {
    expect(rules({ media: [video(), photo('a')] })).toContain('media.combination');
    expect(rules({ media: [video()], link: 'https://smmkit.dev' })).toContain('link.with_media');
    expect(rules({ media: [video({ mimeType: 'video/webm' })] })).toContain('media.mime_type');
  });

  it('holds a video to 9x16–16x9 and 4 hours, and one fetched from a URL to 1 GB and 20 minutes', () => {
    expect(rules({ media: [video({ width: 1000, height: 3000 })] })).toContain('media.aspect_ratio');
    expect(rules({ media: [video({ durationSec: 4 * 3600 + 1 })] })).toContain('media.duration');
    const byUrl = video({
      source: { type: 'url', url: 'https://cdn.smmkit.test/long.mp4' },
      sizeBytes: 2 * 1024 ** 3,
      durationSec: 25 * 60,
      width: 1920,
      height: 1080,
    });
    const found = facebook.validate({ media: [byUrl] });
    expect(found.map((problem) => [problem.rule, problem.path.join('.')])).toEqual([
      ['media.max_bytes', 'media.0.sizeBytes'],
      ['media.duration', 'media.0.durationSec'],
    ]);
    // The same video uploaded as bytes is within the resumable upload's 10 GB and 4 hours.
    expect(
      facebook.validate({ media: [{ ...byUrl, source: { type: 'file', path: '/tmp/long.mp4' } }] }),
    ).toEqual([]);
  });

  it('reports every reel problem at once: duration, 9:16, size, frame rate', () => {
    const found = rules({
      text: 'x'.repeat(63_207),
      media: [video({ durationSec: 120, width: 480, height: 480, fps: 15 })],
      options: reel,
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'text.max_length',
        'media.duration',
        'media.aspect_ratio',
        'media.width',
        'media.height',
        'media.fps',
      ]),
    );
    expect(rules({ media: [video({ durationSec: 2 })], options: reel })).toContain('media.duration');
  });

  it('refuses a reel without a video, or with photos', () => {
    expect(rules({ text: 'No video', options: reel })).toContain('media.required');
    expect(rules({ media: [photo('a')], options: reel })).toContain('media.combination');
  });

  it('refuses an unknown format', () => {
    expect(
      facebook.validate({ text: 'Hi', options: { facebook: { format: 'story' } } }).length,
    ).toBeGreaterThan(0);
  });
});
