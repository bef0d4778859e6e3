import type { Post, RequestContext } from '@smmkit/core';
import type { RecentPost, RecentPostsQuery } from '@smmkit/core/adapter-kit';
import { clampPageSize, type HttpClient, matchRecentPosts, systemClock } from '@smmkit/core/adapter-kit';
import { everyGraphPage, parseGraphTime } from '@smmkit/graph-api';
import * as z from 'zod/mini';
import { FacebookPostOptionsSchema } from './post-options.js';
import { facebookPostRef } from './post-ref.js';
import { readRecentFacebookReels } from './recent-reels.js';
import { PagePostListSchema } from './schemas.js';

/** Posts to read when the query does not say. */
const DEFAULT_LIMIT = 25;
/** The largest page asked for (https://developers.facebook.com/docs/graph-api/reference/page/feed: "limit" up to 100). */
const MAX_LIMIT = 100;

/**
 * The Page's posts created at or after `query.since`, newest first, for reconciling a publish
 * whose outcome is unknown. Up to three lists are read:
 *
 * - `GET /{page-id}/posts?fields=id,message,created_time&since=…`, one page of the posts in the
 *   Page's feed, newest first (https://developers.facebook.com/docs/graph-api/reference/page/feed);
 *   it never holds a reel ("This endpoint does not return Reels",
 *   https://developers.facebook.com/docs/graph-api/reference/pagepost/, Limitations);
 * - `GET /{page-id}/video_reels`, one page of the Page's reels, where Meta lists them instead
 *   (see `readRecentFacebookReels`);
 * - `GET /{page-id}/scheduled_posts?fields=id,message,created_time`, every page of it (100 a
 *   page): the natively scheduled posts not yet published, which the feed leaves out until their
 *   time (https://developers.facebook.com/docs/graph-api/reference/page/scheduled_posts/). Without
 *   it a scheduled create whose answer was lost would look missing and be posted twice; its order
 *   is not documented, so the lost one may be on any page. Filtered on `created_time` here, as
 *   the edge's own filters are not documented.
 *
 * Where the post looked for can be listed decides which: a reel (`query.post` with
 * `options.facebook.format: 'reel'`) is looked for among the reels and the scheduled posts, any
 * other post among the feed and the scheduled posts, so two reads either way; without
 * `query.post`, all three are read.
 *
 * A post in two of them (it went live between the reads) is returned once. With `query.text`,
 * only posts whose message matches are returned (NFC, whitespace collapsed).
 *
 * @param http - the adapter's HTTP client
 * @param query - since, text, limit and the post looked for
 * @param context - the Page, its token, signal and clock
 * @returns the matching posts with their messages
 *
 * @example
 * ```ts
 * const found = await findRecentFacebookPosts(http, { since: new Date(Date.now() - 600_000), text: post.text, post }, ctx);
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
  const since = Math.floor(query.since.getTime() / 1000);
  const now = new Date(clock.now());
  const read = async (
    edge: 'posts' | 'scheduled_posts',
    params: { since?: number; limit: number; after?: string | undefined },
  ) => {
    const { data } = await http.request({
      method: 'GET',
      path: `/${encodeURIComponent(pageId)}/${edge}`,
      operation: edge === 'posts' ? 'list recent posts' : 'list scheduled posts',
      searchParams: { fields: 'id,message,created_time', ...params },
      schema: PagePostListSchema,
      context,
    });
    return data;
  };
  const edges = edgesFor(query.post);
  const published = edges.posts ? ((await read('posts', { since, limit })).data ?? []) : [];
  const reels = edges.reels
    ? await readRecentFacebookReels(http, { since: query.since, limit }, context, now)
    : [];
  // Every page of them: the lost create may be on any. Paging that does not end is refused, so
  // the reconciliation stays `unknown` instead of concluding from part of the list that the post
  // is missing. (The publisher books one read for the whole look.)
  const scheduled = await everyGraphPage((after) => read('scheduled_posts', { limit: MAX_LIMIT, after }), {
    platform: 'facebook',
    operation: 'list scheduled posts',
    maxPages: MAX_SCHEDULED_PAGES,
    hint: "Check the Page's scheduled posts (Meta Business Suite) before publishing the post again.",
  });
  const asRecent = (post: {
    id: string;
    message?: string | undefined;
    created_time?: string | undefined;
  }) => ({
    ref: facebookPostRef(post.id, pageId),
    ...(post.message === undefined ? {} : { text: post.message }),
    createdAt: parseGraphTime(post.created_time) ?? now,
  });
  // By id: a post that went live between the reads is in two of them.
  const unique = new Map(
    [...scheduled.map(asRecent), ...published.map(asRecent), ...reels].map((post) => [
      post.ref.platformPostId,
      post,
    ]),
  );
  const recent = [...unique.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return matchRecentPosts(recent, query, { limit });
}

/** Which lists can hold `post`: the reels for a reel, the feed for anything else, both when unknown. */
function edgesFor(post: Post | undefined): { readonly posts: boolean; readonly reels: boolean } {
  if (post === undefined) return { posts: true, reels: true };
  const options = z.safeParse(FacebookPostOptionsSchema, post.options?.facebook ?? {});
  const reel = options.success && options.data.format === 'reel';
  return { posts: !reel, reels: reel };
}

/** The most pages of `/scheduled_posts` read (100 a page): 5,000 posts scheduled ahead. */
const MAX_SCHEDULED_PAGES = 50;
