import { type Media, type Post, ValidationError, type ValidationProblem } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { countXText } from '../src/index.js';
import { bytes, failureOf, useX } from './support/harness.js';

const h = useX();
const { x } = h;

const MIB = 1024 * 1024;

/** A stream source that fails the test if anything reads it: validation never needs the bytes. */
const unread = {
  type: 'stream',
  stream: () => {
    throw new Error('validation must not read the media');
  },
} as const;

const image = (extra: Partial<Media> = {}): Media => ({
  kind: 'image',
  mimeType: 'image/png',
  source: bytes(),
  ...extra,
});
const gif = (extra: Partial<Media> = {}): Media => ({
  kind: 'gif',
  mimeType: 'image/gif',
  source: bytes(),
  ...extra,
});
const video = (extra: Partial<Media> = {}): Media => ({
  kind: 'video',
  mimeType: 'video/mp4',
  source: bytes(),
  durationSec: 30,
  width: 1280,
  height: 720,
  fps: 30,
  ...extra,
});
const bigStream = (kind: Media['kind'], mimeType: string, sizeBytes: number): Media => ({
  kind,
  mimeType,
  source: unread,
  sizeBytes,
});

type Expected = Pick<ValidationProblem, 'rule' | 'path'> &
  Partial<Pick<ValidationProblem, 'limit' | 'actual'>>;

/** `post` is refused with `problem` by validate and by publish, and nothing reaches X. */
async function expectRefused(post: Post, problem: Expected): Promise<void> {
  const adapter = h.adapter();
  expect(adapter.validate(post)).toContainEqual(expect.objectContaining(problem));
  const error = await failureOf(adapter.publish(post, h.context()), x);
  if (!ValidationError.isInstance(error)) throw new Error(`expected a ValidationError, got ${error.code}`);
  expect(error.problems).toContainEqual(expect.objectContaining(problem));
  expect(x.sim.log.entries).toEqual([]);
}

describe('weighted text length', () => {
  it('counts every URL as 23 characters, however long', async () => {
    const url = `https://example.com/${'x'.repeat(100)}`;
    expect(countXText(url)).toBe(23);
    const fits = `${'a'.repeat(256)} ${url}`;
    expect(h.adapter().validate({ text: fits })).toEqual([]);
    // X agrees: the simulator counts with twitter-text too.
    await h.adapter().publish({ text: fits }, h.context());
    x.sim.log.clear();
    await expectRefused(
      { text: `${'a'.repeat(257)} ${url}` },
      { path: ['text'], rule: 'text.max_length', limit: 280, actual: 281 },
    );
  });

  it('counts a link given in post.link as 23 with the text', async () => {
    await expectRefused(
      { text: 'a'.repeat(257), link: 'https://example.com/short' },
      { path: ['text'], rule: 'text.max_length', actual: 281 },
    );
  });

  it('counts CJK characters as 2', async () => {
    const fits = '你好'.repeat(70);
    expect(countXText(fits)).toBe(280);
    expect(h.adapter().validate({ text: fits })).toEqual([]);
    await h.adapter().publish({ text: fits }, h.context());
    x.sim.log.clear();
    await expectRefused({ text: `${fits}你` }, { path: ['text'], rule: 'text.max_length', actual: 282 });
  });

  it('counts an emoji, even a ZWJ sequence, as 2', async () => {
    expect(countXText('😀')).toBe(2);
    expect(countXText('👨‍👩‍👧‍👦')).toBe(2);
    expect(h.adapter().validate({ text: '👨‍👩‍👧‍👦'.repeat(140) })).toEqual([]);
    await expectRefused({ text: '😀'.repeat(141) }, { path: ['text'], rule: 'text.max_length', actual: 282 });
  });

  it('counts NFC-normalised text, so a decomposed accent is one character', async () => {
    const decomposed = 'e\u0301'.repeat(280);
    expect(decomposed).toHaveLength(560);
    expect(h.adapter().validate({ text: decomposed })).toEqual([]);
    await expectRefused(
      { text: `${decomposed}e\u0301` },
      { path: ['text'], rule: 'text.max_length', actual: 281 },
    );
  });

  it('checks the length of every thread part and of the first comment', async () => {
    await expectRefused(
      { text: 'ok', thread: [{ text: 'fine' }, { text: '你'.repeat(141) }] },
      { path: ['thread', 1, 'text'], rule: 'text.max_length', actual: 282 },
    );
    expect(h.adapter().validate({ text: 'ok', firstComment: 'a'.repeat(281) })).toContainEqual(
      expect.objectContaining({ rule: 'text.max_length', actual: 281 }),
    );
  });
});

describe('media', () => {
  it.each([
    ['five images', [image(), image(), image(), image(), image()]],
    ['an image with a video', [image(), video()]],
    ['two GIFs', [gif(), gif()]],
    ['a GIF with an image', [gif(), image()]],
  ])('refuses %s in one post', async (_name, media) => {
    await expectRefused({ text: 'media', media }, { path: ['media'], rule: 'media.combination' });
  });

  it('refuses a bad media combination in a thread part at its own path', async () => {
    await expectRefused(
      { text: 'ok', thread: [{ text: 'part', media: [video(), video()] }] },
      { path: ['thread', 0, 'media'], rule: 'media.combination' },
    );
  });

  it('accepts four images, one GIF or one video', () => {
    const adapter = h.adapter();
    expect(adapter.validate({ text: 'four', media: [image(), image(), image(), image()] })).toEqual([]);
    expect(adapter.validate({ text: 'gif', media: [gif()] })).toEqual([]);
    expect(adapter.validate({ text: 'video', media: [video()] })).toEqual([]);
  });

  it.each([
    ['an image over 5 MB', bigStream('image', 'image/jpeg', 5 * MIB + 1), 5 * MIB],
    ['a GIF over 15 MB', bigStream('gif', 'image/gif', 15 * MIB + 1), 15 * MIB],
    ['a video over 512 MB', bigStream('video', 'video/mp4', 512 * MIB + 1), 512 * MIB],
  ])('refuses %s without reading it', async (_name, media, limit) => {
    await expectRefused(
      { text: 'big', media: [media] },
      { path: ['media', 0, 'sizeBytes'], rule: 'media.max_bytes', limit, actual: limit + 1 },
    );
  });

  it('accepts media of exactly the size limit', () => {
    expect(h.adapter().validate({ text: 'ok', media: [bigStream('image', 'image/png', 5 * MIB)] })).toEqual(
      [],
    );
  });

  it.each([
    ['shorter than 0.5 s', { durationSec: 0.4 }, 'durationSec', 'media.duration', 0.5],
    ['longer than 140 s', { durationSec: 140.5 }, 'durationSec', 'media.duration', 140],
    ['wider than 1280 px', { width: 1281 }, 'width', 'media.width', 1280],
    ['taller than 1024 px', { height: 1025 }, 'height', 'media.height', 1024],
    ['faster than 60 fps', { fps: 61 }, 'fps', 'media.fps', 60],
  ])('refuses a video %s', async (_name, extra, field, rule, limit) => {
    await expectRefused({ text: 'clip', media: [video(extra)] }, { path: ['media', 0, field], rule, limit });
  });

  it('accepts a video at the limits: 0.5 s and 140 s, 1280×1024, 60 fps', () => {
    const adapter = h.adapter();
    expect(adapter.validate({ text: 'a', media: [video({ durationSec: 0.5 })] })).toEqual([]);
    expect(
      adapter.validate({
        text: 'b',
        media: [video({ durationSec: 140, width: 1280, height: 1024, fps: 60 })],
      }),
    ).toEqual([]);
  });

  it('refuses alt text over 1,000 characters, an unknown MIME type and a URL source', async () => {
    await expectRefused(
      { text: 'alt', media: [image({ altText: 'a'.repeat(1_001) })] },
      { path: ['media', 0, 'altText'], rule: 'media.alt_text_length', limit: 1_000 },
    );
    await expectRefused(
      { text: 'bmp', media: [image({ mimeType: 'image/bmp' })] },
      { path: ['media', 0, 'mimeType'], rule: 'media.mime_type' },
    );
    await expectRefused(
      { text: 'url', media: [image({ source: { type: 'url', url: 'https://example.com/a.png' } })] },
      { path: ['media', 0, 'source'], rule: 'media.source' },
    );
  });
});

describe('polls', () => {
  const poll = (options: string[], durationMinutes = 60): Post => ({
    text: 'Vote',
    poll: { options, durationMinutes },
  });

  it('refuses an option longer than 25 characters at its index', async () => {
    await expectRefused(poll(['Tea', 'c'.repeat(26)]), {
      path: ['poll', 'options', 1],
      rule: 'poll.option_length',
      limit: 25,
      actual: 26,
    });
  });

  it.each([
    ['one option', ['Only']],
    ['five options', ['a', 'b', 'c', 'd', 'e']],
  ])('refuses %s', async (_name, options) => {
    await expectRefused(poll(options), {
      path: ['poll', 'options'],
      rule: 'poll.options',
      actual: options.length,
    });
  });

  it.each([4, 10_081])('refuses a duration of %i minutes (X takes 5 to 10,080)', async (minutes) => {
    await expectRefused(poll(['a', 'b'], minutes), {
      path: ['poll', 'durationMinutes'],
      rule: 'poll.duration',
      actual: minutes,
    });
  });

  it('accepts 2 to 4 options of up to 25 characters lasting 5 to 10,080 minutes', () => {
    const adapter = h.adapter();
    expect(adapter.validate(poll(['a', 'b'], 5))).toEqual([]);
    expect(adapter.validate(poll(['a', 'b', 'c', 'd'.repeat(25)], 10_080))).toEqual([]);
  });

  it('refuses a poll without text', async () => {
    await expectRefused(
      { poll: { options: ['a', 'b'], durationMinutes: 60 } },
      { path: ['text'], rule: 'text.required' },
    );
  });
});

describe('mutually exclusive parts', () => {
  it('refuses media with a poll', async () => {
    await expectRefused(
      { text: 'both', media: [image()], poll: { options: ['a', 'b'], durationMinutes: 60 } },
      { path: ['poll'], rule: 'post.mutually_exclusive' },
    );
  });

  it('refuses a poll with a quoted post', async () => {
    await expectRefused(
      {
        text: 'both',
        poll: { options: ['a', 'b'], durationMinutes: 60 },
        options: { x: { quote_tweet_id: '20' } },
      },
      { path: ['options', 'x', 'quote_tweet_id'], rule: 'post.mutually_exclusive' },
    );
  });

  it('refuses media with a quoted post', async () => {
    await expectRefused(
      { text: 'both', media: [image()], options: { x: { quote_tweet_id: '20' } } },
      { path: ['options', 'x', 'quote_tweet_id'], rule: 'post.mutually_exclusive' },
    );
  });
});

describe('options.x', () => {
  it.each([
    ['an unknown option', { replySettings: 'following' }, ['options', 'x'], 'schema.unrecognized_keys'],
    [
      'an unknown reply_settings',
      { reply_settings: 'nobody' },
      ['options', 'x', 'reply_settings'],
      'schema.invalid_value',
    ],
    [
      'a quote_tweet_id that is not an X id',
      { quote_tweet_id: 'abc' },
      ['options', 'x', 'quote_tweet_id'],
      'schema.invalid_format',
    ],
    [
      'a made_with_ai that is not a boolean',
      { made_with_ai: 'yes' },
      ['options', 'x', 'made_with_ai'],
      'schema.invalid_type',
    ],
  ])('refuses %s', async (_name, options, path, rule) => {
    await expectRefused({ text: 'options', options: { x: options } }, { path, rule });
  });

  it('refuses more than 10 tagged users', async () => {
    const ids = Array.from({ length: 11 }, (_, index) => String(100 + index));
    await expectRefused(
      { text: 'tags', media: [image()], options: { x: { tagged_user_ids: ids } } },
      { path: ['options', 'x', 'tagged_user_ids'], rule: 'schema.too_big' },
    );
  });

  it('refuses tagged users without media to tag them in', async () => {
    await expectRefused(
      { text: 'tags', options: { x: { tagged_user_ids: ['12'] } } },
      { path: ['options', 'x', 'tagged_user_ids'], rule: 'options.tagged_users_need_media' },
    );
  });

  it('reports every problem of a post at once', () => {
    const problems = h.adapter().validate({
      text: 'a'.repeat(281),
      media: [image(), image(), image(), image(), image()],
      options: { x: { reply_settings: 'nobody' } },
    });
    expect(problems.map((problem) => problem.rule).sort()).toEqual([
      'media.combination',
      'schema.invalid_value',
      'text.max_length',
    ]);
  });
});
