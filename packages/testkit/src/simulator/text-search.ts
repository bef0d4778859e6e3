// How search engines match a keyword or a phrase in a post: case- and accent-insensitive, on
// words split at punctuation, symbols and spaces. Simulators of a platform's search (X's recent
// search, Mastodon's) keep only their query language on top.

/**
 * Text folded for matching: lower case, without diacritics ("Diacrítica" matches "diacritica").
 *
 * @example
 * ```ts
 * foldText('Café') === 'cafe';
 * ```
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The folded words of a text, split at punctuation, symbols and spaces. */
function words(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/**
 * Whether the words of `keyword` appear in `text`'s words, in a row (a tokenized match: `acme`
 * finds "#Acme!" but not "acmecorp"; `new-york` finds "New York"). A keyword without a word
 * matches nothing.
 *
 * @example
 * ```ts
 * containsWords('Loving ACME coffee!', 'acme'); // true
 * ```
 */
export function containsWords(text: string, keyword: string): boolean {
  const wanted = words(keyword);
  if (wanted.length === 0) return false;
  const have = words(text);
  return have.some((_, start) => wanted.every((word, offset) => have[start + offset] === word));
}

/**
 * Whether `phrase` appears in `text` as it is (folded), not inside a longer word: `"acme co"`
 * finds "Acme Co." but not "Acme Cola"; a phrase that starts or ends with punctuation may touch a word there.
 *
 * @example
 * ```ts
 * containsPhrase('I love Acme Co. a lot', 'acme co'); // true
 * ```
 */
export function containsPhrase(text: string, phrase: string): boolean {
  const haystack = foldText(text);
  const needle = foldText(phrase);
  const wordChar = /[\p{L}\p{N}]/u;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack.charAt(at - 1);
    const after = haystack.charAt(at + needle.length);
    const startsWord = wordChar.test(needle.charAt(0));
    const endsWord = wordChar.test(needle.charAt(needle.length - 1));
    if (!(startsWord && wordChar.test(before)) && !(endsWord && wordChar.test(after))) return true;
  }
  return false;
}
