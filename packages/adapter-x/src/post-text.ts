import type { XPost } from './schemas.js';

/**
 * The `tweet.fields` entry that brings the whole text of a long post: a post over 280 characters
 * (X Premium) has only its start in `text` and all of it in `note_tweet` ("The full content of the
 * Post, including text beyond 280 characters": `Post.note_post` in https://api.x.com/2/openapi.json;
 * `note_tweet` in https://docs.x.com/x-api/fundamentals/data-dictionary and on the wire). Ask for it
 * wherever a post's text is read.
 */
export const X_NOTE_FIELD = 'note_tweet';

/**
 * The whole text of a post: `note_tweet.text` (or `note_post.text`, the newest spec's name) for a
 * long post, else `text`.
 *
 * @param post - the post, read with {@link X_NOTE_FIELD} in `tweet.fields`
 * @returns the text, or `undefined` when X sent none
 *
 * @example
 * ```ts
 * xPostText({ id: '1', text: 'Long announcement. Lorem…', note_tweet: { text: fullText } }); // fullText
 * ```
 */
export function xPostText(post: Pick<XPost, 'text' | 'note_tweet' | 'note_post'>): string | undefined {
  return post.note_tweet?.text ?? post.note_post?.text ?? post.text;
}
