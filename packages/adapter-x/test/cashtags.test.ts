import twitterText from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { countCashtags } from '../src/text/cashtags.js';

/** Tiny seeded generator, so the corpus is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

// Cashtag-like tokens, and what may stand around them: letters and digits, white space, ASCII
// and other punctuation, symbols, emoji and CJK, so both ends of the match are tried.
const TAGS = ['$AAPL', '$aapl', '$BRK.A', '$BRK_B', '$TOOLONGX', '$A1', '$', '$$TSLA', 'x$MSFT', '$GOOG.'];
const OTHERS = [
  ...['and', '42', '.', ',', '!', '?', '+', '=', '|', '~', '$', '(', ')'],
  ...['…', '’', '«', '—', '😀', '中文', 'é', '#tag', '@who', 'https://x.com/a'],
];
const SEPARATORS = [' ', ' ', ' ', '', '\n'];

describe('countCashtags against twitter-text', () => {
  it("agrees with twitter-text's extractCashtags on 10,000 generated texts", () => {
    const random = seeded(20_261_207);
    const pick = (from: readonly string[]): string => from[Math.floor(random() * from.length)] ?? '';
    const corpus = Array.from({ length: 10_000 }, () =>
      Array.from(
        { length: 1 + Math.floor(random() * 8) },
        () => pick(random() < 0.45 ? TAGS : OTHERS) + pick(SEPARATORS),
      ).join(''),
    );
    const disagreements = corpus
      .map((text) => ({ text, ours: countCashtags(text), theirs: twitterText.extractCashtags(text).length }))
      .filter(({ ours, theirs }) => ours !== theirs);
    expect(disagreements.slice(0, 10)).toEqual([]);
    // The corpus is not trivial: many texts hold two cashtags or more, which self-serve access refuses.
    expect(corpus.filter((text) => twitterText.extractCashtags(text).length > 1).length).toBeGreaterThan(
      1_000,
    );
  });
});
