import type { Engagement, RequestContext } from '@smmkit/core';
import { type HttpClient, type QueryValues, systemClock } from '@smmkit/core/adapter-kit';
import type { XEngagementPosition } from './engagement-cursor.js';
import type { XFetchPage } from './engagement-pages.js';
import { usersById, X_ENGAGEMENT_POST_FIELDS, type XEngagementContext } from './post-engagement.js';
import { recentSearchStart } from './recent-search.js';
import { PostListResponseSchema, type XPost } from './schemas.js';
import { xTimestamp } from './x-time.js';

/** Which list of posts {@link fetchXPostPages} reads, and what each post is. */
export interface XPostPagesRequest {
  /** The endpoint (`/2/users/:id/mentions`, `/2/tweets/search/recent`). */
  readonly path: string;
  /** What the request does, for errors. */
  readonly operation: string;
  /** The endpoint's own parameters at a position (page token, size, `until_id`, time); `now` is the clock's. */
  readonly searchParams: (position: XEngagementPosition, now: number) => QueryValues;
  /** Items created before it are left out. */
  readonly since: Date | undefined;
  /** The engagement a post is, or `undefined` to leave it out. */
  readonly engagement: (post: XPost, where: XEngagementContext) => Engagement | undefined;
}

/**
 * Fetches pages of a list of posts (the mentions timeline, a recent search) as engagement
 * entries for {@link readXSource}: each request asks for the fields {@link xPostEngagement} reads
 * and the authors (`expansions=author_id`, `user.fields=username,name`); the account's own posts
 * and posts older than `since` become `undefined` entries, kept in place so paging stays aligned
 * with X's ids.
 */
export function fetchXPostPages(
  http: HttpClient,
  context: RequestContext,
  request: XPostPagesRequest,
): XFetchPage {
  const accountId = context.account.accountId;
  const clock = context.clock ?? systemClock;
  const { since } = request;
  return async (position) => {
    const now = clock.now();
    const { data } = await http.request({
      method: 'GET',
      path: request.path,
      operation: request.operation,
      searchParams: {
        ...request.searchParams(position, now),
        'tweet.fields': X_ENGAGEMENT_POST_FIELDS,
        expansions: 'author_id',
        'user.fields': 'username,name',
      },
      schema: PostListResponseSchema,
      context,
    });
    const where = { accountId, users: usersById(data.includes?.users), now: new Date(now) };
    const posts = data.data ?? [];
    const entries = posts.map((post) => {
      // The account's own posts (its thread, its first comment) are not engagement.
      if (post.author_id === accountId) return undefined;
      const item = request.engagement(post, where);
      // start_time is rounded down to the second (or left out): drop what is older than `since`.
      return item === undefined || (since !== undefined && item.createdAt < since) ? undefined : item;
    });
    return { entries, ids: posts.map((post) => post.id), next: data.meta?.next_token };
  };
}

/**
 * Recent search (`GET /2/tweets/search/recent`, https://docs.x.com/x-api/posts/search/introduction)
 * for `query`: paged with `next_token`, resumed inside a page with `until_id`, and `since` sent as
 * `start_time` when it lies inside the 7-day window ({@link recentSearchStart}).
 */
export function xRecentSearch(
  query: string,
  since: Date | undefined,
): Pick<XPostPagesRequest, 'path' | 'searchParams'> {
  return {
    path: '/2/tweets/search/recent',
    searchParams: ({ token, size, untilId }, now) => {
      const startTime = recentSearchStart(since, now);
      return {
        query,
        max_results: size,
        next_token: token,
        until_id: untilId,
        start_time: startTime === undefined ? undefined : xTimestamp(startTime),
      };
    },
  };
}
