import { type Media, type Post, ValidationError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { countStatusLength, createMastodonAdapter } from '../src/index.js';
import { statusLength } from '../src/mocks/index.js';
import { bytes, failureOf, useMastodon } from './support/harness.js';

const h = useMastodon();
const { mastodon } = h;
const adapter = h.adapter();

/** A family: four people joined by zero-width joiners, one grapheme cluster of 11 code units. */
const FAMILY = '👩‍👩‍👧‍👦';
const LONG_URL = `https://example.com/${'p'.repeat(200)}`;

const image: Media = { kind: 'image', mimeType: 'image/png', source: bytes() };
const video: Media = { kind: 'video', mimeType: 'video/mp4', source: bytes() };

/** The rule and path of each problem, for compact assertions. */
function problemsOf(post: Post) {
  return adapter.validate(post).map(({ rule, path }) => ({ rule, path }));
}

describe('text length as Mastodon counts it', () => {
  it('counts an emoji ZWJ sequence as one character', () => {
    expect(FAMILY.length).toBe(11);
    expect(countStatusLength(FAMILY)).toBe(1);
    expect(adapter.validate({ text: FAMILY.repeat(500) })).toEqual([]);
    expect(adapter.validate({ text: FAMILY.repeat(501) })).toEqual([
      expect.objectContaining({ rule: 'text.max_length', path: ['text'], limit: 500, actual: 501 }),
    ]);
  });

  it('publishes 500 emoji sequences, which the server accepts too', async () => {
    const result = await adapter.publish({ text: FAMILY.repeat(500) }, h.context());
    expect(mastodon.sim.posts.get(result.ref.platformPostId)?.text).toBe(FAMILY.repeat(500));
  });

  it('counts every URL as 23 characters, whatever its length', () => {
    expect(countStatusLength(`see ${LONG_URL}`)).toBe(4 + 23);
    expect(adapter.validate({ text: `${'a'.repeat(476)} ${LONG_URL}` })).toEqual([]);
    expect(adapter.validate({ text: `${'a'.repeat(477)} ${LONG_URL}` })).toEqual([
      expect.objectContaining({ rule: 'text.max_length', path: ['text'], actual: 501 }),
    ]);
  });

  it('counts the link appended to the text as 23 characters', () => {
    expect(adapter.validate({ text: 'a'.repeat(476), link: LONG_URL })).toEqual([]);
    expect(problemsOf({ text: 'a'.repeat(477), link: LONG_URL })).toEqual([
      { rule: 'text.max_length', path: ['text'] },
    ]);
  });

  it('counts a remote mention by its username only', () => {
    expect(countStatusLength('Hi @alice@example.com')).toBe('Hi @alice'.length);
    expect(countStatusLength('mail me@example.com')).toBe('mail me@example.com'.length);
  });

  it.each([
    'Hi @alice@example.com, see https://example.com/a/very/long/path.',
    'x (https://example.com/a_(b)) y #tag',
    'https://example.com/@ana@other.example',
    '@Ana_1.b-c@x.example and @ana@sub.example.co.uk!',
    // Mastodon's usernames are ASCII (Account::USERNAME_RE): this is text, not a mention.
    '@émile@x.example hi',
    // Not a mention after "=" (Account::MENTION_RE), a mention after "@".
    'a=@ana@x.example',
    '@@ana@x.example',
  ])('counts %j as the server does', (text) => {
    expect(countStatusLength(text)).toBe(statusLength(text, ''));
  });

  it('counts the content warning together with the text of every status', () => {
    const warned = (text: string, spoiler: string, thread: Post['thread'] = []): Post => ({
      text,
      thread,
      options: { mastodon: { spoiler_text: spoiler } },
    });
    expect(adapter.validate(warned('a'.repeat(490), 'b'.repeat(10)))).toEqual([]);
    expect(adapter.validate(warned('a'.repeat(490), 'b'.repeat(11)))).toEqual([
      expect.objectContaining({ rule: 'text.max_length', path: ['text'], actual: 501 }),
    ]);
    expect(problemsOf(warned('short', 'b'.repeat(11), [{ text: 'a'.repeat(490) }]))).toEqual([
      { rule: 'text.max_length', path: ['thread', 0, 'text'] },
    ]);
  });

  it("uses the server's own limit from the settings", () => {
    const roomy = h.adapter({ maxCharacters: 1000 });
    expect(roomy.validate({ text: 'a'.repeat(1000) })).toEqual([]);
    expect(problemsOf({ text: 'a'.repeat(1000) })).toEqual([{ rule: 'text.max_length', path: ['text'] }]);
  });
});

describe('media and polls', () => {
  it('refuses a poll with media', () => {
    expect(
      problemsOf({ text: 'Pick', media: [image], poll: { options: ['a', 'b'], durationMinutes: 60 } }),
    ).toEqual([{ rule: 'poll.with_media', path: ['poll'] }]);
  });

  it('refuses a poll without text', () => {
    expect(problemsOf({ poll: { options: ['a', 'b'], durationMinutes: 60 } })).toEqual([
      { rule: 'text.required', path: ['text'] },
    ]);
  });

  it('refuses five images and accepts four', () => {
    expect(adapter.validate({ text: 'x', media: [image, image, image, image] })).toEqual([]);
    expect(problemsOf({ text: 'x', media: [image, image, image, image, image] })).toEqual([
      { rule: 'media.combination', path: ['media'] },
    ]);
  });

  it('refuses a video with an image', () => {
    expect(problemsOf({ text: 'x', media: [video, image] })).toEqual([
      { rule: 'media.combination', path: ['media'] },
    ]);
  });

  it('refuses media given by URL, which Mastodon cannot fetch', () => {
    const byUrl: Media = { ...image, source: { type: 'url', url: 'https://cdn.example.com/a.png' } };
    expect(problemsOf({ text: 'x', media: [byUrl] })).toEqual([
      { rule: 'media.source', path: ['media', 0, 'source'] },
    ]);
  });

  it('refuses a poll option longer than 50 characters and a poll shorter than 5 minutes', () => {
    expect(
      problemsOf({ text: 'Pick', poll: { options: ['a', 'b'.repeat(51)], durationMinutes: 4 } }),
    ).toEqual([
      { rule: 'poll.option_length', path: ['poll', 'options', 1] },
      { rule: 'poll.duration', path: ['poll', 'durationMinutes'] },
    ]);
  });
});

describe('options.mastodon', () => {
  it('accepts every documented option', () => {
    expect(
      adapter.validate({
        text: 'x',
        options: { mastodon: { visibility: 'direct', spoiler_text: 'cw', sensitive: false, language: 'en' } },
      }),
    ).toEqual([]);
  });

  it('refuses an unknown key', () => {
    const problems = adapter.validate({ text: 'x', options: { mastodon: { visiblity: 'public' } } });
    expect(problems).toEqual([
      expect.objectContaining({ rule: 'schema.unrecognized_keys', path: ['options', 'mastodon'] }),
    ]);
    expect(problems[0]?.message).toContain('visiblity');
  });

  it('refuses a visibility Mastodon does not have, and a language that is not ISO 639-1', () => {
    expect(
      problemsOf({ text: 'x', options: { mastodon: { visibility: 'friends', language: 'english' } } }),
    ).toEqual([
      { rule: 'schema.invalid_value', path: ['options', 'mastodon', 'visibility'] },
      { rule: 'schema.invalid_format', path: ['options', 'mastodon', 'language'] },
    ]);
  });

  it('ignores options meant for other platforms', () => {
    expect(adapter.validate({ text: 'x', options: { x: { reply_settings: 'following' } } })).toEqual([]);
  });
});

describe('publishing an invalid post', () => {
  it.each<[string, Post]>([
    ['a bad visibility', { text: 'x', options: { mastodon: { visibility: 'friends' } } }],
    [
      'a content warning past the limit',
      { text: 'a'.repeat(495), options: { mastodon: { spoiler_text: 'b'.repeat(6) } } },
    ],
    ['a poll with media', { text: 'x', media: [image], poll: { options: ['a', 'b'], durationMinutes: 60 } }],
    ['five images', { text: 'x', media: [image, image, image, image, image] }],
  ])('with %s sends nothing and throws the problems validate finds', async (_case, post) => {
    const error = await failureOf(adapter.publish(post, h.context()), mastodon);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).problems).toEqual(adapter.validate(post));
    expect(mastodon.sim.log.entries).toHaveLength(0);
  });
});

describe('adapter settings', () => {
  it('refuses a server URL that is not http(s) and limits that are not positive whole numbers, all at once', () => {
    let thrown: unknown;
    try {
      createMastodonAdapter({
        instanceUrl: 'ftp://mastodon.example',
        maxCharacters: 0,
        mediaPollIntervalMs: 1.5,
      });
    } catch (error) {
      thrown = error;
    }
    expect(ValidationError.isInstance(thrown)).toBe(true);
    expect((thrown as ValidationError).problems.map(({ rule, path }) => ({ rule, path }))).toEqual([
      { rule: 'settings.instance_url', path: ['instanceUrl'] },
      { rule: 'settings.positive_integer', path: ['maxCharacters'] },
      { rule: 'settings.positive_integer', path: ['mediaPollIntervalMs'] },
    ]);
  });

  it('sends requests under the server URL, with or without a trailing slash', async () => {
    await createMastodonAdapter({ instanceUrl: `${mastodon.instanceUrl}/` }).getAccountMetrics(h.context());
    expect(mastodon.sim.log.entries.map((entry) => entry.url)).toEqual([
      `${mastodon.instanceUrl}/api/v1/accounts/${h.ana.account.id}`,
    ]);
  });
});
