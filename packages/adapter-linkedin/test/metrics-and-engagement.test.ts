import { AuthError, type Engagement, type EngagementPage } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { commentEngagement } from '../src/engagement-mapping.js';
import { failureOf, media, useLinkedIn } from './support/harness.js';

const h = useLinkedIn();
const HOUR = 3_600_000;

async function pages(iterable: AsyncIterable<EngagementPage>): Promise<EngagementPage[]> {
  const all: EngagementPage[] = [];
  for await (const page of iterable) all.push(page);
  return all;
}

const byMetric = (samples: readonly { metric: string; value: number; rawName: string }[]) =>
  Object.fromEntries(samples.map((sample) => [sample.metric, [sample.rawName, sample.value]]));

describe('metrics', () => {
  it('reads a member post’s analytics in the canonical vocabulary, keeping LinkedIn’s names', async () => {
    const adapter = h.adapter();
    const result = await adapter.publish({ text: 'Member post' }, h.context());
    h.linkedin.seedComments(result.ref.platformPostId, 3);
    h.linkedin.seedReactions(result.ref.platformPostId, 2);
    h.clock.advance(4 * HOUR);
    const samples = await adapter.getPostMetrics([result.ref], h.context());
    const metrics = byMetric(samples);
    expect(Object.keys(metrics).sort()).toEqual(['comments', 'impressions', 'reach', 'reactions', 'shares']);
    expect(metrics.comments).toEqual(['memberCreatorPostAnalytics.COMMENT', 3]);
    expect(metrics.reactions).toEqual(['memberCreatorPostAnalytics.REACTION', 2]);
    expect(metrics.impressions?.[1]).toBeGreaterThan(0);
    for (const sample of samples) {
      expect(sample).toMatchObject({
        scope: 'post',
        platformPostId: result.ref.platformPostId,
        period: 'lifetime',
      });
      expect(sample.observedAt.getTime()).toBe(h.clock.now());
    }
    const [call] = h.linkedin.sim.log.forRoute('GET /rest/memberCreatorPostAnalytics');
    expect(call?.url).toContain(`entity=(share:${encodeURIComponent(result.ref.platformPostId)})`);
  });

  it('reads an organization’s posts’ share statistics in one request', async () => {
    const adapter = h.adapter({ author: h.acme });
    const first = await adapter.publish({ text: 'Org post 1' }, h.context());
    const second = await adapter.publish({ text: 'Org post 2' }, h.context());
    h.linkedin.seedComments(second.ref.platformPostId, 4);
    h.clock.advance(2 * HOUR);
    const samples = await adapter.getPostMetrics([first.ref, second.ref], h.context());
    const calls = h.linkedin.sim.log.forRoute('GET /rest/organizationalEntityShareStatistics');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toContain(
      `shares=List(${encodeURIComponent(first.ref.platformPostId)},${encodeURIComponent(second.ref.platformPostId)})`,
    );
    const secondMetrics = byMetric(samples.filter((s) => s.platformPostId === second.ref.platformPostId));
    expect(Object.keys(secondMetrics).sort()).toEqual([
      'clicks',
      'comments',
      'impressions',
      'likes',
      'reach',
      'shares',
    ]);
    expect(secondMetrics.comments).toEqual(['totalShareStatistics.commentCount', 4]);
  });

  it('reads followers of a member and of an organization', async () => {
    h.ana.account.followers = 321;
    const [member] = await h.adapter().getAccountMetrics(h.context());
    expect(member).toMatchObject({
      metric: 'followers',
      value: 321,
      scope: 'account',
      rawName: 'memberFollowersCount',
    });
    const [org] = await h.adapter({ author: h.acme }).getAccountMetrics(h.context());
    expect(org).toMatchObject({ metric: 'followers', value: 1200, rawName: 'networkSizes.firstDegreeSize' });
  });

  it('names the missing scope when the token cannot read analytics', async () => {
    const reader = h.linkedin.addMember('reader', { scopes: ['w_member_social'] });
    const adapter = h.adapter();
    const context = h.context({}, reader);
    const result = await adapter.publish({ text: 'Readers post' }, context);
    const error = await failureOf(adapter.getPostMetrics([result.ref], context), h.linkedin);
    expect(AuthError.isInstance(error) && error.code).toBe('auth_missing_scope');
    expect(error.message).toContain('r_member_postAnalytics');
    expect(error.platformError).toMatchObject({ code: 100, type: 'ACCESS_DENIED' });
  });

  it('needs r_member_profileAnalytics for a member\u2019s follower count, and names it when refused', async () => {
    const poster = h.linkedin.addMember('poster', { scopes: ['w_member_social', 'r_member_postAnalytics'] });
    const error = await failureOf(h.adapter().getAccountMetrics(h.context({}, poster)), h.linkedin);
    expect(AuthError.isInstance(error) && error.code).toBe('auth_missing_scope');
    expect(error.message).toContain('r_member_profileAnalytics');
  });
});

describe('engagement', () => {
  it('lists a post’s comments, nested replies and reactions, page by page', async () => {
    const adapter = h.adapter();
    const post = await adapter.publish({ text: 'Discuss' }, h.context());
    const [firstComment] = h.linkedin.seedComments(post.ref.platformPostId, 4);
    const reply = await adapter.reply(
      {
        platform: 'linkedin',
        accountId: h.ana.account.id,
        id: firstComment?.id ?? '',
        kind: 'comment',
        postRef: post.ref,
        author: { id: 'x' },
        text: '',
        createdAt: new Date(),
        raw: {},
      },
      'Thanks for the comment',
      h.context(),
    );
    h.linkedin.seedReactions(post.ref.platformPostId, 3);
    const all = await pages(adapter.listEngagements({ post: post.ref, pageSize: 3 }, h.context()));
    const items = all.flatMap((page) => page.items);
    expect(items.map((item) => item.kind)).toEqual([
      'comment',
      'comment',
      'comment',
      'comment',
      'reply',
      'reaction',
      'reaction',
      'reaction',
    ]);
    expect(items.find((item) => item.kind === 'reply')).toMatchObject({
      id: reply.id,
      parentId: firstComment?.id,
      text: 'Thanks for the comment',
    });
    expect(items.filter((item) => item.kind === 'reaction').map((item) => item.reaction)).toEqual([
      'EMPATHY',
      'PRAISE',
      'LIKE',
    ]);
    expect(all.at(-1)?.cursor).toBeUndefined();
    const onlyReactions = await pages(
      adapter.listEngagements({ post: post.ref, kinds: ['reaction'] }, h.context()),
    );
    expect(onlyReactions.flatMap((page) => page.items)).toHaveLength(3);
  });

  it('lists engagement across the author’s posts and resumes from a cursor', async () => {
    const adapter = h.adapter();
    const older = await adapter.publish({ text: 'Older' }, h.context());
    const newer = await adapter.publish({ text: 'Newer' }, h.context());
    h.linkedin.seedComments(older.ref.platformPostId, 2);
    h.linkedin.seedComments(newer.ref.platformPostId, 3);
    const all = await pages(adapter.listEngagements({ pageSize: 2, kinds: ['comment'] }, h.context()));
    const ids = all.flatMap((page) => page.items.map((item: Engagement) => item.id));
    expect(ids).toHaveLength(5);
    // Newest post first.
    expect(all[0]?.items[0]?.postRef?.platformPostId).toBe(newer.ref.platformPostId);
    const resumed = await pages(
      adapter.listEngagements({ pageSize: 2, kinds: ['comment'], cursor: all[0]?.cursor }, h.context()),
    );
    expect(resumed.flatMap((page) => page.items.map((item) => item.id))).toEqual(ids.slice(2));
  });

  it("reads the engagement of the author's 25 newest posts only, account-wide", async () => {
    const adapter = h.adapter();
    const oldest = await adapter.publish({ text: 'Post 0' }, h.context());
    h.linkedin.seedComments(oldest.ref.platformPostId, 1);
    for (let n = 1; n <= 25; n += 1) await adapter.publish({ text: `Post ${n}` }, h.context());
    const all = await pages(adapter.listEngagements({ kinds: ['comment'] }, h.context()));
    // The comment is on the 26th newest post: read with query.post, not account-wide.
    expect(all).toEqual([]);
    const listed = h.linkedin.sim.log.entries.filter(
      (entry) => new URL(entry.url).searchParams.get('q') === 'author',
    );
    expect(listed).toHaveLength(25);
    const onIt = await pages(adapter.listEngagements({ post: oldest.ref, kinds: ['comment'] }, h.context()));
    expect(onIt.flatMap((page) => page.items)).toHaveLength(1);
  });

  it('replies to a post, to a comment and to a reply (under the same comment)', async () => {
    const adapter = h.adapter();
    const post = await adapter.publish({ text: 'Thread of comments' }, h.context());
    const onPost = await adapter.reply(post.ref, 'Comment on my post', h.context());
    expect(onPost).toMatchObject({ kind: 'reply', postRef: { platformPostId: post.ref.platformPostId } });
    expect(h.linkedin.sim.posts.get(onPost.id)?.inReplyToId).toBe(post.ref.platformPostId);
    const nested = await adapter.reply({ ...onPost, kind: 'comment' }, 'Nested', h.context());
    expect(h.linkedin.commentOf(nested.id)?.parentComment).toBe(onPost.id);
    const again = await adapter.reply(nested, 'Still nested under the first', h.context());
    expect(h.linkedin.commentOf(again.id)?.parentComment).toBe(onPost.id);
  });

  it('finds a recent post by its text, read back from the little format', async () => {
    const adapter = h.adapter();
    const text = 'Launch (beta) with @Acme #news — 50% off_today';
    const result = await adapter.publish(
      { text, options: { linkedin: { mentions: [{ name: 'Acme', urn: h.acme }] } } },
      h.context(),
    );
    await adapter.publish({ text: 'Something else' }, h.context());
    const found = await adapter.findRecentPosts(
      { since: new Date(h.clock.now() - 60_000), text },
      h.context(),
    );
    expect(found.map((post) => post.ref.platformPostId)).toEqual([result.ref.platformPostId]);
    expect(found[0]?.text).toBe(text);
  });

  it('takes a post that says what an earlier first comment said: only posts count as duplicates', async () => {
    const adapter = h.adapter();
    await adapter.publish({ text: 'Launch', firstComment: 'Thanks all' }, h.context());
    const again = await adapter.publish({ text: 'Thanks all' }, h.context());
    expect(h.linkedin.sim.posts.get(again.ref.platformPostId)).toBeDefined();
  });

  it('refers a comment to the post it was read under, not to the activity URN LinkedIn names as its object', () => {
    const share = 'urn:li:share:6636062862760562690';
    const comment = commentEngagement(
      {
        id: '6636062862760562688',
        object: 'urn:li:activity:6631349431612559360',
        actor: 'urn:li:person:abc',
        message: { text: 'Nice' },
      },
      'acct-1',
      share,
    );
    expect(comment?.postRef?.platformPostId).toBe(share);
  });

  it('finds a post with media and a link, whose link the adapter appended to its text', async () => {
    const adapter = h.adapter();
    const post = {
      text: 'Launch day',
      link: 'https://example.com/launch',
      media: [media('image', 'image/png')],
    };
    const result = await adapter.publish(post, h.context());
    // What the publisher asks after a lost answer: the post's own text (links are attachments here).
    const found = await adapter.findRecentPosts(
      { since: new Date(h.clock.now() - 60_000), text: post.text, post },
      h.context(),
    );
    expect(found.map((one) => one.ref.platformPostId)).toEqual([result.ref.platformPostId]);
  });
});
