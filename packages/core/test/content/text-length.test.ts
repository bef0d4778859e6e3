import { describe, expect, it } from 'vitest';
import { countHashtags, countMentions, countText } from '../../src/content/text-length.js';
import { textWithLink } from '../../src/content/text-with-link.js';

describe('countText: code points, UTF-16 units and graphemes', () => {
  it.each([
    // [description, text, code points, UTF-16 units, graphemes]
    ['plain ASCII', 'Hello', 5, 5, 5],
    ['an emoji with a skin-tone modifier', '👍🏽', 2, 4, 1],
    ['a ZWJ family emoji', '👨‍👩‍👧‍👦', 7, 11, 1],
    ['a flag (two regional indicators)', '🇫🇷', 2, 4, 1],
    ['BMP CJK characters', '漢字かな', 4, 4, 4],
    ['an astral CJK character', '𠜎', 1, 2, 1],
    ['a letter with a combining accent', 'e\u0301', 2, 2, 1],
    ['the empty string', '', 0, 0, 0],
  ])('counts %s differently per counting', (_description, text, codePoints, utf16, graphemes) => {
    expect(countText(text, 'code_points')).toBe(codePoints);
    expect(countText(text, 'utf16_units')).toBe(utf16);
    expect(countText(text, 'graphemes')).toBe(graphemes);
  });
});

describe('countText: URLs', () => {
  it('counts URLs at their real length when no urlLength is given', () => {
    expect(countText('Go https://example.com/a/b', 'code_points')).toBe(26);
  });

  it('counts every URL as urlLength, however long, and the rest normally', () => {
    const text = 'Read https://example.com/a/very/long/path and https://b.example/?q=1&r=2 today';
    // "Read " + " and " + " today" = 16, plus two URLs at 23.
    expect(countText(text, 'code_points', 23)).toBe(16 + 46);
    expect(countText('https://x.co', 'utf16_units', 23)).toBe(23);
  });

  it('recognises http and https schemes in any case, and nothing else', () => {
    expect(countText('HTTPS://EXAMPLE.COM', 'code_points', 23)).toBe(23);
    expect(countText('http://example.com', 'code_points', 23)).toBe(23);
    expect(countText('ftp://example.com', 'code_points', 23)).toBe(17);
    expect(countText('example.com', 'code_points', 23)).toBe(11);
  });

  it('leaves sentence punctuation after a URL out of the URL, so it still counts', () => {
    expect(countText('Read https://example.com.', 'code_points', 23)).toBe(5 + 23 + 1);
    expect(countText('Is it https://example.com/?', 'code_points', 23)).toBe(6 + 23 + 1);
    expect(countText('(see https://example.com)', 'code_points', 23)).toBe(5 + 23 + 1);
    expect(countText('"https://example.com"', 'code_points', 23)).toBe(1 + 23 + 1);
    expect(countText('https://a.example, https://b.example!', 'code_points', 23)).toBe(23 + 2 + 23 + 1);
  });

  it('keeps a closing parenthesis that closes one opened inside the URL', () => {
    expect(countText('https://en.wikipedia.org/wiki/Mercury_(planet)', 'code_points', 23)).toBe(23);
    expect(countText('See https://en.wikipedia.org/wiki/Mercury_(planet).', 'code_points', 23)).toBe(
      4 + 23 + 1,
    );
  });

  it('counts the text around URLs in the requested counting', () => {
    expect(countText('👍🏽 https://example.com', 'graphemes', 23)).toBe(1 + 1 + 23);
    expect(countText('👍🏽 https://example.com', 'utf16_units', 23)).toBe(4 + 1 + 23);
  });
});

describe('countHashtags', () => {
  it('counts #words separated by spaces or punctuation', () => {
    expect(countHashtags('New drop #spring #sale')).toBe(2);
    expect(countHashtags('#first,#second.#third')).toBe(3);
    expect(countHashtags('#café #日本 #snake_case')).toBe(3);
  });

  it('counts a digits-only tag such as #1 as a hashtag (the regex takes letters and digits alike)', () => {
    expect(countHashtags('We are #1')).toBe(1);
    expect(countHashtags('#2026')).toBe(1);
  });

  it('ignores # inside a word, an HTML entity, a lone #, and C#', () => {
    expect(countHashtags('a#b page#section')).toBe(0);
    expect(countHashtags('it&#39;s')).toBe(0);
    expect(countHashtags('# heading and C# or F#')).toBe(0);
  });

  it('counts ##tag once', () => {
    expect(countHashtags('##double')).toBe(1);
  });
});

describe('countMentions', () => {
  it('counts @handles, including handles with dots and underscores', () => {
    expect(countMentions('Thanks @ana and @bo!')).toBe(2);
    expect(countMentions('cc @ana.b @c_d')).toBe(2);
    expect(countMentions('@start of text')).toBe(1);
  });

  it('does not count email addresses as mentions', () => {
    expect(countMentions('write to ana@example.com or bo.x@mail.example')).toBe(0);
  });

  it('ignores a lone @ and @@', () => {
    expect(countMentions('meet @ 5pm')).toBe(0);
    expect(countMentions('@@ana')).toBe(0);
  });
});

describe('textWithLink', () => {
  const link = 'https://example.com/jobs';

  it('appends the link after a space', () => {
    expect(textWithLink('We are hiring', link)).toBe(`We are hiring ${link}`);
  });

  it('gives the link alone for empty or absent text', () => {
    expect(textWithLink('', link)).toBe(link);
    expect(textWithLink(undefined, link)).toBe(link);
  });

  it('leaves text that already contains the link unchanged', () => {
    expect(textWithLink(`Apply: ${link} today`, link)).toBe(`Apply: ${link} today`);
    expect(textWithLink(`Apply at ${link}.`, link)).toBe(`Apply at ${link}.`);
  });

  it('finds the link followed by punctuation of any script, and adds it once', () => {
    for (const text of [
      `詳しくはこちら ${link}。`,
      `セール中→${link}！今すぐ`,
      `Details: ${link}…`,
      `«${link}»`,
      `(${link})`,
    ]) {
      expect(textWithLink(text, link)).toBe(text);
    }
  });

  it('appends the link when the text holds only a longer URL that starts with it', () => {
    expect(textWithLink(`Sale: ${link}-in-berlin`, link)).toBe(`Sale: ${link}-in-berlin ${link}`);
  });

  it('gives the text (or an empty string) when there is no link', () => {
    expect(textWithLink('Just text', undefined)).toBe('Just text');
    expect(textWithLink(undefined, undefined)).toBe('');
  });
});
