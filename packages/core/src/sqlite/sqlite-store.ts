import type { DatabaseSync } from 'node:sqlite';
import type { SmmkitStore } from '../app/store.js';
import { openSqliteStore, type StoreOperations } from './guarded-store.js';
import { sqliteAccountStore } from './sqlite-account-store.js';
import { sqliteInboxStore } from './sqlite-inbox-store.js';
import { sqliteMetricsStore } from './sqlite-metrics-store.js';
import { sqliteScheduleStore } from './sqlite-schedule-store.js';
import { sqliteTokenStore } from './sqlite-token-store.js';

/** The bundle's own method; its stores are guarded each on their own. */
const BUNDLE_OPERATIONS: StoreOperations<SmmkitStore> = { close: 'close the database' };

/**
 * Every store `createSmmkit` wires, in one SQLite file on one connection: the account registry
 * (`sqliteAccountStore`), the tokens under each account's id (`sqliteTokenStore`), the schedule
 * and outbox (`sqliteScheduleStore`), the inbox (`sqliteInboxStore`) and the published posts
 * with their metric samples (`sqliteMetricsStore`). Processes on one machine
 * may share the file, as each store allows.
 *
 * @param pathOrDatabase - the file (created when missing) or an open `DatabaseSync` to share
 * @returns the bundle; its `close()` closes the file when it opened it
 * @throws ValidationError (never retryable) when the file is not an SQLite database, is damaged,
 *   or holds tables newer than this smmkit knows; a method fails the same way when it finds
 *   the file damaged. The message says which and the hint what to do.
 * @throws TransientError (retryable) when the file cannot be opened or set up: locked by another
 *   connection past the busy timeout, a missing directory, a full disk. Each method fails the
 *   same way, naming the store and what it could not do, with the driver's error as an
 *   unprinted `cause`; errors of the data (a damaged row's `ValidationError`) pass as they are.
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
  return openSqliteStore(pathOrDatabase, 'store', BUNDLE_OPERATIONS, bundleOn);
}

/** {@link sqliteStore} on an open connection; each store types its own driver failures. */
function bundleOn(db: DatabaseSync, owned: boolean): SmmkitStore {
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
