import type { PostRef } from '@smmkit/core';

/**
 * The reference to a Page post: its id `{page-id}_{post-id}` and its URL
 * `https://www.facebook.com/{post-id}` (https://developers.facebook.com/docs/pages-api/posts).
 *
 * @param postId - the post's Graph id
 * @param pageId - the Page it is on
 * @returns the post reference
 *
 * @example
 * ```ts
 * facebookPostRef('123_456', '123').url; // 'https://www.facebook.com/123_456'
 * ```
 */
export function facebookPostRef(postId: string, pageId: string): PostRef {
  return {
    platform: 'facebook',
    accountId: pageId,
    platformPostId: postId,
    url: `https://www.facebook.com/${encodeURIComponent(postId)}`,
  };
}
