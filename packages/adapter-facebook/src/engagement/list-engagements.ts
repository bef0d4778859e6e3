import type { EngagementPage, EngagementQuery, RequestContext } from '@smmkit/core';
import { type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import { graphNextCursor, listGraphEngagements, parseGraphTime } from '@smmkit/graph-api';
import { facebookPostRef } from '../post-ref.js';
import { readRecentFacebookReels } from '../recent-reels.js';
import { PagePostListSchema } from '../schemas.js';
import { COMMENT_FIELDS, CommentListSchema, facebookCommentEngagement } from './comment-engagement.js';
import { facebookTaggedEngagement, TAGGED_FIELDS, TaggedListSchema } from './mentions.js';

/**
 * How many of the Page's newest posts an account-wide listing reads comments of. Not a platform
 * rule: every post costs at least one call against the Page's usage budget
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting), so older posts are
 * left to a per-post query or the `feed` webhook (webhooks.ts).
 */
export const FACEBOOK_RECENT_POSTS_FOR_COMMENTS = 25;

/**
 * Pages of engagement on a Facebook Page, with Graph cursor paging (the last page of an edge has
 * no `paging.next`):
 *
 * - With `query.post`: its **comments** and **replies**, newest first, in one edge:
 *   `GET /{post-id}/comments?filter=stream&order=reverse_chronological` (every comment at every
 *   level; a reply has a `parent`: https://developers.facebook.com/docs/graph-api/reference/object/comments).
 *   `kinds` picks `comment` and/or `reply`; mentions are not per post.
 * - Without `query.post`, all of the Page's engagement: the comments and replies on its
 *   {@link FACEBOOK_RECENT_POSTS_FOR_COMMENTS} newest posts and reels (`GET /{page-id}/posts` and
 *   `GET /{page-id}/video_reels`, as the posts leave reels out; then each as above), then its **mentions**, the posts that tag it (`GET /{page-id}/tagged`:
 *   https://developers.facebook.com/docs/graph-api/reference/page/tagged/). Mentions in
 *   comments are not listed by Graph; they arrive by the `mention` webhook (webhook-payload.ts).
 *
 * `since` is sent to the comments edge (it takes one) and applied to every item's time; pages
 * left empty by it are not handed out. The cursor is opaque and only valid for the same kind of
 * query. The walk over the edges, the kinds, `since`, page size and cursors are
 * `listGraphEngagements` of `@smmkit/graph-api`, shared with Instagram.
 *
 * @param http - the adapter's HTTP client
 * @param query - kinds, post, since, cursor and page size
 * @param context - the Page, its token, signal, clock and rate-limit listener
 * @returns an async iterable of pages
 * @throws ValidationError (`cursor.invalid`) for a cursor that is not from this kind of listing
 *
 * @example
 * ```ts
 * for await (const page of listFacebookEngagements(http, { post: ref }, ctx)) inbox.push(...page.items);
 * ```
 */
export function listFacebookEngagements(
  http: HttpClient,
  query: EngagementQuery,
  context: RequestContext,
): AsyncGenerator<EngagementPage> {
  const pageId = context.account.accountId;
  const now = () => new Date((context.clock ?? systemClock).now());
  return listGraphEngagements(query, {
    platform: 'facebook',
    cursorWords: { posts: 'posts', mentions: 'tagged' },

    /**
     * The Page's newest posts and reels together, newest first: `GET /{page-id}/posts`
     * (https://developers.facebook.com/docs/graph-api/reference/page/feed), which never lists a
     * reel, and `GET /{page-id}/video_reels`, where Meta lists them
     * (https://developers.facebook.com/docs/graph-api/reference/pagepost/, Limitations; see
     * `readRecentFacebookReels`).
     */
    async recentPosts() {
      const limit = FACEBOOK_RECENT_POSTS_FOR_COMMENTS;
      const { data } = await http.request({
        method: 'GET',
        path: `/${encodeURIComponent(pageId)}/posts`,
        operation: 'list recent posts',
        searchParams: { fields: 'id,created_time', limit },
        schema: PagePostListSchema,
        context,
      });
      const posts = (data.data ?? []).map((post) => ({
        ref: facebookPostRef(post.id, pageId),
        createdAt: parseGraphTime(post.created_time) ?? now(),
      }));
      const reels = await readRecentFacebookReels(http, { limit }, context, now());
      return [...posts, ...reels]
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
        .slice(0, limit)
        .map((post) => post.ref);
    },

    /** A page of every comment and reply on `post`, newest first, from `since` when the query has one. */
    async comments(post, { after, limit }) {
      const { data } = await http.request({
        method: 'GET',
        path: `/${encodeURIComponent(post.platformPostId)}/comments`,
        operation: 'list comments',
        searchParams: {
          filter: 'stream',
          order: 'reverse_chronological',
          fields: COMMENT_FIELDS,
          limit,
          after,
          since: query.since === undefined ? undefined : Math.floor(query.since.getTime() / 1000),
        },
        schema: CommentListSchema,
        context,
      });
      const where = { pageId, now: now(), postRef: post };
      const items = (data.data ?? []).map((comment) => facebookCommentEngagement(comment, where));
      return { items, next: graphNextCursor(data.paging) };
    },

    /** A page of the posts that tag the Page, `GET /{page-id}/tagged`. */
    async mentions({ after, limit }) {
      const { data } = await http.request({
        method: 'GET',
        path: `/${encodeURIComponent(pageId)}/tagged`,
        operation: 'list mentions',
        searchParams: { fields: TAGGED_FIELDS, limit, after },
        schema: TaggedListSchema,
        context,
      });
      const where = { pageId, now: now() };
      const items = (data.data ?? []).map((tagged) => facebookTaggedEngagement(tagged, where));
      return { items, next: graphNextCursor(data.paging) };
    },
  });
}
