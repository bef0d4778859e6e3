import { parseEngagement } from '@smmkit/core';
import type { InboxStore } from '@smmkit/core/inbox';
import { describeInboxStore } from '@smmkit/testkit/conformance';
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { redisInboxStore } from '../src/index.js';
import { dropKeys, REDIS_URL, requireRedis, testPrefix } from './support/redis.js';

const filePrefix = testPrefix();
beforeEach(requireRedis);
afterAll(() => dropKeys(filePrefix));

// Each store gets a prefix of its own; a second handle is a second connection on that prefix.
let stores = 0;
const prefixOf = new WeakMap<InboxStore, string>();

describeInboxStore(
  'redisInboxStore',
  () => {
    stores += 1;
    const prefix = `${filePrefix}${stores}:`;
    const store = redisInboxStore({ connection: REDIS_URL, prefix });
    prefixOf.set(store, prefix);
    return store;
  },
  { connectAgain: (store) => redisInboxStore({ connection: REDIS_URL, prefix: prefixOf.get(store) ?? '' }) },
);

const T0 = Date.UTC(2026, 4, 1, 7, 0, 0);
const mention = (id: string, createdAt: number, platform = 'x') =>
  parseEngagement({
    platform,
    accountId: '2244994945',
    id,
    kind: 'mention',
    author: { id: '1001', handle: 'fan' },
    text: `@brand hello ${id}`,
    createdAt: new Date(createdAt),
    raw: { id },
  });

describe('redisInboxStore: Redis', () => {
  it('lists past the end of a read chunk in order, with many items created at the same instant', async () => {
    const store = redisInboxStore({ connection: REDIS_URL, prefix: `${filePrefix}chunks:` });
    // 450 items at two instants (more than one 200-item read of the order each), platforms mixed.
    const engagements = Array.from({ length: 450 }, (_, n) =>
      mention(
        `id-${String(n).padStart(3, '0')}`,
        T0 + (n % 2) * 60_000,
        (n >> 1) % 2 === 0 ? 'x' : 'mastodon',
      ),
    );
    await store.add(engagements, { receivedAt: new Date(T0 + 3_600_000) });
    const expected = engagements
      .map((engagement) => ({
        at: engagement.createdAt.getTime(),
        platform: engagement.platform,
        id: engagement.id,
      }))
      .sort(
        (a, b) =>
          b.at - a.at ||
          (a.platform < b.platform ? 1 : a.platform > b.platform ? -1 : 0) ||
          (a.id < b.id ? 1 : -1),
      )
      .map(({ platform, id }) => `${platform}/${id}`);
    const all = await store.list();
    expect(all.map((item) => `${item.platform}/${item.id}`)).toEqual(expected);

    const paged: string[] = [];
    let page = await store.list({ limit: 170 });
    while (page.length > 0) {
      paged.push(...page.map((item) => `${item.platform}/${item.id}`));
      const last = page.at(-1);
      page = last === undefined ? [] : await store.list({ limit: 170, after: last });
    }
    expect(paged).toEqual(expected);
    expect((await store.list({ platforms: ['mastodon'], limit: 5 })).map((item) => item.id)).toEqual(
      expected
        .filter((ref) => ref.startsWith('mastodon/'))
        .slice(0, 5)
        .map((ref) => ref.slice('mastodon/'.length)),
    );
    await store.close();
  });

  it('keeps its keys under the prefix, and leaves a client the app passed open', async () => {
    const redis = new Redis(REDIS_URL);
    const prefix = `${filePrefix}layout:`;
    const store = redisInboxStore({ connection: redis, prefix });
    await store.add([mention('1', T0)], {
      receivedAt: new Date(T0),
      cursor: {
        source: { platform: 'x', accountId: '2244994945', source: 'account' },
        cursor: { since: new Date(T0) },
      },
    });
    await store.markSeenIds('x:webhook', ['delivery-1'], new Date(T0));
    const keys = (await redis.keys(`${prefix}*`)).map((key) => key.slice(prefix.length)).sort();
    expect(keys).toEqual(['inbox:cursors', 'inbox:items', 'inbox:order', 'inbox:seen']);
    await store.close();
    await expect(redis.ping()).resolves.toBe('PONG');
    await redis.quit();
  });

  it('refuses a cursor damaged in Redis instead of polling from a wrong place', async () => {
    const redis = new Redis(REDIS_URL);
    const prefix = `${filePrefix}damaged:`;
    const store = redisInboxStore({ connection: redis, prefix });
    const source = { platform: 'x', accountId: '2244994945', source: 'account' };
    await redis.hset(
      `${prefix}inbox:cursors`,
      JSON.stringify(['x', '2244994945', 'account']),
      '{"since":"yesterday"}',
    );
    await expect(store.getCursor(source)).rejects.toThrow(/since: must be epoch milliseconds/);
    await redis.quit();
  });
});
