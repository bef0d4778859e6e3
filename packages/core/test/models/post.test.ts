import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import { mediaSize } from '../../src/models/media.js';
import { parsePost } from '../../src/parse/parse-models.js';

/** Runs `fn` and returns the ValidationError it throws. */
function validationErrorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const streamFactory = (): ReadableStream<Uint8Array> => new ReadableStream();

describe('parsePost', () => {
  it('parses a full post', () => {
    const post = parsePost({
      text: 'We are hiring!',
      title: 'Jobs',
      media: [
        {
          kind: 'image',
          source: { type: 'url', url: 'https://cdn.example.com/team.jpg' },
          mimeType: 'image/jpeg',
          altText: 'The team',
          width: 1080,
          height: 1350,
        },
      ],
      link: 'https://example.com/jobs',
      thread: [{ text: 'Part two' }],
      firstComment: '#hiring',
      poll: { options: ['Yes', 'No'], durationMinutes: 1440 },
      tags: ['hiring'],
      campaign: 'spring',
      variant: 'A',
      contentClass: 'promotion',
      options: { x: { reply_settings: 'following' } },
    });
    expect(post).toEqual({
      text: 'We are hiring!',
      title: 'Jobs',
      media: [
        {
          kind: 'image',
          source: { type: 'url', url: 'https://cdn.example.com/team.jpg' },
          mimeType: 'image/jpeg',
          altText: 'The team',
          width: 1080,
          height: 1350,
        },
      ],
      link: 'https://example.com/jobs',
      thread: [{ text: 'Part two' }],
      firstComment: '#hiring',
      poll: { options: ['Yes', 'No'], durationMinutes: 1440 },
      tags: ['hiring'],
      campaign: 'spring',
      variant: 'A',
      contentClass: 'promotion',
      options: { x: { reply_settings: 'following' } },
    });
  });

  it('refuses keys a post does not have at every level, so a misspelt field is never dropped', () => {
    const error = validationErrorOf(() =>
      parsePost({
        text: 'Launch day',
        first_comment: '#launch',
        media: [
          {
            kind: 'image',
            source: { type: 'url', url: 'https://cdn.example.com/a.jpg' },
            mimeType: 'image/jpeg',
            alt_text: 'A',
          },
        ],
        thread: [{ text: 'Part two', medias: [] }],
        poll: { options: ['Yes', 'No'], duration_minutes: 60, durationMinutes: 60 },
      }),
    );
    expect(error.problems.map((problem) => [problem.path, problem.rule, problem.message])).toEqual([
      [['media', 0], 'schema.unrecognized_keys', 'unknown key: alt_text'],
      [['thread', 0], 'schema.unrecognized_keys', 'unknown key: medias'],
      [['poll'], 'schema.unrecognized_keys', 'unknown key: duration_minutes'],
      [[], 'schema.unrecognized_keys', 'unknown key: first_comment'],
    ]);
  });

  it('accepts a media-only post without text, and bytes, file and stream sources', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const post = parsePost({
      media: [
        { kind: 'image', source: { type: 'bytes', bytes }, mimeType: 'image/png' },
        { kind: 'document', source: { type: 'file', path: '/tmp/deck.pdf' }, mimeType: 'application/pdf' },
        {
          kind: 'video',
          source: { type: 'stream', stream: streamFactory },
          mimeType: 'video/mp4',
          sizeBytes: 42,
        },
      ],
    });
    expect(post.text).toBeUndefined();
    expect(post.media?.map((m) => m.source.type)).toEqual(['bytes', 'file', 'stream']);
    expect(post.media?.[0]?.source).toEqual({ type: 'bytes', bytes });
  });

  it('reports every problem of a bad post in one ValidationError, with paths and rules', () => {
    const error = validationErrorOf(() =>
      parsePost({
        text: 42,
        media: [
          {
            kind: 'image',
            source: { type: 'url', url: 'https://cdn.example.com/a.jpg' },
            mimeType: 'image/jpeg',
          },
          { kind: 'image', source: { type: 'url', url: 'not a url' }, mimeType: 'image/jpeg' },
          { kind: 'video', source: { type: 'stream', stream: streamFactory }, mimeType: 'video/mp4' },
          { kind: 'sticker', source: { type: 'ftp' }, mimeType: 'jpeg' },
        ],
        poll: { options: ['Only one'], durationMinutes: 60 },
        link: 'ftp://example.com/file',
      }),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.problems).toEqual([
      { path: ['text'], rule: 'schema.invalid_type', message: 'expected a string, got number' },
      { path: ['media', 1, 'source', 'url'], rule: 'schema.invalid_format', message: 'not a valid URL' },
      {
        path: ['media', 2, 'sizeBytes'],
        rule: 'schema.custom',
        message: 'a stream source needs sizeBytes: chunked uploads must declare the total size up front',
      },
      {
        path: ['media', 3, 'kind'],
        rule: 'schema.invalid_value',
        message: 'must be one of: image, video, gif, document',
      },
      {
        path: ['media', 3, 'source', 'type'],
        rule: 'schema.invalid_union',
        message: 'must be one of: url, bytes, file, stream',
      },
      {
        path: ['media', 3, 'mimeType'],
        rule: 'schema.invalid_format',
        message: 'must be a MIME type such as "image/jpeg"',
      },
      { path: ['link'], rule: 'schema.invalid_format', message: 'must be an http or https URL' },
      {
        path: ['poll', 'options'],
        rule: 'schema.too_small',
        message: 'must have at least 2 items',
        limit: 2,
        actual: 1,
      },
    ]);
    for (const path of ['text', 'media[1].source.url', 'media[2].sizeBytes', 'poll.options', 'link']) {
      expect(error.message).toContain(`${path}:`);
    }
    expect(error.message).toMatch(/^Invalid post \(8 problems\):/);
  });

  it('still reports a stream without sizeBytes when the same item has another problem', () => {
    const error = validationErrorOf(() =>
      parsePost({ media: [{ kind: 'video', source: { type: 'stream', stream: streamFactory } }] }),
    );
    expect(error.problems.map((p) => p.path)).toEqual([
      ['media', 0, 'mimeType'],
      ['media', 0, 'sizeBytes'],
    ]);
  });

  it('rejects a stream source that is not a factory function', () => {
    const error = validationErrorOf(() =>
      parsePost({
        media: [
          {
            kind: 'video',
            source: { type: 'stream', stream: new ReadableStream() },
            mimeType: 'video/mp4',
            sizeBytes: 1,
          },
        ],
      }),
    );
    expect(error.problems).toEqual([
      {
        path: ['media', 0, 'source', 'stream'],
        rule: 'schema.custom',
        message: 'expected a function that returns a ReadableStream or an AsyncIterable of bytes',
      },
    ]);
  });
});

describe('mediaSize', () => {
  it('uses the byte length of in-memory bytes and the declared size otherwise', () => {
    expect(mediaSize({ source: { type: 'bytes', bytes: new Uint8Array(5) }, sizeBytes: 99 })).toBe(5);
    expect(mediaSize({ source: { type: 'stream', stream: streamFactory }, sizeBytes: 42 })).toBe(42);
    expect(mediaSize({ source: { type: 'url', url: 'https://cdn.example.com/a.jpg' } })).toBeUndefined();
  });
});
