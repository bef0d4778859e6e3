// twitter-text ships untyped CommonJS files and @types/twitter-text types only the package root.
// The counter's test (test/count-text-corpus.test.ts) imports the one file it checks countXText
// against, typed here with what it reads. (The simulator in ./mocks uses the package root.)
declare module 'twitter-text/dist/parseTweet.js' {
  /** What `parseTweet` reports about a text (twitter-text 3, dist/parseTweet.js). */
  interface ParsedTweet {
    /** Length as X counts it against its limit: weighted, URLs as 23, NFC-normalised. */
    readonly weightedLength: number;
    /** Whether the text fits 280 weighted characters and has no invalid characters. */
    readonly valid: boolean;
    /** `weightedLength` per thousand of 280. */
    readonly permillage: number;
    /** Start of the part that fits, in UTF-16 units. */
    readonly validRangeStart: number;
    /** End of the part that fits, inclusive, in UTF-16 units. */
    readonly validRangeEnd: number;
    /** Start of the displayed text, in UTF-16 units. */
    readonly displayRangeStart: number;
    /** End of the displayed text, inclusive, in UTF-16 units. */
    readonly displayRangeEnd: number;
  }
  /** Parses `text` with twitter-text's default (v3) configuration. */
  export default function parseTweet(text: string): ParsedTweet;
}
