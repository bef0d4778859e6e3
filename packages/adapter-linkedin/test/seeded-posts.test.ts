import type { Engagement, PostRef } from '@smmkit/core';
import type { AccountWithTokens, SimulatedAccount, SimulatedEngagement } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { littleTextOf, parseLittleText } from '../src/mocks/little-text.js';
import { START, useLinkedIn } from './support/harness.js';

// What testkit's seeds (sim.seedMentions, sim.seedReplies, sim.seedPublicAccount, sim.seedFanPosts)
// have others write is stored as LinkedIn holds it: posts under urn:li:share:… by urn:li:person:…,
// comments under urn:li:comment:({post},{id})
// (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api;
// https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api).

const h = useLinkedIn();
const API = 'https://api.linkedin.com/rest';
const SHARE = /^urn:li:share:\d+$/;
const HOUR = 3_600_000;

/** GETs `path` from the simulator's API as ana (or with `token`), with the headers LinkedIn requires. */
async function get(
  path: string,
  token = h.ana.accessToken,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${API}${path}`, {
    headers: {
      authorization: `Bearer ${token}`,
      'linkedin-version': '202610',
      'x-restli-protocol-version': '2.0.0',
    },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The URN testkit's fan `handle` writes as. */
function fanUrn(handle: string): string {
  const fan = h.linkedin.sim.accountByHandle(handle);
  if (fan === undefined) throw new Error(`no ${handle}`);
  return h.linkedin.urnOf(fan);
}

/**
 * A seeded member signed in to the app with `r_member_social`: LinkedIn lists a member's posts
 * to that member only (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
 */
function signedIn(account: SimulatedAccount): AccountWithTokens {
  return { account, ...h.linkedin.sim.tokens.issue(account.id, { scopes: ['r_member_social'] }) };
}

/** A post ref to `urn`, in ana's account. */
const refTo = (urn: string): PostRef => ({
  platform: 'linkedin',
  accountId: h.ana.account.id,
  platformPostId: urn,
});

/** A seeded mention as an inbox engagement of ana's, on the post that carries it. */
const asMention = (seeded: SimulatedEngagement): Engagement => ({
  platform: 'linkedin',
  accountId: h.ana.account.id,
  id: seeded.id,
  kind: 'mention',
  postRef: refTo(seeded.id),
  author: { id: seeded.authorId },
  text: seeded.text,
  createdAt: new Date(seeded.createdAt),
  raw: seeded,
});

/** Every engagement the adapter lists for `query`, page after page. */
async function listAll(query: Parameters<ReturnType<typeof h.adapter>['listEngagements']>[0]) {
  const items: Engagement[] = [];
  for await (const page of h.adapter().listEngagements(query, h.context())) items.push(...page.items);
  return items;
}

describe('seeded posts', () => {
  it('stores a seeded mention as the fan’s post mentioning the member, under a urn:li:share: URN', async () => {
    const [first, second] = h.linkedin.sim.seedMentions(h.ana.account.id, 2);
    if (first === undefined || second === undefined) throw new Error('no mentions seeded');
    expect([first.id, second.id]).toEqual([expect.stringMatching(SHARE), expect.stringMatching(SHARE)]);

    const { status, body } = await get(`/posts/${encodeURIComponent(first.id)}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: first.id,
      author: fanUrn('fan_1'),
      // The mention in the little format, the rest escaped so LinkedIn cuts nothing.
      commentary: `@[ana](${h.ana.account.id}) Mention 1 from fan\\_1`,
      visibility: 'PUBLIC',
      lifecycleState: 'PUBLISHED',
      createdAt: START - 60_000,
    });
    const stored = h.linkedin.sim.posts.get(first.id);
    expect(stored?.text).toBe('ana Mention 1 from fan_1');
    expect(stored?.extra).toMatchObject({ mentions: [h.ana.account.id], truncated: false });

    // Found among the fan's posts by author, as any of its posts would be, by the fan (not by ana).
    const byFan = `/posts?q=author&author=${encodeURIComponent(fanUrn('fan_2'))}`;
    const fan = h.linkedin.sim.accountByHandle('fan_2');
    if (fan === undefined) throw new Error('no fan_2');
    const { body: byAuthor } = await get(byFan, signedIn(fan).accessToken);
    expect((byAuthor.elements as { id: string }[]).map((post) => post.id)).toEqual([second.id]);
    expect((await get(byFan)).status).toBe(403);
  });

  it('lets the adapter like a seeded mention and reply to it', async () => {
    const [seeded] = h.linkedin.sim.seedMentions(h.ana.account.id, 1);
    if (seeded === undefined) throw new Error('no mention seeded');
    const mention = asMention(seeded);
    const adapter = h.adapter();

    await adapter.like(mention, true, h.context());
    expect(h.linkedin.reactionsOn(seeded.id)).toMatchObject([
      { actor: h.ana.account.id, reactionType: 'LIKE' },
    ]);
    expect(h.linkedin.sim.engagements.get(seeded.id)?.liked).toBe(true);

    const reply = await adapter.reply(mention, 'Thanks for the mention', h.context());
    expect(h.linkedin.commentOf(reply.id)).toMatchObject({
      actor: h.ana.account.id,
      object: seeded.id,
      message: { text: 'Thanks for the mention' },
    });
  });

  it('stores a mention in reply to a post as a comment on it, listed with its comments', async () => {
    const post = await h.adapter().publish({ text: 'Our launch' }, h.context());
    const postUrn = post.ref.platformPostId;
    const [seeded] = h.linkedin.sim.seedMentions(h.ana.account.id, 1, { postId: postUrn });
    if (seeded === undefined) throw new Error('no mention seeded');
    expect(seeded.id.startsWith(`urn:li:comment:(${postUrn},`)).toBe(true);
    expect(h.linkedin.commentOf(seeded.id)).toMatchObject({
      actor: fanUrn('fan_1'),
      object: postUrn,
      message: { text: '@ana Mention 1 from fan_1' },
    });

    const listed = await listAll({ post: post.ref, kinds: ['comment'] });
    expect(listed).toMatchObject([
      { id: seeded.id, kind: 'comment', author: { id: fanUrn('fan_1') }, text: '@ana Mention 1 from fan_1' },
    ]);
  });

  it('stores seeded replies as comments on the post, and replies to a comment under it', async () => {
    const post = await h.adapter().publish({ text: 'What do you think?' }, h.context());
    const postUrn = post.ref.platformPostId;
    const comments = h.linkedin.sim.seedReplies(postUrn, 2);
    const [first] = comments;
    if (first === undefined) throw new Error('no reply seeded');
    const replies = h.linkedin.sim.seedReplies(first.id, 1);
    const nested = h.linkedin.seedComments(first.id, 1);

    for (const reply of [...replies, ...nested]) {
      expect(reply.id.startsWith(`urn:li:comment:(${postUrn},`)).toBe(true);
      expect(h.linkedin.commentOf(reply.id)).toMatchObject({ object: postUrn, parentComment: first.id });
    }
    const listed = await listAll({ post: post.ref, kinds: ['comment', 'reply'] });
    expect(listed.map(({ id, kind, parentId }) => ({ id, kind, parentId }))).toEqual([
      ...comments.map(({ id }) => ({ id, kind: 'comment', parentId: undefined })),
      ...[...replies, ...nested].map(({ id }) => ({ id, kind: 'reply', parentId: first.id })),
    ]);
  });

  it('lists a seeded public account’s posts by its URN, newest first, to the account itself and its adapter', async () => {
    const older = h.linkedin.sim.seedPublicAccount('rivalcoffee', { posts: 1 });
    // Stored after the first, but dated earlier: hours back, the newest at now.
    const { account, posts } = h.linkedin.sim.seedPublicAccount('rivalcoffee', {
      posts: 3,
      spacingMs: HOUR,
      text: (index) => `Roast ${index + 1} (limited) #coffee`,
    });
    const rival = h.linkedin.urnOf(account);
    expect(rival).toMatch(/^urn:li:person:/);
    for (const post of [...older.posts, ...posts]) {
      expect(post.id).toMatch(SHARE);
      expect(h.linkedin.postOf(post.id)?.author).toBe(rival);
    }
    expect(h.linkedin.sim.posts.get(posts[0]?.id ?? '')?.extra).toMatchObject({
      hashtags: ['coffee'],
      truncated: false,
    });

    // Listed to the account itself (ana, a stranger to it, is refused: LinkedIn has no public lookup).
    const owner = signedIn(account);
    const newestFirst = [posts[2], older.posts[0], posts[1], posts[0]].map((post) => post?.id);
    const byRival = `/posts?q=author&author=${encodeURIComponent(rival)}&count=10`;
    const { body } = await get(byRival, owner.accessToken);
    expect((body.elements as { id: string }[]).map((post) => post.id)).toEqual(newestFirst);
    expect((await get(byRival)).status).toBe(403);

    const found = await h
      .adapter({ author: rival })
      .findRecentPosts({ since: new Date(START - 3 * HOUR) }, h.context({}, owner));
    expect(found.map((post) => post.ref.platformPostId)).toEqual(newestFirst);
    expect(found.map((post) => post.text)).toEqual([
      'Roast 3 (limited) #coffee',
      'Post 1 from rivalcoffee',
      'Roast 2 (limited) #coffee',
      'Roast 1 (limited) #coffee',
    ]);
  });

  it('reads the comments and reactions seeded on a fan’s post', async () => {
    const [fanPost] = h.linkedin.sim.seedFanPosts(1, {
      text: (author) => `Shout-out to @Acme from ${author.handle}`,
    });
    if (fanPost === undefined) throw new Error('no fan post seeded');
    expect(fanPost.id).toMatch(SHARE);
    expect(fanPost.extra).toMatchObject({ mentions: [h.acme] });
    expect(fanPost.text).toBe('Shout-out to Acme from fan_1');
    const comments = h.linkedin.seedComments(fanPost.id, 2);
    const reactions = h.linkedin.seedReactions(fanPost.id, 1);

    const listed = await listAll({ post: refTo(fanPost.id), kinds: ['comment', 'reaction'] });
    expect(listed.map(({ kind, author }) => ({ kind, author: author.id }))).toEqual([
      ...comments.map((_, index) => ({ kind: 'comment', author: fanUrn(`fan_${index + 1}`) })),
      ...reactions.map(() => ({ kind: 'reaction', author: fanUrn('fan_1') })),
    ]);
  });

  it('lists comments oldest first and reactions newest first by when they were made, seeded ones too', async () => {
    const adapter = h.adapter();
    const post = await adapter.publish({ text: 'Order please' }, h.context());
    const mine = await adapter.reply(post.ref, 'First in, made now', h.context());
    // Seeded a minute back and now: stored after ana's comment, the first one dated before it.
    const [early, late] = h.linkedin.seedComments(post.ref.platformPostId, 2);
    const comments = await listAll({ post: post.ref, kinds: ['comment'] });
    expect(comments.map((comment) => comment.id)).toEqual([early?.id, mine.id, late?.id]);

    const [seeded] = h.linkedin.sim.seedMentions(h.ana.account.id, 1);
    if (seeded === undefined) throw new Error('no mention seeded');
    await adapter.like(asMention(seeded), true, h.context());
    h.linkedin.seedReactions(seeded.id, 2);
    const reactions = await listAll({ post: refTo(seeded.id), kinds: ['reaction'] });
    expect(reactions.map((reaction) => reaction.author.id)).toEqual([
      fanUrn('fan_2'),
      h.ana.account.id,
      fanUrn('fan_1'),
    ]);
  });

  it('writes seeded text in the little format so that LinkedIn reads back every character', () => {
    const text = 'a\\b|c{d}e@f[g]h(i)j<k>l#m*n_o~p #tag_1 @nobody. @Acme!';
    const acme = { name: 'Acme Inc', urn: h.acme };
    const commentary = littleTextOf(text, (name) => (name === 'Acme' ? acme : undefined));
    expect(parseLittleText(commentary)).toEqual({
      text: 'a\\b|c{d}e@f[g]h(i)j<k>l#m*n_o~p #tag_1 @nobody. Acme Inc!',
      mentions: [h.acme],
      hashtags: ['m', 'tag_1'],
      truncated: false,
    });
  });
});
