/**
 * A video's Page post id as its Video node's `post_id` gives it, made a Post id
 * `{page-id}_{post-id}` (https://developers.facebook.com/docs/graph-api/reference/post/), the form
 * the Page's posts (https://developers.facebook.com/docs/graph-api/reference/page/feed/) and the
 * `feed` webhook's `post_id` (https://developers.facebook.com/docs/graph-api/webhooks/reference/page/)
 * name the post by. The Video reference (https://developers.facebook.com/docs/graph-api/reference/video/)
 * does not say how `post_id` is written (ASSUMED: either `{page-id}_{post-id}` or the post id
 * alone), so an id without `_` is put after the Page's id and one with it is kept.
 *
 * @param postId - the Video node's `post_id`
 * @param pageId - the Page the video is on
 * @returns the Page post id, `{page-id}_{post-id}`
 *
 * @example
 * ```ts
 * videoPagePostId('987', '123'); // '123_987'
 * videoPagePostId('123_987', '123'); // '123_987'
 * ```
 */
export function videoPagePostId(postId: string, pageId: string): string {
  return postId.includes('_') ? postId : `${pageId}_${postId}`;
}
