import type { RequestContext } from '@smmkit/core';
import type { RecentPost, RecentPostsQuery } from '@smmkit/core/adapter-kit';
import { clampPageSize, type HttpClient, matchRecentPosts, systemClock } from '@smmkit/core/adapter-kit';
import { facebookPostRef, graphTime } from './post-ref.js';
import { PagePostListSchema } from './schemas.js';

/** Posts to read when the query does not say. */
const DEFAULT_LIMIT = 25;
/** The largest page asked for (https://developers.facebook.com/docs/graph-api/reference/page/feed: "limit" up to 100). */
const MAX_LIMIT = 100;

/**
 * The Page's posts created at or after `query.since`, newest first, for reconciling a publish
 * whose outcome is unknown: `GET /{page-id}/posts?fields=id,message,created_time&since=…`
 * (https://developers.facebook.com/docs/graph-api/reference/page/feed). One page is read. With
 * `query.text`, only posts whose message matches are returned (NFC, whitespace collapsed).
 *
 * @param http - the adapter's HTTP client
 * @param query - since, text and limit
 * @param context - the Page, its token, signal and clock
 * @returns the matching posts with their messages
 *
 * @example
 * ```ts
 * const found = await findRecentFacebookPosts(http, { since: new Date(Date.now() - 600_000), text: post.text }, ctx);
 * ```
 */
export async function findRecentFacebookPosts(
  http: HttpClient,
  query: RecentPostsQuery,
  context: RequestContext,
): Promise<RecentPost[]> {
  const clock = context.clock ?? systemClock;
  const pageId = context.account.accountId;
  const limit = clampPageSize(query.limit, DEFAULT_LIMIT, MAX_LIMIT);
  const { data } = await http.request({
    method: 'GET',
    path: `/${encodeURIComponent(pageId)}/posts`,
    operation: 'list recent posts',
    searchParams: {
      fields: 'id,message,created_time',
      since: Math.floor(query.since.getTime() / 1000),
      limit,
    },
    schema: PagePostListSchema,
    context,
  });
  const now = new Date(clock.now());
  const recent = (data.data ?? []).map((post) => ({
    ref: facebookPostRef(post.id, pageId),
    ...(post.message === undefined ? {} : { text: post.message }),
    createdAt: graphTime(post.created_time) ?? now,
  }));
  return matchRecentPosts(recent, query, { limit });
}
