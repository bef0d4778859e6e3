import type { Engagement, EngagementPage, EngagementQuery, RequestContext } from '@smmkit/core';
import { clampPageSize, type HttpClient } from '@smmkit/core/adapter-kit';
import { httpActingAs } from './acting-author.js';
import { resolveAuthor } from './author.js';
import { commentUrnOf } from './comment-urn.js';
import {
  type EngagementCursor,
  readEngagementCursor,
  startOfPost,
  writeEngagementCursor,
} from './engagement-cursor.js';
import { commentEngagement, reactionEngagement } from './engagement-mapping.js';
import { LIST_START, type ListPosition, readPageAfter } from './read-page-after.js';
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

/** The post being read, and where the posts after it start. */
interface CurrentPost {
  readonly urn: string;
  readonly following: ListPosition;
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
 * through webhooks (`webhooks.parse`), so `mention` is not among the kinds read. A page may hold
 * fewer items than asked, and an empty stretch (posts without comments) is walked through rather
 * than returned.
 *
 * The cursor remembers the post, the stage, the parent comment and the offset, each with the ids
 * handed out before it (see `readPageAfter`): LinkedIn pages by offset only, and a comment deleted
 * (or added) before the offset between two pages would otherwise move the next page past a
 * comment never handed out (or back over one handed out). A post or parent comment deleted
 * meanwhile is left for the one after it.
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
  // Every read is made as the listing's author (for one post, the adapter's `author` setting, else
  // the account): a role refusal is read as one for an organization.
  const reader = httpActingAs(http, owner ?? author ?? context.account.accountId);
  const count = clampPageSize(query.pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const accountId = context.account.accountId;
  let position = readEngagementCursor(query.cursor) ?? startOfPost(LIST_START, first);

  const comments = (on: string) => async (start: number, size: number) =>
    (
      await reader.request({
        method: 'GET',
        path: `/rest/socialActions/${encodeUrn(on)}/comments?start=${start}&count=${size}`,
        operation: 'list comments',
        schema: CommentsPageSchema,
        context,
      })
    ).data;

  const currentPost = async (posts: ListPosition): Promise<CurrentPost | undefined> => {
    if (query.post !== undefined) {
      const urn = query.post.platformPostId;
      return posts.start === 0 ? { urn, following: { start: 1, after: [urn] } } : undefined;
    }
    if (posts.start >= RECENT_POSTS_FOR_ENGAGEMENT) return undefined;
    const read = async (start: number, size: number) =>
      (
        await reader.request({
          method: 'GET',
          path: `/rest/posts?q=author&author=${encodeUrn(owner ?? '')}&start=${start}&count=${size}&sortBy=LAST_MODIFIED`,
          operation: 'list posts',
          schema: PostsPageSchema,
          context,
        })
      ).data;
    const page = await readPageAfter(read, (post) => post.id, posts, 1, MAX_PAGE_SIZE);
    const post = page.items[0];
    // The page's next start is one past the post: past the 25th, the post is not among the newest.
    if (post === undefined || page.next.start > RECENT_POSTS_FOR_ENGAGEMENT) return undefined;
    return { urn: post.id, following: page.next };
  };

  const readStage = async (post: string, at: EngagementCursor): Promise<StagePage> => {
    const after = (more: boolean, next: EngagementCursor): EngagementCursor | undefined => {
      if (more) return next;
      const following = stages[stages.indexOf(at.stage) + 1];
      return following === undefined
        ? undefined
        : { ...at, stage: following, parents: LIST_START, parent: undefined, items: LIST_START };
    };
    if (at.stage === 'reactions') {
      const read = async (start: number, size: number) =>
        (
          await reader.request({
            method: 'GET',
            path: `/rest/reactions/(entity:${encodeUrn(post)})?q=entity&sort=(value:REVERSE_CHRONOLOGICAL)&start=${start}&count=${size}`,
            operation: 'list reactions',
            schema: ReactionsPageSchema,
            context,
          })
        ).data;
      const page = await readPageAfter(
        read,
        (reaction) => reactionEngagement(reaction, accountId, post)?.id,
        at.items,
        count,
        MAX_PAGE_SIZE,
      );
      const items = page.items.flatMap((reaction) => reactionEngagement(reaction, accountId, post) ?? []);
      return { items, next: after(page.more, { ...at, items: page.next }) };
    }
    if (at.stage === 'comments') {
      const page = await readPageAfter(comments(post), commentUrnOf, at.items, count, MAX_PAGE_SIZE);
      const items = page.items.flatMap((comment) => commentEngagement(comment, accountId, post) ?? []);
      return { items, next: after(page.more, { ...at, items: page.next }) };
    }
    // The comment whose replies are read: the one after the comments done.
    const parents = await readPageAfter(comments(post), commentUrnOf, at.parents, 1, MAX_PAGE_SIZE);
    const parent = parents.items[0];
    if (parent === undefined) return { items: [], next: after(false, at) };
    const nextParent = { ...at, parents: parents.next, parent: undefined, items: LIST_START };
    const parentUrn = commentUrnOf(parent);
    // A comment LinkedIn names no URN for cannot be asked for its replies: on to the next one.
    if (parentUrn === undefined) return { items: [], next: nextParent };
    // Another comment than the cursor's took its place (that one was deleted): its replies from the first.
    const replies = at.parent === undefined || at.parent === parentUrn ? at.items : LIST_START;
    const page = await readPageAfter(comments(parentUrn), commentUrnOf, replies, count, MAX_PAGE_SIZE);
    const items = page.items.flatMap((reply) => {
      const engagement = commentEngagement({ parentComment: parentUrn, ...reply }, accountId, post);
      return engagement === undefined ? [] : [engagement];
    });
    return {
      items,
      next: page.more ? { ...at, parent: parentUrn, items: page.next } : nextParent,
    };
  };
  for (;;) {
    const current = await currentPost(position.posts);
    if (current === undefined) return;
    // Another post than the cursor's took its place (that one was deleted): from its first stage.
    const at =
      position.post === undefined || position.post === current.urn
        ? { ...position, post: current.urn }
        : { ...startOfPost(position.posts, first), post: current.urn };
    const page = await readStage(current.urn, at);
    const next = page.next ?? startOfPost(current.following, first);
    const last = page.next === undefined && query.post !== undefined;
    const items = page.items.filter((item) => query.since === undefined || item.createdAt >= query.since);
    if (items.length > 0) yield last ? { items } : { items, cursor: writeEngagementCursor(next) };
    if (last) return;
    position = next;
  }
}
