import type { DatabaseSync } from 'node:sqlite';
import type { SmmkitStore } from '../app/store.js';
import { openDatabase } from './database.js';
import { sqliteAccountStore } from './sqlite-account-store.js';
import { sqliteInboxStore } from './sqlite-inbox-store.js';
import { sqliteMetricsStore } from './sqlite-metrics-store.js';
import { sqliteScheduleStore } from './sqlite-schedule-store.js';
import { sqliteTokenStore } from './sqlite-token-store.js';

/**
 * Every store `createSmmkit` wires, in one SQLite file on one connection: the account registry
 * (`sqliteAccountStore`), the tokens under each account's id (`sqliteTokenStore`), the schedule
 * and outbox (`sqliteScheduleStore`), the inbox (`sqliteInboxStore`) and the published posts
 * with their metric samples (`sqliteMetricsStore`). Processes on one machine
 * may share the file, as each store allows.
 *
 * @param pathOrDatabase - the file (created when missing) or an open `DatabaseSync` to share
 * @returns the bundle; its `close()` closes the file when it opened it
 * @throws Error when the file holds tables newer than this smmkit knows
 *
 * @example
 * ```ts
 * import { createSmmkit } from '@smmkit/core/app';
 * import { sqliteStore } from '@smmkit/core/sqlite';
 *
 * const smm = await createSmmkit({ store: sqliteStore('smm.db'), adapters: [x, mastodon] });
 * ```
 */
export function sqliteStore(pathOrDatabase: string | DatabaseSync): SmmkitStore {
  const { db, owned } = openDatabase(pathOrDatabase);
  const accounts = sqliteAccountStore(db);
  const tokens = sqliteTokenStore(db);
  const schedule = sqliteScheduleStore(db);
  const inbox = sqliteInboxStore(db);
  const metrics = sqliteMetricsStore(db);
  return {
    accounts,
    tokens,
    schedule,
    inbox,
    metrics,
    close: async () => {
      tokens.close();
      await Promise.all([accounts.close(), schedule.close(), inbox.close(), metrics.close()]);
      if (owned) db.close();
    },
  };
}
