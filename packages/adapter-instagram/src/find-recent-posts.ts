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
 * The account's media and stories created at or after `query.since`, newest first, for
 * reconciling a publish whose outcome is unknown: `GET /{ig-user-id}/media?fields=id,caption,timestamp,permalink&since=…`
 * (IGUser.json `GET media` takes `since`; https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media)
 * and `GET /{ig-user-id}/stories` with the same fields, since `media` leaves stories out
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/stories).
 * One page of each is read.
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
  const list = async (edge: 'media' | 'stories', operation: string, since?: number) => {
    const { data } = await http.request({
      method: 'GET',
      path: `/${encodeURIComponent(accountId)}/${edge}`,
      operation,
      searchParams: {
        fields: 'id,caption,timestamp,permalink',
        ...(since === undefined ? {} : { since }),
        limit,
      },
      schema: MediaListSchema,
      context,
    });
    return data.data ?? [];
  };
  // Stories are not in `media` ("Story IG Media not supported, use the GET /<IG_USER_ID>/stories
  // endpoint instead"); `stories` takes no `since`, and holds the last 24 hours.
  const [media, stories] = await Promise.all([
    list('media', 'list recent media', Math.floor(query.since.getTime() / 1000)),
    list('stories', 'list recent stories'),
  ]);
  const now = new Date(clock.now());
  const recent = [...media, ...stories]
    .map((item) => ({
      ref: instagramPostRef(item.id, accountId, item.permalink),
      ...(item.caption === undefined ? {} : { text: item.caption }),
      createdAt: parseGraphTime(item.timestamp) ?? now,
    }))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return matchRecentPosts(recent, query, { limit });
}
