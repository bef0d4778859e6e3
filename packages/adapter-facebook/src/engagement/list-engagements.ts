import type {
  Engagement,
  EngagementKind,
  EngagementPage,
  EngagementQuery,
  PostRef,
  RequestContext,
} from '@smmkit/core';
import { clampPageSize, type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import { facebookPostRef } from '../post-ref.js';
import { PagePostListSchema } from '../schemas.js';
import { COMMENT_FIELDS, CommentListSchema, facebookCommentEngagement } from './comment-engagement.js';
import { decodeListingCursor, encodeListingCursor, type ListingPosition } from './listing-cursor.js';
import { facebookTaggedEngagement, TAGGED_FIELDS, TaggedListSchema } from './mentions.js';

/** Items per page when the query does not say. */
const DEFAULT_PAGE_SIZE = 50;
/** The largest page asked for ("limit" up to 100: https://developers.facebook.com/docs/graph-api/results). */
const MAX_PAGE_SIZE = 100;
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
 *   {@link FACEBOOK_RECENT_POSTS_FOR_COMMENTS} newest posts (`GET /{page-id}/posts`, then each as
 *   above), then its **mentions**, the posts that tag it (`GET /{page-id}/tagged`:
 *   https://developers.facebook.com/docs/graph-api/reference/page/tagged/). Mentions in
 *   comments are not listed by Graph; they arrive by the `mention` webhook (webhook-payload.ts).
 *
 * `since` is sent to the comments edge (it takes one) and applied to every item's time; pages
 * left empty by it are not handed out. The cursor is opaque and only valid for the same kind of
 * query.
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
export async function* listFacebookEngagements(
  http: HttpClient,
  query: EngagementQuery,
  context: RequestContext,
): AsyncGenerator<EngagementPage> {
  const kinds: readonly EngagementKind[] = query.kinds ?? ['comment', 'reply', 'mention'];
  const wantsComments = kinds.includes('comment') || kinds.includes('reply');
  const wantsMentions = kinds.includes('mention');
  const position =
    query.cursor === undefined ? undefined : decodeListingCursor(query.cursor, query.post !== undefined);
  const reader = new Reader(http, query, context, kinds);

  if (query.post !== undefined) {
    if (!wantsComments) return;
    const after = position?.phase === 'comments' ? position.after : undefined;
    yield* reader.comments(query.post, after, (next) =>
      next === undefined ? undefined : { phase: 'comments', after: next },
    );
    return;
  }

  if (wantsComments && position?.phase !== 'tagged') {
    const posts = await reader.recentPosts();
    let index = 0;
    let after: string | undefined;
    if (position?.phase === 'posts') {
      // Resume at the post the cursor names; when it was deleted meanwhile, the one that took its place.
      const found = posts.findIndex((ref) => ref.platformPostId === position.postId);
      index = found >= 0 ? found : position.index;
      after = found >= 0 ? position.after : undefined;
    }
    for (; index < posts.length; index += 1) {
      const current = index;
      const ref = posts[current] as PostRef;
      const following = posts[current + 1];
      yield* reader.comments(ref, after, (next): ListingPosition | undefined => {
        if (next !== undefined)
          return { phase: 'posts', index: current, postId: ref.platformPostId, after: next };
        if (following !== undefined)
          return { phase: 'posts', index: current + 1, postId: following.platformPostId, after: undefined };
        return wantsMentions ? { phase: 'tagged', after: undefined } : undefined;
      });
      after = undefined;
    }
  }
  if (wantsMentions) yield* reader.mentions(position?.phase === 'tagged' ? position.after : undefined);
}

/** The requests of one listing. */
class Reader {
  readonly #limit: number;
  readonly #since: Date | undefined;
  readonly #keep: (item: Engagement) => boolean;

  constructor(
    private readonly http: HttpClient,
    query: EngagementQuery,
    private readonly context: RequestContext,
    kinds: readonly EngagementKind[],
  ) {
    this.#limit = clampPageSize(query.pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    this.#since = query.since;
    this.#keep = (item) =>
      kinds.includes(item.kind) && (query.since === undefined || item.createdAt >= query.since);
  }

  get #pageId(): string {
    return this.context.account.accountId;
  }

  get #now(): Date {
    return new Date((this.context.clock ?? systemClock).now());
  }

  /** The Page's newest posts, `GET /{page-id}/posts` (https://developers.facebook.com/docs/graph-api/reference/page/feed). */
  async recentPosts(): Promise<PostRef[]> {
    const { data } = await this.http.request({
      method: 'GET',
      path: `/${encodeURIComponent(this.#pageId)}/posts`,
      operation: 'list recent posts',
      searchParams: { fields: 'id,created_time', limit: FACEBOOK_RECENT_POSTS_FOR_COMMENTS },
      schema: PagePostListSchema,
      context: this.context,
    });
    return (data.data ?? [])
      .slice(0, FACEBOOK_RECENT_POSTS_FOR_COMMENTS)
      .map((post) => facebookPostRef(post.id, this.#pageId));
  }

  /** The pages of comments and replies on `post` from `after`; `positionFor(next)` says where the page after each one starts. */
  async *comments(
    post: PostRef,
    after: string | undefined,
    positionFor: (next: string | undefined) => ListingPosition | undefined,
  ): AsyncGenerator<EngagementPage> {
    let from = after;
    for (;;) {
      const { data } = await this.http.request({
        method: 'GET',
        path: `/${encodeURIComponent(post.platformPostId)}/comments`,
        operation: 'list comments',
        searchParams: {
          filter: 'stream',
          order: 'reverse_chronological',
          fields: COMMENT_FIELDS,
          limit: this.#limit,
          after: from,
          since: this.#since === undefined ? undefined : Math.floor(this.#since.getTime() / 1000),
        },
        schema: CommentListSchema,
        context: this.context,
      });
      const where = { pageId: this.#pageId, now: this.#now, postRef: post };
      const items = (data.data ?? []).map((comment) => facebookCommentEngagement(comment, where));
      const next = data.paging?.next === undefined ? undefined : data.paging.cursors?.after;
      yield* this.#page(items, positionFor(next));
      if (next === undefined) return;
      from = next;
    }
  }

  /** The pages of posts that tag the Page, `GET /{page-id}/tagged`, from `after`. */
  async *mentions(after: string | undefined): AsyncGenerator<EngagementPage> {
    let from = after;
    for (;;) {
      const { data } = await this.http.request({
        method: 'GET',
        path: `/${encodeURIComponent(this.#pageId)}/tagged`,
        operation: 'list mentions',
        searchParams: { fields: TAGGED_FIELDS, limit: this.#limit, after: from },
        schema: TaggedListSchema,
        context: this.context,
      });
      const where = { pageId: this.#pageId, now: this.#now };
      const items = (data.data ?? []).map((post) => facebookTaggedEngagement(post, where));
      const next = data.paging?.next === undefined ? undefined : data.paging.cursors?.after;
      yield* this.#page(items, next === undefined ? undefined : { phase: 'tagged', after: next });
      if (next === undefined) return;
      from = next;
    }
  }

  /** The kept items as a page with the cursor of `position`, when any are left. */
  *#page(items: readonly Engagement[], position: ListingPosition | undefined): Generator<EngagementPage> {
    const kept = items.filter(this.#keep);
    if (kept.length === 0) return;
    yield position === undefined ? { items: kept } : { items: kept, cursor: encodeListingCursor(position) };
  }
}
