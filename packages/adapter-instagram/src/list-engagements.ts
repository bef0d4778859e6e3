import {
  type Engagement,
  type EngagementKind,
  type EngagementPage,
  type EngagementQuery,
  type PostRef,
  type RequestContext,
  ValidationError,
} from '@smmkit/core';
import { clampPageSize, type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import {
  COMMENT_FIELDS,
  type EngagementWhere,
  instagramCommentEngagement,
  instagramTagEngagement,
} from './comment-engagement.js';
import { instagramPostRef } from './post-ref.js';
import { CommentListSchema, MediaListSchema } from './schemas.js';

/** Items per page when the query does not say. */
const DEFAULT_PAGE_SIZE = 50;
/** The largest page asked for. */
const MAX_PAGE_SIZE = 100;
/**
 * How many of the account's newest media an account-wide listing reads comments of. Not a
 * platform rule: every media costs at least one call against the usage budget
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting), so older posts are left to a per-post query or the `comments` webhook
 * (https://developers.facebook.com/docs/instagram-platform/comment-moderation; webhooks.ts).
 */
export const INSTAGRAM_RECENT_MEDIA_FOR_COMMENTS = 25;

/** Where a listing is: one post's comments, the account's recent media, or its mentions. */
type Position =
  | { readonly phase: 'comments'; readonly after: string }
  | {
      readonly phase: 'media';
      readonly index: number;
      readonly mediaId: string;
      readonly after: string | undefined;
    }
  | { readonly phase: 'tags'; readonly after: string | undefined };

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
 * valid for the same kind of query.
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
export async function* listInstagramEngagements(
  http: HttpClient,
  query: EngagementQuery,
  context: RequestContext,
): AsyncGenerator<EngagementPage> {
  const kinds: readonly EngagementKind[] = query.kinds ?? ['comment', 'reply', 'mention'];
  const wantsComments = kinds.includes('comment') || kinds.includes('reply');
  const wantsMentions = kinds.includes('mention');
  const position =
    query.cursor === undefined ? undefined : decodeCursor(query.cursor, query.post !== undefined);
  const reader = new Reader(http, query, context, kinds);

  if (query.post !== undefined) {
    if (!wantsComments) return;
    const after = position?.phase === 'comments' ? position.after : undefined;
    yield* reader.comments(query.post, after, (next) =>
      next === undefined ? undefined : `comments:${next}`,
    );
    return;
  }

  if (wantsComments && position?.phase !== 'tags') {
    const media = await reader.recentMedia();
    let index = 0;
    let after: string | undefined;
    if (position?.phase === 'media') {
      // Resume at the media the cursor names; when it was deleted meanwhile, the one that took its place.
      const found = media.findIndex((ref) => ref.platformPostId === position.mediaId);
      index = found >= 0 ? found : position.index;
      after = found >= 0 ? position.after : undefined;
    }
    for (; index < media.length; index += 1) {
      const current = index;
      const ref = media[current] as PostRef;
      const following = media[current + 1];
      yield* reader.comments(ref, after, (next) => {
        if (next !== undefined) return `media:${current}:${ref.platformPostId}:${next}`;
        if (following !== undefined) return `media:${current + 1}:${following.platformPostId}:`;
        return wantsMentions ? 'tags:' : undefined;
      });
      after = undefined;
    }
  }
  if (wantsMentions) yield* reader.mentions(position?.phase === 'tags' ? position.after : undefined);
}

/** The requests of one listing. */
class Reader {
  readonly #limit: number;
  readonly #keep: (item: Engagement) => boolean;

  constructor(
    private readonly http: HttpClient,
    query: EngagementQuery,
    private readonly context: RequestContext,
    private readonly kinds: readonly EngagementKind[],
  ) {
    this.#limit = clampPageSize(query.pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    this.#keep = (item) =>
      kinds.includes(item.kind) && (query.since === undefined || item.createdAt >= query.since);
  }

  #where(postRef?: PostRef): EngagementWhere {
    const clock = this.context.clock ?? systemClock;
    return { accountId: this.context.account.accountId, now: new Date(clock.now()), postRef };
  }

  /** The account's newest media, `GET /{ig-user-id}/media` (IGUser.json `GET media`). */
  async recentMedia(): Promise<PostRef[]> {
    const { accountId } = this.context.account;
    const { data } = await this.http.request({
      method: 'GET',
      path: `/${encodeURIComponent(accountId)}/media`,
      operation: 'list recent media',
      searchParams: { fields: 'id,timestamp,permalink', limit: INSTAGRAM_RECENT_MEDIA_FOR_COMMENTS },
      schema: MediaListSchema,
      context: this.context,
    });
    return (data.data ?? [])
      .slice(0, INSTAGRAM_RECENT_MEDIA_FOR_COMMENTS)
      .map((media) => instagramPostRef(media.id, accountId, media.permalink));
  }

  /**
   * The pages of comments on `post` from `after`, each with the replies of its top-level comments;
   * `cursorFor(next)` names where the page after each one starts.
   */
  async *comments(
    post: PostRef,
    after: string | undefined,
    cursorFor: (next: string | undefined) => string | undefined,
  ): AsyncGenerator<EngagementPage> {
    let from = after;
    for (;;) {
      const { data } = await this.http.request({
        method: 'GET',
        path: `/${encodeURIComponent(post.platformPostId)}/comments`,
        operation: 'list comments',
        searchParams: { fields: COMMENT_FIELDS, limit: this.#limit, after: from },
        schema: CommentListSchema,
        context: this.context,
      });
      const where = this.#where(post);
      const items: Engagement[] = [];
      for (const comment of data.data ?? []) {
        const engagement = instagramCommentEngagement(comment, where);
        items.push(engagement);
        if (this.kinds.includes('reply') && engagement.kind === 'comment') {
          items.push(...(await this.#replies(comment.id, where)));
        }
      }
      const next = data.paging?.next === undefined ? undefined : data.paging.cursors?.after;
      const page = items.filter(this.#keep);
      const cursor = cursorFor(next);
      if (page.length > 0) yield cursor === undefined ? { items: page } : { items: page, cursor };
      if (next === undefined) return;
      from = next;
    }
  }

  /** Every reply of a top-level comment, `GET /{ig-comment-id}/replies` (https://developers.facebook.com/docs/instagram-platform/comment-moderation). */
  async #replies(commentId: string, where: EngagementWhere): Promise<Engagement[]> {
    const replies: Engagement[] = [];
    let after: string | undefined;
    for (;;) {
      const { data } = await this.http.request({
        method: 'GET',
        path: `/${encodeURIComponent(commentId)}/replies`,
        operation: 'list replies',
        searchParams: { fields: COMMENT_FIELDS, limit: MAX_PAGE_SIZE, after },
        schema: CommentListSchema,
        context: this.context,
      });
      replies.push(...(data.data ?? []).map((reply) => instagramCommentEngagement(reply, where, commentId)));
      after = data.paging?.next === undefined ? undefined : data.paging.cursors?.after;
      if (after === undefined) return replies;
    }
  }

  /** The pages of media the account is tagged in, `GET /{ig-user-id}/tags` (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/tags). */
  async *mentions(after: string | undefined): AsyncGenerator<EngagementPage> {
    let from = after;
    for (;;) {
      const { data } = await this.http.request({
        method: 'GET',
        path: `/${encodeURIComponent(this.context.account.accountId)}/tags`,
        operation: 'list mentions',
        searchParams: { fields: 'id,caption,timestamp,username,permalink', limit: this.#limit, after: from },
        schema: MediaListSchema,
        context: this.context,
      });
      const where = this.#where();
      const page = (data.data ?? []).map((media) => instagramTagEngagement(media, where)).filter(this.#keep);
      const next = data.paging?.next === undefined ? undefined : data.paging.cursors?.after;
      if (page.length > 0)
        yield next === undefined ? { items: page } : { items: page, cursor: `tags:${next}` };
      if (next === undefined) return;
      from = next;
    }
  }
}

function decodeCursor(cursor: string, perPost: boolean): Position {
  const [phase, ...rest] = cursor.split(':');
  const value = rest.join(':');
  if (perPost && phase === 'comments' && value !== '') return { phase, after: value };
  if (!perPost && phase === 'tags') return { phase, after: value === '' ? undefined : value };
  if (!perPost && phase === 'media') {
    const [index = '', mediaId = '', ...after] = rest;
    const next = after.join(':');
    if (/^\d+$/.test(index) && mediaId !== '')
      return { phase, index: Number(index), mediaId, after: next === '' ? undefined : next };
  }
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
