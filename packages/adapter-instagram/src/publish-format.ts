import type { Media } from '@smmkit/core';
import type { PostFormat } from '@smmkit/core/adapter-kit';

/** How a post's media is published (https://developers.facebook.com/docs/instagram-platform/content-publishing). */
export type InstagramPublishKind = 'image' | 'reel' | 'carousel' | 'story';

/**
 * What a post becomes on Instagram, from its format and media (https://developers.facebook.com/docs/instagram-platform/content-publishing):
 * `story` → a story; `reel` → a reel; `feed` → a carousel with 2 or more items, a reel for one
 * video (every single video since July 2023), else an image.
 *
 * @param format - `post.options.instagram.format`, default `feed`
 * @param media - the post's media
 * @returns the kind of container to create
 *
 * @example
 * ```ts
 * instagramPublishKind('feed', [video]); // 'reel'
 * ```
 */
export function instagramPublishKind(format: PostFormat, media: readonly Media[]): InstagramPublishKind {
  if (format === 'story') return 'story';
  if (format === 'reel') return 'reel';
  if (media.length > 1) return 'carousel';
  return media[0]?.kind === 'video' ? 'reel' : 'image';
}
