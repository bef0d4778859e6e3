/**
 * smmkit on Redis, for many workers on many machines that share one schedule and one set of
 * accounts:
 *
 * - {@link redisScheduleStore}: the scheduler's `ScheduleStore` and the publisher's `Outbox` in
 *   Redis. Claims, compare-and-set transitions and outbox steps are Lua scripts Redis runs
 *   atomically, so workers never claim one entry twice, and one whose worker died is recovered
 *   through the outbox (reconciliation, never a blind republish).
 * - {@link redisTokenStore}: account tokens, so that workers sharing an account never race a
 *   rotating refresh token (X, TikTok).
 * - {@link redisBudgetLedger}: rate budgets per (platform, account, endpoint bucket) shared by
 *   every worker: each booking is checked and counted in one script, a 429 one worker saw pauses
 *   the bucket for all, and what one learns from headers holds for all. The publisher's throttle
 *   does not take a ledger yet: for now it is a building block.
 *
 * Dispatch on BullMQ comes to this package next.
 *
 * @example
 * ```ts
 * import { createRefreshingTokenProvider } from '@smmkit/core';
 * import { createPublisher } from '@smmkit/core/publisher';
 * import { createScheduler } from '@smmkit/core/scheduler';
 * import { redisScheduleStore, redisTokenStore } from '@smmkit/scheduler-bullmq';
 *
 * const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
 * const tokens = createRefreshingTokenProvider({
 *   platform: 'x',
 *   store: redisTokenStore(redisUrl),
 *   key: 'x:brand',
 *   refresh: (refreshToken) => refreshXToken({ clientId, refreshToken }),
 * });
 * const store = redisScheduleStore({ connection: redisUrl });
 * const publisher = createPublisher({ adapters: [createXAdapter()], tokens: () => tokens, outbox: store });
 * createScheduler({ store, publisher }).start(); // in every worker process
 * ```
 *
 * @packageDocumentation
 */

export type {
  BudgetId,
  BudgetLedger,
  BudgetPolicy,
  BudgetSlot,
  BudgetWait,
} from './budget-ledger.js';
export {
  type RedisBudgetLedger,
  type RedisBudgetLedgerOptions,
  redisBudgetLedger,
} from './redis-budget-ledger.js';
export {
  type RedisScheduleStore,
  type RedisScheduleStoreOptions,
  redisScheduleStore,
} from './redis-schedule-store.js';
export { type RedisTokenStore, type RedisTokenStoreOptions, redisTokenStore } from './redis-token-store.js';
