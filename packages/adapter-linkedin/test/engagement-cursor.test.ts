import type { EngagementPage, EngagementQuery } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { listLinkedInEngagements } from '../src/list-engagements.js';
import { useLinkedIn } from './support/harness.js';

// LinkedIn pages comments by offset (`start`/`count`); a comment deleted between two pages moves
// the ones after it back by one. A cursor must still hand out every comment left.

const h = useLinkedIn();

/** The first page of a listing. */
async function firstPage(query: EngagementQuery): Promise<EngagementPage> {
  for await (const page of h.adapter().listEngagements(query, h.context())) return page;
  throw new Error('the listing handed out no page');
}

/** The ids of every page of a listing, in order. */
async function idsFrom(query: EngagementQuery): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of h.adapter().listEngagements(query, h.context()))
    ids.push(...page.items.map((item) => item.id));
  return ids;
}

/** A post of ana's with `count` comments by fans, oldest first. */
async function postWithComments(count: number) {
  const post = await h.adapter().publish({ text: 'Comment away' }, h.context());
  const comments = h.linkedin.seedComments(post.ref.platformPostId, count).map((comment) => comment.id);
  return { ref: post.ref, comments };
}

describe('engagement cursors when comments are deleted between pages', () => {
  it('hands out the comment after the page when one before it was deleted', async () => {
    const { ref, comments } = await postWithComments(5);
    const query = { post: ref, kinds: ['comment'] as const, pageSize: 2 };
    const page = await firstPage(query);
    expect(page.items.map((item) => item.id)).toEqual(comments.slice(0, 2));

    h.linkedin.sim.posts.delete(comments[0] ?? '');
    expect(await idsFrom({ ...query, cursor: page.cursor })).toEqual(comments.slice(2));
  });

  it('hands out the comment after the page when the last one handed out was deleted', async () => {
    const { ref, comments } = await postWithComments(5);
    const query = { post: ref, kinds: ['comment'] as const, pageSize: 2 };
    const page = await firstPage(query);

    h.linkedin.sim.posts.delete(comments[1] ?? '');
    expect(await idsFrom({ ...query, cursor: page.cursor })).toEqual(comments.slice(2));
  });

  it('starts the post again rather than skip, when every comment the cursor remembers was deleted', async () => {
    const { ref, comments } = await postWithComments(9);
    const query = { post: ref, kinds: ['comment'] as const, pageSize: 2 };
    let cursor: string | undefined;
    let pages = 0;
    for await (const page of h.adapter().listEngagements(query, h.context())) {
      cursor = page.cursor;
      pages += 1;
      if (pages === 3) break;
    }
    // Six handed out; four of them deleted, the last two among them.
    for (const index of [0, 2, 4, 5]) h.linkedin.sim.posts.delete(comments[index] ?? '');
    // The two left of the first six come again; none after them is left out.
    expect(await idsFrom({ ...query, cursor })).toEqual([comments[1], comments[3], ...comments.slice(6)]);
  });

  it('goes on with the replies of the same comment when an earlier comment was deleted', async () => {
    const { ref, comments } = await postWithComments(3);
    const replies = h.linkedin.seedComments(comments[1] ?? '', 4).map((reply) => reply.id);
    const query = { post: ref, kinds: ['reply'] as const, pageSize: 2 };
    const page = await firstPage(query);
    expect(page.items.map((item) => item.id)).toEqual(replies.slice(0, 2));

    h.linkedin.sim.posts.delete(comments[0] ?? '');
    expect(await idsFrom({ ...query, cursor: page.cursor })).toEqual(replies.slice(2));
  });

  it('goes on with the next post when a post before it was deleted, account-wide', async () => {
    const adapter = h.adapter();
    const older = await adapter.publish({ text: 'Older' }, h.context());
    const newer = await adapter.publish({ text: 'Newer' }, h.context());
    const onOlder = h.linkedin.seedComments(older.ref.platformPostId, 2).map((comment) => comment.id);
    h.linkedin.seedComments(newer.ref.platformPostId, 2);
    const query = { kinds: ['comment'] as const, pageSize: 2 };
    const page = await firstPage(query);
    expect(page.items[0]?.postRef?.platformPostId).toBe(newer.ref.platformPostId);

    await adapter.delete(newer.ref, h.context());
    expect(await idsFrom({ ...query, cursor: page.cursor })).toEqual(onOlder);
  });

  it('still reads a cursor handed out before ids were kept (post:stage:parent:start)', async () => {
    const { ref, comments } = await postWithComments(4);
    const query = { post: ref, kinds: ['comment'] as const, pageSize: 2 };
    expect(await idsFrom({ ...query, cursor: '0:comments:0:2' })).toEqual(comments.slice(2));
  });
});

describe('listing replies', () => {
  it('reads the replies of every comment, those after a comment LinkedIn gives no actor included', async () => {
    const post = 'urn:li:share:1';
    const comment = (id: number, actor?: string) => ({
      commentUrn: `urn:li:comment:(${post},${id})`,
      object: post,
      created: { time: id, ...(actor === undefined ? {} : { actor }) },
      ...(actor === undefined ? {} : { actor }),
    });
    const first = comment(1); // no actor: no engagement of its own, but it has replies to read
    const second = comment(2, 'urn:li:person:b');
    const lists: Record<string, unknown[]> = {
      [post]: [first, second],
      [first.commentUrn]: [comment(3, 'urn:li:person:c')],
      [second.commentUrn]: [comment(4, 'urn:li:person:d')],
    };
    const http = {
      accessToken: async () => 'token',
      request: async ({ path }: { path: string }) => {
        const on = decodeURIComponent(/socialActions\/([^/]+)\/comments/.exec(path)?.[1] ?? '');
        const [, start = '0', count = '0'] = /start=(\d+)&count=(\d+)/.exec(path) ?? [];
        const all = lists[on] ?? [];
        const elements = all.slice(Number(start), Number(start) + Number(count));
        return { data: { elements, paging: { total: all.length } }, status: 200 };
      },
    } as unknown as HttpClient;
    const ids: string[] = [];
    const query = {
      post: { platform: 'linkedin', accountId: 'org', platformPostId: post },
      kinds: ['reply'] as const,
    };
    for await (const page of listLinkedInEngagements(http, query, undefined, h.context()))
      ids.push(...page.items.map((item) => item.id));
    expect(ids).toEqual([`urn:li:comment:(${post},3)`, `urn:li:comment:(${post},4)`]);
  });
});
