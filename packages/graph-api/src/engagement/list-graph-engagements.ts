import {
  type Engagement,
  type EngagementKind,
  type EngagementPage,
  type EngagementQuery,
  type PostRef,
  TransientError,
  ValidationError,
} from '@smmkit/core';
import { clampPageSize } from '@smmkit/core/adapter-kit';
import type { GraphPlatform } from '../platform.js';
import { platformName } from '../platform.js';

/**
 * The largest page a Graph edge is asked for: `limit` goes up to 100
 * (https://developers.facebook.com/docs/graph-api/results).
 */
export const GRAPH_MAX_PAGE_SIZE = 100;

/** Items per page of an engagement listing when the query does not say. */
const DEFAULT_PAGE_SIZE = 50;

/** Which page of an edge to read: Graph's `after` cursor (`undefined`: the first page) and `limit`. */
export interface GraphEdgeRequest {
  /** `paging.cursors.after` of the page before, or `undefined` for the first page. */
  readonly after: string | undefined;
  /** The query's page size, at most {@link GRAPH_MAX_PAGE_SIZE}. */
  readonly limit: number;
  /** The kinds the query asks for (a platform reads replies only when `reply` is one). */
  readonly kinds: readonly EngagementKind[];
}

/** One page of an edge as engagements, and the cursor of the page after it. */
export interface GraphEdgePage {
  /** Every engagement of the page, before the query's kinds and `since` are applied. */
  readonly items: readonly Engagement[];
  /** The `after` cursor of the next page; `undefined` on the last page (no `paging.next`). */
  readonly next: string | undefined;
}

/** What a platform reads for {@link listGraphEngagements}: its edges, page by page. */
export interface GraphEngagementEdges {
  /** Whose listing it is, for the error a foreign cursor gets. */
  readonly platform: GraphPlatform;
  /**
   * The words the cursor names the account-wide phases with (`posts`/`tagged` on Facebook,
   * `media`/`tags` on Instagram), kept so that cursors handed out before stay valid.
   */
  readonly cursorWords: {
    /** The word of a cursor in the recent posts' comments. */
    readonly posts: string;
    /** The word of a cursor in the mentions. */
    readonly mentions: string;
  };
  /** The account's newest posts, newest first, whose comments an account-wide listing reads. */
  recentPosts(): Promise<readonly PostRef[]>;
  /** One page of the comments (and replies) on `post`. */
  comments(post: PostRef, request: GraphEdgeRequest): Promise<GraphEdgePage>;
  /** One page of the account's mentions. */
  mentions(request: GraphEdgeRequest): Promise<GraphEdgePage>;
}

/** Where a listing is: in one post's comments, in the comments of the `index`-th recent post, or in the mentions. */
type Position =
  | { readonly phase: 'comments'; readonly after: string }
  | {
      readonly phase: 'posts';
      readonly index: number;
      readonly postId: string;
      readonly after: string | undefined;
    }
  | { readonly phase: 'mentions'; readonly after: string | undefined };

/** Empty pages in a row that still say more follow, read on before the walk gives up. */
const MAX_EMPTY_PAGES_IN_A_ROW = 20;

/**
 * Pages of engagement on a Facebook Page or an Instagram account, read with Graph cursor paging
 * (`after` = `paging.cursors.after`; the last page of an edge has no `paging.next`:
 * https://developers.facebook.com/docs/graph-api/results):
 *
 * - with `query.post`: its comments and replies (`edges.comments`), when `kinds` asks for either;
 *   mentions are not per post;
 * - without, all of the account's engagement: the comments and replies on each of
 *   `edges.recentPosts()` in turn, then its mentions (`edges.mentions`).
 *
 * The kinds (default comment, reply and mention) and `since` are applied to every item; pages
 * left empty by them are not handed out. The page size is `query.pageSize` (default 50) up to
 * {@link GRAPH_MAX_PAGE_SIZE}. Every page but the last carries an opaque cursor
 * (`comments:<after>`, `<posts>:<index>:<post-id>:<after>` or `<mentions>:<after>`) that resumes
 * the same kind of query after it; a resumed account-wide listing finds its post again by id, and
 * when that post was deleted meanwhile, goes on with the one that took its place.
 *
 * @param query - kinds, post, since, cursor and page size
 * @param edges - the platform's edges, recent posts and cursor words
 * @returns an async iterable of pages
 * @throws ValidationError (`cursor.invalid`) for a cursor that is not from this kind of listing
 *
 * @example
 * ```ts
 * yield* listGraphEngagements(query, { platform: 'instagram', cursorWords: { posts: 'media', mentions: 'tags' }, recentPosts, comments, mentions });
 * ```
 */
export async function* listGraphEngagements(
  query: EngagementQuery,
  edges: GraphEngagementEdges,
): AsyncGenerator<EngagementPage> {
  const kinds: readonly EngagementKind[] = query.kinds ?? ['comment', 'reply', 'mention'];
  const wantsComments = kinds.includes('comment') || kinds.includes('reply');
  const wantsMentions = kinds.includes('mention');
  const limit = clampPageSize(query.pageSize, DEFAULT_PAGE_SIZE, GRAPH_MAX_PAGE_SIZE);
  const keep = (item: Engagement) =>
    kinds.includes(item.kind) && (query.since === undefined || item.createdAt >= query.since);
  const position =
    query.cursor === undefined ? undefined : decode(query.cursor, query.post !== undefined, edges);

  /** Every page of one edge from `after`, with the cursor `positionFor(next)` names after each. */
  async function* walk(
    read: (request: GraphEdgeRequest) => Promise<GraphEdgePage>,
    after: string | undefined,
    positionFor: (next: string | undefined) => Position | undefined,
  ): AsyncGenerator<EngagementPage> {
    let from = after;
    // A cursor that comes back would be read forever, silently when the query keeps none of its
    // items (as `eachGraphPage` refuses it too).
    const seen = new Set<string>();
    let emptyInARow = 0;
    for (;;) {
      const { items, next } = await read({ after: from, limit, kinds });
      // Graph may answer an empty page and still say more follow (only a missing `next` ends a
      // list: https://developers.facebook.com/docs/graph-api/results), so a few are read on; ever
      // more of them, each with a new cursor, would be read forever (ASSUMED bound: Meta has none).
      emptyInARow = items.length === 0 && next !== undefined ? emptyInARow + 1 : 0;
      if (emptyInARow > MAX_EMPTY_PAGES_IN_A_ROW)
        throw new TransientError(
          'invalid_response',
          `list ${platformName(edges.platform)} engagements: Graph answered ${emptyInARow} empty pages in a row, each saying more follow.`,
          { platform: edges.platform, hint: 'Retry later; if it persists, list without a cursor.' },
        );
      const kept = items.filter(keep);
      const at = positionFor(next);
      if (kept.length > 0)
        yield at === undefined ? { items: kept } : { items: kept, cursor: encode(at, edges) };
      if (next === undefined) return;
      if (seen.has(next) || next === from)
        throw new TransientError(
          'invalid_response',
          `list ${platformName(edges.platform)} engagements: Graph repeated a paging cursor.`,
          { platform: edges.platform, hint: 'Retry later; if it persists, list without a cursor.' },
        );
      seen.add(next);
      from = next;
    }
  }

  const { post } = query;
  if (post !== undefined) {
    if (!wantsComments) return;
    const after = position?.phase === 'comments' ? position.after : undefined;
    yield* walk(
      (request) => edges.comments(post, request),
      after,
      (next) => (next === undefined ? undefined : { phase: 'comments', after: next }),
    );
    return;
  }

  if (wantsComments && position?.phase !== 'mentions') {
    const posts = await edges.recentPosts();
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
      yield* walk(
        (request) => edges.comments(ref, request),
        after,
        (next): Position | undefined => {
          if (next !== undefined)
            return { phase: 'posts', index: current, postId: ref.platformPostId, after: next };
          if (following !== undefined)
            return { phase: 'posts', index: current + 1, postId: following.platformPostId, after: undefined };
          return wantsMentions ? { phase: 'mentions', after: undefined } : undefined;
        },
      );
      after = undefined;
    }
  }
  if (wantsMentions) {
    yield* walk(
      (request) => edges.mentions(request),
      position?.phase === 'mentions' ? position.after : undefined,
      (next) => (next === undefined ? undefined : { phase: 'mentions', after: next }),
    );
  }
}

/** The opaque cursor of a position. */
function encode(position: Position, { cursorWords }: GraphEngagementEdges): string {
  switch (position.phase) {
    case 'comments':
      return `comments:${position.after}`;
    case 'posts':
      return `${cursorWords.posts}:${position.index}:${position.postId}:${position.after ?? ''}`;
    case 'mentions':
      return `${cursorWords.mentions}:${position.after ?? ''}`;
  }
}

/** The position a cursor names; a per-post listing takes only `comments:` cursors, an account listing only the others. */
function decode(cursor: string, perPost: boolean, { platform, cursorWords }: GraphEngagementEdges): Position {
  const [word, ...rest] = cursor.split(':');
  const tail = rest.join(':');
  if (perPost && word === 'comments' && tail !== '') return { phase: 'comments', after: tail };
  if (!perPost && word === cursorWords.mentions)
    return { phase: 'mentions', after: tail === '' ? undefined : tail };
  if (!perPost && word === cursorWords.posts) {
    const [index = '', postId = '', ...after] = rest;
    if (/^\d+$/.test(index) && postId !== '')
      return { phase: 'posts', index: Number(index), postId, after: after.join(':') || undefined };
  }
  throw new ValidationError(
    [
      {
        path: ['cursor'],
        rule: 'cursor.invalid',
        message: `is not a cursor of this ${platformName(platform)} listing; pass the cursor of a page of the same query`,
      },
    ],
    'engagement query',
    { platform },
  );
}
