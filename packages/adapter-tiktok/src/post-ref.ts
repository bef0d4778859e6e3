import type { PostRef } from '@smmkit/core';

/** A public post id: TikTok's ids are all digits; a publish id (`v_pub_file~…`) is not. */
const PUBLIC_ID = /^\d+$/;

/**
 * Whether `id` is a public post id rather than the publish id a post has until TikTok has made
 * it public.
 *
 * @param id - a `PostRef.platformPostId` of the TikTok adapter
 * @returns true for a public post id
 *
 * @example
 * ```ts
 * isTikTokPublicId('7431234567890123456'); // true
 * isTikTokPublicId('v_pub_file~v2-1.7431234567890'); // false
 * ```
 */
export function isTikTokPublicId(id: string): boolean {
  return PUBLIC_ID.test(id);
}

/**
 * The public URL of a post: `https://www.tiktok.com/@{username}/video/{id}`, or `/photo/{id}` for
 * a photo post.
 *
 * @param username - the creator's username (creator info's `creator_username`)
 * @param id - the public post id
 * @param kind - a video or a photo post
 * @returns the URL
 *
 * @example
 * ```ts
 * tiktokPostUrl('acme', '7431234567890123456', 'video'); // https://www.tiktok.com/@acme/video/7431234567890123456
 * ```
 */
export function tiktokPostUrl(username: string, id: string, kind: 'video' | 'photo'): string {
  return `https://www.tiktok.com/@${encodeURIComponent(username)}/${kind}/${encodeURIComponent(id)}`;
}

/**
 * A reference to a TikTok post of `accountId`: its public id and URL when known, else its
 * publish id.
 *
 * @param accountId - the creator's account id
 * @param id - the public post id, or the publish id
 * @param url - the public URL, when known
 * @returns the reference
 */
export function tiktokPostRef(accountId: string, id: string, url?: string | undefined): PostRef {
  return { platform: 'tiktok', accountId, platformPostId: id, ...(url === undefined ? {} : { url }) };
}
