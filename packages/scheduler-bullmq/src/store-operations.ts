import type { SmmkitStore } from '@smmkit/core/app';
import type { Outbox } from '@smmkit/core/scheduler';
import type { StoreOperations } from './guarded-store.js';
import type { RedisAccountStore } from './redis-account-store.js';
import type { RedisBudgetLedger } from './redis-budget-ledger.js';
import type { RedisInboxStore } from './redis-inbox-store.js';
import type { RedisMetricsStore } from './redis-metrics-store.js';
import type { RedisScheduleStore } from './redis-schedule-store.js';
import type { RedisTokenStore } from './redis-token-store.js';

// What each Redis store's methods do, in the words of an error after "could not".

/** The close every store has. */
const CLOSE = { close: 'close the connection' } as const;

/** The token store's methods; `withLock` types its own lease failures (its `work` is the app's). */
export const TOKEN_OPERATIONS: StoreOperations<RedisTokenStore> = {
  load: 'load the tokens',
  compareAndSwap: 'write the tokens',
  withLock: null,
  save: 'save the tokens',
  delete: 'delete the tokens',
  ...CLOSE,
};

/** The account registry's methods. */
export const ACCOUNT_OPERATIONS: StoreOperations<RedisAccountStore> = {
  connect: 'connect the account',
  get: 'read the account',
  list: 'list the accounts',
  disconnect: 'disconnect the account',
  markNeedsReauthorization: 'mark the account as needing re-authorization',
  ...CLOSE,
};

/** The publisher's outbox, part of the schedule store. */
const OUTBOX_OPERATIONS: StoreOperations<Outbox> = {
  begin: 'record the intent to publish in the outbox',
  retry: 'reopen the failed outbox record',
  settle: 'settle the outbox record',
  record: 'read the outbox record',
  unresolved: 'list the unresolved outbox records',
};

/** The schedule store's methods, its outbox's and its per-target claims' included. */
export const SCHEDULE_OPERATIONS: StoreOperations<RedisScheduleStore> = {
  ...OUTBOX_OPERATIONS,
  add: 'add the entries',
  addIfSlotsFree: 'add the entries in free queue slots',
  addIfAbsent: 'add the entry',
  get: 'read the entry',
  list: 'list entries',
  transition: 'change the entry',
  transitionIfSlotFree: 'move the entry to a free queue slot',
  claimDue: 'claim due entries',
  renewLease: "renew the entry's lease",
  complete: 'complete the entry',
  claimTarget: 'claim the target',
  renewTargetLease: "renew the target's lease",
  settleTarget: 'settle the target',
  ...CLOSE,
};

/** The inbox store's methods. */
export const INBOX_OPERATIONS: StoreOperations<RedisInboxStore> = {
  add: 'add the engagements',
  get: 'read the inbox item',
  list: 'list inbox items',
  update: 'update the inbox item',
  getCursor: 'read the polling cursor',
  setCursor: 'save the polling cursor',
  markSeenIds: 'mark the ids as seen',
  unmarkSeenIds: 'unmark the seen ids',
  seenIdsAt: 'read when the ids were seen',
  moveSeenIds: 'move the seen ids',
  forgetSeenIds: 'forget old seen ids',
  ...CLOSE,
};

/** The metrics store's methods. */
export const METRICS_OPERATIONS: StoreOperations<RedisMetricsStore> = {
  recordPosts: 'record the published posts',
  posts: 'read the published posts',
  recordSamples: 'record the metric samples',
  samples: 'read the metric samples',
  ...CLOSE,
};

/** The rate-budget ledger's methods. */
export const LEDGER_OPERATIONS: StoreOperations<RedisBudgetLedger> = {
  take: 'book the rate budget',
  learn: 'record what the rate-limit headers said',
  pause: 'pause the rate budget',
  ...CLOSE,
};

/** The bundle's own method; its stores are guarded each on their own. */
export const BUNDLE_OPERATIONS: StoreOperations<SmmkitStore> = { ...CLOSE };
