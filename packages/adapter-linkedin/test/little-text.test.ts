import { describe, expect, it } from 'vitest';
import { escapeLittleText, renderLittleText } from '../src/index.js';
import { parseLittleText } from '../src/mocks/index.js';

describe('little text', () => {
  it('escapes each reserved character, and nothing else', () => {
    expect(escapeLittleText(String.raw`\|{}@[]()<>#*_~`)).toBe(String.raw`\\\|\{\}\@\[\]\(\)\<\>\#\*\_\~`);
    expect(escapeLittleText('Plain text, with émoji 🎉 & "quotes".')).toBe(
      'Plain text, with émoji 🎉 & "quotes".',
    );
  });

  it('renders hashtags with letters only, and escapes the rest', () => {
    expect(renderLittleText('#1 priority: #ship_it! x#no')).toBe(
      String.raw`\#1 priority: {hashtag|\#|ship\_it}! x\#no`,
    );
  });

  it('leaves a link whole: a #fragment or @path in it is escaped, never a hashtag or mention', () => {
    const mentions = [{ name: 'Ana', urn: 'urn:li:person:1' }];
    const text =
      'Docs: https://example.com/#install and www.example.org/?q=1&#top by https://medium.com/@Ana #launch @Ana';
    const commentary = renderLittleText(text, mentions);
    expect(commentary).toBe(
      String.raw`Docs: https://example.com/\#install and www.example.org/?q=1&\#top by https://medium.com/\@Ana {hashtag|\#|launch} @[Ana](urn:li:person:1)`,
    );
    expect(parseLittleText(commentary)).toEqual({
      text: 'Docs: https://example.com/#install and www.example.org/?q=1&#top by https://medium.com/@Ana #launch Ana',
      mentions: ['urn:li:person:1'],
      hashtags: ['launch'],
      truncated: false,
    });
  });

  it('matches the longest mention name first', () => {
    const mentions = [
      { name: 'Ana', urn: 'urn:li:person:1' },
      { name: 'Ana Silva', urn: 'urn:li:person:2' },
    ];
    expect(renderLittleText('@Ana Silva and @Ana', mentions)).toBe(
      '@[Ana Silva](urn:li:person:2) and @[Ana](urn:li:person:1)',
    );
    expect(renderLittleText('@Bob', mentions)).toBe(String.raw`\@Bob`);
  });

  it('round-trips through LinkedIn’s reading of the format', () => {
    const text = String.raw`50% off (today) *only* — #Sale ~ <b> [x] {y} a\b c|d e_f @g`;
    const parsed = parseLittleText(renderLittleText(text));
    expect(parsed).toEqual({ text, mentions: [], hashtags: ['Sale'], truncated: false });
  });

  it('is cut at the first unescaped reserved character, as LinkedIn cuts it', () => {
    expect(parseLittleText('Launch (beta) today')).toEqual({
      text: 'Launch ',
      mentions: [],
      hashtags: [],
      truncated: true,
    });
  });
});
