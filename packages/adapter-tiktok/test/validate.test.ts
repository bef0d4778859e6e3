import type { Media, Post } from '@smmkit/core';
import { ValidationError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { TikTokPostOptionsSchema, tiktokCapabilities, validateTikTokPost } from '../src/index.js';
import { resolveTikTokSettings } from '../src/settings.js';

const capabilities = tiktokCapabilities({ webhooks: false, dailyPostsPerCreator: 15 });

/** The problems of `post` as the adapter reports them (options parsed as `defineAdapter` does). */
function problemsOf(post: Post, unaudited = false) {
  const options = TikTokPostOptionsSchema.parse(post.options?.tiktok ?? {});
  return validateTikTokPost(post, options, capabilities, { unaudited });
}

const rules = (post: Post, unaudited = false) =>
  problemsOf(post, unaudited)
    .map((p) => p.rule)
    .sort();

const video = (extra: Partial<Media> = {}): Media =>
  ({
    kind: 'video',
    mimeType: 'video/mp4',
    source: { type: 'bytes', bytes: new Uint8Array(64) },
    durationSec: 30,
    fps: 30,
    width: 1080,
    height: 1920,
    ...extra,
  }) as Media;

const photo = (name: string, extra: Partial<Media> = {}): Media =>
  ({
    kind: 'image',
    mimeType: 'image/jpeg',
    source: { type: 'url', url: `https://media.example.com/${name}.jpg` },
    ...extra,
  }) as Media;

const publicPost = { tiktok: { privacyLevel: 'PUBLIC_TO_EVERYONE' } };

describe('TikTok validation', () => {
  it('accepts a video with a caption and a privacy level', () => {
    expect(problemsOf({ text: 'Hello #fyp', media: [video()], options: publicPost })).toEqual([]);
  });

  it('counts the caption in UTF-16 units: 1 100 emoji are 2 200 units, one more is too long', () => {
    const emoji = '😀'.repeat(1100);
    expect(problemsOf({ text: emoji, media: [video()], options: publicPost })).toEqual([]);
    const [problem] = problemsOf({ text: `${emoji}a`, media: [video()], options: publicPost });
    expect(problem).toMatchObject({ path: ['text'], rule: 'text.max_length', limit: 2200, actual: 2201 });
  });

  it('needs media: a text-only post is refused', () => {
    expect(rules({ text: 'Just words', options: publicPost })).toEqual(['media.required']);
  });

  it('refuses a direct post without the privacy level the creator chose', () => {
    expect(problemsOf({ text: 'x', media: [video()] })).toEqual([
      expect.objectContaining({
        path: ['options', 'tiktok', 'privacyLevel'],
        rule: 'options.privacy_required',
      }),
    ]);
  });

  it('takes 1 to 35 photos by HTTPS URL, and refuses 36', () => {
    const photos = (n: number) => Array.from({ length: n }, (_, i) => photo(`p${i}`));
    expect(problemsOf({ title: 'Trip', text: 'Day one', media: photos(35), options: publicPost })).toEqual(
      [],
    );
    expect(rules({ media: photos(36), options: publicPost })).toEqual(['media.combination']);
  });

  it('checks a photo title (90) and description (4 000) apart from the video caption (2 200)', () => {
    const media = [photo('a')];
    expect(problemsOf({ title: 't'.repeat(90), text: 'd'.repeat(4000), media, options: publicPost })).toEqual(
      [],
    );
    expect(problemsOf({ title: 't'.repeat(91), text: 'd'.repeat(4001), media, options: publicPost })).toEqual(
      [
        expect.objectContaining({ path: ['text'], rule: 'text.max_length', limit: 4000, actual: 4001 }),
        expect.objectContaining({ path: ['title'], rule: 'title.max_length', limit: 90, actual: 91 }),
      ],
    );
    const [caption] = problemsOf({ text: 'd'.repeat(4001), media: [video()], options: publicPost });
    expect(caption).toMatchObject({ rule: 'text.max_length', limit: 2200, actual: 4001 });
  });

  it('reports every problem of a bad post at once', () => {
    const post: Post = {
      title: 'A video title',
      text: 'x'.repeat(2300),
      media: [
        video({
          mimeType: 'video/x-msvideo',
          durationSec: 900,
          fps: 120,
          width: 200,
          sizeBytes: 5 * 1024 ** 3,
        }),
      ],
      options: {
        tiktok: {
          privacyLevel: 'SELF_ONLY',
          brandContent: true,
          photoCoverIndex: 2,
          coverTimestampMs: 901_000,
        },
      },
    };
    expect(rules(post, true)).toEqual([
      'media.duration',
      'media.fps',
      'media.mime_type',
      'media.width',
      'options.branded_private',
      'options.cover_timestamp',
      'options.not_for_videos',
      'text.max_length',
      'title.unsupported',
    ]);
  });

  it('refuses photos that are not pulled from HTTPS URLs, are over 1080p or are not JPEG/WebP', () => {
    const post: Post = {
      media: [
        { kind: 'image', mimeType: 'image/jpeg', source: { type: 'bytes', bytes: new Uint8Array(8) } },
        photo('http', { source: { type: 'url', url: 'http://media.example.com/a.jpg' } }),
        photo('big', { width: 3840, height: 2160 }),
        photo('png', { mimeType: 'image/png' }),
      ],
      options: { tiktok: { privacyLevel: 'PUBLIC_TO_EVERYONE', allowDuet: true, photoCoverIndex: 4 } },
    };
    expect(problemsOf(post).map((p) => [p.rule, p.path.join('.')])).toEqual([
      ['media.mime_type', 'media.3.mimeType'],
      ['media.source', 'media.0.source'],
      ['media.https', 'media.1.source.url'],
      ['media.resolution', 'media.2.width'],
      ['options.not_for_photos', 'options.tiktok.allowDuet'],
      ['options.photo_cover_index', 'options.tiktok.photoCoverIndex'],
    ]);
  });

  it('refuses a photo post mixed with a video', () => {
    expect(rules({ media: [video(), photo('a')], options: publicPost })).toEqual(['media.combination']);
  });

  it('lets an unaudited app post SELF_ONLY only, saying what to do', () => {
    expect(
      problemsOf({ media: [video()], options: { tiktok: { privacyLevel: 'SELF_ONLY' } } }, true),
    ).toEqual([]);
    const [problem] = problemsOf({ media: [video()], options: publicPost }, true);
    expect(problem?.rule).toBe('options.privacy_unaudited');
    expect(problem?.message).toMatch(/SELF_ONLY.*audit/);
  });

  it('takes an inbox draft without a privacy level, and refuses one with it', () => {
    expect(problemsOf({ media: [video()], options: { tiktok: { mode: 'inbox' } } })).toEqual([]);
    expect(
      rules({ media: [video()], options: { tiktok: { mode: 'inbox', privacyLevel: 'SELF_ONLY' } } }),
    ).toEqual(['options.privacy_inbox']);
  });

  it('refuses the settings an inbox video cannot carry, instead of dropping them', () => {
    const inbox = {
      mode: 'inbox',
      brandContent: true,
      aiGenerated: true,
      allowComment: true,
      coverTimestampMs: 0,
    };
    expect(
      problemsOf({ media: [video()], options: { tiktok: inbox } }).map((p) => [p.path.at(-1), p.rule]),
    ).toEqual([
      ['allowComment', 'options.not_for_inbox'],
      ['brandContent', 'options.not_for_inbox'],
      ['aiGenerated', 'options.not_for_inbox'],
      ['coverTimestampMs', 'options.not_for_inbox'],
    ]);
    // An inbox photo post sends its settings (post_info of MEDIA_UPLOAD).
    expect(
      problemsOf({ media: [photo('a')], options: { tiktok: { mode: 'inbox', brandContent: true } } }),
    ).toEqual([]);
  });

  it('refuses an AI-generated label on a photo post, which the photo API cannot carry', () => {
    expect(
      rules({ media: [photo('a')], options: { tiktok: { ...publicPost.tiktok, aiGenerated: true } } }),
    ).toEqual(['options.not_for_photos']);
  });
});

describe('TikTok settings', () => {
  it('applies the defaults', () => {
    expect(resolveTikTokSettings({})).toMatchObject({
      baseUrl: 'https://open.tiktokapis.com',
      publishPollIntervalMs: 5000,
      publishPollTimeoutMs: 600_000,
      chunkSizeBytes: 10_000_000,
      unaudited: false,
      dailyPostsPerCreator: 15,
    });
  });

  it('refuses every bad setting at once, chunk sizes outside 5 MiB–64 MB included', () => {
    const error = (() => {
      try {
        resolveTikTokSettings({
          chunkSizeBytes: 1_000_000,
          publishPollIntervalMs: 0,
          webhookClientSecret: ' ',
        });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).problems.map((p) => p.rule)).toEqual([
      'settings.positive_integer',
      'settings.chunk_size',
      'settings.non_empty',
    ]);
  });
});
