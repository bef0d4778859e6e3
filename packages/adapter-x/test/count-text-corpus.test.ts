import parseTweet from 'twitter-text/dist/parseTweet.js';
import { describe, expect, it } from 'vitest';
import { UNICODE_SETS } from '../src/count-text.js';
import { countXText } from '../src/index.js';
import { xTextCorpus } from './support/x-text-corpus.js';

const RGI_EMOJI = new RegExp(String.raw`\p{RGI_Emoji}`, UNICODE_SETS);

/**
 * `text` with each emoji Unicode recommends that twitter-text 3.1.0 counts as more than one
 * replaced by 😀: its emoji data is twemoji-parser 11 (Emoji 11.0), so a newer sequence (🧑‍🤝‍🧑, ❤️‍🔥,
 * 🏳️‍⚧️) counts code point by code point there, while X documents every emoji as 2 "regardless of
 * complexity" (https://docs.x.com/fundamentals/counting-characters). The one known divergence.
 */
function asTwitterTextShouldCount(text: string): string {
  return text.replace(RGI_EMOJI, (one) => (parseTweet(one).weightedLength === 2 ? one : '😀'));
}

describe('countXText against twitter-text', () => {
  it("agrees with twitter-text's parseTweet on 12,000 generated texts (emoji, CJK, accents, URLs, mentions, hashtags)", () => {
    const corpus = xTextCorpus(12_000, 20, asTwitterTextShouldCount);
    const disagreements = corpus
      .map(({ text, reference }) => ({
        text,
        ours: countXText(text),
        twitterText: parseTweet(reference).weightedLength,
      }))
      .filter(({ ours, twitterText }) => ours !== twitterText);
    expect(disagreements.slice(0, 10)).toEqual([]);
    expect(disagreements).toHaveLength(0);
    // The corpus is not mostly trivial: twitter-text finds URLs in many texts, and some carry newer emoji.
    const withUrls = corpus.filter(
      ({ reference }) => parseTweet(reference).weightedLength !== countWithoutUrls(reference),
    );
    expect(withUrls.length).toBeGreaterThan(2_000);
    expect(corpus.filter(({ text, reference }) => text !== reference).length).toBeGreaterThan(100);
    // Counting 24,000 texts is CPU-bound: on a shared, loaded machine it outlasts vitest's 5 s default.
  }, 60_000);

  it('counts an emoji sequence newer than twitter-text 3.1.0 as 2, as X documents, where twitter-text counts its parts', () => {
    for (const emoji of ['🧑‍🤝‍🧑', '❤️‍🔥', '🏳️‍⚧️', '🫱🏻']) {
      expect(countXText(emoji)).toBe(2);
      expect(parseTweet(emoji).weightedLength).toBeGreaterThan(2);
    }
  });

  it('counts a URL without a scheme only when its domain ends in a known top-level domain', () => {
    expect(countXText('see example.com')).toBe(4 + 23);
    expect(countXText('see notes.txt')).toBe(13);
    expect(countXText('see t.co/abc?x=1, ok')).toBe(4 + 23 + 4);
  });
});

/** twitter-text's length of `text` with URLs left as plain characters (a URL counts 23 otherwise). */
function countWithoutUrls(text: string): number {
  return parseTweet(text.replaceAll('.', '\u2024')).weightedLength;
}
