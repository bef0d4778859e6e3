import type { Engagement, EngagementPage, EngagementQuery, RequestContext } from '@smmkit/core';
import { clampPageSize, type HttpClient } from '@smmkit/core/adapter-kit';
import { resolveAuthor } from './author.js';
import { type EngagementCursor, readEngagementCursor, writeEngagementCursor } from './engagement-cursor.js';
import { commentEngagement, reactionEngagement } from './engagement-mapping.js';
import { CommentsPageSchema, PostsPageSchema, ReactionsPageSchema } from './schemas.js';
import { encodeUrn } from './urn.js';

/** Items per page when the query does not say, and the most a Rest.li collection page takes. */
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

/**
 * The author's newest posts whose engagement an account-wide listing reads, as Instagram reads its
 * 25 newest media: each post costs a request per stage and per comment, against LinkedIn's daily
 * limits, and an inbox that polls with `since` walks all of them whenever nothing is new.
 */
const RECENT_POSTS_FOR_ENGAGEMENT = 25;

/** The kinds read, in the order each post's engagement is walked. */
const STAGES = [
  ['comments', 'comment'],
  ['replies', 'reply'],
  ['reactions', 'reaction'],
] as const satisfies readonly (readonly [EngagementCursor['stage'], Engagement['kind']])[];

/** One page read from LinkedIn, and where the next one starts in this post (none when it is done). */
interface StagePage {
  readonly items: readonly Engagement[];
  readonly next: EngagementCursor | undefined;
}

/**
 * Comments, replies and reactions, page by page, each page a Rest.li collection page (`start`,
 * `count`, `paging.total`):
 *
 * - comments on a post: `GET /rest/socialActions/{post}/comments`;
 * - replies: `GET /rest/socialActions/{comment}/comments` for each comment, in turn
 *   (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api);
 * - reactions: `GET /rest/reactions/(entity:{post})?q=entity`
 *   (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/reactions-api).
 *
 * With `query.post`, that post's; without, the same for each of the author's 25 most recently
 * modified posts, newest first (`GET /rest/posts?q=author`, Posts API): engagement on older posts
 * is read with `query.post`, or arrives through webhooks. LinkedIn has no feed of mentions to read: they arrive
 * through webhooks (`webhooks.parse`), so `mention` is not among the kinds read. The cursor
 * remembers the post, the stage and the offset; a page may hold fewer items than asked, and an
 * empty stretch (posts without comments) is walked through rather than returned.
 *
 * @param http - the adapter's HTTP client
 * @param query - kinds, post, since, cursor and page size
 * @param author - the adapter's `author` setting, when set
 * @param context - tokens, signal and clock
 * @returns the pages
 *
 * @example
 * ```ts
 * for await (const page of listLinkedInEngagements(http, { post: result.ref, pageSize: 50 }, undefined, ctx)) inbox.push(...page.items);
 * ```
 */
export async function* listLinkedInEngagements(
  http: HttpClient,
  query: EngagementQuery,
  author: string | undefined,
  context: RequestContext,
): AsyncIterable<EngagementPage> {
  const kinds = query.kinds ?? STAGES.map(([, kind]) => kind);
  const stages = STAGES.filter(([, kind]) => kinds.includes(kind)).map(([stage]) => stage);
  const first = stages[0];
  if (first === undefined) return;
  const owner = query.post === undefined ? resolveAuthor(context, author) : undefined;
  const count = clampPageSize(query.pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const accountId = context.account.accountId;
  const fresh = (post: number): EngagementCursor => ({ post, stage: first, parent: 0, start: 0 });
  let position = readEngagementCursor(query.cursor) ?? fresh(0);

  const postAt = async (index: number): Promise<string | undefined> => {
    if (query.post !== undefined) return index === 0 ? query.post.platformPostId : undefined;
    if (index >= RECENT_POSTS_FOR_ENGAGEMENT) return undefined;
    const { data } = await http.request({
      method: 'GET',
      path: `/rest/posts?q=author&author=${encodeUrn(owner ?? '')}&start=${index}&count=1&sortBy=LAST_MODIFIED`,
      operation: 'list posts',
      schema: PostsPageSchema,
      context,
    });
    return data.elements[0]?.id;
  };

  const readStage = async (post: string, at: EngagementCursor): Promise<StagePage> => {
    const after = (more: boolean, next: EngagementCursor): EngagementCursor | undefined => {
      if (more) return next;
      const following = stages[stages.indexOf(at.stage) + 1];
      return following === undefined ? undefined : { post: at.post, stage: following, parent: 0, start: 0 };
    };
    if (at.stage === 'reactions') {
      const { data } = await http.request({
        method: 'GET',
        path: `/rest/reactions/(entity:${encodeUrn(post)})?q=entity&sort=(value:REVERSE_CHRONOLOGICAL)&start=${at.start}&count=${count}`,
        operation: 'list reactions',
        schema: ReactionsPageSchema,
        context,
      });
      const items = data.elements.flatMap((reaction) => reactionEngagement(reaction, accountId, post) ?? []);
      return {
        items,
        next: after(hasMore(data, at.start, count), { ...at, start: at.start + data.elements.length }),
      };
    }
    const comments = (on: string, start: number, size: number) =>
      http.request({
        method: 'GET',
        path: `/rest/socialActions/${encodeUrn(on)}/comments?start=${start}&count=${size}`,
        operation: 'list comments',
        schema: CommentsPageSchema,
        context,
      });
    if (at.stage === 'comments') {
      const { data } = await comments(post, at.start, count);
      const items = data.elements.flatMap((comment) => commentEngagement(comment, accountId, post) ?? []);
      return {
        items,
        next: after(hasMore(data, at.start, count), { ...at, start: at.start + data.elements.length }),
      };
    }
    const { data: parents } = await comments(post, at.parent, 1);
    const parent = parents.elements[0];
    const parentUrn = parent === undefined ? undefined : commentEngagement(parent, accountId, post)?.id;
    if (parentUrn === undefined) return { items: [], next: after(false, at) };
    const { data } = await comments(parentUrn, at.start, count);
    const items = data.elements.flatMap((reply) => {
      const engagement = commentEngagement({ parentComment: parentUrn, ...reply }, accountId, post);
      return engagement === undefined ? [] : [engagement];
    });
    const more = hasMore(data, at.start, count);
    return {
      items,
      next: more
        ? { ...at, start: at.start + data.elements.length }
        : { ...at, parent: at.parent + 1, start: 0 },
    };
  };
  for (;;) {
    const post = await postAt(position.post);
    if (post === undefined) return;
    const page = await readStage(post, position);
    const next = page.next ?? fresh(position.post + 1);
    const last = page.next === undefined && query.post !== undefined;
    const items = page.items.filter((item) => query.since === undefined || item.createdAt >= query.since);
    if (items.length > 0) yield last ? { items } : { items, cursor: writeEngagementCursor(next) };
    if (last) return;
    position = next;
  }
}

/** Whether a Rest.li collection has items after this page: by `paging.total`, else by a full page. */
function hasMore(
  data: {
    readonly elements: readonly unknown[];
    readonly paging?: { readonly total?: number | undefined } | undefined;
  },
  start: number,
  count: number,
): boolean {
  const total = data.paging?.total;
  return total === undefined ? data.elements.length >= count : start + data.elements.length < total;
}
