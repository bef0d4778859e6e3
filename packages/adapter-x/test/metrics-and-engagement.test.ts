import {
  type Engagement,
  type EngagementPage,
  type EngagementQuery,
  type MetricSample,
  PlatformError,
  type PostRef,
  type RequestContext,
  UnsupportedCapabilityError,
} from '@smmkit/core';
import { allPages, recordingFetch } from '@smmkit/testkit';
import { growingCount } from '@smmkit/testkit/simulator-kit';
import { describe, expect, it } from 'vitest';
import type { XAdapter } from '../src/index.js';
import { VIEWS_PER_HOUR } from '../src/mocks/index.js';
import { X_SNOWFLAKE_EPOCH_MS } from '../src/x-time.js';
import { bytes, CREATE_POST, record, START, useX } from './support/harness.js';

const h = useX({ checkAfterSecs: 1, mediaProcessingMs: 2_000 });
const { x, ana, bob } = h;
const posts = h.sibling({ baseUrl: 'https://post-vocabulary.x.test', vocabulary: 'post' });

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const LOOKUP = 'GET /2/tweets';
const MENTIONS = 'GET /2/users/:id/mentions';
const SEND_DM = 'POST /2/dm_conversations/with/:participant_id/messages';
const HIDE = 'PUT /2/tweets/:tweet_id/hidden';

const PUBLIC = ['comments', 'impressions', 'likes', 'quotes', 'saves', 'shares'];
const PRIVATE = ['engagements', 'link_clicks', 'profile_visits'];

/** The metric names of one post's samples, sorted. */
const metricsOf = (samples: readonly MetricSample[], postId: string) =>
  samples
    .filter((sample) => sample.platformPostId === postId)
    .map((sample) => sample.metric)
    .sort();

/** Every metric object: what the posts of the last 30 days are asked for. */
const ALL_FIELDS = 'public_metrics,non_public_metrics,organic_metrics';

/** The ids and `tweet.fields` of every post lookup, in order. */
const lookupsOf = () =>
  h.requests(LOOKUP).map((entry) => {
    const params = new URL(entry.url).searchParams;
    return { ids: params.get('ids')?.split(','), fields: params.get('tweet.fields') };
  });

/** The id X gives a post created at `createdAt` (a Snowflake: https://docs.x.com/fundamentals/x-ids). */
const snowflake = (createdAt: number) => (BigInt(createdAt - X_SNOWFLAKE_EPOCH_MS) << 22n).toString();

/** Every page of a listing. */
function pagesOf(
  adapter: XAdapter,
  query: EngagementQuery,
  context: RequestContext,
): Promise<EngagementPage[]> {
  return allPages(adapter.listEngagements(query, context));
}

/** The first page of a listing. */
async function firstPage(
  adapter: XAdapter,
  query: EngagementQuery,
  context: RequestContext,
): Promise<EngagementPage> {
  for await (const page of adapter.listEngagements(query, context)) return page;
  throw new Error('the listing had no page');
}

/** Every item of a listing. */
async function itemsOf(
  adapter: XAdapter,
  query: EngagementQuery,
  context: RequestContext,
): Promise<Engagement[]> {
  return (await pagesOf(adapter, query, context)).flatMap((page) => page.items);
}

describe('post metrics', () => {
  it('asks for 150 posts in two lookups of 100 and 50 ids', async () => {
    const refs: PostRef[] = Array.from({ length: 150 }, (_, index) => {
      const createdAt = START - index * 60_000;
      const post = x.sim.posts.put({
        id: snowflake(createdAt),
        accountId: ana.account.id,
        text: `Post ${index}`,
        media: [],
        inReplyToId: undefined,
        pollOptions: undefined,
        createdAt,
        extra: {},
      });
      return { platform: 'x', accountId: ana.account.id, platformPostId: post.id };
    });
    // A repeated ref is asked for once.
    const samples = await h.adapter().getPostMetrics([...refs, ...refs.slice(0, 3)], h.context());

    const lookups = h.requests(LOOKUP).map((entry) => new URL(entry.url).searchParams);
    expect(lookups.map((params) => params.get('ids')?.split(',').length)).toEqual([100, 50]);
    expect(lookups.flatMap((params) => params.get('ids')?.split(',') ?? [])).toEqual(
      refs.map((ref) => ref.platformPostId),
    );
    expect(lookups[0]?.get('tweet.fields')).toBe(ALL_FIELDS);
    expect(new Set(samples.map((sample) => sample.platformPostId)).size).toBe(150);
  });

  it('maps retweet_count to shares and keeps the raw name', async () => {
    const { ref } = await h.adapter().publish({ text: 'Share me' }, h.context());
    h.clock.advance(HOUR);
    const samples = await h.adapter().getPostMetrics([ref], h.context());
    const shares = samples.filter((sample) => sample.metric === 'shares');
    const expected = record(record(x.tweetOf(ref.platformPostId)).public_metrics).retweet_count;
    expect(expected).toBeGreaterThan(0);
    expect(shares).toEqual([
      expect.objectContaining({
        rawName: 'public_metrics.retweet_count',
        value: expected,
        period: 'lifetime',
      }),
    ]);
  });

  it("maps repost_count, the newest spec's name, to shares too", async () => {
    const { ref } = await posts.adapter().publish({ text: 'Repost me' }, posts.context());
    h.clock.advance(HOUR);
    const samples = await posts.adapter().getPostMetrics([ref], posts.context());
    const tweet = record(posts.x.tweetOf(ref.platformPostId));
    const expected = record(tweet.public_metrics).repost_count;
    expect(expected).toBeGreaterThan(0);
    expect(samples.filter((sample) => sample.metric === 'shares')).toEqual([
      expect.objectContaining({ rawName: 'public_metrics.repost_count', value: expected }),
    ]);
  });

  it('reads non-public and organic metrics only for the own posts of the last 30 days', async () => {
    const adapter = h.adapter();
    const old = await adapter.publish({ text: 'Old post' }, h.context());
    h.clock.advance(31 * DAY);
    const token = h.lasting(ana);
    const context = { ...h.context(), tokens: { getAccessToken: async () => token } };
    const recent = await adapter.publish({ text: 'Recent post' }, context);
    const theirs = await adapter.publish(
      { text: "Bob's post" },
      { ...h.context({}, bob), tokens: { getAccessToken: async () => h.lasting(bob) } },
    );
    h.clock.advance(HOUR);

    const samples = await adapter.getPostMetrics([recent.ref, old.ref, theirs.ref], context);
    expect(metricsOf(samples, recent.ref.platformPostId)).toEqual([...PRIVATE, ...PUBLIC].sort());
    expect(metricsOf(samples, old.ref.platformPostId)).toEqual(PUBLIC);
    expect(metricsOf(samples, theirs.ref.platformPostId)).toEqual(PUBLIC);
    // X leaves a post out of `data` when private fields are asked for it and may not be read: the
    // posts of the last 30 days are asked for every metric, Bob's (refused) again for public ones
    // with the old one, which is never asked for private metrics.
    expect(lookupsOf()).toEqual([
      { ids: [recent.ref.platformPostId, theirs.ref.platformPostId], fields: ALL_FIELDS },
      { ids: [old.ref.platformPostId, theirs.ref.platformPostId], fields: 'public_metrics' },
    ]);
    const own = samples.filter((sample) => sample.platformPostId === recent.ref.platformPostId);
    expect(own.find((sample) => sample.metric === 'link_clicks')?.rawName).toBe(
      'non_public_metrics.url_link_clicks',
    );
    expect(own.find((sample) => sample.metric === 'profile_visits')?.rawName).toBe(
      'non_public_metrics.user_profile_clicks',
    );
  });

  it('reads the public metrics of an own post older than 30 days, asking it for those only', async () => {
    const adapter = h.adapter();
    const { ref } = await adapter.publish({ text: 'Last season' }, h.context());
    h.clock.advance(31 * DAY);
    const token = h.lasting(ana);
    const samples = await adapter.getPostMetrics([ref], {
      ...h.context(),
      tokens: { getAccessToken: async () => token },
    });
    expect(metricsOf(samples, ref.platformPostId)).toEqual(PUBLIC);
    expect(lookupsOf()).toEqual([{ ids: [ref.platformPostId], fields: 'public_metrics' }]);
  });

  it("looks another account's post up again for public metrics when X refuses its private ones", async () => {
    const adapter = h.adapter();
    const theirs = await adapter.publish({ text: 'Not yours' }, h.context({}, bob));
    h.clock.advance(HOUR);
    const samples = await adapter.getPostMetrics([theirs.ref], h.context());
    expect(metricsOf(samples, theirs.ref.platformPostId)).toEqual(PUBLIC);
    expect(lookupsOf().map((lookup) => lookup.fields)).toEqual([ALL_FIELDS, 'public_metrics']);
  });

  it('emits each metric once per post, the public total winning over non-public and organic', async () => {
    const { ref } = await h.adapter().publish({ text: 'Counted once' }, h.context());
    h.clock.advance(HOUR);
    const samples = await h.adapter().getPostMetrics([ref, ref], h.context());
    const metrics = samples.map((sample) => sample.metric);
    expect(new Set(metrics).size).toBe(metrics.length);
    const publicMetrics = record(record(x.tweetOf(ref.platformPostId)).public_metrics);
    expect(samples.find((sample) => sample.metric === 'impressions')).toMatchObject({
      rawName: 'public_metrics.impression_count',
      value: publicMetrics.impression_count,
      observedAt: new Date(START + HOUR),
    });
    expect(samples.find((sample) => sample.metric === 'likes')?.rawName).toBe('public_metrics.like_count');
  });

  it('reports the view_count of a video as video_views', async () => {
    const { ref } = await h
      .adapter()
      .publish(
        { text: 'Watch', media: [{ kind: 'video', mimeType: 'video/mp4', source: bytes(500) }] },
        h.context(),
      );
    const post = x.sim.posts.get(ref.platformPostId);
    const mediaId = post?.media[0]?.id ?? '';
    h.clock.advance(HOUR);
    const samples = await h.adapter().getPostMetrics([ref], h.context());
    const views = growingCount(mediaId, 'view_count', h.clock.now() - (post?.createdAt ?? 0), VIEWS_PER_HOUR);
    expect(views).toBeGreaterThan(0);
    expect(samples.filter((sample) => sample.metric === 'video_views')).toEqual([
      expect.objectContaining({ rawName: 'media.public_metrics.view_count', value: views }),
    ]);
  });

  it('reports no video_views for a post with only images', async () => {
    const { ref } = await h
      .adapter()
      .publish(
        { text: 'Look', media: [{ kind: 'image', mimeType: 'image/png', source: bytes() }] },
        h.context(),
      );
    h.clock.advance(HOUR);
    const samples = await h.adapter().getPostMetrics([ref], h.context());
    expect(samples.some((sample) => sample.metric === 'video_views')).toBe(false);
  });
});

describe('account metrics', () => {
  it('reads followers, following and posts from /2/users/me', async () => {
    await h.adapter().publish({ text: 'one' }, h.context());
    await h.adapter().publish({ text: 'two' }, h.context());
    const samples = await h.adapter().getAccountMetrics(h.context());
    expect(h.requests('GET /2/users/me')).toHaveLength(1);
    expect(samples.map(({ metric, rawName, value, scope }) => ({ metric, rawName, value, scope }))).toEqual([
      { metric: 'followers', rawName: 'public_metrics.followers_count', value: 42, scope: 'account' },
      {
        metric: 'following',
        rawName: 'public_metrics.following_count',
        value: ana.account.following,
        scope: 'account',
      },
      { metric: 'posts_count', rawName: 'public_metrics.tweet_count', value: 2, scope: 'account' },
    ]);
  });

  it('reads post_count as posts_count in the newest vocabulary', async () => {
    await posts.adapter().publish({ text: 'one' }, posts.context());
    const samples = await posts.adapter().getAccountMetrics(posts.context());
    expect(samples.find((sample) => sample.metric === 'posts_count')).toMatchObject({
      rawName: 'public_metrics.post_count',
      value: 1,
    });
  });
});

describe('engagement', () => {
  it('pages mentions smaller than X allows by splitting X pages, across X page tokens', async () => {
    const seeded = x.seedMentions(ana.account.id, 7).reverse();
    const pages = await pagesOf(h.adapter(), { kinds: ['mention'], pageSize: 2 }, h.context());

    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1, 2]);
    expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual(seeded.map((item) => item.id));
    expect(pages.slice(0, -1).every((page) => page.cursor !== undefined)).toBe(true);
    expect(pages.at(-1)?.cursor).toBeUndefined();
    // Two X pages of 5 (X's minimum), the second fetched with X's token.
    const asked = h.requests(MENTIONS).map((entry) => new URL(entry.url).searchParams);
    expect(asked.map((params) => params.get('max_results'))).toEqual(['5', '5']);
    expect(asked[0]?.get('pagination_token')).toBeNull();
    expect(asked[1]?.get('pagination_token')).toMatch(/^[0-9a-v]{16,}$/);
    expect(pages[0]?.items[0]).toMatchObject({
      kind: 'mention',
      author: { handle: expect.stringMatching(/^fan_\d$/) },
      text: seeded[0]?.text,
    });
  });

  it('resumes mentions from a cursor without repeats or gaps, even after new mentions arrive', async () => {
    const seeded = x.seedMentions(ana.account.id, 7).reverse();
    const adapter = h.adapter();
    const first = await firstPage(adapter, { kinds: ['mention'], pageSize: 2 }, h.context());
    h.clock.advance(60_000);
    x.seedMentions(ana.account.id, 1);
    const rest = await itemsOf(
      adapter,
      { kinds: ['mention'], pageSize: 2, cursor: first.cursor ?? '' },
      h.context(),
    );
    expect([...first.items, ...rest].map((item) => item.id)).toEqual(seeded.map((item) => item.id));
  });

  it("reads the replies to a post by its conversation id, leaving the account's own out", async () => {
    const adapter = h.adapter();
    const { ref } = await adapter.publish({ text: 'Tell me', firstComment: 'My own comment' }, h.context());
    const replies = x.seedReplies(ref.platformPostId, 3);
    const items = await itemsOf(adapter, { post: ref }, h.context());

    expect(items.map((item) => item.id).sort()).toEqual(replies.map((reply) => reply.id).sort());
    for (const item of items) {
      expect(item).toMatchObject({
        kind: 'reply',
        postRef: ref,
        parentId: ref.platformPostId,
        conversationId: ref.platformPostId,
      });
    }
    const search = h.requests('GET /2/tweets/search/recent').map((entry) => new URL(entry.url).searchParams);
    expect(search.map((params) => params.get('query'))).toEqual([`conversation_id:${ref.platformPostId}`]);
  });

  it('lists the direct messages the account received, not those it sent', async () => {
    const adapter = h.adapter();
    const received = x.seedDirectMessages(ana.account.id, 3);
    const [message] = await itemsOf(adapter, { kinds: ['direct_message'], pageSize: 1 }, h.context());
    if (message === undefined) throw new Error('expected a message');
    await adapter.reply(message, 'Sent by Ana', h.context());

    const items = await itemsOf(adapter, { kinds: ['direct_message'] }, h.context());
    expect(items.map((item) => item.id).sort()).toEqual(received.map((item) => item.id).sort());
    for (const item of items) {
      expect(item.kind).toBe('direct_message');
      expect(item.author.handle).toMatch(/^fan_\d$/);
      expect(item.conversationId).toBeDefined();
    }
  });

  it('replies to a mention with a post in reply to it', async () => {
    x.seedMentions(ana.account.id, 1);
    const adapter = h.adapter();
    const [mention] = await itemsOf(adapter, { kinds: ['mention'] }, h.context());
    if (mention === undefined) throw new Error('expected a mention');
    const reply = await adapter.reply(mention, 'Thanks!', h.context());

    expect(h.bodies(CREATE_POST)).toEqual([{ text: 'Thanks!', reply: { in_reply_to_tweet_id: mention.id } }]);
    expect(reply).toMatchObject({
      kind: 'reply',
      parentId: mention.id,
      author: { id: ana.account.id },
      text: 'Thanks!',
    });
    expect(x.sim.posts.get(reply.id)).toMatchObject({ accountId: ana.account.id, inReplyToId: mention.id });
  });

  it('replies to a direct message with a message to its sender', async () => {
    x.seedDirectMessages(ana.account.id, 1);
    const adapter = h.adapter();
    const [message] = await itemsOf(adapter, { kinds: ['direct_message'] }, h.context());
    if (message === undefined) throw new Error('expected a message');
    const answer = await adapter.reply(message, 'Happy to help', h.context());

    const [sent] = h.requests(SEND_DM);
    expect(new URL(sent?.url ?? '').pathname).toBe(`/2/dm_conversations/with/${message.author.id}/messages`);
    expect(sent?.json).toEqual({ text: 'Happy to help' });
    expect(answer).toMatchObject({
      kind: 'direct_message',
      author: { id: ana.account.id },
      text: 'Happy to help',
    });
    expect(answer.conversationId).toBe(message.conversationId);
    expect(x.sim.engagements.get(answer.id)).toMatchObject({
      authorId: ana.account.id,
      accountId: message.author.id,
      text: 'Happy to help',
    });
    expect(h.requests(CREATE_POST)).toHaveLength(0);
  });

  it('replies to a message of a group conversation in that conversation, not to its sender alone', async () => {
    // The simulator serves one-to-one conversations only: X's answer to a send into a group
    // (https://docs.x.com/x-api/direct-messages/send-a-new-message-to-a-dm-conversation) is given here.
    const group = '1346889436626259968';
    const sent: { url: string; body: unknown }[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init);
      sent.push({ url: request.url, body: await request.json() });
      const data = { dm_conversation_id: group, dm_event_id: '1580705921830768647' };
      return Response.json({ data }, { status: 201 });
    };
    const message: Engagement = {
      platform: 'x',
      accountId: ana.account.id,
      id: '1580705921830768640',
      kind: 'direct_message',
      conversationId: group,
      author: { id: bob.account.id },
      text: 'Who brings the cake?',
      createdAt: new Date(START),
      raw: {},
    };
    const answer = await h.adapter({ fetch }).reply(message, 'I do', h.context());

    expect(sent.map((request) => [new URL(request.url).pathname, request.body])).toEqual([
      [`/2/dm_conversations/${group}/messages`, { text: 'I do' }],
    ]);
    expect(answer).toMatchObject({ kind: 'direct_message', conversationId: group, text: 'I do' });
  });

  it('hides a reply and shows it again with PUT /2/tweets/:id/hidden', async () => {
    const adapter = h.adapter();
    const { ref } = await adapter.publish({ text: 'My conversation' }, h.context());
    x.seedReplies(ref.platformPostId, 1);
    const [reply] = await itemsOf(adapter, { post: ref }, h.context());
    if (reply === undefined) throw new Error('expected a reply');

    await adapter.hide(reply, true, h.context());
    expect(x.sim.posts.get(reply.id)?.extra.hidden).toBe(true);
    await adapter.hide(reply, false, h.context());
    expect(x.sim.posts.get(reply.id)?.extra.hidden).toBe(false);
    expect(h.requests(HIDE).map((entry) => [new URL(entry.url).pathname, entry.json])).toEqual([
      [`/2/tweets/${reply.id}/hidden`, { hidden: true }],
      [`/2/tweets/${reply.id}/hidden`, { hidden: false }],
    ]);
  });

  it('reports a hide X answers with hidden: false as a refusal, not a success', async () => {
    // X's answer says whether the reply is hidden after the request (`HidePostsReplyResponseData`).
    const { fetch } = recordingFetch({
      after: (request, answered) =>
        request.method === 'PUT' ? Response.json({ data: { hidden: false } }) : answered,
    });
    const adapter = h.adapter({ fetch });
    const { ref } = await adapter.publish({ text: 'My quiet conversation' }, h.context());
    x.seedReplies(ref.platformPostId, 1);
    const [reply] = await itemsOf(adapter, { post: ref }, h.context());
    if (reply === undefined) throw new Error('expected a reply');

    const error = await adapter.hide(reply, true, h.context()).catch((reason: unknown) => reason);
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'platform_refused', status: 200 });
    expect((error as PlatformError).message).toContain(`X did not hide reply ${reply.id} (hidden: false)`);
  });

  it('refuses to hide a direct message without asking X', async () => {
    x.seedDirectMessages(ana.account.id, 1);
    const adapter = h.adapter();
    const [message] = await itemsOf(adapter, { kinds: ['direct_message'] }, h.context());
    if (message === undefined) throw new Error('expected a message');
    const error = await adapter.hide(message, true, h.context()).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(UnsupportedCapabilityError.isInstance(error)).toBe(true);
    expect(h.requests(HIDE)).toHaveLength(0);
  });
});
