import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * The Redis the tests use: `REDIS_URL`, which the test run's global setup
 * (scripts/redis-for-tests.ts) sets to a private redis-server it starts, unless you set it.
 */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A client that gives up at once when Redis is not there, instead of retrying for ever. */
const failFast = () =>
  new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 3_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });

let reachable: Promise<void> | undefined;

/**
 * Fails (never skips) when Redis is not reachable, saying how to get one: a test that needs Redis
 * and quietly did not run would pass a broken store. Run it before each test (`beforeEach`), so
 * that every test fails with this message; Redis is probed once.
 */
export function requireRedis(): Promise<void> {
  reachable ??= probe();
  return reachable;
}

async function probe(): Promise<void> {
  const probe = failFast();
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new Error(
      `Redis is not reachable at ${REDIS_URL}: install redis-server with \`bash scripts/install-system-deps.sh\` (the test run then starts a private one), or set REDIS_URL to a Redis of yours.`,
      { cause: error },
    );
  } finally {
    probe.disconnect();
  }
}

/** A key prefix of one's own, so that test runs sharing a Redis never see each other's keys. */
export const testPrefix = (): string => `smmkit-test:${randomUUID()}:`;

/** Deletes every key under `prefix`. */
export async function dropKeys(prefix: string): Promise<void> {
  const redis = failFast();
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // No Redis: nothing was written, and requireRedis already failed the tests.
  } finally {
    redis.disconnect();
  }
}
