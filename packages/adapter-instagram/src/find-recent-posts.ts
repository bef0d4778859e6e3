import type { RequestContext } from '@smmkit/core';
import type { RecentPost, RecentPostsQuery } from '@smmkit/core/adapter-kit';
import { clampPageSize, type HttpClient, matchRecentPosts, systemClock } from '@smmkit/core/adapter-kit';
import { parseGraphTime } from '@smmkit/graph-api';
import { instagramPostRef } from './post-ref.js';
import { MediaListSchema } from './schemas.js';

/** Posts to read when the query does not say. */
const DEFAULT_LIMIT = 20;
/** The largest page asked for. */
const MAX_LIMIT = 100;

/**
 * The account's media created at or after `query.since`, newest first, for reconciling a
 * publish whose outcome is unknown: `GET /{ig-user-id}/media?fields=id,caption,timestamp,permalink&since=…`
 * (IGUser.json `GET media` takes `since`; https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media). One page is read.
 *
 * With `query.text`, only media whose caption matches is returned, both sides compared
 * NFC-normalised with whitespace collapsed.
 *
 * @param http - the adapter's HTTP client
 * @param query - since, text and limit
 * @param context - the account, tokens, signal, clock and rate-limit listener
 * @returns the matching posts with their captions
 *
 * @example
 * ```ts
 * const found = await findRecentInstagramPosts(http, { since: new Date(Date.now() - 600_000), text: post.text }, ctx);
 * ```
 */
export async function findRecentInstagramPosts(
  http: HttpClient,
  query: RecentPostsQuery,
  context: RequestContext,
): Promise<RecentPost[]> {
  const clock = context.clock ?? systemClock;
  const { accountId } = context.account;
  const limit = clampPageSize(query.limit, DEFAULT_LIMIT, MAX_LIMIT);
  const { data } = await http.request({
    method: 'GET',
    path: `/${encodeURIComponent(accountId)}/media`,
    operation: 'list recent media',
    searchParams: {
      fields: 'id,caption,timestamp,permalink',
      since: Math.floor(query.since.getTime() / 1000),
      limit,
    },
    schema: MediaListSchema,
    context,
  });
  const now = new Date(clock.now());
  const recent = (data.data ?? []).map((media) => ({
    ref: instagramPostRef(media.id, accountId, media.permalink),
    ...(media.caption === undefined ? {} : { text: media.caption }),
    createdAt: parseGraphTime(media.timestamp) ?? now,
  }));
  return matchRecentPosts(recent, query, { limit });
}
