import {
  type Engagement,
  type EngagementKind,
  type EngagementPage,
  type EngagementQuery,
  type HttpClient,
  type RequestContext,
  systemClock,
  ValidationError,
} from '@smmkit/core';
import { COMMENT_FIELDS, instagramCommentEngagement, instagramTagEngagement } from './comment-engagement.js';
import { CommentListSchema, MediaListSchema } from './schemas.js';

/** Items per page when the query does not say. */
const DEFAULT_PAGE_SIZE = 50;
/** The largest page asked for. */
const MAX_PAGE_SIZE = 100;

/**
 * Pages of engagement on Instagram (instagram.md, Engagement), with Graph cursor paging
 * (`after` = `paging.cursors.after`; the last page has no `paging.next`):
 *
 * - With `query.post`: its **comments**, `GET /{ig-media-id}/comments`, and for each top-level
 *   comment its **replies**, `GET /{ig-comment-id}/replies` (every page of them, in the same page
 *   as their comment). `kinds` picks `comment` and/or `reply`.
 * - Without `query.post`: **mentions**, the media the account is tagged in,
 *   `GET /{ig-user-id}/tags`. Comments across all posts are not listed here: ask per post, or
 *   use the `comments` webhook.
 *
 * `since` is applied to each item's timestamp (the edges take no `since`). The cursor is
 * `comments:<after>` or `tags:<after>`.
 *
 * @param http - the adapter's HTTP client
 * @param query - kinds, post, since, cursor and page size
 * @param context - the account, tokens, signal, clock and rate-limit listener
 * @returns an async iterable of pages
 * @throws ValidationError (`cursor.invalid`) for a cursor that is not from this listing
 *
 * @example
 * ```ts
 * for await (const page of listInstagramEngagements(http, { post: ref }, ctx)) inbox.push(...page.items);
 * ```
 */
export async function* listInstagramEngagements(
  http: HttpClient,
  query: EngagementQuery,
  context: RequestContext,
): AsyncGenerator<EngagementPage> {
  const kinds: readonly EngagementKind[] = query.kinds ?? ['comment', 'reply', 'mention'];
  const source = query.post === undefined ? 'tags' : 'comments';
  const wanted =
    source === 'comments' ? kinds.includes('comment') || kinds.includes('reply') : kinds.includes('mention');
  if (!wanted) return;
  const limit = Math.min(Math.max(Math.trunc(query.pageSize ?? DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE);
  let after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, source);
  const clock = context.clock ?? systemClock;
  const { accountId } = context.account;
  const keep = (item: Engagement): boolean =>
    kinds.includes(item.kind) && (query.since === undefined || item.createdAt >= query.since);

  for (;;) {
    const where = { accountId, now: new Date(clock.now()), postRef: query.post };
    let items: Engagement[];
    let next: string | undefined;
    if (query.post !== undefined) {
      const { data } = await http.request({
        method: 'GET',
        path: `/${encodeURIComponent(query.post.platformPostId)}/comments`,
        operation: 'list comments',
        searchParams: { fields: COMMENT_FIELDS, limit, after },
        schema: CommentListSchema,
        context,
      });
      items = [];
      for (const comment of data.data ?? []) {
        const engagement = instagramCommentEngagement(comment, where);
        items.push(engagement);
        if (kinds.includes('reply') && engagement.kind === 'comment') {
          items.push(...(await listReplies(http, comment.id, where, context)));
        }
      }
      next = data.paging?.next === undefined ? undefined : data.paging.cursors?.after;
    } else {
      const { data } = await http.request({
        method: 'GET',
        path: `/${encodeURIComponent(accountId)}/tags`,
        operation: 'list mentions',
        searchParams: { fields: 'id,caption,timestamp,username,permalink', limit, after },
        schema: MediaListSchema,
        context,
      });
      items = (data.data ?? []).map((media) => instagramTagEngagement(media, where));
      next = data.paging?.next === undefined ? undefined : data.paging.cursors?.after;
    }
    const page = items.filter(keep);
    yield next === undefined ? { items: page } : { items: page, cursor: `${source}:${next}` };
    if (next === undefined) return;
    after = next;
  }
}

/** Every reply of a top-level comment, `GET /{ig-comment-id}/replies` (instagram.md, Engagement). */
async function listReplies(
  http: HttpClient,
  commentId: string,
  where: Parameters<typeof instagramCommentEngagement>[1],
  context: RequestContext,
): Promise<Engagement[]> {
  const replies: Engagement[] = [];
  let after: string | undefined;
  for (;;) {
    const { data } = await http.request({
      method: 'GET',
      path: `/${encodeURIComponent(commentId)}/replies`,
      operation: 'list replies',
      searchParams: { fields: COMMENT_FIELDS, limit: MAX_PAGE_SIZE, after },
      schema: CommentListSchema,
      context,
    });
    replies.push(...(data.data ?? []).map((reply) => instagramCommentEngagement(reply, where, commentId)));
    after = data.paging?.next === undefined ? undefined : data.paging.cursors?.after;
    if (after === undefined) return replies;
  }
}

function decodeCursor(cursor: string, source: 'comments' | 'tags'): string {
  const prefix = `${source}:`;
  if (!cursor.startsWith(prefix) || cursor.length === prefix.length) {
    throw new ValidationError(
      [
        {
          path: ['cursor'],
          rule: 'cursor.invalid',
          message: 'is not a cursor of this Instagram listing; pass the cursor of a page of the same query',
        },
      ],
      'engagement query',
      { platform: 'instagram' },
    );
  }
  return cursor.slice(prefix.length);
}
