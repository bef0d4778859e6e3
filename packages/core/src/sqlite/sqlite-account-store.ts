import type { DatabaseSync } from 'node:sqlite';
import {
  accountFromJson,
  accountToJson,
  checkConnection,
  connectedAccount,
  needsReauthorization,
  platformAccountTaken,
} from '../accounts/account-record.js';
import type { AccountStore } from '../accounts/account-store.js';
import { ACCOUNT_MIGRATIONS } from './account-tables.js';
import { migrate } from './database.js';
import { openSqliteStore, type StoreOperations } from './guarded-store.js';
import { writeTransaction } from './write-transaction.js';

/** The account registry's methods. */
const ACCOUNT_OPERATIONS: StoreOperations<SqliteAccountStore> = {
  connect: 'connect the account',
  get: 'read the account',
  list: 'list the accounts',
  disconnect: 'disconnect the account',
  markNeedsReauthorization: 'mark the account as needing re-authorization',
  close: 'close the database',
};

/** An {@link AccountStore} in a SQLite file. */
export interface SqliteAccountStore extends AccountStore {
  /** Closes the database when the store opened it from a path; a connection you passed stays open. */
  close(): Promise<void>;
}

/**
 * Keeps the registry of connected accounts in a SQLite file on Node's built-in `node:sqlite`
 * (Node 22.13 or later), beside the tokens, the schedule and the inbox if you like: table
 * `smmkit_accounts` (component `accounts` in `smmkit_schema`, created or migrated when the store
 * opens). Every write is one `BEGIN IMMEDIATE` transaction, so of two processes connecting one
 * platform account under two ids, one is refused. The tokens are not here: keep them in
 * `sqliteTokenStore` under the account's id.
 *
 * @param pathOrDatabase - the file (created when missing) or an open `DatabaseSync` to share
 * @returns the store
 * @throws ValidationError (never retryable) when the file is not an SQLite database, is damaged,
 *   or holds account tables newer than this smmkit knows; a method fails the same way when it finds
 *   the file damaged. The message says which and the hint what to do.
 * @throws TransientError (retryable) when the file cannot be opened or set up: locked by another
 *   connection past the busy timeout, a missing directory, a full disk. Each method fails the
 *   same way, naming the store and what it could not do, with the driver's error as an
 *   unprinted `cause`; errors of the data (a damaged row's `ValidationError`) pass as they are.
 *
 * @example
 * ```ts
 * import { sqliteAccountStore } from '@smmkit/core/sqlite';
 *
 * const accounts = sqliteAccountStore('smm.db');
 * await accounts.connect({ id: 'brand-x', platform: 'x', accountId: '2244994945' }, new Date());
 * ```
 */
export function sqliteAccountStore(pathOrDatabase: string | DatabaseSync): SqliteAccountStore {
  return openSqliteStore(pathOrDatabase, 'account store', ACCOUNT_OPERATIONS, accountStoreOn);
}

/** {@link sqliteAccountStore} on an open connection, its driver failures not yet typed. */
function accountStoreOn(db: DatabaseSync, owned: boolean): SqliteAccountStore {
  migrate(db, 'accounts', ACCOUNT_MIGRATIONS.length, ACCOUNT_MIGRATIONS);
  const select = db.prepare('SELECT json FROM smmkit_accounts WHERE id = ?');
  const selectAll = db.prepare('SELECT json FROM smmkit_accounts ORDER BY id');
  const holderOf = db.prepare(
    'SELECT id FROM smmkit_accounts WHERE platform = ? AND account_id = ? AND id <> ?',
  );
  const upsert = db.prepare(
    `INSERT INTO smmkit_accounts (id, platform, account_id, json) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET platform = excluded.platform, account_id = excluded.account_id, json = excluded.json`,
  );
  const setJson = db.prepare('UPDATE smmkit_accounts SET json = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM smmkit_accounts WHERE id = ?');

  return {
    connect: async (account, at) => {
      const connected = connectedAccount(checkConnection(account), at);
      const json = accountToJson(connected);
      writeTransaction(db, () => {
        const holder = holderOf.get(connected.platform, connected.accountId, connected.id);
        if (holder !== undefined) throw platformAccountTaken(connected, String(holder.id));
        upsert.run(connected.id, connected.platform, connected.accountId, json);
      });
      return accountFromJson(json);
    },
    get: async (id) => {
      const row = select.get(id);
      return row === undefined ? undefined : accountFromJson(String(row.json));
    },
    list: async () => selectAll.all().map((row) => accountFromJson(String(row.json))),
    disconnect: async (id) => Number(remove.run(id).changes) === 1,
    markNeedsReauthorization: async (id, reason, at) =>
      writeTransaction(db, () => {
        const row = select.get(id);
        if (row === undefined) return undefined;
        const account = accountFromJson(String(row.json));
        if (account.status.state === 'needs_reauthorization') return account;
        const json = accountToJson({ ...account, status: needsReauthorization(reason, at) });
        setJson.run(json, id);
        return accountFromJson(json);
      }),
    close: async () => {
      if (owned) db.close();
    },
  };
}
