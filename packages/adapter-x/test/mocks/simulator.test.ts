import { manualClock, type RunningSimulators, startSimulators } from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createXSimulator, type XSimulatorAccount } from '../../src/mocks/index.js';
import { X_SNOWFLAKE_EPOCH_MS } from '../../src/x-time.js';
import { call, data, read, START } from './support/x-client.js';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const clock = manualClock(START);
const x = createXSimulator({ clock });
const limited = createXSimulator({
  baseUrl: 'https://limited.x.test',
  clock,
  budgets: {
    'tweets-delete': { limit: 2, windowMs: 15 * 60_000 },
    'tweets-create-24h': { limit: 2, windowMs: DAY },
  },
});
const legacy = createXSimulator({
  baseUrl: 'https://legacy.x.test',
  clock,
  rateLimitBody: 'legacy',
  budgets: { 'users-me': { limit: 1, windowMs: 15 * 60_000 } },
});
const postWords = createXSimulator({ baseUrl: 'https://post.x.test', clock, vocabulary: 'post' });

let running: RunningSimulators;
let ana: XSimulatorAccount;
let bob: XSimulatorAccount;

beforeAll(() => {
  ana = x.addAccount('ana', { followers: 42 });
  bob = x.addAccount('bob');
  running = startSimulators(x.sim, limited.sim, legacy.sim, postWords.sim);
});
beforeEach(() => {
  running.reset();
  clock.set(START);
});
afterAll(() => running.close());

const api = (path: string, options: Parameters<typeof call>[2] = {}) =>
  call(x.baseUrl, path, { token: ana.accessToken, ...options });
const tweet = (json: unknown, token = ana.accessToken) => api('/2/tweets', { method: 'POST', json, token });

/**
 * A token that never expires for an account (X's OAuth 1.0a user tokens never do:
 * https://docs.x.com/fundamentals/authentication/oauth-1-0a/obtaining-user-access-tokens),
 * for tests that move the clock past the 2-hour life of OAuth 2.0 tokens.
 */
const lasting = (who: XSimulatorAccount) => x.sim.tokens.issue(who.account.id).accessToken;

async function created(json: unknown, token = ana.accessToken): Promise<string> {
  const response = await tweet(json, token);
  expect(response.status).toBe(201);
  return String((await data(response)).id);
}

describe('POST /2/tweets', () => {
  it('creates a post and answers 201 with id, text and the edit history', async () => {
    const response = await tweet({ text: 'Hello X', reply_settings: 'following', made_with_ai: true });
    expect(response.status).toBe(201);
    const body = await read(response);
    const id = String((body.data as Record<string, unknown>).id);
    expect(body).toEqual({ data: { id, text: 'Hello X', edit_history_tweet_ids: [id] } });
    expect(x.sim.posts.get(id)).toMatchObject({
      accountId: ana.account.id,
      text: 'Hello X',
      media: [],
      inReplyToId: undefined,
      extra: { replySettings: 'following', madeWithAi: true, conversationId: id },
    });
  });

  it('stores a poll and a reply in its parent conversation', async () => {
    const root = await created({
      text: 'Tea or coffee?',
      poll: { options: ['Tea', 'Coffee'], duration_minutes: 60 },
    });
    const reply = await created({ text: 'Part 2', reply: { in_reply_to_tweet_id: root } });
    expect(x.sim.posts.get(root)?.pollOptions).toEqual(['Tea', 'Coffee']);
    expect(x.sim.posts.get(reply)).toMatchObject({ inReplyToId: root, extra: { conversationId: root } });
  });

  it('refuses the same text from the same account within 24 h with X exact duplicate body', async () => {
    await created({ text: 'Same words' });
    const again = await tweet({ text: 'Same words' });
    expect(again.status).toBe(403);
    expect(await again.text()).toBe(
      '{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}',
    );
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    expect((await tweet({ text: 'Same words' }, bob.accessToken)).status).toBe(201);
    const token = lasting(ana);
    clock.advance(DAY);
    expect((await tweet({ text: 'Same words' }, token)).status).toBe(201);
  });

  it('answers 400 when media, poll, quote_tweet_id or card_uri are combined', async () => {
    const quoted = await created({ text: 'quote me' });
    const response = await tweet({
      text: 'both',
      quote_tweet_id: quoted,
      poll: { options: ['a', 'b'], duration_minutes: 5 },
    });
    expect(response.status).toBe(400);
    const body = await read(response);
    expect(body).toMatchObject({
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.x.com/2/problems/invalid-request',
      errors: [{ message: 'You can only provide one of poll or quote_tweet_id or media or card_uri.' }],
    });
    expect(x.sim.posts.size).toBe(1);
  });

  it('validates the body against CreatePostsRequest with X messages', async () => {
    const tooMany = await tweet({
      text: 'poll',
      poll: { options: ['a', 'b', 'c', 'd', 'e'], duration_minutes: 5 },
    });
    expect(tooMany.status).toBe(400);
    expect((await read(tooMany)).errors).toEqual([
      {
        parameters: { '$.poll.options': ['["a","b","c","d","e"]'] },
        message: '$.poll.options: there must be a maximum of 4 items in the array',
      },
    ]);
    const noTarget = await read(await tweet({ text: 'r', reply: {} }));
    expect(noTarget.errors).toEqual([
      {
        parameters: { '$.reply': ['{}'] },
        message: '$.reply.in_reply_to_tweet_id: is missing but it is required',
      },
    ]);
    const unknown = await tweet({ text: 'x', colour: 'red' });
    expect(unknown.status).toBe(400);
  });

  it('counts weighted length with twitter-text: 280 is the limit, emoji weigh 2, URLs 23', async () => {
    expect((await tweet({ text: 'a'.repeat(280) })).status).toBe(201);
    const long = await tweet({ text: 'b'.repeat(281) });
    expect(long.status).toBe(400);
    expect((await read(long)).errors).toMatchObject([
      {
        message:
          'Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text.',
      },
    ]);
    expect((await tweet({ text: '😀'.repeat(140) })).status).toBe(201);
    expect((await tweet({ text: '🙂'.repeat(141) })).status).toBe(400);
    const withUrl = `${'c'.repeat(256)} https://example.com/${'p'.repeat(100)}`;
    expect((await tweet({ text: withUrl })).status).toBe(201);
  });

  it('refuses a reply to a post that does not exist', async () => {
    const response = await tweet({ text: 'hello?', reply: { in_reply_to_tweet_id: '123' } });
    expect(response.status).toBe(403);
    expect(await read(response)).toEqual({
      detail: 'You attempted to reply to a Tweet that is deleted or not visible to you.',
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
    });
  });
});

describe('DELETE /2/tweets/:id', () => {
  it("deletes only the author's post", async () => {
    const id = await created({ text: 'bye' });
    const notOwner = await api(`/2/tweets/${id}`, { method: 'DELETE', token: bob.accessToken });
    expect(notOwner.status).toBe(403);
    expect(x.sim.posts.size).toBe(1);
    const deleted = await api(`/2/tweets/${id}`, { method: 'DELETE' });
    expect(await read(deleted)).toEqual({ data: { deleted: true } });
    expect(x.sim.posts.size).toBe(0);
    expect((await api(`/2/tweets/${id}`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('GET /2/tweets', () => {
  it('answers found posts and a Not Found Error per missing id', async () => {
    const first = await created({ text: 'one' });
    const second = await created({ text: 'two' });
    const body = await read(await api(`/2/tweets?ids=${first},999,${second}`));
    expect(body.data).toEqual([
      { id: first, text: 'one', edit_history_tweet_ids: [first] },
      { id: second, text: 'two', edit_history_tweet_ids: [second] },
    ]);
    expect(body.errors).toEqual([
      {
        value: '999',
        detail: 'Could not find tweet with ids: [999].',
        title: 'Not Found Error',
        resource_type: 'tweet',
        parameter: 'ids',
        resource_id: '999',
        type: 'https://api.x.com/2/problems/resource-not-found',
      },
    ]);
  });

  it('grows public metrics with simulated time', async () => {
    const id = await created({ text: 'measure me' });
    const token = lasting(ana);
    const metrics = async () => {
      const body = await read(await api(`/2/tweets?ids=${id}&tweet.fields=public_metrics`, { token }));
      const [post] = body.data as { public_metrics: Record<string, number> }[];
      return post?.public_metrics;
    };
    expect(await metrics()).toEqual({
      retweet_count: 0,
      reply_count: 0,
      like_count: 0,
      quote_count: 0,
      bookmark_count: 0,
      impression_count: 0,
    });
    x.seedReplies(id, 2);
    clock.advance(4 * HOUR);
    const later = await metrics();
    expect(later?.impression_count).toBeGreaterThan(1000);
    expect(later?.like_count).toBeGreaterThan(0);
    expect(later?.reply_count).toBe(2);
  });

  it("answers private metrics only for the caller's own posts of the last 30 days", async () => {
    const id = await created({ text: 'mine' });
    clock.advance(HOUR);
    const own = await read(await api(`/2/tweets?ids=${id}&tweet.fields=non_public_metrics,organic_metrics`));
    const [mine] = own.data as Record<string, Record<string, number>>[];
    expect(Object.keys(mine?.non_public_metrics ?? {})).toEqual([
      'impression_count',
      'url_link_clicks',
      'user_profile_clicks',
      'engagements',
    ]);
    expect(mine?.organic_metrics?.retweet_count).toBeTypeOf('number');
    expect(own.errors).toBeUndefined();

    // Someone else's post, and the caller's own post once older than 30 days, are left out of `data`:
    // only their errors come back, one per private field asked for.
    const other = await read(
      await api(`/2/tweets?ids=${id}&tweet.fields=public_metrics,non_public_metrics,organic_metrics`, {
        token: bob.accessToken,
      }),
    );
    expect(other.data).toBeUndefined();
    expect(other.errors).toMatchObject([
      {
        title: 'Field Authorization Error',
        type: 'https://api.x.com/2/problems/not-authorized-for-field',
        field: 'non_public_metrics',
        resource_id: id,
      },
      { title: 'Field Authorization Error', field: 'organic_metrics', resource_id: id },
    ]);
    const token = lasting(ana);
    clock.advance(31 * DAY);
    const old = await read(
      await api(`/2/tweets?ids=${id}&tweet.fields=public_metrics,organic_metrics`, { token }),
    );
    expect(old.data).toBeUndefined();
    expect(old.errors).toMatchObject([{ field: 'organic_metrics', resource_id: id }]);
    // Public metrics alone are anyone's, of any post.
    const publicOnly = await read(await api(`/2/tweets?ids=${id}&tweet.fields=public_metrics`, { token }));
    expect((publicOnly.data as Record<string, unknown>[])[0]).toHaveProperty('public_metrics');
    expect(publicOnly.errors).toBeUndefined();
  });

  it('gives post ids that encode their creation time, as Snowflakes', async () => {
    const id = await created({ text: 'When was I made?' });
    expect(Number(BigInt(id) >> 22n) + X_SNOWFLAKE_EPOCH_MS).toBe(clock.now());
  });

  it("answers a long post's start in text and the whole of it in note_tweet when asked", async () => {
    const long = `${'Lorem ipsum dolor sit amet. '.repeat(12)}The end.`;
    const { id } = x.sim.addPost({ accountId: ana.account.id, text: long });
    const [plain] = (await read(await api(`/2/tweets?ids=${id}`))).data as Record<string, unknown>[];
    expect(plain?.text).toBe(`${long.slice(0, 275)}…`);
    expect(plain).not.toHaveProperty('note_tweet');
    const [noted] = (await read(await api(`/2/tweets?ids=${id}&tweet.fields=note_tweet`))).data as Record<
      string,
      unknown
    >[];
    expect(noted).toMatchObject({ text: plain?.text, note_tweet: { text: long } });
    // A post of at most 280 characters is whole in `text`, and has no note.
    const { id: short } = x.sim.addPost({ accountId: ana.account.id, text: long.slice(0, 280) });
    const [whole] = (await read(await api(`/2/tweets?ids=${short}&tweet.fields=note_tweet`))).data as Record<
      string,
      unknown
    >[];
    expect(whole).toEqual({ id: short, text: long.slice(0, 280), edit_history_tweet_ids: [short] });
  });

  it('refuses more than 100 ids', async () => {
    const ids = Array.from({ length: 101 }, (_, index) => String(index + 1)).join(',');
    const response = await api(`/2/tweets?ids=${ids}`);
    expect(response.status).toBe(400);
    expect(await read(response)).toMatchObject({ title: 'Invalid Request' });
  });

  it('names repost_count, post_count and edit_history_post_ids in the `post` vocabulary', async () => {
    const carol = postWords.addAccount('carol');
    const response = await call(postWords.baseUrl, '/2/tweets', {
      method: 'POST',
      token: carol.accessToken,
      json: { text: 'new words' },
    });
    const id = String((await data(response)).id);
    const lookup = await read(
      await call(postWords.baseUrl, `/2/tweets?ids=${id}&post.fields=public_metrics`, {
        token: carol.accessToken,
      }),
    );
    const [post] = lookup.data as Record<string, unknown>[];
    expect(post).toMatchObject({ edit_history_post_ids: [id], public_metrics: { repost_count: 0 } });
    const me = await data(
      await call(postWords.baseUrl, '/2/users/me?user.fields=public_metrics', { token: carol.accessToken }),
    );
    expect(me.public_metrics).toMatchObject({ post_count: 1 });
  });

  it('names referenced_posts and includes.posts in the `post` vocabulary, whichever name was asked', async () => {
    const carol = postWords.addAccount('carol2');
    const post = (json: unknown) =>
      call(postWords.baseUrl, '/2/tweets', { method: 'POST', token: carol.accessToken, json });
    const root = String((await data(await post({ text: 'root' }))).id);
    const reply = String(
      (await data(await post({ text: 'reply', reply: { in_reply_to_tweet_id: root } }))).id,
    );
    for (const query of ['tweet.fields=referenced_tweets', 'expansions=referenced_tweets.id']) {
      const lookup = await read(
        await call(postWords.baseUrl, `/2/tweets?ids=${reply}&${query}`, { token: carol.accessToken }),
      );
      const [found] = lookup.data as Record<string, unknown>[];
      expect(found).toMatchObject({ referenced_posts: [{ type: 'replied_to', id: root }] });
      expect(found).not.toHaveProperty('referenced_tweets');
      if (query.startsWith('expansions'))
        expect(lookup.includes).toEqual({ posts: [expect.objectContaining({ id: root })] });
    }
  });
});

describe('users', () => {
  it('answers /2/users/me and /2/users/:id with public metrics', async () => {
    await created({ text: 'counted' });
    const me = await data(await api('/2/users/me?user.fields=public_metrics,created_at'));
    expect(me).toEqual({
      id: ana.account.id,
      name: 'ana',
      username: 'ana',
      created_at: new Date(START).toISOString(),
      public_metrics: { followers_count: 42, following_count: 0, tweet_count: 1, listed_count: 0 },
    });
    expect(await data(await api(`/2/users/${bob.account.id}`))).toEqual({
      id: bob.account.id,
      name: 'bob',
      username: 'bob',
    });
    const missing = await read(await api('/2/users/42'));
    expect(missing.errors).toMatchObject([{ title: 'Not Found Error', resource_type: 'user' }]);
  });

  it('answers /2/users/by/username/:username regardless of case, as X answers an unknown or malformed one', async () => {
    const rival = x.seedPublicAccount('Rival_Coffee', { followers: 5_400, following: 12, posts: 2 });
    const found = await api('/2/users/by/username/rival_coffee?user.fields=public_metrics,created_at,name');
    expect(found.status).toBe(200);
    expect(await data(found)).toEqual({
      id: rival.account.id,
      name: 'Rival_Coffee',
      username: 'Rival_Coffee',
      created_at: new Date(START).toISOString(),
      public_metrics: { followers_count: 5_400, following_count: 12, tweet_count: 2, listed_count: 0 },
    });

    const unknown = await api('/2/users/by/username/nobody_here');
    expect(unknown.status).toBe(200);
    expect(await read(unknown)).toEqual({
      errors: [
        {
          value: 'nobody_here',
          detail: 'Could not find user with username: [nobody_here].',
          title: 'Not Found Error',
          resource_type: 'user',
          parameter: 'username',
          resource_id: 'nobody_here',
          type: 'https://api.x.com/2/problems/resource-not-found',
        },
      ],
    });

    const malformed = await api('/2/users/by/username/rival.coffee');
    expect(malformed.status).toBe(400);
    expect(await read(malformed)).toMatchObject({
      title: 'Invalid Request',
      errors: [{ parameters: { username: ['rival.coffee'] } }],
    });
  });

  it('seeds another account with public posts a day apart, the newest now, reusing an existing account', () => {
    const seeded = x.seedPublicAccount('seeded_rival');
    expect(seeded.account).toMatchObject({ handle: 'seeded_rival', followers: 1_000, following: 100 });
    expect(seeded.posts.map((post) => post.createdAt)).toEqual(
      Array.from({ length: 10 }, (_, index) => START - (9 - index) * DAY),
    );
    expect(seeded.posts.map((post) => post.text).at(-1)).toBe('Post 10 from seeded_rival');

    const again = x.seedPublicAccount('SEEDED_RIVAL', { followers: 7, posts: 1, text: () => 'Fresh' });
    expect(again.account.id).toBe(seeded.account.id);
    expect(again.account).toMatchObject({ followers: 7, following: 100 });
    expect(x.sim.posts.filter((post) => post.accountId === seeded.account.id)).toHaveLength(11);
  });

  it("serves all 850 of a user's posts, but only the newest 800 without replies", async () => {
    const rival = x.seedPublicAccount('prolific', { posts: 850, spacingMs: HOUR });
    /** The ids of every page of the user's posts read with `query`, following next_token. */
    const readAll = async (query: string): Promise<string[]> => {
      const ids: string[] = [];
      let token: string | undefined;
      do {
        const page = token === undefined ? '' : `&pagination_token=${token}`;
        const body = await read(
          await api(`/2/users/${rival.account.id}/tweets?max_results=100${query}${page}`),
        );
        ids.push(...((body.data ?? []) as { id: string }[]).map((post) => post.id));
        token = (body.meta as Record<string, string | undefined>).next_token;
      } while (token !== undefined);
      return ids;
    };
    const newestFirst = [...rival.posts].reverse().map((post) => post.id);

    expect(await readAll('')).toEqual(newestFirst);
    expect(await readAll('&exclude=replies')).toEqual(newestFirst.slice(0, 800));
  });

  it("pages a user's posts newest first, forward and back, and filters by start_time", async () => {
    const token = lasting(ana);
    const ids: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      ids.push(await created({ text: `post ${index}` }, token));
      clock.advance(HOUR);
    }
    const first = await read(await api(`/2/users/${ana.account.id}/tweets?max_results=5`, { token }));
    expect((first.data as { id: string }[]).map((post) => post.id)).toEqual(ids.slice(2).reverse());
    const meta = first.meta as Record<string, string>;
    const second = await read(
      await api(`/2/users/${ana.account.id}/tweets?max_results=5&pagination_token=${meta.next_token}`, {
        token,
      }),
    );
    expect((second.data as { id: string }[]).map((post) => post.id)).toEqual(ids.slice(0, 2).reverse());
    const secondMeta = second.meta as Record<string, string>;
    expect(secondMeta).toEqual({
      result_count: 2,
      newest_id: ids[1],
      oldest_id: ids[0],
      previous_token: expect.stringMatching(/^[0-9a-v]{16,}$/),
    });
    const back = await read(
      await api(
        `/2/users/${ana.account.id}/tweets?max_results=5&pagination_token=${secondMeta.previous_token}`,
        { token },
      ),
    );
    expect(back).toEqual(first);
    const since = new Date(START + 5 * HOUR).toISOString();
    const recent = await read(await api(`/2/users/${ana.account.id}/tweets?start_time=${since}`, { token }));
    expect((recent.meta as Record<string, number>).result_count).toBe(2);
  });
});

describe('engagement', () => {
  it('pages mentions to the end with author expansions and no duplicates', async () => {
    const seeded = x.seedMentions(ana.account.id, 12);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const query = `max_results=5&expansions=author_id${token === undefined ? '' : `&pagination_token=${token}`}`;
      const body = await read(await api(`/2/users/${ana.account.id}/mentions?${query}`));
      const page = body.data as { id: string; author_id: string }[];
      const meta = body.meta as Record<string, string | number>;
      expect(meta.result_count).toBe(page.length);
      expect(meta.newest_id).toBe(page[0]?.id);
      expect(meta.oldest_id).toBe(page[page.length - 1]?.id);
      const users = (body.includes as { users: { id: string }[] }).users.map((user) => user.id);
      for (const post of page) expect(users).toContain(post.author_id);
      seen.push(...page.map((post) => post.id));
      token = typeof meta.next_token === 'string' ? meta.next_token : undefined;
      pages += 1;
    } while (token !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual(seeded.map((mention) => mention.id).reverse());

    const newest = seeded[10]?.id ?? '';
    const since = await read(await api(`/2/users/${ana.account.id}/mentions?since_id=${newest}`));
    expect((since.data as { id: string }[]).map((post) => post.id)).toEqual([seeded[11]?.id]);
    const tooFew = await api(`/2/users/${ana.account.id}/mentions?max_results=4`);
    expect(tooFew.status).toBe(400);
    expect((await read(tooFew)).errors).toEqual([
      {
        parameters: { max_results: ['4'] },
        message: 'The `max_results` query parameter value [4] is not between 5 and 100',
      },
    ]);
  });

  it('finds the replies of a conversation of the last 7 days with recent search', async () => {
    const root = await created({ text: 'root' });
    const replies = x.seedReplies(root, 3);
    await created({ text: 'unrelated' });
    const found = await read(await api(`/2/tweets/search/recent?query=conversation_id:${root}`));
    expect((found.data as { id: string }[]).map((post) => post.id)).toEqual(
      replies.map((reply) => reply.id).reverse(),
    );
    clock.advance(8 * DAY);
    const stale = await read(
      await api(`/2/tweets/search/recent?query=conversation_id:${root}`, { token: lasting(ana) }),
    );
    expect(stale).toEqual({ meta: { result_count: 0 } });
  });

  it('sends a DM and lists sent and received events', async () => {
    x.seedDirectMessages(ana.account.id, 2);
    const sent = await api(`/2/dm_conversations/with/${bob.account.id}/messages`, {
      method: 'POST',
      json: { text: 'hi bob' },
    });
    expect(sent.status).toBe(201);
    const [low, high] = [ana.account.id, bob.account.id].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    const sentData = await data(sent);
    expect(sentData).toEqual({ dm_conversation_id: `${low}-${high}`, dm_event_id: expect.any(String) });

    const listed = await read(
      await api('/2/dm_events?max_results=2&dm_event.fields=created_at,sender_id,dm_conversation_id,text'),
    );
    const events = listed.data as Record<string, string>[];
    expect(events[0]).toEqual({
      id: sentData.dm_event_id,
      event_type: 'MessageCreate',
      text: 'hi bob',
      sender_id: ana.account.id,
      dm_conversation_id: `${low}-${high}`,
      created_at: new Date(START).toISOString(),
    });
    const meta = listed.meta as Record<string, string>;
    expect(meta.result_count).toBe(2);
    const rest = await read(await api(`/2/dm_events?pagination_token=${meta.next_token}`));
    expect(rest.data).toHaveLength(1);
    const restMeta = rest.meta as Record<string, string>;
    expect(restMeta).toEqual({ result_count: 1, previous_token: expect.any(String) });
    const back = await read(
      await api(`/2/dm_events?max_results=2&pagination_token=${restMeta.previous_token}`),
    );
    expect((back.data as { id: string }[]).map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(back.meta).toEqual({ result_count: 2, next_token: meta.next_token });
    const bobs = await read(await api('/2/dm_events', { token: bob.accessToken }));
    expect(bobs.data).toMatchObject([{ text: 'hi bob' }]);
  });

  it('hides a reply only in a conversation the caller started', async () => {
    const root = await created({ text: 'my thread' });
    const [reply] = x.seedReplies(root, 1);
    const replyId = reply?.id ?? '';
    const hidden = await api(`/2/tweets/${replyId}/hidden`, { method: 'PUT', json: { hidden: true } });
    expect(await read(hidden)).toEqual({ data: { hidden: true } });
    expect(x.sim.posts.get(replyId)?.extra.hidden).toBe(true);
    expect(x.sim.engagements.get(replyId)?.hidden).toBe(true);
    const notMine = await api(`/2/tweets/${replyId}/hidden`, {
      method: 'PUT',
      json: { hidden: false },
      token: bob.accessToken,
    });
    expect(notMine.status).toBe(403);
    expect((await api(`/2/tweets/${root}/hidden`, { method: 'PUT', json: { hidden: true } })).status).toBe(
      403,
    );
  });
});

describe('rate limits', () => {
  it('sends x-rate-limit-* on limited answers and the problem 429 with its reset', async () => {
    const dana = limited.addAccount('dana');
    const del = (id: string) =>
      call(limited.baseUrl, `/2/tweets/${id}`, { method: 'DELETE', token: dana.accessToken });
    const first = await del('1');
    expect(first.headers.get('x-rate-limit-limit')).toBe('2');
    expect(first.headers.get('x-rate-limit-remaining')).toBe('1');
    expect(first.headers.get('x-rate-limit-reset')).toBe(String((START + 15 * 60_000) / 1000));
    await del('2');
    const refused = await del('3');
    expect(refused.status).toBe(429);
    expect(await refused.text()).toBe(
      '{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}',
    );
    expect(refused.headers.get('x-rate-limit-remaining')).toBe('0');
    clock.advance(15 * 60_000);
    expect((await del('4')).status).toBe(404);
  });

  it('can answer the legacy 429 body', async () => {
    const erin = legacy.addAccount('erin');
    await call(legacy.baseUrl, '/2/users/me', { token: erin.accessToken });
    const refused = await call(legacy.baseUrl, '/2/users/me', { token: erin.accessToken });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ errors: [{ code: 88, message: 'Rate limit exceeded' }] });
  });

  it('reports and enforces the daily cap of POST /2/tweets in x-user-limit-24hour-*', async () => {
    const fay = limited.addAccount('fay');
    const post = (text: string) =>
      call(limited.baseUrl, '/2/tweets', { method: 'POST', token: fay.accessToken, json: { text } });
    const first = await post('one');
    expect(first.headers.get('x-user-limit-24hour-limit')).toBe('2');
    expect(first.headers.get('x-user-limit-24hour-remaining')).toBe('1');
    expect(first.headers.get('x-user-limit-24hour-reset')).toBe(String((START + DAY) / 1000));
    expect(first.headers.get('x-rate-limit-limit')).toBe('100');
    await post('two');
    const refused = await post('three');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-user-limit-24hour-remaining')).toBe('0');
    expect(limited.sim.posts.size).toBe(2);
  });
});

describe('auth', () => {
  it('answers 401 problem JSON without a valid token', async () => {
    const response = await call(x.baseUrl, '/2/users/me');
    expect(response.status).toBe(401);
    expect(await response.text()).toBe(
      '{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}',
    );
  });

  it('expires access tokens after 2 hours', async () => {
    const gil = x.addAccount('gil');
    expect(gil.expiresAt.getTime()).toBe(START + 2 * HOUR);
    clock.advance(2 * HOUR - 1);
    expect((await call(x.baseUrl, '/2/users/me', { token: gil.accessToken })).status).toBe(200);
    clock.advance(1);
    expect((await call(x.baseUrl, '/2/users/me', { token: gil.accessToken })).status).toBe(401);
  });

  it('refuses a token without the scope an endpoint needs', async () => {
    const hal = x.addAccount('hal', { scopes: ['tweet.read', 'users.read'] });
    expect(hal.refreshToken).toBeUndefined();
    const response = await call(x.baseUrl, '/2/tweets', {
      method: 'POST',
      token: hal.accessToken,
      json: { text: 'no write scope' },
    });
    expect(response.status).toBe(403);
    expect(await read(response)).toEqual({
      title: 'Forbidden',
      type: 'about:blank',
      status: 403,
      detail: 'Forbidden',
    });
  });

  it('answers an injected 5xx with a problem body', async () => {
    x.sim.faults.inject({ kind: 'server_error', route: 'GET /2/users/me' });
    const response = await api('/2/users/me');
    expect(response.status).toBe(503);
    expect(await read(response)).toMatchObject({ status: 503, type: 'about:blank' });
  });
});

describe('tweetOf', () => {
  it('renders a stored post with every field for its author', async () => {
    const id = await created({ text: 'inspect', reply_settings: 'verified' });
    expect(x.tweetOf(id)).toMatchObject({
      id,
      author_id: ana.account.id,
      conversation_id: id,
      reply_settings: 'verified',
      created_at: new Date(START).toISOString(),
      public_metrics: { reply_count: 0 },
      non_public_metrics: { impression_count: 0 },
    });
    expect(x.tweetOf('1')).toBeUndefined();
  });
});
