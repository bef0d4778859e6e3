import type { PostRef } from '@smmkit/core';
import type { MastodonStatus } from './schemas.js';

/**
 * A status's public address: its HTML page (`url`), or its ActivityPub `uri` when Mastodon
 * gives no page (docs.joinmastodon.org: entities/Status, `url` is nullable).
 *
 * @param status - the status
 * @returns the URL to show people
 *
 * @example
 * ```ts
 * statusUrl({ url: null, uri: 'https://mastodon.social/users/ana/statuses/1', … }); // the uri
 * ```
 */
export function statusUrl(status: Pick<MastodonStatus, 'url' | 'uri'>): string {
  return status.url ?? status.uri;
}

/**
 * A {@link PostRef} to a status of the account `accountId`.
 *
 * @param status - the status
 * @param accountId - the account that published it
 * @returns the reference, with the status's URL
 *
 * @example
 * ```ts
 * statusRef(status, '109').platformPostId; // status.id
 * ```
 */
export function statusRef(status: Pick<MastodonStatus, 'id' | 'url' | 'uri'>, accountId: string): PostRef {
  return { platform: 'mastodon', accountId, platformPostId: status.id, url: statusUrl(status) };
}
