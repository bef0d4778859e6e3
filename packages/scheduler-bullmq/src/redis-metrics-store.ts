import { parseMetricSample, ValidationError, type ValidationProblem } from '@smmkit/core';
import { type MetricsStore, type PublishedPostRecord, sampleKey } from '@smmkit/core/app';
import type { Redis } from 'ioredis';
import { guardRedisStore, type StoreOperations } from './guarded-store.js';
import { luaScript } from './lua-script.js';
import { openRedis } from './redis-connection.js';

/** The metrics store's methods. */
const METRICS_OPERATIONS: StoreOperations<RedisMetricsStore> = {
  recordPosts: 'record the published posts',
  posts: 'read the published posts',
  recordSamples: 'record the metric samples',
  samples: 'read the metric samples',
  close: 'close the connection',
};

/**
 * Records samples, keeping per key the latest reading. KEYS: the samples hash (key → JSON), the
 * times hash (key → `observedAt`, epoch ms). ARGV: triples of key, `observedAt` and JSON. A
 * reading older than the one kept changes nothing; an equal one replaces it (a re-read
 * correction), and so does a later one in the same call.
 */
const RECORD_SAMPLES = luaScript(`
for i = 1, #ARGV, 3 do
  local kept = redis.call('HGET', KEYS[2], ARGV[i])
  if not kept or tonumber(ARGV[i + 1]) >= tonumber(kept) then
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 2])
    redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
  end
end
return 1`);

/** Options of {@link redisMetricsStore}. */
export interface RedisMetricsStoreOptions {
  /**
   * A Redis URL (`redis://127.0.0.1:6379`), or an ioredis client to share (it stays open on `close`), without
   * ioredis' `keyPrefix` (refused with a `ValidationError`: use `prefix`).
   */
  readonly connection: string | Redis;
  /** The start of every key the store writes; default `smmkit:`, as the other Redis stores. */
  readonly prefix?: string | undefined;
}

/** A `MetricsStore` (`@smmkit/core/app`) in Redis. */
export interface RedisMetricsStore extends MetricsStore {
  /** Closes the connection when the store opened it from a URL; a client you passed stays open. */
  close(): Promise<void>;
}

/**
 * Keeps the posts published through `createSmmkit` and their metric samples in Redis, for
 * processes on many machines that publish and collect metrics for one set of accounts. Recording
 * posts is one `HSET`; recording samples is one Lua script that keeps, per key (core's
 * `sampleKey`), the reading with the latest `observedAt`, so a worker that read a metric earlier
 * but wrote it later never replaces a newer reading.
 *
 * Keys: `<prefix>metrics:posts` (a hash: `[platform, accountId, platformPostId]` → the record as
 * JSON), `<prefix>metrics:samples` (sample key → the sample as JSON, read back through core's
 * sample schema) and `<prefix>metrics:sample-times` (sample key → its `observedAt`).
 *
 * @param options - the connection and the key prefix
 * @returns the store
 *
 * @example
 * ```ts
 * import { redisMetricsStore } from '@smmkit/scheduler-bullmq';
 *
 * const metrics = redisMetricsStore({ connection: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
 * await metrics.recordSamples(samples);
 * ```
 */
export function redisMetricsStore(options: RedisMetricsStoreOptions): RedisMetricsStore {
  const { redis, owned } = openRedis(options.connection, 'redisMetricsStore');
  const prefix = options.prefix ?? 'smmkit:';
  const keys = {
    posts: `${prefix}metrics:posts`,
    samples: `${prefix}metrics:samples`,
    times: `${prefix}metrics:sample-times`,
  };

  return guardRedisStore('metrics store', METRICS_OPERATIONS, {
    recordPosts: async (posts) => {
      if (posts.length === 0) return;
      await redis.hset(
        keys.posts,
        ...posts.flatMap((post) => [
          JSON.stringify([post.platform, post.accountId, post.platformPostId]),
          JSON.stringify(post),
        ]),
      );
    },
    posts: async () => (await redis.hvals(keys.posts)).map(postFromJson),
    recordSamples: async (samples) => {
      if (samples.length === 0) return;
      await RECORD_SAMPLES.run(
        redis,
        [keys.samples, keys.times],
        samples.flatMap((sample) => [sampleKey(sample), sample.observedAt.getTime(), JSON.stringify(sample)]),
      );
    },
    samples: async () => (await redis.hvals(keys.samples)).map((json) => parseMetricSample(JSON.parse(json))),
    close: async () => {
      if (owned) await redis.quit();
    },
  });
}

/**
 * A post record read back from its JSON, its date back to a `Date`.
 *
 * @throws ValidationError when the text holds no record (edited by hand or damaged)
 */
function postFromJson(json: string): PublishedPostRecord {
  const value: unknown = JSON.parse(json);
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const { publishedAt, ...rest } = record;
  const date = typeof publishedAt === 'string' ? new Date(publishedAt) : undefined;
  const problems: ValidationProblem[] = (['platform', 'accountId', 'platformPostId'] as const)
    .filter((field) => typeof record[field] !== 'string')
    .map((field) => ({ path: [field], rule: 'metrics.post', message: 'must be a string' }));
  if (publishedAt !== undefined && (date === undefined || Number.isNaN(date.getTime()))) {
    problems.push({ path: ['publishedAt'], rule: 'metrics.post', message: 'must be an ISO instant' });
  }
  if (problems.length > 0) throw new ValidationError(problems, 'published post record');
  return (date === undefined ? rest : { ...rest, publishedAt: date }) as unknown as PublishedPostRecord;
}
