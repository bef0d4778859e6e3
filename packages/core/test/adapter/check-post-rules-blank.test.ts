import { describe, expect, it } from 'vitest';
import { checkPostRules } from '../../src/adapter/check-post-rules.js';
import type { ValidationProblem } from '../../src/errors/validation-error.js';
import type { Post } from '../../src/models/post.js';
import { instagramLikeCapabilities, xLikeCapabilities } from '../fixtures/capabilities.js';

const image = {
  kind: 'image',
  mimeType: 'image/jpeg',
  source: { type: 'url', url: 'https://cdn.example.com/photo.jpg' },
} as const;

/** Code points up to U+10FF weigh 1, others 2 (enough for these texts). */
const weighted = (text: string): number =>
  [...text].reduce((sum, char) => sum + ((char.codePointAt(0) ?? 0) <= 4351 ? 1 : 2), 0);

const checkX = (post: Post): ValidationProblem[] =>
  checkPostRules(post, xLikeCapabilities, { platformName: 'X', countText: weighted });
const checkInstagram = (post: Post): ValidationProblem[] =>
  checkPostRules(post, instagramLikeCapabilities, { platformName: 'Instagram' });
const rules = (problems: readonly ValidationProblem[]): string[] => problems.map((problem) => problem.rule);

// Characters that show nothing: NUL and other controls, zero-width space, joiners, word joiner,
// byte order mark, soft hyphen, Hangul filler.
const INVISIBLE = [
  '\u0000',
  '\u0000\u0000',
  '\u200b',
  '\u200c\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u3164',
  ' \u200b\n\u0000',
];

describe('checkPostRules: text made only of invisible characters is empty', () => {
  it.each(INVISIBLE.map((text) => [JSON.stringify(text), text]))(
    'text %s is an empty post',
    (_name, text) => {
      expect(rules(checkX({ text }))).toEqual(['post.empty']);
    },
  );

  it('counts invisible text as missing where the platform needs text', () => {
    const capabilities = {
      ...instagramLikeCapabilities,
      text: { ...instagramLikeCapabilities.text, required: true },
    };
    expect(
      rules(checkPostRules({ text: '\u200b', media: [image] }, capabilities, { platformName: 'Instagram' })),
    ).toEqual(['text.required']);
  });

  it('reports an invisible thread part as empty at its index', () => {
    expect(checkX({ text: 'Head', thread: [{ text: '\u200b\u0000' }] })).toMatchObject([
      { path: ['thread', 0], rule: 'post.empty' },
    ]);
  });

  it('still accepts text with a visible character among invisible ones', () => {
    expect(checkX({ text: '\u200bhi\u0000' })).toEqual([]);
    expect(checkX({ text: '👍🏽' })).toEqual([]);
  });
});

describe('checkPostRules: blank first comments and poll options', () => {
  it.each(['', '   ', '\u200b', '\u0000'])('refuses the first comment %j', (firstComment) => {
    expect(checkInstagram({ media: [image], firstComment })).toEqual([
      {
        path: ['firstComment'],
        rule: 'first_comment.empty',
        message: 'is empty; Instagram cannot post an empty comment',
      },
    ]);
  });

  it('accepts a first comment with text', () => {
    expect(checkInstagram({ media: [image], firstComment: '#hiring' })).toEqual([]);
  });

  it.each(['', ' ', '\t\n', '\u200b'])('refuses the poll option %j at its index', (blank) => {
    expect(checkX({ text: 'Vote', poll: { options: ['Yes', blank], durationMinutes: 60 } })).toEqual([
      {
        path: ['poll', 'options', 1],
        rule: 'poll.option_empty',
        message: 'is empty; X needs text in every option',
      },
    ]);
  });
});
