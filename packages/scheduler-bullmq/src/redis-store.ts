import type { SmmkitStore } from '@smmkit/core/app';
import type { Redis } from 'ioredis';
import { guardRedisStore, type StoreOperations } from './guarded-store.js';
import { redisAccountStore } from './redis-account-store.js';
import { redisBudgetLedger } from './redis-budget-ledger.js';
import { openRedis } from './redis-connection.js';
import { redisInboxStore } from './redis-inbox-store.js';
import { redisMetricsStore } from './redis-metrics-store.js';
import { redisScheduleStore } from './redis-schedule-store.js';
import { redisTokenStore } from './redis-token-store.js';

/** The bundle's own method; its stores are guarded each on their own. */
const BUNDLE_OPERATIONS: StoreOperations<SmmkitStore> = { close: 'close the connection' };

/** Options of {@link redisStore}. */
export interface RedisStoreOptions {
  /**
   * A Redis URL (`redis://127.0.0.1:6379`): the bundle opens one connection for all its stores
   * and closes it on `close`. Or an ioredis client to share, which stays open, without ioredis'
   * `keyPrefix` (refused with a `ValidationError`: use `prefix`).
   */
  readonly connection: string | Redis;
  /**
   * The start of every key; default `smmkit:` (BullMQ's own keys start with `bull:`). Every
   * process sharing one set of accounts, schedule and inbox uses the same prefix. Redis Cluster
   * is not supported yet (see the scaling guide).
   */
  readonly prefix?: string | undefined;
}

/**
 * Every store `createSmmkit` wires, in one Redis, for processes on many machines that share one
 * set of accounts: the account registry (`redisAccountStore`), the tokens under each account's id
 * (`redisTokenStore`: compare-and-swap and a lease lock, so one process refreshes a rotating
 * token), the schedule and outbox (`redisScheduleStore`: atomic claims and leases), the inbox
 * (`redisInboxStore`), the published posts and their metrics (`redisMetricsStore`) and the rate
 * budgets every process spends together (`redisBudgetLedger`, the bundle's `ledger`). All keys
 * start with one prefix, on one connection.
 *
 * Redis needs AOF persistence and `maxmemory-policy noeviction`, as for the stores alone; add
 * BullMQ wake-ups (`bullmqWakeups`, `startWakeupWorker`) on the facade's scheduler when workers
 * should wake exactly when entries are due rather than on their poll interval.
 *
 * @param options - the connection and the key prefix
 * @returns the bundle; its `close()` closes the connection when it opened it
 *
 * @example
 * ```ts
 * import { createSmmkit } from '@smmkit/core/app';
 * import { redisStore } from '@smmkit/scheduler-bullmq';
 *
 * const smm = await createSmmkit({
 *   store: redisStore({ connection: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }),
 *   adapters: [x, mastodon],
 * });
 * ```
 */
export function redisStore(options: RedisStoreOptions): SmmkitStore {
  const { redis, owned } = openRedis(options.connection, 'redisStore');
  const shared = { connection: redis, prefix: options.prefix };
  const stores = {
    accounts: redisAccountStore(shared),
    tokens: redisTokenStore(redis, { prefix: options.prefix }),
    schedule: redisScheduleStore(shared),
    inbox: redisInboxStore(shared),
    metrics: redisMetricsStore(shared),
    ledger: redisBudgetLedger(shared),
  };
  return guardRedisStore('store', BUNDLE_OPERATIONS, {
    ...stores,
    close: async () => {
      // Each store was given the connection, so closing them leaves it open: close it here.
      await Promise.all(Object.values(stores).map((store) => store.close()));
      if (owned) await redis.quit();
    },
  });
}
