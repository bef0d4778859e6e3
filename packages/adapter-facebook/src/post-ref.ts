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

/**
 * Reads a Graph time (`2026-12-04T17:15:38+0000`, no colon in the offset) as a `Date`.
 *
 * @param value - the time as Graph writes it
 * @returns the instant, or `undefined` when absent or unreadable
 *
 * @example
 * ```ts
 * graphTime('2026-12-04T17:15:38+0000')?.toISOString(); // '2026-12-04T17:15:38.000Z'
 * ```
 */
export function graphTime(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(time) ? undefined : new Date(time);
}
