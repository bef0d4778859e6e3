import {
  type EngagementPage,
  PlatformError,
  UnsupportedCapabilityError,
  ValidationError,
} from '@smmkit/core';
import { allPages, failureOf } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { useFacebook } from './support/harness.js';

const h = useFacebook();
const MINUTE = 60_000;
const COMMENTS = 'GET /:version/:objectId/comments';

const ids = (items: readonly { readonly id: string }[]) => items.map((item) => item.id);
const itemsOf = (pages: readonly EngagementPage[]) => pages.flatMap((page) => page.items);

/** A published post with four fan comments and, a few minutes later, two replies to the second. */
async function postWithThread() {
  const { ref } = await h.adapter().publish({ text: 'Our new menu' }, h.context());
  const comments = h.facebook.seedComments(ref.platformPostId, 4);
  h.clock.advance(5 * MINUTE);
  const parent = comments[1] as NonNullable<(typeof comments)[number]>;
  const replies = h.facebook.seedComments(ref.platformPostId, 2, { replyTo: parent.id });
  return { ref, comments, replies, parent };
}

describe('listEngagements on a post', () => {
  it('lists its comments and replies newest first, page by page, each resumable from its cursor', async () => {
    const { ref, comments, replies, parent } = await postWithThread();
    const adapter = h.adapter();
    const pages = await allPages(adapter.listEngagements({ post: ref, pageSize: 4 }, h.context()));
    const items = itemsOf(pages);
    expect(ids(items)).toEqual(ids([...comments, ...replies].reverse()));
    expect(pages.map((page) => page.items.length)).toEqual([4, 2]);
    expect(pages.at(-1)?.cursor).toBeUndefined();
    const [reply, , , , comment] = items;
    expect(reply).toMatchObject({ kind: 'reply', parentId: parent.id, postRef: ref, platform: 'facebook' });
    expect(reply?.author).toEqual({ id: replies[1]?.authorId, name: replies[1]?.authorHandle });
    expect(comment).toMatchObject({ kind: 'comment', text: 'Comment 2 from fan_2', hidden: false });
    expect(comment?.parentId).toBeUndefined();
    const rest = await allPages(
      adapter.listEngagements({ post: ref, pageSize: 4, cursor: pages[0]?.cursor }, h.context()),
    );
    expect(ids(itemsOf(rest))).toEqual(ids(items.slice(4)));
    // One edge read for comments and replies together.
    const query = new URL(h.facebook.sim.log.forRoute(COMMENTS)[0]?.url ?? '').searchParams;
    expect(query.get('filter')).toBe('stream');
    expect(query.get('order')).toBe('reverse_chronological');
  });

  it('keeps only the kinds asked for and what was written since a time', async () => {
    const { ref, comments, replies } = await postWithThread();
    const adapter = h.adapter();
    const onlyReplies = itemsOf(
      await allPages(adapter.listEngagements({ post: ref, kinds: ['reply'] }, h.context())),
    );
    expect(ids(onlyReplies)).toEqual(ids([...replies].reverse()));
    const since = new Date((comments[3]?.createdAt ?? 0) + 1);
    const recent = itemsOf(await allPages(adapter.listEngagements({ post: ref, since }, h.context())));
    expect(ids(recent)).toEqual(ids([...replies].reverse()));
    expect(h.facebook.sim.log.forRoute(COMMENTS).at(-1)?.url).toContain(
      `since=${Math.floor(since.getTime() / 1000)}`,
    );
    expect(await allPages(adapter.listEngagements({ post: ref, kinds: ['mention'] }, h.context()))).toEqual(
      [],
    );
  });

  it('refuses a cursor from another kind of listing', async () => {
    const { ref } = await postWithThread();
    const error = await failureOf(
      allPages(h.adapter().listEngagements({ post: ref, cursor: 'tagged:abc' }, h.context())),
    );
    expect(ValidationError.isInstance(error) && error.problems[0]?.rule).toBe('cursor.invalid');
  });
});

describe('listEngagements on the Page', () => {
  it('lists the comments of its recent posts, then the posts that tag it, resumable across both', async () => {
    const adapter = h.adapter();
    const older = await adapter.publish({ text: 'Older post' }, h.context());
    h.clock.advance(MINUTE);
    const newer = await adapter.publish({ text: 'Newer post' }, h.context());
    const onOlder = h.facebook.seedComments(older.ref.platformPostId, 2);
    const onNewer = h.facebook.seedComments(newer.ref.platformPostId, 3);
    // The Page's own comment is engagement on the post, not a post of the Page.
    const pageReply = await adapter.reply(newer.ref, 'Thanks, everyone!', h.context());
    const mentions = h.facebook.seedMentions(h.acme.account.id, 3);
    const pages = await allPages(adapter.listEngagements({ pageSize: 2 }, h.context()));
    const items = itemsOf(pages);
    expect(ids(items)).toEqual([
      pageReply.id,
      ...ids([...onNewer].reverse()),
      ...ids([...onOlder].reverse()),
      ...ids([...mentions].reverse()),
    ]);
    expect(items.find((item) => item.id === onOlder[0]?.id)?.postRef?.platformPostId).toBe(
      older.ref.platformPostId,
    );
    for (const [index, page] of pages.entries()) {
      if (page.cursor === undefined) continue;
      const rest = itemsOf(
        await allPages(adapter.listEngagements({ pageSize: 2, cursor: page.cursor }, h.context())),
      );
      const seen = itemsOf(pages.slice(0, index + 1)).length;
      expect(ids(rest), `from page ${index}`).toEqual(ids(items.slice(seen)));
    }
  });

  it('lists the posts that tag the Page as mentions, with their authors', async () => {
    const [first] = h.facebook.seedMentions(h.acme.account.id, 2);
    const items = itemsOf(await allPages(h.adapter().listEngagements({ kinds: ['mention'] }, h.context())));
    const mention = items.at(-1);
    expect(mention).toMatchObject({
      kind: 'mention',
      id: first?.id,
      text: `@acme Mention 1 from fan_1`,
      author: { id: first?.authorId, name: 'fan_1' },
      postRef: { platform: 'facebook', accountId: first?.authorId, platformPostId: first?.id },
    });
    // Only the mentions were asked for: no post's comments were read.
    expect(h.facebook.sim.log.forRoute(COMMENTS)).toHaveLength(0);
  });
});

describe('reply', () => {
  it('answers a comment under it, a reply under its comment, and a post with a comment', async () => {
    const { ref, parent } = await postWithThread();
    const adapter = h.adapter();
    const [comment] = itemsOf(
      await allPages(adapter.listEngagements({ post: ref, kinds: ['comment'] }, h.context())),
    );
    const reply = itemsOf(
      await allPages(adapter.listEngagements({ post: ref, kinds: ['reply'] }, h.context())),
    )[0];
    if (comment === undefined || reply === undefined) throw new Error('expected a comment and a reply');

    const toComment = await adapter.reply(comment, 'Thank you!', h.context());
    expect(toComment).toMatchObject({
      kind: 'reply',
      parentId: comment.id,
      text: 'Thank you!',
      postRef: ref,
    });
    expect(toComment.author.id).toBe(h.acme.account.id);
    const toReply = await adapter.reply(reply, 'Glad you like it', h.context());
    expect(toReply.parentId).toBe(parent.id);
    const toPost = await adapter.reply(ref, 'Open until 10 pm today', h.context());
    expect(toPost).toMatchObject({ kind: 'comment', postRef: ref });

    const listed = itemsOf(await allPages(adapter.listEngagements({ post: ref }, h.context())));
    expect(listed.find((item) => item.id === toReply.id)).toMatchObject({
      kind: 'reply',
      parentId: parent.id,
    });
    expect(listed.find((item) => item.id === toPost.id)?.kind).toBe('comment');
  });

  it('refuses to answer a mention', async () => {
    h.facebook.seedMentions(h.acme.account.id, 1);
    const [mention] = itemsOf(
      await allPages(h.adapter().listEngagements({ kinds: ['mention'] }, h.context())),
    );
    if (mention === undefined) throw new Error('expected a mention');
    const error = await failureOf(h.adapter().reply(mention, 'Hi', h.context()));
    expect(UnsupportedCapabilityError.isInstance(error)).toBe(true);
  });
});

describe('hide and delete', () => {
  it('hides a comment and shows it again', async () => {
    const { ref, comments } = await postWithThread();
    const adapter = h.adapter();
    const target = itemsOf(await allPages(adapter.listEngagements({ post: ref }, h.context()))).find(
      (item) => item.id === comments[0]?.id,
    );
    if (target === undefined) throw new Error('expected the comment');
    await adapter.hide(target, true, h.context());
    expect(h.facebook.sim.engagements.get(target.id)?.hidden).toBe(true);
    const listed = itemsOf(await allPages(adapter.listEngagements({ post: ref }, h.context())));
    expect(listed.find((item) => item.id === target.id)?.hidden).toBe(true);
    await adapter.hide(target, false, h.context());
    expect(h.facebook.sim.engagements.get(target.id)?.hidden).toBe(false);
  });

  it('deletes a comment with its replies; a second delete is not found', async () => {
    const { ref, parent, replies } = await postWithThread();
    const adapter = h.adapter();
    const target = itemsOf(await allPages(adapter.listEngagements({ post: ref }, h.context()))).find(
      (item) => item.id === parent.id,
    );
    if (target === undefined) throw new Error('expected the comment');
    await adapter.deleteEngagement(target, h.context());
    const left = ids(itemsOf(await allPages(adapter.listEngagements({ post: ref }, h.context()))));
    expect(left).not.toContain(parent.id);
    for (const reply of replies) expect(left).not.toContain(reply.id);
    // The post is still there: only the comment's node was deleted.
    expect(h.facebook.sim.posts.get(ref.platformPostId)).toBeDefined();
    const again = await failureOf(adapter.deleteEngagement(target, h.context()));
    expect(PlatformError.isInstance(again) && again.code).toBe('not_found');
  });

  it('leaves another Page’s comments alone and refuses mentions', async () => {
    const theirs = await h.adapter().publish({ text: 'Not yours' }, h.context({}, h.other));
    const [comment] = h.facebook.seedComments(theirs.ref.platformPostId, 1);
    const listed = itemsOf(
      await allPages(h.adapter().listEngagements({ post: theirs.ref }, h.context({}, h.other))),
    );
    const target = listed.find((item) => item.id === comment?.id);
    if (target === undefined) throw new Error('expected the comment');
    const hide = await failureOf(h.adapter().hide(target, true, h.context()));
    expect(PlatformError.isInstance(hide) && hide.code).toBe('not_found');
    expect(h.facebook.sim.engagements.get(target.id)?.hidden).toBe(false);
    const mention = { ...target, kind: 'mention' as const };
    expect(
      UnsupportedCapabilityError.isInstance(await failureOf(h.adapter().hide(mention, true, h.context()))),
    ).toBe(true);
    expect(
      UnsupportedCapabilityError.isInstance(
        await failureOf(h.adapter().deleteEngagement(mention, h.context())),
      ),
    ).toBe(true);
  });
});
