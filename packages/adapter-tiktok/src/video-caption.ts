/**
 * A caption as TikTok's video object holds it: `video_description` and `title` have "Max
 * length: 150" (https://developers.tiktok.com/doc/tiktok-api-v2-video-object), so a longer caption
 * is its first 150 characters (code points) there (ASSUMED: the page gives the length, not what
 * becomes of the rest). The adapter compares reconciled captions on these; the simulator answers them.
 *
 * @param text - a post's caption
 * @returns its first 150 characters
 *
 * @example
 * ```ts
 * videoObjectCaption('x'.repeat(200)).length; // 150
 * ```
 */
export function videoObjectCaption(text: string): string {
  return [...text].slice(0, 150).join('');
}
