// twitter-text is loaded through its one `dist/parseTweet.js` file, not the package root: the
// root also pulls in autolinking, extraction and highlighting with their core-js polyfills.
// Measured with esbuild 0.28 (--bundle --minify --platform=node, gzip -9) on the whole adapter
// with core, zod and ky: 40.2 kB without twitter-text, 61.8 kB with this file (+21.6 kB, of
// which core-js is about half), 80.3 kB with the package root (+40.1 kB). The package has no
// `exports` map, so the deep path is public to Node, and its CommonJS `module.exports` is the
// function itself (babel add-module-exports). Only this module imports it.
import parseTweet from 'twitter-text/dist/parseTweet.js';

/**
 * What X counts every URL as, whatever its length (23 characters:
 * https://docs.x.com/fundamentals/counting-characters).
 */
export const X_URL_LENGTH = 23;

/**
 * The length of `text` as X counts it against its limit, with twitter-text's `parseTweet` and
 * its default v3 configuration (https://docs.x.com/fundamentals/counting-characters): code points 0–4351,
 * 8192–8205, 8208–8223 and 8242–8247 weigh 1, everything else (CJK, emoji) 2, an emoji ZWJ sequence 2, every
 * URL 23, after NFC normalisation. Synchronous and free of I/O, so `validate` can use it.
 *
 * @param text - the post text
 * @returns the weighted length
 *
 * @example
 * ```ts
 * countXText('Hello https://example.com/a/very/long/path'); // 6 + 23 = 29
 * countXText('你好'); // 4
 * ```
 */
export function countXText(text: string): number {
  return parseTweet(text).weightedLength;
}
