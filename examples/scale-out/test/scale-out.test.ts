import { describe, expect, it } from 'vitest';
import {
  dropKeys,
  REDIS_URL,
  requireRedis,
  testPrefix,
} from '../../../packages/scheduler-bullmq/test/support/redis.js';
import { runScaleOut } from '../src/scale-out.js';

// The workers run the workspace's sources, as the tests do, never a stale build.
const hooks = new URL('../../../packages/core/test/support/source-hooks.ts', import.meta.url).href;

describe('the scale-out example', () => {
  it('publishes every scheduled post once to each of its two accounts with three Redis-backed worker processes', {
    timeout: 60_000,
  }, async () => {
    await requireRedis();
    const prefix = testPrefix();
    try {
      const result = await runScaleOut({
        redisUrl: REDIS_URL,
        prefix,
        workers: 3,
        entries: 24,
        execArgv: ['--import', hooks],
      });
      expect(result.published).toBe(24);
      expect([...result.posts].sort()).toEqual(
        Array.from({ length: 24 }, (_, n) =>
          ['scale_out_a', 'scale_out_b'].map((account) => `${account}: Scale-out post ${n}`),
        )
          .flat()
          .sort(),
      );
      // Every target was published by one of the workers, none by the app's process.
      expect([...result.byWorker.values()].reduce((sum, count) => sum + count, 0)).toBe(48);
    } finally {
      await dropKeys(prefix);
    }
  });
});
