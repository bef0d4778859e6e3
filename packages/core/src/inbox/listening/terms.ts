import { foldText } from '../inbox-query.js';

/** Scripts written without spaces between words: their terms are matched as folded substrings. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}]/u;
/** A word: letters, marks and digits, with inner apostrophes (`don't`); `#` and `@` are not part of it. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

/** A text made ready for matching many terms against it. */
export interface MatchableText {
  /** The text folded (see `foldText`). */
  readonly folded: string;
  /** Its words, folded, in order (`#refund` and `@brand` give `refund` and `brand`). */
  readonly words: readonly string[];
}

/**
 * Folds a text and splits it into words, once for every term matched against it.
 *
 * @param text - an engagement's text
 * @returns the folded text and its words
 */
export function matchableText(text: string): MatchableText {
  const folded = foldText(text);
  return { folded, words: (folded.match(WORD) ?? []).map(straightApostrophe) };
}

/**
 * Whether `term` occurs in the text: a word (`refund`), a phrase of consecutive words
 * (`charged twice`), or a word prefix ending in `*` (`refund*` finds `refunded`). Case and
 * width are ignored (both sides folded), and words must match whole, so `art` does not find
 * `start`. A term in a script written without spaces (Chinese, Japanese, Thai) is matched as a
 * folded substring instead, since such text has no word boundaries to match on.
 *
 * @param text - from {@link matchableText}
 * @param term - the word, phrase or prefix
 * @returns true when it occurs
 *
 * @example
 * ```ts
 * const text = matchableText('I was CHARGED twice, want a #refund');
 * termOccurs(text, 'charged twice'); // true
 * termOccurs(text, 'refund*'); // true
 * ```
 */
export function termOccurs(text: MatchableText, term: string): boolean {
  const folded = foldText(term).trim();
  if (UNSPACED.test(folded)) return text.folded.includes(folded.replace(/\*$/u, ''));
  const prefix = folded.endsWith('*');
  const words = (folded.match(WORD) ?? []).map(straightApostrophe);
  if (words.length === 0) return false;
  const last = words.length - 1;
  for (let start = 0; start + words.length <= text.words.length; start += 1) {
    const matches = words.every((word, index) => {
      const candidate = text.words[start + index] ?? '';
      return prefix && index === last ? candidate.startsWith(word) : candidate === word;
    });
    if (matches) return true;
  }
  return false;
}

function straightApostrophe(word: string): string {
  return word.replaceAll('’', "'");
}
