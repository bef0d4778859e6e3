import type { MetricsStore } from '@smmkit/core/app';
import { describeMetricsStore } from '@smmkit/testkit/conformance';
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { redisMetricsStore } from '../src/index.js';
import { dropKeys, REDIS_URL, requireRedis, testPrefix } from './support/redis.js';

const filePrefix = testPrefix();
beforeEach(requireRedis);
afterAll(() => dropKeys(filePrefix));

// Each store gets a prefix of its own; a second handle is a second connection on that prefix.
let stores = 0;
const prefixOf = new WeakMap<MetricsStore, string>();

describeMetricsStore(
  'redisMetricsStore',
  () => {
    stores += 1;
    const prefix = `${filePrefix}${stores}:`;
    const store = redisMetricsStore({ connection: REDIS_URL, prefix });
    prefixOf.set(store, prefix);
    return store;
  },
  {
    connectAgain: (store) => redisMetricsStore({ connection: REDIS_URL, prefix: prefixOf.get(store) ?? '' }),
  },
);

describe('redisMetricsStore: Redis', () => {
  it('of two processes writing readings of one metric at once, keeps the latest', async () => {
    const prefix = `${filePrefix}race:`;
    const one = redisMetricsStore({ connection: REDIS_URL, prefix });
    const two = redisMetricsStore({ connection: REDIS_URL, prefix });
    const reading = (hour: number) => ({
      platform: 'x',
      accountId: '2244994945',
      scope: 'post' as const,
      platformPostId: '1850000000000000001',
      metric: 'likes' as const,
      rawName: 'public_metrics.like_count',
      value: hour,
      observedAt: new Date(Date.UTC(2026, 4, 1, hour)),
      period: 'lifetime' as const,
    });
    await Promise.all(
      Array.from({ length: 24 }, (_, hour) =>
        (hour % 2 === 0 ? one : two).recordSamples([reading(23 - hour)]),
      ),
    );
    expect((await one.samples()).map((sample) => sample.value)).toEqual([23]);
    await Promise.all([one.close(), two.close()]);
  });

  it('keeps its keys under the prefix, and leaves a client the app passed open', async () => {
    const redis = new Redis(REDIS_URL);
    const prefix = `${filePrefix}layout:`;
    const store = redisMetricsStore({ connection: redis, prefix });
    await store.recordPosts([{ platform: 'x', accountId: '2244994945', platformPostId: '1' }]);
    await store.recordSamples([
      {
        platform: 'x',
        accountId: '2244994945',
        scope: 'account',
        metric: 'followers',
        rawName: 'followers_count',
        value: 10,
        observedAt: new Date(Date.UTC(2026, 4, 1)),
        period: 'lifetime',
      },
    ]);
    const keys = (await redis.keys(`${prefix}*`)).map((key) => key.slice(prefix.length)).sort();
    expect(keys).toEqual(['metrics:posts', 'metrics:sample-times', 'metrics:samples']);
    await store.close();
    await expect(redis.ping()).resolves.toBe('PONG');
    await redis.quit();
  });
});
