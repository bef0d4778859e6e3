import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { applyInboxPatch, type EngagementRef, type InboxItem, newInboxItem } from '../inbox/inbox-item.js';
import type { InboxStore } from '../inbox/inbox-store.js';
import { migrate } from './database.js';
import { openSqliteStore, type StoreOperations } from './guarded-store.js';
import { cursorFromJson, cursorToJson, itemColumns, itemFromJson, listQuery } from './inbox-rows.js';
import { INBOX_MIGRATIONS } from './inbox-tables.js';
import { writeTransaction } from './write-transaction.js';

/** The inbox store's methods. */
const INBOX_OPERATIONS: StoreOperations<SqliteInboxStore> = {
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
  close: 'close the database',
};

/** An {@link InboxStore} in a SQLite file. */
export interface SqliteInboxStore extends InboxStore {
  /** Closes the database when the store opened it from a path; a connection you passed stays open. */
  close(): Promise<void>;
}

/**
 * Keeps the inbox (its items, the polling cursors and the seen ids) in a SQLite file on Node's
 * built-in `node:sqlite` (Node 22.13 or later): the embedded default store, in the same file as
 * the tokens and the schedule if you like. Every process that opens the file shares one inbox:
 * each call is one transaction (`BEGIN IMMEDIATE` for writes), so of two processes adding one
 * engagement only one gets it back as new, and a page is stored together with its cursor.
 *
 * Items live in `smmkit_inbox_items` as JSON, with the columns queries use beside it (account,
 * kind, creation time, state, assignee, tags, folded text); cursors in `smmkit_inbox_cursors`,
 * seen ids in `smmkit_inbox_seen_ids`. The tables are created or migrated when the store opens
 * (component `inbox` in `smmkit_schema`). Each item is read back through the item schema.
 *
 * @param pathOrDatabase - the file (created when missing) or an open `DatabaseSync` to share
 * @returns the store
 * @throws ValidationError (never retryable) when the file is not an SQLite database, is damaged,
 *   or holds inbox tables newer than this smmkit knows; a method fails the same way when it finds
 *   the file damaged. The message says which and the hint what to do.
 * @throws TransientError (retryable) when the file cannot be opened or set up: locked by another
 *   connection past the busy timeout, a missing directory, a full disk. Each method fails the
 *   same way, naming the store and what it could not do, with the driver's error as an
 *   unprinted `cause`; errors of the data (a damaged row's `ValidationError`) pass as they are.
 *
 * @example
 * ```ts
 * import { sqliteInboxStore } from '@smmkit/core/sqlite';
 *
 * const inbox = createInbox({ store: sqliteInboxStore('smm.db'), adapters, publisher, accounts });
 * ```
 */
export function sqliteInboxStore(pathOrDatabase: string | DatabaseSync): SqliteInboxStore {
  return openSqliteStore(pathOrDatabase, 'inbox store', INBOX_OPERATIONS, inboxStoreOn);
}

/** {@link sqliteInboxStore} on an open connection, its driver failures not yet typed. */
function inboxStoreOn(db: DatabaseSync, owned: boolean): SqliteInboxStore {
  migrate(db, 'inbox', INBOX_MIGRATIONS.length, INBOX_MIGRATIONS);

  const insert = db.prepare(
    `INSERT INTO smmkit_inbox_items (platform, id, account_id, kind, created_at, status, assignee, tags, text_folded, deleted_at, json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, account_id, id) DO NOTHING`,
  );
  const update = db.prepare(
    `UPDATE smmkit_inbox_items SET kind = ?, created_at = ?, status = ?, assignee = ?, tags = ?,
       text_folded = ?, deleted_at = ?, json = ? WHERE platform = ? AND account_id = ? AND id = ?`,
  );
  const select = db.prepare(
    'SELECT json FROM smmkit_inbox_items WHERE platform = ? AND account_id = ? AND id = ?',
  );
  const selectCursor = db.prepare(
    'SELECT json FROM smmkit_inbox_cursors WHERE platform = ? AND account_id = ? AND source = ?',
  );
  const upsertCursor = db.prepare(
    `INSERT INTO smmkit_inbox_cursors (platform, account_id, source, json) VALUES (?, ?, ?, ?)
     ON CONFLICT (platform, account_id, source) DO UPDATE SET json = excluded.json`,
  );
  const deleteCursor = db.prepare(
    'DELETE FROM smmkit_inbox_cursors WHERE platform = ? AND account_id = ? AND source = ?',
  );
  const insertSeen = db.prepare(
    'INSERT INTO smmkit_inbox_seen_ids (scope, id, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const deleteSeen = db.prepare('DELETE FROM smmkit_inbox_seen_ids WHERE seen_at < ?');
  const unmarkSeen = db.prepare('DELETE FROM smmkit_inbox_seen_ids WHERE scope = ? AND id = ?');
  const selectSeen = db.prepare('SELECT seen_at FROM smmkit_inbox_seen_ids WHERE scope = ? AND id = ?');
  const moveSeen = db.prepare(
    'UPDATE smmkit_inbox_seen_ids SET seen_at = ? WHERE scope = ? AND id = ? AND seen_at = ?',
  );
  const listStatements = new Map<string, StatementSync>();

  const read = ({ platform, accountId, id }: EngagementRef): InboxItem | undefined => {
    const row = select.get(platform, accountId, id);
    return row === undefined ? undefined : itemFromJson(String(row.json));
  };

  return {
    add: async (engagements, { receivedAt, cursor }) => {
      // Checked before the transaction (a bad engagement rejects the call, nothing written), and
      // read back from its JSON, so what add returns is what get will return.
      const made = engagements.map((engagement) =>
        itemFromJson(JSON.stringify(newInboxItem(engagement, receivedAt))),
      );
      return writeTransaction(db, () => {
        const added = made.filter(
          (item) =>
            Number(insert.run(item.platform, item.id, item.accountId, ...itemColumns(item)).changes) === 1,
        );
        if (cursor !== undefined) {
          const { platform, accountId, source } = cursor.source;
          upsertCursor.run(platform, accountId, source, cursorToJson(cursor.cursor));
        }
        return added;
      });
    },
    get: async (ref) => read(ref),
    list: async (query = {}) => {
      const { sql, params } = listQuery(query);
      let statement = listStatements.get(sql);
      if (statement === undefined) {
        statement = db.prepare(sql);
        listStatements.set(sql, statement);
      }
      return statement.all(...params).map((row) => itemFromJson(String(row.json)));
    },
    update: async (ref, patch, at) =>
      writeTransaction(db, () => {
        const current = read(ref);
        if (current === undefined) return undefined;
        const next = applyInboxPatch(current, patch, at);
        update.run(...itemColumns(next), next.platform, next.accountId, next.id);
        return next;
      }),
    getCursor: async ({ platform, accountId, source }) => {
      const row = selectCursor.get(platform, accountId, source);
      return row === undefined ? undefined : cursorFromJson(String(row.json));
    },
    setCursor: async ({ platform, accountId, source }, cursor) => {
      if (cursor === undefined) deleteCursor.run(platform, accountId, source);
      else upsertCursor.run(platform, accountId, source, cursorToJson(cursor));
    },
    markSeenIds: async (scope, ids, at) =>
      writeTransaction(db, () =>
        ids.filter((id) => Number(insertSeen.run(scope, id, at.getTime()).changes) === 1),
      ),
    unmarkSeenIds: async (scope, ids) => {
      writeTransaction(db, () => {
        for (const id of ids) unmarkSeen.run(scope, id);
      });
    },
    seenIdsAt: async (scope, ids) =>
      ids.map((id) => {
        const row = selectSeen.get(scope, id);
        return row === undefined ? undefined : new Date(Number(row.seen_at));
      }),
    moveSeenIds: async (scope, moves, to) =>
      writeTransaction(db, () =>
        moves.flatMap(({ id, from }) =>
          Number(moveSeen.run(to.getTime(), scope, id, from.getTime()).changes) === 1 ? [id] : [],
        ),
      ),
    forgetSeenIds: async (before) => Number(deleteSeen.run(before.getTime()).changes),
    close: async () => {
      if (owned) db.close();
    },
  };
}
