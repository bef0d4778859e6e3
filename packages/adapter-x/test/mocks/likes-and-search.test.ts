import { describe, expect, it } from 'vitest';
import type { XSimulatorAccount } from '../../src/mocks/index.js';
import { useXSimulator } from './support/use-x-simulator.js';
import { call, read, START } from './support/x-client.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// Likes need Enterprise access: a self-serve app's likes are refused (self-serve.test.ts).
const { x, clock } = useXSimulator({ access: 'enterprise' });

const ana = x.addAccount('ana');
const bob = x.addAccount('bob');

const likeAs = (who: XSimulatorAccount, json: unknown, userId = who.account.id) =>
  call(x.baseUrl, `/2/users/${userId}/likes`, { method: 'POST', token: who.accessToken, json });
const unlikeAs = (who: XSimulatorAccount, postId: string, userId = who.account.id) =>
  call(x.baseUrl, `/2/users/${userId}/likes/${postId}`, { method: 'DELETE', token: who.accessToken });
const search = (query: string, extra = '') =>
  call(x.baseUrl, `/2/tweets/search/recent?query=${encodeURIComponent(query)}${extra}`, {
    token: ana.accessToken,
  });

/** A post by `author` now, returned with its id. */
function post(author: XSimulatorAccount, text: string): string {
  return x.sim.addPost({ accountId: author.account.id, text }).id;
}

/** The ids a search finds (its first page). */
async function idsFound(query: string): Promise<string[]> {
  const response = await search(query);
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
  const body = await read(response);
  return ((body.data ?? []) as { id: string }[]).map((found) => found.id);
}

/** The message of a 400 a search answers. */
async function refusal(query: string): Promise<string> {
  const response = await search(query);
  expect(response.status).toBe(400);
  const body = await read(response);
  expect(body).toMatchObject({
    title: 'Invalid Request',
    type: 'https://api.x.com/2/problems/invalid-request',
  });
  return String((body.errors as { message: string }[])[0]?.message);
}

describe('POST and DELETE /2/users/:id/likes', () => {
  it("likes and unlikes for the token's user, answering the same when repeated", async () => {
    const [mention] = x.seedMentions(ana.account.id, 1);
    const id = mention?.id ?? '';
    for (let round = 0; round < 2; round += 1) {
      const liked = await likeAs(ana, { tweet_id: id });
      expect(liked.status).toBe(200);
      expect(await read(liked)).toEqual({ data: { liked: true } });
    }
    expect(x.likersOf(id)).toEqual([ana.account.id]);
    expect(x.sim.engagements.get(id)?.liked).toBe(true);
    // bob's like is bob's: it is not the like of the mention in ana's inbox.
    await likeAs(bob, { tweet_id: id });
    await unlikeAs(ana, id);
    expect(x.likersOf(id)).toEqual([bob.account.id]);
    expect(x.sim.engagements.get(id)?.liked).toBe(false);
    const again = await unlikeAs(ana, id);
    expect(await read(again)).toEqual({ data: { liked: false } });
  });

  it('refuses a like of a post that does not exist with X’s 400', async () => {
    const response = await likeAs(ana, { tweet_id: '404' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await read(response)).toEqual({
      errors: [{ message: 'This tweet cannot be found.' }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.x.com/2/problems/invalid-request',
    });
    expect(x.likersOf('404')).toEqual([]);
  });

  it('checks the body against LikePostRequest, the ids, and whose likes they are', async () => {
    const id = post(bob, 'Like me');
    const messages = async (response: Response) =>
      ((await read(response)).errors as { message: string }[]).map((error) => error.message);
    expect(await messages(await likeAs(ana, {}))).toEqual(['$.tweet_id: is missing but it is required']);
    expect(await messages(await likeAs(ana, { tweet_id: 'abc', extra: 1 }))).toEqual([
      '$.tweet_id: does not match the regex pattern ^[0-9]{1,19}$',
      '$.extra: is not defined in the schema and the schema does not allow additional properties',
    ]);
    expect(await messages(await unlikeAs(ana, 'abc'))).toEqual([
      'The `tweet_id` path parameter value [abc] does not match ^[0-9]{1,19}$',
    ]);
    const asBob = await likeAs(ana, { tweet_id: id }, bob.account.id);
    expect(asBob.status).toBe(403);
    expect(await read(asBob)).toMatchObject({ title: 'Forbidden', status: 403 });
    expect(x.likersOf(id)).toEqual([]);
  });

  it('needs the like.write scope', async () => {
    const reader = x.addAccount('reader', { scopes: ['tweet.read', 'users.read'] });
    const response = await likeAs(reader, { tweet_id: post(bob, 'Like me') });
    expect(response.status).toBe(403);
    expect(x.sim.log.forRoute('POST /2/users/:id/likes')).toHaveLength(1);
  });

  it('counts likes against 1,000 a day per user, reported in x-user-limit-24hour-*', async () => {
    x.sim.limiter.setBudget('likes-create-24h', { limit: 1, windowMs: DAY, kind: 'fixed' });
    const id = post(bob, 'Like me');
    const first = await likeAs(ana, { tweet_id: id });
    expect(first.headers.get('x-user-limit-24hour-remaining')).toBe('0');
    expect(first.headers.get('x-rate-limit-limit')).toBe('50');
    const second = await unlikeAs(ana, id);
    expect(second.status).toBe(200);
    const third = await likeAs(ana, { tweet_id: id });
    expect(third.status).toBe(429);
    expect(third.headers.get('x-user-limit-24hour-reset')).toBe(String((START + DAY) / 1000));
  });
});

describe('GET /2/tweets/search/recent', () => {
  it('matches keywords, phrases, hashtags and mentions, case- and accent-insensitively', async () => {
    const cafe = post(bob, 'Café at ACME was great');
    const corp = post(bob, 'acmecorp is something else');
    const tag = post(bob, 'Loving #Acme today');
    const plain = post(bob, 'cafe acme');
    const hello = post(bob, '@ana hello');
    post(bob, 'Loving #AcmeCoffee today');

    expect(await idsFound('CAFE')).toEqual([plain, cafe]);
    expect(await idsFound('"café at acme"')).toEqual([cafe]);
    expect(await idsFound('#acme')).toEqual([tag]);
    expect(await idsFound('acmecorp')).toEqual([corp]);
    expect(await idsFound('@ANA')).toEqual([hello]);
    expect(await idsFound('cafe -"at acme"')).toEqual([plain]);
  });

  it('applies AND before OR, as X does, and groups with parentheses', async () => {
    const own = post(ana, 'acme news');
    post(ana, 'cafe news');
    const fan = post(bob, 'cafe news');
    expect(await idsFound(`acme OR cafe -from:${ana.account.id}`)).toEqual([fan, own]);
    expect(await idsFound(`(acme OR cafe) -from:ana -is:retweet`)).toEqual([fan]);
    expect(await idsFound(`news from:bob`)).toEqual([fan]);
  });

  it('refuses what X refuses, and what it does not simulate', async () => {
    expect(await refusal('-acme')).toBe(
      'There were errors processing your request: Rules must contain a non-negation term (at position 1)',
    );
    expect(await refusal('is:retweet')).toBe(
      'There were errors processing your request: Rules must contain at least one positive, non-stopword clause (at position 1)',
    );
    expect(await refusal('acme OR -cafe')).toContain('non-negation term (at position 9)');
    expect(await refusal('acme and cafe')).toContain('Ambiguous use of and as a keyword');
    expect(await refusal('(acme OR cafe')).toContain('Missing closing parenthesis (at position 1)');
    expect(await refusal('acme -(a OR b)')).toContain('(at position 6)');
    expect(await refusal('acme lang:en')).toContain(
      'smmkit X simulator: the operator lang: is not simulated',
    );
    expect(await refusal('')).toBe('The `query` query parameter can not be empty');
    // This simulator's app has Enterprise access: queries of up to 4,096 characters (512 self-serve).
    expect(await refusal('a'.repeat(4097))).toContain('exceeds the maximum of 4096 characters');
    expect(await idsFound('a'.repeat(4096))).toEqual([]);
  });

  it('pages the last 7 days newest first with meta, includes.users and next_token', async () => {
    clock.set(START - 8 * DAY);
    x.seedBrandMentions('#acme', 1);
    clock.set(START);
    const seeded = x.seedBrandMentions('#acme', 12).reverse();
    const first = await read(await search('#acme', '&max_results=10&expansions=author_id'));
    const page = first.data as { id: string; author_id: string }[];
    expect(page.map((found) => found.id)).toEqual(seeded.slice(0, 10).map((found) => found.id));
    const meta = first.meta as Record<string, string | number>;
    expect(meta).toEqual({
      result_count: 10,
      newest_id: seeded[0]?.id,
      oldest_id: seeded[9]?.id,
      next_token: expect.stringMatching(/^[0-9a-v]{16,}$/),
    });
    const users = (first.includes as { users: { id: string; username: string }[] }).users;
    expect(users.map((user) => user.username).sort()).toEqual(['fan_1', 'fan_2', 'fan_3']);
    const second = await read(await search('#acme', `&max_results=10&next_token=${meta.next_token}`));
    expect((second.data as { id: string }[]).map((found) => found.id)).toEqual(
      seeded.slice(10).map((found) => found.id),
    );
    expect(second.meta).toEqual({ result_count: 2, newest_id: seeded[10]?.id, oldest_id: seeded[11]?.id });
    expect((await search('#acme', '&max_results=9')).status).toBe(400);
  });

  it('refuses a start_time before the 7-day window in X’s words', async () => {
    const old = new Date(START - 8 * DAY).toISOString();
    const response = await search('#acme', `&start_time=${old}`);
    expect(response.status).toBe(400);
    expect((await read(response)).errors).toEqual([
      {
        parameters: { start_time: [old] },
        message:
          "Invalid 'start_time':'2026-11-14T12:00Z'. 'start_time' must be on or after 2026-11-15T12:00Z",
      },
    ]);
    const inside = new Date(START - 6 * DAY).toISOString();
    expect((await search('#acme', `&start_time=${inside}`)).status).toBe(200);
  });
});
