import {
  type Engagement,
  type EngagementPage,
  type EngagementQuery,
  type PostRef,
  TransientError,
  ValidationError,
} from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import {
  type GraphEdgePage,
  type GraphEdgeRequest,
  type GraphEngagementEdges,
  graphNextCursor,
  listGraphEngagements,
} from '../src/index.js';

const T0 = Date.parse('2026-12-01T00:00:00.000Z');

function ref(id: string): PostRef {
  return { platform: 'instagram', accountId: 'acct-1', platformPostId: id };
}

function item(id: string, kind: Engagement['kind'], minute: number): Engagement {
  return {
    platform: 'instagram',
    accountId: 'acct-1',
    id,
    kind,
    author: { id: 'u' },
    text: id,
    createdAt: new Date(T0 + minute * 60_000),
  } as Engagement;
}

/** An edge of `items`, `limit` at a time, whose `after` cursor is the next offset. */
function page(items: readonly Engagement[], { after, limit }: GraphEdgeRequest): GraphEdgePage {
  const from = after === undefined ? 0 : Number(after);
  const next = from + limit < items.length ? String(from + limit) : undefined;
  return { items: items.slice(from, from + limit), next };
}

/** Three posts with five comments/replies each, three mentions; every request recorded. */
function fixture(posts = ['p1', 'p2', 'p3']) {
  const comments = new Map(
    posts.map((id) => [
      id,
      Array.from({ length: 5 }, (_, n) => item(`${id}-c${n}`, n % 2 === 0 ? 'comment' : 'reply', 100 - n)),
    ]),
  );
  const mentions = Array.from({ length: 3 }, (_, n) => item(`m${n}`, 'mention', 50 - n));
  const requests: string[] = [];
  const edges: GraphEngagementEdges = {
    platform: 'instagram',
    cursorWords: { posts: 'media', mentions: 'tags' },
    async recentPosts() {
      requests.push('recent');
      return posts.map(ref);
    },
    async comments(post, request) {
      requests.push(`comments ${post.platformPostId} ${request.after ?? '-'} ${request.limit}`);
      return page(comments.get(post.platformPostId) ?? [], request);
    },
    async mentions(request) {
      requests.push(`mentions ${request.after ?? '-'} ${request.limit}`);
      return page(mentions, request);
    },
  };
  return { edges, requests };
}

async function pagesOf(query: EngagementQuery, edges: GraphEngagementEdges): Promise<EngagementPage[]> {
  const pages: EngagementPage[] = [];
  for await (const one of listGraphEngagements(query, edges)) pages.push(one);
  return pages;
}

const ids = (pages: readonly EngagementPage[]) => pages.flatMap((one) => one.items.map((found) => found.id));

describe('listGraphEngagements', () => {
  it("pages one post's comments and replies with comments: cursors that resume after their page", async () => {
    const { edges, requests } = fixture();
    const pages = await pagesOf({ post: ref('p2'), pageSize: 2 }, edges);
    expect(ids(pages)).toEqual(['p2-c0', 'p2-c1', 'p2-c2', 'p2-c3', 'p2-c4']);
    expect(pages.map((one) => one.cursor)).toEqual(['comments:2', 'comments:4', undefined]);
    expect(requests).toEqual(['comments p2 - 2', 'comments p2 2 2', 'comments p2 4 2']);
    const rest = await pagesOf({ post: ref('p2'), pageSize: 2, cursor: 'comments:2' }, edges);
    expect(ids(rest)).toEqual(['p2-c2', 'p2-c3', 'p2-c4']);
  });

  it('reads nothing for a post when only mentions are asked for', async () => {
    const { edges, requests } = fixture();
    expect(await pagesOf({ post: ref('p1'), kinds: ['mention'] }, edges)).toEqual([]);
    expect(requests).toEqual([]);
  });

  it("lists every recent post's comments, then the mentions, and resumes from every page's cursor with exactly the rest", async () => {
    const { edges } = fixture();
    const pages = await pagesOf({ pageSize: 2 }, edges);
    const all = ids(pages);
    expect(all).toEqual([
      ...['p1', 'p2', 'p3'].flatMap((post) => [0, 1, 2, 3, 4].map((n) => `${post}-c${n}`)),
      'm0',
      'm1',
      'm2',
    ]);
    expect(pages[0]?.cursor).toBe('media:0:p1:2');
    expect(pages[2]?.cursor).toBe('media:1:p2:');
    expect(pages[8]?.cursor).toBe('tags:');
    expect(pages.at(-1)?.cursor).toBeUndefined();
    let handed = 0;
    for (const one of pages) {
      handed += one.items.length;
      if (one.cursor === undefined) continue;
      expect(ids(await pagesOf({ pageSize: 2, cursor: one.cursor }, edges))).toEqual(all.slice(handed));
    }
  });

  it('applies kinds and since to every item, hands out no empty page, and keeps the cursor of the pages it skipped', async () => {
    const { edges } = fixture(['p1']);
    const since = new Date(T0 + 97 * 60_000);
    const pages = await pagesOf({ kinds: ['reply', 'mention'], since, pageSize: 2 }, edges);
    // p1-c1 (reply, minute 99) and p1-c3 (reply, minute 97) are kept; p1-c4's page has nothing; mentions are older.
    expect(ids(pages)).toEqual(['p1-c1', 'p1-c3']);
    expect(pages.map((one) => one.cursor)).toEqual(['media:0:p1:2', 'media:0:p1:4']);
  });

  it('finds its post again by id when newer posts have pushed it down', async () => {
    const { edges } = fixture(['p0', 'p1', 'p2']);
    const pages = await pagesOf({ kinds: ['comment', 'reply'], pageSize: 2, cursor: 'media:0:p1:2' }, edges);
    expect(ids(pages)).toEqual(['p1-c2', 'p1-c3', 'p1-c4', ...[0, 1, 2, 3, 4].map((n) => `p2-c${n}`)]);
  });

  it('goes on with the post that took the place of one deleted since the cursor was handed out', async () => {
    const { edges } = fixture(['p1', 'p3']);
    const pages = await pagesOf({ kinds: ['comment', 'reply'], pageSize: 2, cursor: 'media:1:p2:4' }, edges);
    expect(ids(pages)).toEqual(['p3-c0', 'p3-c1', 'p3-c2', 'p3-c3', 'p3-c4']);
  });

  it('asks for 50 items by default and never more than 100', async () => {
    const first = fixture();
    await pagesOf({ post: ref('p1') }, first.edges);
    expect(first.requests).toEqual(['comments p1 - 50']);
    const second = fixture();
    await pagesOf({ kinds: ['mention'], pageSize: 1000 }, second.edges);
    expect(second.requests).toEqual(['mentions - 100']);
  });

  it('refuses a cursor that comes back, instead of reading forever a listing whose items the query drops', async () => {
    const { edges } = fixture();
    let reads = 0;
    const looping: GraphEngagementEdges = {
      ...edges,
      async comments() {
        reads += 1;
        if (reads > 10) throw new Error('still reading');
        return { items: [item(`c${reads}`, 'comment', 1)], next: reads === 1 ? 'A' : 'B' };
      },
    };
    const error = await pagesOf({ post: ref('p1'), kinds: ['reply'] }, looping).catch(
      (caught: unknown) => caught,
    );
    expect(TransientError.isInstance(error)).toBe(true);
    expect((error as TransientError).code).toBe('invalid_response');
    expect((error as Error).message).toContain('Instagram');
    expect(reads).toBe(3);
  });

  it.each([
    [{ post: ref('p1'), cursor: 'tags:' }],
    [{ post: ref('p1'), cursor: 'comments:' }],
    [{ cursor: 'comments:2' }],
    [{ cursor: 'tagged:' }],
    [{ cursor: 'media:x:p1:' }],
    [{ cursor: 'media:1::' }],
  ])('refuses a cursor of another listing (%o) with cursor.invalid, naming the platform', async (query) => {
    const { edges, requests } = fixture();
    const error = await pagesOf(query, edges).catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).problems[0]?.rule).toBe('cursor.invalid');
    expect((error as ValidationError).problems[0]?.message).toContain('Instagram listing');
    expect(requests).toEqual([]);
  });
});

describe('graphNextCursor', () => {
  it('is the after cursor while there is a next page, and undefined on the last page even with cursors', () => {
    expect(graphNextCursor({ cursors: { after: 'A', before: 'B' }, next: 'https://graph.test/next' })).toBe(
      'A',
    );
    expect(graphNextCursor({ cursors: { after: 'A', before: 'B' } })).toBeUndefined();
    expect(graphNextCursor(undefined)).toBeUndefined();
  });
});
