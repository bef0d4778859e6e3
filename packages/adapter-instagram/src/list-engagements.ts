import type { Engagement, EngagementPage, EngagementQuery, PostRef, RequestContext } from '@smmkit/core';
import { type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import {
  everyGraphPage,
  GRAPH_MAX_PAGE_SIZE,
  graphNextCursor,
  listGraphEngagements,
} from '@smmkit/graph-api';
import {
  COMMENT_FIELDS,
  type EngagementWhere,
  instagramCommentEngagement,
  instagramTagEngagement,
} from './comment-engagement.js';
import { instagramPostRef } from './post-ref.js';
import { CommentListSchema, MediaListSchema } from './schemas.js';

/**
 * How many of the account's newest media an account-wide listing reads comments of. Not a
 * platform rule: every media costs at least one call against the usage budget
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting), so older posts are left to a per-post query or the `comments` webhook
 * (https://developers.facebook.com/docs/instagram-platform/comment-moderation; webhooks.ts).
 */
export const INSTAGRAM_RECENT_MEDIA_FOR_COMMENTS = 25;

/**
 * The most pages of replies read for one comment (100 a page, so 10,000 replies). Not a platform
 * rule: a bound on paging that would otherwise never end.
 */
const MAX_REPLY_PAGES = 100;

/**
 * Pages of engagement on Instagram (https://developers.facebook.com/docs/instagram-platform/comment-moderation), with Graph cursor paging
 * (`after` = `paging.cursors.after`; the last page has no `paging.next`):
 *
 * - With `query.post`: its **comments**, `GET /{ig-media-id}/comments`, and for each top-level
 *   comment its **replies**, `GET /{ig-comment-id}/replies` (every page of them, in the same page
 *   as their comment). `kinds` picks `comment` and/or `reply`; mentions are not per post.
 * - Without `query.post`, all of the account's engagement (the contract's "all of the account's
 *   otherwise"): first the comments and replies on its {@link INSTAGRAM_RECENT_MEDIA_FOR_COMMENTS}
 *   newest media (`GET /{ig-user-id}/media`, then each media's comments as above), then its
 *   **mentions**, the media it is tagged in (`GET /{ig-user-id}/tags`).
 *
 * `since` is applied to each item's timestamp (the edges take no `since`); pages left empty by
 * it are not handed out. The cursor is opaque (`comments:…`, `media:…` or `tags:…`) and only
 * valid for the same kind of query. The walk over the edges, the kinds, `since`, page size and
 * cursors are `listGraphEngagements` of `@smmkit/graph-api`, shared with Facebook.
 *
 * @param http - the adapter's HTTP client
 * @param query - kinds, post, since, cursor and page size
 * @param context - the account, tokens, signal, clock and rate-limit listener
 * @returns an async iterable of pages
 * @throws ValidationError (`cursor.invalid`) for a cursor that is not from this kind of listing
 *
 * @example
 * ```ts
 * for await (const page of listInstagramEngagements(http, { post: ref }, ctx)) inbox.push(...page.items);
 * ```
 */
export function listInstagramEngagements(
  http: HttpClient,
  query: EngagementQuery,
  context: RequestContext,
): AsyncGenerator<EngagementPage> {
  const { accountId } = context.account;
  const where = (postRef?: PostRef): EngagementWhere => ({
    accountId,
    now: new Date((context.clock ?? systemClock).now()),
    postRef,
  });

  /**
   * Every reply of a top-level comment, `GET /{ig-comment-id}/replies`, page after page
   * (https://developers.facebook.com/docs/instagram-platform/comment-moderation). Paging that
   * does not end (a cursor that comes back, a next page without one, more than
   * {@link MAX_REPLY_PAGES} pages) fails the listing rather than reading forever.
   */
  function replies(commentId: string, at: EngagementWhere): Promise<Engagement[]> {
    return everyGraphPage(
      async (after) => {
        const { data } = await http.request({
          method: 'GET',
          path: `/${encodeURIComponent(commentId)}/replies`,
          operation: 'list replies',
          searchParams: { fields: COMMENT_FIELDS, limit: GRAPH_MAX_PAGE_SIZE, after },
          schema: CommentListSchema,
          context,
        });
        return {
          ...data,
          data: (data.data ?? []).map((reply) => instagramCommentEngagement(reply, at, commentId)),
        };
      },
      {
        platform: 'instagram',
        operation: 'list replies',
        maxPages: MAX_REPLY_PAGES,
        hint: 'Retry the listing later; the paging Instagram answered for these replies did not end.',
      },
    );
  }

  return listGraphEngagements(query, {
    platform: 'instagram',
    cursorWords: { posts: 'media', mentions: 'tags' },

    /** The account's newest media, `GET /{ig-user-id}/media` (IGUser.json `GET media`). */
    async recentPosts() {
      const { data } = await http.request({
        method: 'GET',
        path: `/${encodeURIComponent(accountId)}/media`,
        operation: 'list recent media',
        searchParams: { fields: 'id,timestamp,permalink', limit: INSTAGRAM_RECENT_MEDIA_FOR_COMMENTS },
        schema: MediaListSchema,
        context,
      });
      return (data.data ?? [])
        .slice(0, INSTAGRAM_RECENT_MEDIA_FOR_COMMENTS)
        .map((media) => instagramPostRef(media.id, accountId, media.permalink));
    },

    /** A page of the comments on `post`, each top-level comment followed by its replies when replies are asked for. */
    async comments(post, { after, limit, kinds }) {
      const { data } = await http.request({
        method: 'GET',
        path: `/${encodeURIComponent(post.platformPostId)}/comments`,
        operation: 'list comments',
        searchParams: { fields: COMMENT_FIELDS, limit, after },
        schema: CommentListSchema,
        context,
      });
      const at = where(post);
      const items: Engagement[] = [];
      for (const comment of data.data ?? []) {
        const engagement = instagramCommentEngagement(comment, at);
        items.push(engagement);
        if (kinds.includes('reply') && engagement.kind === 'comment')
          items.push(...(await replies(comment.id, at)));
      }
      return { items, next: graphNextCursor(data.paging) };
    },

    /** A page of the media the account is tagged in, `GET /{ig-user-id}/tags` (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/tags). */
    async mentions({ after, limit }) {
      const { data } = await http.request({
        method: 'GET',
        path: `/${encodeURIComponent(accountId)}/tags`,
        operation: 'list mentions',
        searchParams: { fields: 'id,caption,timestamp,username,permalink', limit, after },
        schema: MediaListSchema,
        context,
      });
      const at = where();
      return {
        items: (data.data ?? []).map((media) => instagramTagEngagement(media, at)),
        next: graphNextCursor(data.paging),
      };
    },
  });
}
