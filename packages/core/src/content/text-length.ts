import type { TextCounting } from '../adapter/capabilities.js';
import { urlsInText } from './urls-in-text.js';

const URL_PATTERN = urlsInText();

let segmenter: Intl.Segmenter | undefined;

/**
 * The length of `text` as a platform counts it. `weighted` counting is platform-specific
 * (X weighs CJK and emoji as 2) and is not handled here: adapters pass their own counter.
 *
 * @param urlLength - when set, every URL counts as this many characters (X and Mastodon: 23)
 * @example
 * ```ts
 * countText('Read https://example.com/a/very/long/path', 'code_points', 23); // 5 + 23 = 28
 * countText('👍🏽', 'graphemes'); // 1
 * ```
 */
export function countText(
  text: string,
  counting: Exclude<TextCounting, 'weighted'>,
  urlLength?: number,
): number {
  const urls = urlLength === undefined ? [] : (text.match(URL_PATTERN) ?? []);
  const rest = urls.length === 0 ? text : text.replace(URL_PATTERN, '');
  return lengthOf(rest, counting) + urls.length * (urlLength ?? 0);
}

function lengthOf(text: string, counting: Exclude<TextCounting, 'weighted'>): number {
  switch (counting) {
    case 'utf16_units':
      return text.length;
    case 'code_points': {
      let n = 0;
      for (const _ of text) n++;
      return n;
    }
    case 'graphemes': {
      segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
      let n = 0;
      for (const _ of segmenter.segment(text)) n++;
      return n;
    }
  }
}

/**
 * Hashtags (`#word`) in `text`, as Instagram counts them toward its limit of 30.
 *
 * @example
 * ```ts
 * countHashtags('New drop #spring #sale'); // 2
 * ```
 */
export function countHashtags(text: string): number {
  return text.match(/(^|[^\p{L}\p{N}_&])#[\p{L}\p{N}_]+/gu)?.length ?? 0;
}

/**
 * Mentions (`@handle`) in `text`, as Instagram counts them toward its limit of 20.
 *
 * @example
 * ```ts
 * countMentions('Thanks @ana and @bo!'); // 2
 * ```
 */
export function countMentions(text: string): number {
  return text.match(/(^|[^\p{L}\p{N}_.@])@[\p{L}\p{N}_.]+/gu)?.length ?? 0;
}
