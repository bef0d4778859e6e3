// X's weighted length, as https://docs.x.com/fundamentals/counting-characters documents it and
// twitter-text's v3 configuration defines it (https://github.com/twitter/twitter-text, config/v3.json):
// NFC first; then every URL counts 23, every emoji 2 whatever its length, and every other code point
// 1 in the ranges below and 2 elsewhere (CJK among them). Written here instead of importing
// twitter-text, which brought core-js 2 (with an install script), @babel/runtime and about 21 kB
// gzipped to every app that publishes; test/count-text-corpus.test.ts checks this counter against
// twitter-text's parseTweet on generated texts.
import { findXUrls } from './text/x-urls.js';

/**
 * What X counts every URL as, whatever its length (23 characters:
 * https://docs.x.com/fundamentals/counting-characters).
 */
export const X_URL_LENGTH = 23;

/** Code points weighing 1 (twitter-text config v3 `ranges`); every other one weighs 2. */
const LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

/**
 * Flags `g` and `v` (Unicode sets, ES2024): `\p{RGI_Emoji}` needs `v`, which Node 20+, current
 * browsers and edge runtimes have. A plain string, not a literal: the build targets ES2023 syntax.
 */
export const UNICODE_SETS: string = 'gv';

let emojiPattern: RegExp | undefined;

/**
 * Emoji as Unicode's recommended (RGI) set defines them, one match per emoji however many code
 * points it joins (ZWJ sequences, skin tones, flags, keycaps), from the runtime's own Unicode data;
 * and two unqualified forms that X's emoji data (twemoji) takes for one emoji too: a keycap
 * without its variation selector (`1⃣`) and the eye in a speech bubble without them (`👁‍🗨`).
 */
function emoji(): RegExp {
  emojiPattern ??= new RegExp(String.raw`\p{RGI_Emoji}|[#*0-9]\u20E3|\u{1F441}\u200D\u{1F5E8}`, UNICODE_SETS);
  return emojiPattern;
}

function unitWeight(unit: number): number {
  for (const [from, to] of LIGHT_RANGES) if (unit >= from && unit <= to) return 1;
  return 2;
}

/**
 * The length of `text` as X counts it against its limit
 * (https://docs.x.com/fundamentals/counting-characters): after NFC normalisation, code points
 * 0–4351, 8192–8205, 8208–8223 and 8242–8247 weigh 1, everything else (CJK, emoji) 2, an emoji
 * 2 however many code points it joins (ZWJ sequences, skin tones, flags), and every URL 23 (found
 * as X finds them: with a scheme, or an ASCII domain ending in a known top-level domain).
 * Synchronous and free of I/O, so `validate` can use it.
 *
 * @param text - the post text
 * @returns the weighted length
 *
 * @example
 * ```ts
 * countXText('Hello https://example.com/a/very/long/path'); // 6 + 23 = 29
 * countXText('你好'); // 4
 * countXText('👩🏽‍💻'); // 2
 * ```
 */
export function countXText(text: string): number {
  const normalized = text.normalize('NFC');
  // Where a URL or an emoji starts, how many UTF-16 units it covers and what it weighs. A URL
  // wins over an emoji starting at the same place; either is skipped when it starts inside an
  // earlier one (twitter-text's parseTweet walks the text the same way).
  const spans = new Map<number, { length: number; weight: number }>();
  const pattern = emoji();
  pattern.lastIndex = 0;
  for (let match = pattern.exec(normalized); match !== null; match = pattern.exec(normalized)) {
    spans.set(match.index, { length: match[0].length, weight: 2 });
  }
  for (const url of findXUrls(normalized)) spans.set(url.start, { length: url.length, weight: X_URL_LENGTH });
  let length = 0;
  for (let index = 0; index < normalized.length; index += 1) {
    const span = spans.get(index);
    if (span !== undefined) {
      length += span.weight;
      index += span.length - 1;
      continue;
    }
    const unit = normalized.charCodeAt(index);
    const low = normalized.charCodeAt(index + 1);
    // A surrogate pair is one code point outside the light ranges.
    if (unit >= 0xd800 && unit <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) index += 1;
    length += unitWeight(unit);
  }
  return length;
}
