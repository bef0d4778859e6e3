import {
  AuthError,
  type Engagement,
  type MetricSample,
  PlatformError,
  TransientError,
  UnsupportedCapabilityError,
  ValidationError,
} from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { INSTAGRAM_RECENT_MEDIA_FOR_COMMENTS } from '../src/index.js';
import { REMOVED_METRICS } from '../src/mocks/index.js';
import { failureOf, HOUR, image, itemsOf, pagesOf, START, useInstagram } from './support/harness.js';

const h = useInstagram();
const { ig, ana } = h;

const INSIGHTS = 'GET /:version/:mediaId/insights';
const COMMENTS = 'GET /:version/:mediaId/comments';
const MEDIA = 'GET /:version/:igUserId/media';
const TAGS = 'GET /:version/:igUserId/tags';
const NODE_POST = 'POST /:version/:id';
const NODE_DELETE = 'DELETE /:version/:id';
const REPLIES_POST = 'POST /:version/:commentId/replies';

/** What Meta answers for `metric` on a media right now, read straight from the simulator. */
async function insightValues(mediaId: string): Promise<Record<string, number | undefined>> {
  const url = `${ig.baseUrl}/v26.0/${mediaId}/insights?metric=reach,views,likes,comments,shares,saved,total_interactions`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${ana.accessToken}` } });
  const body = (await response.json()) as { data: Record<string, unknown>[] };
  const values: Record<string, number | undefined> = {};
  for (const insight of body.data) {
    const first = (insight.values as { value: number }[])[0];
    values[String(insight.name)] = first?.value;
  }
  // The direct read above is not the adapter's: forget it.
  ig.sim.log.clear();
  return values;
}

const byMetric = (samples: readonly MetricSample[]) =>
  Object.fromEntries(samples.map((sample) => [sample.metric, sample]));

describe('post metrics', () => {
  it('asks for the seven current insights with period=lifetime and never a removed metric', async () => {
    const ref = h.media('Measured', { age: 2 * HOUR });
    await h.adapter().getPostMetrics([ref], h.context());
    const [query] = h.queries(INSIGHTS);
    expect(query?.get('metric')).toBe('reach,views,likes,comments,shares,saved,total_interactions');
    expect(query?.get('period')).toBe('lifetime');
    const asked = (query?.get('metric') ?? '').split(',');
    for (const removed of REMOVED_METRICS) expect(asked).not.toContain(removed);
  });

  it("reads a story's metrics without the likes, comments and saves a story does not have, beside a feed post's", async () => {
    const story = await h.adapter().publish(
      {
        media: [image('story', { width: 1080, height: 1920 })],
        options: { instagram: { format: 'story' } },
      },
      h.context(),
    );
    const feed = h.media('Measured', { age: 2 * HOUR });
    h.clock.advance(2 * HOUR);
    const samples = await h.adapter().getPostMetrics([feed, story.ref], h.context());
    const of = (ref: { platformPostId: string }) =>
      samples.filter((sample) => sample.platformPostId === ref.platformPostId).map((sample) => sample.metric);
    expect(of(story.ref).sort()).toEqual(['engagements', 'impressions', 'reach', 'shares']);
    expect(of(feed)).toContain('likes');
  });

  it('maps each insight to the canonical vocabulary, keeping Meta\u2019s name and value', async () => {
    const ref = h.media('Measured', { age: 2 * HOUR });
    ig.seedComments(ref.platformPostId, 3);
    const expected = await insightValues(ref.platformPostId);
    const samples = await h.adapter().getPostMetrics([ref], h.context());
    const found = byMetric(samples);
    const mapping = {
      reach: 'reach',
      impressions: 'views',
      likes: 'likes',
      comments: 'comments',
      shares: 'shares',
      saves: 'saved',
      engagements: 'total_interactions',
    } as const;
    expect(Object.keys(found).sort()).toEqual(Object.keys(mapping).sort());
    for (const [metric, rawName] of Object.entries(mapping)) {
      expect(found[metric]).toMatchObject({
        platform: 'instagram',
        accountId: ana.account.id,
        scope: 'post',
        platformPostId: ref.platformPostId,
        rawName,
        value: expected[rawName],
        period: 'lifetime',
        observedAt: new Date(START),
      });
    }
    expect(found.comments?.value).toBe(3);
    expect(found.reach?.value).toBeGreaterThan(0);
  });

  it('gives no sample, rather than 0, for an insight Meta has no data for yet', async () => {
    const ref = h.media('Fresh');
    const samples = await h.adapter().getPostMetrics([ref], h.context());
    const metrics = samples.map((sample) => sample.metric).sort();
    expect(metrics).toEqual(['comments', 'engagements', 'likes', 'saves', 'shares']);
    // The same post an hour later, once Meta's data has arrived, reports reach and views.
    h.clock.advance(HOUR);
    const later = await h.adapter().getPostMetrics([ref], h.context());
    expect(later.map((sample) => sample.metric)).toEqual(expect.arrayContaining(['reach', 'impressions']));
  });

  it('asks once per media, even for a ref given twice', async () => {
    const first = h.media('One', { age: HOUR });
    const second = h.media('Two', { age: HOUR });
    await h.adapter().getPostMetrics([first, second, first], h.context());
    expect(h.requests(INSIGHTS).map((entry) => new URL(entry.url).pathname.split('/')[2])).toEqual([
      first.platformPostId,
      second.platformPostId,
    ]);
  });

  it('skips a deleted media and one Meta withholds for too few viewers (code 10), and reads the rest', async () => {
    const withheld = h.media('Few viewers', { age: 2 * HOUR });
    const good = h.media('Many viewers', { age: 2 * HOUR });
    const gone = { ...good, platformPostId: '17999999999999999' };
    const tooFew: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.url.includes(`/${withheld.platformPostId}/insights`)) {
        return Response.json(
          {
            error: {
              message: '(#10) Not enough viewers for the media to show insights',
              type: 'OAuthException',
              code: 10,
              fbtrace_id: 'AtooFew',
            },
          },
          { status: 400 },
        );
      }
      return fetch(request);
    };
    const samples = await h.adapter({ fetch: tooFew }).getPostMetrics([withheld, gone, good], h.context());
    expect(new Set(samples.map((sample) => sample.platformPostId))).toEqual(new Set([good.platformPostId]));
    expect(samples).toHaveLength(7);
  });

  it('gives no samples for a story fewer than 5 accounts saw, or one past its 24 hours, and reads the rest', async () => {
    const story = (viewers: number | undefined, age: number) => ({
      platform: 'instagram' as const,
      accountId: ana.account.id,
      platformPostId: ig.seedMedia(ana.account.id, '', { story: true, viewers, createdAt: START - age }).id,
    });
    const unseen = story(3, 2 * HOUR);
    const expired = story(undefined, 25 * HOUR);
    const seen = story(undefined, 2 * HOUR);
    const feed = h.media('Measured', { age: 2 * HOUR });
    const samples = await h.adapter().getPostMetrics([unseen, expired, seen, feed], h.context());
    expect(new Set(samples.map((sample) => sample.platformPostId))).toEqual(
      new Set([seen.platformPostId, feed.platformPostId]),
    );
  });

  it('fails on a code 10 that is not about viewers (a missing permission) rather than reading it as no data', async () => {
    const ref = h.media('Measured', { age: 2 * HOUR });
    const noPermission: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (!request.url.includes('/insights')) return fetch(request);
      return Response.json(
        {
          error: {
            message: '(#10) Application does not have permission for this action',
            type: 'OAuthException',
            code: 10,
            fbtrace_id: 'AnoPermission',
          },
        },
        { status: 400 },
      );
    };
    const error = await failureOf(h.adapter({ fetch: noPermission }).getPostMetrics([ref], h.context()), ig);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.platformError).toMatchObject({ code: 10 });
  });

  it('throws what is not a missing post: a Graph 500 is a retryable TransientError', async () => {
    const ref = h.media('Unlucky', { age: HOUR });
    ig.sim.faults.inject({ kind: 'server_error', route: INSIGHTS });
    const error = await failureOf(h.adapter().getPostMetrics([ref], h.context()), ig);
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(true);
    expect(error.platformError).toMatchObject({
      code: 2,
      message: 'An unexpected error has occurred. Please retry your request later.',
    });
  });
});

describe('account metrics', () => {
  it('reads followers and posts from followers_count and media_count', async () => {
    h.media('One');
    h.media('Two');
    const samples = await h.adapter().getAccountMetrics(h.context());
    expect(h.queries('GET /:version/:id')[0]?.get('fields')).toBe('followers_count,media_count');
    expect(samples.map(({ metric, rawName, value, scope }) => ({ metric, rawName, value, scope }))).toEqual([
      { metric: 'followers', rawName: 'followers_count', value: 42, scope: 'account' },
      { metric: 'posts_count', rawName: 'media_count', value: 2, scope: 'account' },
    ]);
  });
});

describe('comments and replies of a post', () => {
  it('lists comments page by page, each followed by its replies, and resumes from a cursor', async () => {
    const ref = h.media('Talk to me');
    const seeded = ig.seedComments(ref.platformPostId, 5);
    const adapter = h.adapter();
    const oldest = (await itemsOf(adapter, { post: ref }, h.context())).find(
      (item) => item.id === seeded[0]?.id,
    );
    if (oldest === undefined) throw new Error('the oldest comment was not listed');
    const reply = await adapter.reply(oldest, 'Thanks!', h.context());

    const pages = await pagesOf(adapter, { post: ref, pageSize: 2 }, h.context());
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 2]);
    const ids = pages.flatMap((page) => page.items.map((item) => item.id));
    // Newest comment first (the simulator's order); the reply right after its comment.
    expect(ids).toEqual([...seeded.map((item) => item.id)].reverse().concat(reply.id));
    expect(pages.at(-1)?.cursor).toBeUndefined();
    expect(h.queries(COMMENTS).at(-1)?.get('limit')).toBe('2');

    const rest = await itemsOf(adapter, { post: ref, pageSize: 2, cursor: pages[0]?.cursor }, h.context());
    expect(rest.map((item) => item.id)).toEqual(ids.slice(2));
    const listedReply = rest.find((item) => item.id === reply.id);
    expect(listedReply).toMatchObject({ kind: 'reply', parentId: oldest.id, text: 'Thanks!' });
  });

  it('reads author, text, time and post of a comment', async () => {
    const ref = h.media('Talk to me');
    const [seeded] = ig.seedComments(ref.platformPostId, 1);
    const [item] = await itemsOf(h.adapter(), { post: ref }, h.context());
    expect(item).toMatchObject({
      platform: 'instagram',
      accountId: ana.account.id,
      id: seeded?.id,
      kind: 'comment',
      author: { id: seeded?.authorId, handle: 'fan_1' },
      text: 'Comment 1 from fan_1',
      createdAt: new Date(START),
      hidden: false,
      postRef: { platformPostId: ref.platformPostId },
    });
  });

  it('picks comments or replies with kinds and drops items older than since', async () => {
    const ref = h.media('Talk to me');
    const seeded = ig.seedComments(ref.platformPostId, 4); // one a minute, the newest now
    const adapter = h.adapter();
    const [newest] = await itemsOf(adapter, { post: ref }, h.context());
    if (newest === undefined) throw new Error('no comment listed');
    await adapter.reply(newest, 'Noted', h.context());

    const replies = await itemsOf(adapter, { post: ref, kinds: ['reply'] }, h.context());
    expect(replies.map((item) => item.kind)).toEqual(['reply']);
    const recent = await itemsOf(
      adapter,
      { post: ref, kinds: ['comment'], since: new Date(START - 60_000) },
      h.context(),
    );
    expect(recent.map((item) => item.id)).toEqual([seeded[3]?.id, seeded[2]?.id]);
  });

  it('refuses a cursor of another listing', async () => {
    const ref = h.media('Talk to me');
    const iterate = async () => itemsOf(h.adapter(), { post: ref, cursor: 'tags:QVFI' }, h.context());
    await expect(iterate()).rejects.toSatisfy(
      (error) => ValidationError.isInstance(error) && error.problems[0]?.rule === 'cursor.invalid',
    );
  });
});

describe('the account inbox (no post given)', () => {
  it('lists comments on recent media, newest media first, then mentions, and resumes from any cursor', async () => {
    const older = h.media('Older', { age: 2 * HOUR });
    const newer = h.media('Newer', { age: HOUR });
    const olderComments = ig.seedComments(older.platformPostId, 2);
    const newerComments = ig.seedComments(newer.platformPostId, 3);
    const mentions = ig.seedMentions(ana.account.id, 3);
    const adapter = h.adapter();

    const pages = await pagesOf(adapter, { pageSize: 2 }, h.context());
    const items = pages.flatMap((page) => page.items);
    expect(items.map((item) => item.id)).toEqual([
      ...newerComments.map((item) => item.id).reverse(),
      ...olderComments.map((item) => item.id).reverse(),
      ...mentions.map((item) => item.id).reverse(),
    ]);
    expect(items.map((item) => item.kind)).toEqual([
      ...Array(5).fill('comment'),
      ...Array(3).fill('mention'),
    ]);
    expect(items[0]?.postRef?.platformPostId).toBe(newer.platformPostId);
    expect(pages.at(-1)?.cursor).toBeUndefined();

    // Resuming from every page's cursor hands out exactly the items after that page.
    let before = 0;
    for (const page of pages.slice(0, -1)) {
      before += page.items.length;
      const rest = await itemsOf(adapter, { pageSize: 2, cursor: page.cursor }, h.context());
      expect(rest.map((item) => item.id)).toEqual(items.slice(before).map((item) => item.id));
    }
  });

  it('reads comments of the 25 newest media only, in one media request', async () => {
    expect(INSTAGRAM_RECENT_MEDIA_FOR_COMMENTS).toBe(25);
    const refs = Array.from({ length: 26 }, (_, index) =>
      h.media(`Post ${index}`, { age: (26 - index) * HOUR }),
    );
    for (const ref of refs) ig.seedComments(ref.platformPostId, 1);
    const items = await itemsOf(h.adapter(), { kinds: ['comment'] }, h.context());
    expect(items).toHaveLength(25);
    expect(items.some((item) => item.postRef?.platformPostId === refs[0]?.platformPostId)).toBe(false);
    expect(h.queries(MEDIA).map((query) => query.get('limit'))).toEqual(['25']);
    expect(h.requests(COMMENTS)).toHaveLength(25);
    expect(h.requests(TAGS)).toHaveLength(0);
  });

  it('reads only mentions when only mentions are asked for', async () => {
    h.media('Not read');
    const [mention] = ig.seedMentions(ana.account.id, 1);
    const items = await itemsOf(h.adapter(), { kinds: ['mention'] }, h.context());
    expect(h.requests(MEDIA)).toHaveLength(0);
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'mention',
        id: mention?.id,
        author: expect.objectContaining({ handle: 'fan_1' }),
        text: `Look at this @ana (1)`,
        createdAt: new Date(START),
      }),
    ]);
  });
});

describe('reply, hide and delete', () => {
  async function commentOn(ref = h.media('Talk to me')): Promise<Engagement> {
    ig.seedComments(ref.platformPostId, 1);
    const [comment] = await itemsOf(h.adapter(), { post: ref }, h.context());
    if (comment === undefined) throw new Error('no comment listed');
    return comment;
  }

  it('answers a comment under it and a reply under the reply\u2019s parent (replies go under top-level comments only)', async () => {
    const comment = await commentOn();
    const adapter = h.adapter();
    const reply = await adapter.reply(comment, 'First answer', h.context());
    expect(reply).toMatchObject({
      kind: 'reply',
      parentId: comment.id,
      text: 'First answer',
      author: { id: ana.account.id },
    });
    const again = await adapter.reply(reply, 'Second answer', h.context());
    expect(again.parentId).toBe(comment.id);
    expect(h.requests(REPLIES_POST).map((entry) => entry.url.split('/').at(-2))).toEqual([
      comment.id,
      comment.id,
    ]);
    expect(h.bodies(REPLIES_POST).map((body) => body.message)).toEqual(['First answer', 'Second answer']);
    expect(ig.sim.posts.get(again.id)?.inReplyToId).toBe(comment.id);
  });

  it('answers a post with a comment on it', async () => {
    const ref = h.media('Talk to me');
    const comment = await h.adapter().reply(ref, 'Link in bio', h.context());
    expect(comment).toMatchObject({ kind: 'comment', text: 'Link in bio', postRef: ref });
    expect(ig.sim.engagements.get(comment.id)?.postId).toBe(ref.platformPostId);
  });

  it('hides a comment and shows it again, as the platform then reports it', async () => {
    const comment = await commentOn();
    const adapter = h.adapter();
    await adapter.hide(comment, true, h.context());
    expect(ig.sim.engagements.get(comment.id)?.hidden).toBe(true);
    const [listed] = await itemsOf(adapter, { post: comment.postRef }, h.context());
    expect(listed?.hidden).toBe(true);
    await adapter.hide(comment, false, h.context());
    expect(ig.sim.engagements.get(comment.id)?.hidden).toBe(false);
    expect(h.queries(NODE_POST).map((query) => query.get('hide'))).toEqual(['true', 'false']);
  });

  it('deletes a comment with its replies; deleting it again is not_found', async () => {
    const comment = await commentOn();
    const adapter = h.adapter();
    const reply = await adapter.reply(comment, 'Bye', h.context());
    await adapter.deleteEngagement(comment, h.context());
    expect(ig.sim.engagements.get(comment.id)).toBeUndefined();
    expect(ig.sim.engagements.get(reply.id)).toBeUndefined();
    expect(h.requests(NODE_DELETE)).toHaveLength(1);
    const error = await failureOf(adapter.deleteEngagement(comment, h.context()), ig);
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error.code).toBe('not_found');
    expect(error.retryable).toBe(false);
    expect(error.platformError?.message).toContain(`Object with ID '${comment.id}' does not exist`);
  });

  it('refuses to reply to, hide or delete a mention, without a request', async () => {
    ig.seedMentions(ana.account.id, 1);
    const [mention] = await itemsOf(h.adapter(), { kinds: ['mention'] }, h.context());
    if (mention === undefined) throw new Error('no mention listed');
    ig.sim.log.clear();
    const adapter = h.adapter();
    for (const attempt of [
      adapter.reply(mention, 'Hi', h.context()),
      adapter.hide(mention, true, h.context()),
      adapter.deleteEngagement(mention, h.context()),
    ]) {
      const error = await failureOf(attempt, ig);
      expect(UnsupportedCapabilityError.isInstance(error)).toBe(true);
    }
    expect(ig.sim.log.entries).toHaveLength(0);
  });
});
