/**
 * smmkit on Redis, for many workers on many machines that share one schedule and one set of
 * accounts:
 *
 * - {@link redisScheduleStore}: the scheduler's `ScheduleStore` and the publisher's `Outbox` in
 *   Redis, claiming whole entries or target by target (`TargetClaimStore`). Claims,
 *   compare-and-set transitions and outbox steps are Lua scripts Redis runs atomically, so
 *   workers never claim one entry or target twice, and one whose worker died is recovered through
 *   the outbox (reconciliation, never a blind republish).
 * - {@link redisStore}: every store `createSmmkit` (`@smmkit/core/app`) wires, on one Redis: the
 *   account registry ({@link redisAccountStore}), tokens, the schedule and outbox, the inbox
 *   ({@link redisInboxStore}), published posts and their metrics ({@link redisMetricsStore}) and
 *   the rate budgets.
 * - {@link redisTokenStore}: account tokens, so that workers sharing an account never race a
 *   rotating refresh token (X, TikTok).
 * - {@link redisBudgetLedger}: the publisher's rate budgets (`throttle.ledger`) per (platform,
 *   account, endpoint bucket), shared by every worker: each booking is checked and counted in one
 *   script, a 429 one worker saw pauses the bucket for all, and what one learns from headers
 *   holds for all.
 * - {@link bullmqWakeups}, {@link planWakeups} and {@link startWakeupWorker}: the scheduler on
 *   BullMQ. One delayed job per entry, occurrence and target ({@link targetJobId}: a second
 *   enqueue is a no-op) has a worker publish that target when the entry is due, so the targets of
 *   one entry go out from several workers at once; the entry settles when its last target does,
 *   and a series goes on with a job per target of its next occurrence. A sweep job runs what no
 *   job covers (entries whose workers died, jobs never queued). The store stays the source of
 *   truth: its atomic per-target claim decides who publishes, and the outbox (per target) that a
 *   takeover never publishes a target twice.
 *
 * A store call that fails because Redis cannot be reached or cannot take it now (the connection
 * is closed or timed out, `READONLY`, `OOM`, `LOADING`, …) rejects with a retryable
 * `TransientError` that names the store and what it could not do, with ioredis' error as an
 * unprinted `cause`; errors that mean a bug or a set-up mistake (`WRONGTYPE`, `NOPERM`) pass as
 * they are.
 *
 * Redis needs AOF persistence and `maxmemory-policy noeviction`; Redis Cluster is not supported
 * yet. The scaling guide (docs/scaling.md in the repository) covers the settings, how limits are
 * shared and what happens when a worker dies.
 *
 * @example
 * ```ts
 * import { createRefreshingTokenProvider } from '@smmkit/core';
 * import { createPublisher } from '@smmkit/core/publisher';
 * import { createScheduler } from '@smmkit/core/scheduler';
 * import {
 *   bullmqWakeups,
 *   planWakeups,
 *   redisBudgetLedger,
 *   redisScheduleStore,
 *   redisTokenStore,
 *   startWakeupWorker,
 * } from '@smmkit/scheduler-bullmq';
 *
 * const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
 * const tokens = createRefreshingTokenProvider({
 *   platform: 'x',
 *   store: redisTokenStore(redisUrl),
 *   key: 'x:brand',
 *   refresh: (refreshToken) => refreshXToken({ clientId, refreshToken }),
 * });
 * const store = redisScheduleStore({ connection: redisUrl });
 * const publisher = createPublisher({
 *   adapters: [createXAdapter()],
 *   tokens: () => tokens,
 *   outbox: store,
 *   throttle: { ledger: redisBudgetLedger({ connection: redisUrl }) },
 * });
 * const scheduler = createScheduler({ store, publisher });
 * planWakeups(scheduler.events, bullmqWakeups({ connection: redisUrl })); // here too: series go on
 * await startWakeupWorker({ connection: redisUrl, scheduler }); // in every worker process
 * ```
 *
 * @packageDocumentation
 */

export { type BullmqWakeups, type BullmqWakeupsOptions, bullmqWakeups } from './bullmq-wakeups.js';
export { type PlannedWakeups, planWakeups } from './plan-wakeups.js';
export {
  type RedisAccountStore,
  type RedisAccountStoreOptions,
  redisAccountStore,
} from './redis-account-store.js';
export {
  type RedisBudgetLedger,
  type RedisBudgetLedgerOptions,
  redisBudgetLedger,
} from './redis-budget-ledger.js';
export { type RedisInboxStore, type RedisInboxStoreOptions, redisInboxStore } from './redis-inbox-store.js';
export {
  type RedisMetricsStore,
  type RedisMetricsStoreOptions,
  redisMetricsStore,
} from './redis-metrics-store.js';
export {
  type RedisScheduleStore,
  type RedisScheduleStoreOptions,
  redisScheduleStore,
} from './redis-schedule-store.js';
export { type RedisStoreOptions, redisStore } from './redis-store.js';
export { type RedisTokenStore, type RedisTokenStoreOptions, redisTokenStore } from './redis-token-store.js';
export { type TargetJobData, targetJobId } from './wakeup-job.js';
export { startWakeupWorker, type WakeupWorker, type WakeupWorkerOptions } from './wakeup-worker.js';
