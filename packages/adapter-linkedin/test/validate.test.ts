import type { Media, Post } from '@smmkit/core';
import { ValidationError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { createLinkedInAdapter } from '../src/index.js';

const adapter = createLinkedInAdapter();
const MB = 1024 * 1024;

function item(kind: Media['kind'], mimeType: string, extra: Partial<Media> = {}): Media {
  return { kind, mimeType, source: { type: 'bytes', bytes: new Uint8Array(8) }, ...extra };
}

const rules = (post: Post, settings = adapter) => settings.validate(post).map((problem) => problem.rule);

describe('validate', () => {
  it('accepts every kind of post LinkedIn takes', () => {
    const posts: Post[] = [
      { text: 'Text' },
      { link: 'https://example.com' },
      { text: 'Image', media: [item('image', 'image/jpeg', { altText: 'Alt' })] },
      { text: 'Images', media: Array.from({ length: 20 }, () => item('image', 'image/png')) },
      { text: 'GIF', media: [item('gif', 'image/gif')] },
      { text: 'Video', media: [item('video', 'video/mp4', { durationSec: 60 })] },
      { text: 'Deck', title: 'Deck', media: [item('document', 'application/pdf')] },
      { text: 'Poll', poll: { options: ['a', 'b', 'c', 'd'], durationMinutes: 20160 } },
    ];
    for (const post of posts) expect(adapter.validate(post)).toEqual([]);
  });

  it('reports every problem at once, before any request', () => {
    const post: Post = {
      text: 'x'.repeat(3001),
      media: [
        item('video', 'video/quicktime', {
          durationSec: 2,
          sizeBytes: 501 * MB,
          source: { type: 'stream', stream: () => new ReadableStream() },
        }),
      ],
      thread: [{ text: 'no threads' }],
      poll: { options: ['a'], durationMinutes: 60 },
    };
    expect(rules(post)).toEqual(
      expect.arrayContaining([
        'text.max_length',
        'media.mime_type',
        'media.max_bytes',
        'media.duration',
        'thread.unsupported',
        'poll.options',
        'poll.duration',
        'post.mutually_exclusive',
      ]),
    );
  });

  it('limits images to 20 and videos, GIFs and documents to one, never mixed', () => {
    expect(rules({ text: 'x', media: Array.from({ length: 21 }, () => item('image', 'image/png')) })).toEqual(
      ['media.combination'],
    );
    expect(rules({ text: 'x', media: [item('video', 'video/mp4'), item('video', 'video/mp4')] })).toEqual([
      'media.combination',
    ]);
    expect(rules({ text: 'x', media: [item('image', 'image/png'), item('video', 'video/mp4')] })).toEqual([
      'media.combination',
    ]);
  });

  it('checks sizes and types of images and documents', () => {
    expect(rules({ text: 'x', media: [item('image', 'image/webp')] })).toEqual(['media.mime_type']);
    expect(
      rules({
        text: 'x',
        title: 'Big',
        media: [
          item('document', 'application/pdf', {
            sizeBytes: 101 * MB,
            source: { type: 'file', path: '/tmp/x.pdf' },
          }),
        ],
      }),
    ).toEqual(['media.max_bytes']);
    expect(rules({ text: 'x', media: [item('image', 'image/png', { altText: 'a'.repeat(4087) })] })).toEqual([
      'media.alt_text_length',
    ]);
  });

  it('needs a title for a document', () => {
    expect(rules({ text: 'Deck', media: [item('document', 'application/pdf')] })).toEqual(['media.title']);
    expect(
      rules({ text: 'Deck', media: [item('document', 'application/pdf', { title: 'Own title' })] }),
    ).toEqual([]);
  });

  it('takes only LinkedIn poll durations and a question of 1–140 characters', () => {
    expect(rules({ text: 'Q?', poll: { options: ['a', 'b'], durationMinutes: 2880 } })).toEqual([
      'poll.duration',
    ]);
    expect(rules({ poll: { options: ['a', 'b'], durationMinutes: 1440 } })).toEqual(['poll.question']);
    expect(
      rules({
        text: 'Q',
        poll: { options: ['a', 'b'], durationMinutes: 1440 },
        options: { linkedin: { pollQuestion: 'q'.repeat(141) } },
      }),
    ).toEqual(['poll.question']);
    expect(rules({ text: 'Q', poll: { options: ['a', 'b'.repeat(31)], durationMinutes: 1440 } })).toEqual([
      'poll.option_length',
    ]);
  });

  it('counts a link appended to a media post against the length', () => {
    const text = 'x'.repeat(2990);
    expect(rules({ text, link: 'https://example.com/long', media: [item('image', 'image/png')] })).toEqual([
      'text.max_length',
    ]);
    // As an article the link is not part of the text.
    expect(rules({ text, link: 'https://example.com/long' })).toEqual([]);
  });

  it('needs every mention in the text, and no CONNECTIONS for an organization', () => {
    expect(
      rules({ text: 'Hi', options: { linkedin: { mentions: [{ name: 'Ana', urn: 'urn:li:person:1' }] } } }),
    ).toEqual(['options.mention_not_in_text']);
    // `@Ana` inside a link is part of the link, never rendered as a mention.
    expect(
      rules({
        text: 'Read https://medium.com/@Ana',
        options: { linkedin: { mentions: [{ name: 'Ana', urn: 'urn:li:person:1' }] } },
      }),
    ).toEqual(['options.mention_not_in_text']);
    expect(
      rules({
        text: 'Hi',
        options: { linkedin: { visibility: 'CONNECTIONS', author: 'urn:li:organization:1' } },
      }),
    ).toEqual(['options.visibility']);
    const orgAdapter = createLinkedInAdapter({ author: 'urn:li:organization:1' });
    expect(rules({ text: 'Hi', options: { linkedin: { visibility: 'CONNECTIONS' } } }, orgAdapter)).toEqual([
      'options.visibility',
    ]);
  });

  it('refuses unknown options and malformed URNs', () => {
    const problems = adapter.validate({
      text: 'Hi',
      options: { linkedin: { visibility: 'FRIENDS', author: '12345', reply_settings: 'x' } },
    });
    expect(problems.map((problem) => problem.path.join('.'))).toEqual(
      expect.arrayContaining(['options.linkedin.visibility', 'options.linkedin.author', 'options.linkedin']),
    );
  });

  it('lets the text length be a setting', () => {
    const short = createLinkedInAdapter({ maxTextLength: 10 });
    expect(short.capabilities.text.maxLength).toBe(10);
    expect(rules({ text: 'x'.repeat(11) }, short)).toEqual(['text.max_length']);
  });
});

describe('settings', () => {
  it('lists every bad setting at once', () => {
    let caught: unknown;
    try {
      createLinkedInAdapter({ version: '2026-10', author: 'ana', maxTextLength: 0, baseUrl: 'ftp://x' });
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    expect((caught as ValidationError).problems.map((problem) => problem.rule)).toEqual([
      'settings.base_url',
      'settings.linkedin_version',
      'settings.author',
      'settings.positive_integer',
    ]);
  });

  it('declares the daily budgets from the settings, reset at midnight UTC', () => {
    const linkedin = createLinkedInAdapter({ dailyPostsPerMember: 50, dailyPostsPerApp: 5_000 });
    expect(linkedin.capabilities.rateLimits.headers).toBe(false);
    expect(linkedin.capabilities.rateLimits.budgets).toEqual([
      { bucket: 'POST /rest/posts', limit: 50, windowSec: 86_400, scope: 'user', resets: 'utc_midnight' },
      { bucket: 'POST /rest/posts', limit: 5_000, windowSec: 86_400, scope: 'app', resets: 'utc_midnight' },
    ]);
  });
});
