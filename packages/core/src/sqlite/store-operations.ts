import type { SmmkitStore } from '../app/store.js';
import type { Outbox } from '../scheduler/outbox.js';
import type { StoreOperations } from './guarded-store.js';
import type { SqliteAccountStore } from './sqlite-account-store.js';
import type { SqliteInboxStore } from './sqlite-inbox-store.js';
import type { SqliteMetricsStore } from './sqlite-metrics-store.js';
import type { SqliteScheduleStore } from './sqlite-schedule-store.js';
import type { SqliteTokenStore } from './sqlite-token-store.js';

// What each SQLite store's methods do, in the words of an error after "could not".

/** The close every store has. */
const CLOSE = { close: 'close the database' } as const;

/** The token store's methods; `withLock` types its own lease failures (its `work` is the app's). */
export const TOKEN_OPERATIONS: StoreOperations<SqliteTokenStore> = {
  load: 'load the tokens',
  compareAndSwap: 'write the tokens',
  withLock: null,
  save: 'save the tokens',
  delete: 'delete the tokens',
  ...CLOSE,
};

/** The account registry's methods. */
export const ACCOUNT_OPERATIONS: StoreOperations<SqliteAccountStore> = {
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

/** The schedule store's methods, its outbox's included. */
export const SCHEDULE_OPERATIONS: StoreOperations<SqliteScheduleStore> = {
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
  ...CLOSE,
};

/** The inbox store's methods. */
export const INBOX_OPERATIONS: StoreOperations<SqliteInboxStore> = {
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
export const METRICS_OPERATIONS: StoreOperations<SqliteMetricsStore> = {
  recordPosts: 'record the published posts',
  posts: 'read the published posts',
  recordSamples: 'record the metric samples',
  samples: 'read the metric samples',
  ...CLOSE,
};

/** The bundle's own method; its stores are guarded each on their own. */
export const BUNDLE_OPERATIONS: StoreOperations<SmmkitStore> = { ...CLOSE };
