/**
 * smmkit's embedded store on Node's built-in SQLite (`node:sqlite`, Node 22.13 or later): one file
 * that processes on one machine share. It holds account tokens, so that processes sharing an
 * account never race a rotating refresh token, and the scheduler's entries and the publisher's
 * outbox, so that workers in several processes share one schedule, never publish one entry
 * twice, and find after a crash what they were doing; and the engagement inbox (items, polling
 * cursors, seen ids), so that a restarted poller neither repeats nor skips; and the registry of
 * connected accounts; and the posts published through `createSmmkit` with their metric samples.
 * `sqliteStore(path)` bundles them all for `createSmmkit`. Each store keeps its
 * own `smmkit_*` tables in the file. Its own entry point, so that apps that never use it never
 * load `node:sqlite`.
 *
 * @example
 * ```ts
 * import { createRefreshingTokenProvider } from '@smmkit/core';
 * import { sqliteInboxStore, sqliteScheduleStore, sqliteTokenStore } from '@smmkit/core/sqlite';
 *
 * const tokens = createRefreshingTokenProvider({
 *   platform: 'x',
 *   store: sqliteTokenStore('smm.db'),
 *   key: 'x:brand',
 *   refresh: (refreshToken) => refreshXToken({ clientId, refreshToken }),
 * });
 * const schedule = sqliteScheduleStore('smm.db'); // a ScheduleStore, and the publisher's Outbox
 * const inbox = sqliteInboxStore('smm.db'); // an InboxStore for createInbox
 * ```
 *
 * @packageDocumentation
 */
export { type SqliteAccountStore, sqliteAccountStore } from './sqlite-account-store.js';
export { type SqliteInboxStore, sqliteInboxStore } from './sqlite-inbox-store.js';
export { type SqliteMetricsStore, sqliteMetricsStore } from './sqlite-metrics-store.js';
export { type SqliteScheduleStore, sqliteScheduleStore } from './sqlite-schedule-store.js';
export { sqliteStore } from './sqlite-store.js';
export {
  type SqliteTokenStore,
  type SqliteTokenStoreOptions,
  sqliteTokenStore,
} from './sqlite-token-store.js';
