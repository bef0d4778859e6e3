import type { AccountStore } from '@smmkit/core/app';
import { describeAccountStore } from '@smmkit/testkit/conformance';
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { redisAccountStore } from '../src/index.js';
import { dropKeys, REDIS_URL, requireRedis, testPrefix } from './support/redis.js';

const filePrefix = testPrefix();
beforeEach(requireRedis);
afterAll(() => dropKeys(filePrefix));

// Each store gets a prefix of its own; a second handle is a second connection on that prefix.
let stores = 0;
const prefixOf = new WeakMap<AccountStore, string>();

describeAccountStore(
  'redisAccountStore',
  () => {
    stores += 1;
    const prefix = `${filePrefix}${stores}:`;
    const store = redisAccountStore({ connection: REDIS_URL, prefix });
    prefixOf.set(store, prefix);
    return store;
  },
  {
    connectAgain: (store) => redisAccountStore({ connection: REDIS_URL, prefix: prefixOf.get(store) ?? '' }),
  },
);

const T0 = new Date('2026-05-01T07:00:00.000Z');

describe('redisAccountStore: Redis', () => {
  it('of two processes connecting one platform account under two ids at once, refuses one', async () => {
    const prefix = `${filePrefix}race:`;
    const one = redisAccountStore({ connection: REDIS_URL, prefix });
    const two = redisAccountStore({ connection: REDIS_URL, prefix });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, n) =>
        (n % 2 === 0 ? one : two).connect({ id: `brand-x-${n}`, platform: 'x', accountId: '2244994945' }, T0),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await one.list()).toHaveLength(1);
    await Promise.all([one.close(), two.close()]);
  });

  it('frees the platform account an id held when the id is connected as another one', async () => {
    const prefix = `${filePrefix}move:`;
    const store = redisAccountStore({ connection: REDIS_URL, prefix });
    await store.connect({ id: 'brand-x', platform: 'x', accountId: '2244994945' }, T0);
    await store.connect({ id: 'brand-x', platform: 'x', accountId: '783214' }, T0);
    await store.connect({ id: 'old-brand-x', platform: 'x', accountId: '2244994945' }, T0);
    expect((await store.list()).map((account) => [account.id, account.accountId])).toEqual([
      ['brand-x', '783214'],
      ['old-brand-x', '2244994945'],
    ]);
    await store.close();
  });

  it('keeps its keys under the prefix, and leaves a client the app passed open', async () => {
    const redis = new Redis(REDIS_URL);
    const prefix = `${filePrefix}layout:`;
    const store = redisAccountStore({ connection: redis, prefix });
    await store.connect({ id: 'brand-x', platform: 'x', accountId: '2244994945' }, T0);
    const keys = (await redis.keys(`${prefix}*`)).map((key) => key.slice(prefix.length)).sort();
    expect(keys).toEqual(['account-holders', 'account-holdings', 'accounts']);
    await store.close();
    await expect(redis.ping()).resolves.toBe('PONG');
    await redis.quit();
  });
});
