import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { describeTokenStoreContract } from '../../core/test/support/token-store-contract.js';
import { redisTokenStore } from '../src/index.js';
import { dropKeys, REDIS_URL, requireRedis, testPrefix } from './support/redis.js';

const prefix = testPrefix();
beforeEach(requireRedis);
afterAll(() => dropKeys(prefix));

describeTokenStoreContract('redisTokenStore', {
  connect: async (options = {}) => {
    const store = redisTokenStore(REDIS_URL, { prefix, ...options });
    return { store, close: () => store.close() };
  },
});

describe('redisTokenStore: keys and connections', () => {
  it('keeps each account in one hash under the prefix, and holds the lock as a lease Redis ends by itself', async () => {
    const redis = new Redis(REDIS_URL);
    const store = redisTokenStore(redis, { prefix, leaseMs: 20_000 });
    const saved = await store.save('x:brand', {
      accessToken: 'access-1',
      expiresAt: new Date(1_700_000_000_000),
    });
    await expect(redis.hgetall(`${prefix}tokens:x:brand`)).resolves.toEqual({
      version: saved.version,
      access_token: 'access-1',
      expires_at: '1700000000000',
      updated_at: expect.stringMatching(/^\d+$/),
    });

    const lockKey = `${prefix}lock:tokens:x:brand`;
    const leaseLeft = await store.withLock('x:brand', () => redis.pttl(lockKey));
    expect(leaseLeft).toBeGreaterThan(0);
    expect(leaseLeft).toBeLessThanOrEqual(20_000);
    await expect(redis.exists(lockKey)).resolves.toBe(0);

    await store.close();
    await expect(redis.ping()).resolves.toBe('PONG'); // a client the app passed stays open
    await redis.quit();
  });
});
