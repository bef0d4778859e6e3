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

/**
 * A Graph timestamp (`2026-05-01T09:05:00+0000`) as a `Date`, or `undefined` when unreadable.
 *
 * @param value - the timestamp
 * @returns the instant
 *
 * @example
 * ```ts
 * graphTime('2026-05-01T09:05:00+0000'); // 2026-05-01T09:05:00.000Z
 * ```
 */
export function graphTime(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const normalised = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const time = Date.parse(normalised);
  return Number.isNaN(time) ? undefined : new Date(time);
}
