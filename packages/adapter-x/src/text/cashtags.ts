/**
 * A cashtag as twitter-text finds one: `$` and 1–6 letters, with an optional `.` or `_` and 1–2
 * more (`$TSLA`, `$BRK.A`), at the start or after white space, and ending at white space, ASCII
 * punctuation or the end (https://github.com/twitter/twitter-text, `extractCashtags`; checked
 * against it on a corpus in test/cashtags.test.ts).
 */
const CASHTAG = /(?:^|\s)\$[a-z]{1,6}(?:[._][a-z]{1,2})?(?=$|\s|[!-/:-@[-`{-~])/giu;

/**
 * How many cashtags `text` holds: self-serve access takes at most 1 in a post
 * (https://docs.x.com/x-api/posts/manage-tweets/integrate).
 *
 * @param text - a post's text
 * @returns the number of cashtags
 *
 * @example
 * ```ts
 * countCashtags('Earnings day for $AAPL and $MSFT'); // 2
 * ```
 */
export function countCashtags(text: string): number {
  return text.match(CASHTAG)?.length ?? 0;
}
