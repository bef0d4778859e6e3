import type { PostRef } from '@smmkit/core';
import { isHttpUrl } from '@smmkit/core/adapter-kit';

/**
 * A reference to an Instagram media item: its IG media id, and its permalink when known.
 *
 * @param mediaId - the IG media id
 * @param accountId - the IG user id that published it
 * @param url - the permalink, when known
 * @returns the ref
 *
 * @example
 * ```ts
 * instagramPostRef('17900000000000000', '17841400000000000', 'https://www.instagram.com/p/Cx1/');
 * ```
 */
export function instagramPostRef(mediaId: string, accountId: string, url?: string | undefined): PostRef {
  return { platform: 'instagram', accountId, platformPostId: mediaId, ...(isHttpUrl(url) ? { url } : {}) };
}
