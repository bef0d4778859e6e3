import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { ScheduleEntry } from '../models/schedule-entry.js';
import type { ScheduleStatus } from '../models/schedule-status.js';
import { applyEntryPatch } from '../scheduler/entry-patch.js';
import { idTakenError } from '../scheduler/id-taken-error.js';
import type { Outbox } from '../scheduler/outbox.js';
import {
  type ClaimedEntry,
  type EntryPatch,
  type ScheduleQuery,
  type ScheduleStore,
  SLOT_HOLDING_STATUSES,
} from '../scheduler/schedule-store.js';
import { migrate } from './database.js';
import { entryFromJson, entryToJson, type StoredEntry } from './entry-json.js';
import { openSqliteStore, type StoreOperations } from './guarded-store.js';
import { SCHEDULER_MIGRATIONS } from './schedule-tables.js';
import { sqliteOutbox } from './sqlite-outbox.js';
import { writeTransaction } from './write-transaction.js';

/** The publisher's outbox, part of the schedule store. */
const OUTBOX_OPERATIONS: StoreOperations<Outbox> = {
  begin: 'record the intent to publish in the outbox',
  retry: 'reopen the failed outbox record',
  settle: 'settle the outbox record',
  record: 'read the outbox record',
  unresolved: 'list the unresolved outbox records',
};

/** The schedule store's methods, its outbox's included. */
const SCHEDULE_OPERATIONS: StoreOperations<SqliteScheduleStore> = {
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
  close: 'close the database',
};

/** A {@link ScheduleStore} in a SQLite file. */
export interface SqliteScheduleStore extends ScheduleStore {
  /** Closes the database when the store opened it from a path; a connection you passed stays open. */
  close(): Promise<void>;
}

/**
 * Keeps schedule entries and the publisher's outbox in a SQLite file on Node's built-in
 * `node:sqlite` (Node 22.13 or later; nothing to build): the embedded default store. Every
 * process that opens the same file shares one schedule: claims are atomic across them (each
 * `claimDue` is one `BEGIN IMMEDIATE` transaction), so two workers never publish one entry, and
 * queue slots are claimed the same way (`addIfSlotsFree`, `transitionIfSlotFree`), so two
 * processes planning `'next-slot'` for one account never take one slot; and what a process
 * recorded survives its crash.
 *
 * Entries live in `smmkit_schedule_entries` as JSON, with the columns queries use beside it
 * (state, publish time, lease, series) and their accounts in `smmkit_schedule_targets`; the
 * outbox lives in `smmkit_outbox`. The tables sit next to the other smmkit stores' tables and
 * your own, and are created or migrated when the store opens (component `scheduler` in
 * `smmkit_schema`). Each entry is read back through the schedule entry schema.
 *
 * A scheduled post may be published days later by another process, so media must be where that
 * process can read them: entries whose media have a `bytes` or `stream` source are refused with
 * a `ValidationError` (use a `url` or `file` source), as is any other value JSON cannot keep.
 *
 * @param pathOrDatabase - the file (created when missing) or an open `DatabaseSync` to share
 * @returns the store
 * @throws ValidationError (never retryable) when the file is not an SQLite database, is damaged,
 *   or holds scheduler tables newer than this smmkit knows; a method fails the same way when it finds
 *   the file damaged. The message says which and the hint what to do.
 * @throws TransientError (retryable) when the file cannot be opened or set up: locked by another
 *   connection past the busy timeout, a missing directory, a full disk. Each method fails the
 *   same way, naming the store and what it could not do, with the driver's error as an
 *   unprinted `cause`; errors of the data (a damaged row's `ValidationError`) pass as they are.
 *
 * @example
 * ```ts
 * import { sqliteScheduleStore } from '@smmkit/core/sqlite';
 *
 * const store = sqliteScheduleStore('smm.db');
 * const claimed = await store.claimDue({ now: new Date(), limit: 10, worker: 'worker-1', leaseMs: 60_000 });
 * ```
 */
export function sqliteScheduleStore(pathOrDatabase: string | DatabaseSync): SqliteScheduleStore {
  return openSqliteStore(pathOrDatabase, 'schedule store', SCHEDULE_OPERATIONS, scheduleStoreOn);
}

/** {@link sqliteScheduleStore} on an open connection, its driver failures not yet typed. */
function scheduleStoreOn(db: DatabaseSync, owned: boolean): SqliteScheduleStore {
  migrate(db, 'scheduler', SCHEDULER_MIGRATIONS.length, SCHEDULER_MIGRATIONS);

  const insert = db.prepare(
    `INSERT INTO smmkit_schedule_entries (id, status, publish_at, series_id, json) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  );
  const insertTarget = db.prepare(
    'INSERT OR IGNORE INTO smmkit_schedule_targets (platform, account_id, entry_id) VALUES (?, ?, ?)',
  );
  const exists = db.prepare('SELECT 1 FROM smmkit_schedule_entries WHERE id = ?');
  // Whether an entry (other than one id) in a slot-holding state has a target on
  // (platform, account) at an instant.
  const slotHeld = db.prepare(
    `SELECT 1 FROM smmkit_schedule_targets t JOIN smmkit_schedule_entries e ON e.id = t.entry_id
     WHERE t.platform = ? AND t.account_id = ? AND e.publish_at = ?
       AND e.status IN (SELECT value FROM json_each(?)) AND e.id <> ? LIMIT 1`,
  );
  const holding = JSON.stringify(SLOT_HOLDING_STATUSES);
  const deleteTargets = db.prepare('DELETE FROM smmkit_schedule_targets WHERE entry_id = ?');
  const select = db.prepare('SELECT json, lease_holder FROM smmkit_schedule_entries WHERE id = ?');
  const update = db.prepare(
    `UPDATE smmkit_schedule_entries SET status = ?, publish_at = ?, series_id = ?, json = ?,
       lease_holder = NULL, lease_until = NULL
     WHERE id = ?`,
  );
  // The two kinds of due entries, each read oldest first through smmkit_schedule_entries_due.
  const dueScheduled = db.prepare(
    `SELECT id, publish_at, json FROM smmkit_schedule_entries
     WHERE status = 'scheduled' AND publish_at <= ? ORDER BY publish_at, id LIMIT ?`,
  );
  const dueRecovered = db.prepare(
    `SELECT id, publish_at, json FROM smmkit_schedule_entries
     WHERE status = 'publishing' AND (lease_until IS NULL OR lease_until <= ?) ORDER BY publish_at, id LIMIT ?`,
  );
  const lease = db.prepare(
    `UPDATE smmkit_schedule_entries SET status = 'publishing', lease_holder = ?, lease_until = ?, json = ?
     WHERE id = ?`,
  );
  const renew = db.prepare(
    'UPDATE smmkit_schedule_entries SET lease_until = ? WHERE id = ? AND lease_holder = ?',
  );
  const listStatements = new Map<string, StatementSync>();

  /** Writes an entry's row (an existing one is overwritten, its lease dropped) and its targets. */
  const write = ({ entry, json }: StoredEntry, isNew: boolean): boolean => {
    const values = [entry.status, entry.publishAt.getTime(), entry.seriesId ?? null, json] as const;
    if (isNew) {
      if (Number(insert.run(entry.id, ...values).changes) === 0) return false;
    } else {
      update.run(...values, entry.id);
      deleteTargets.run(entry.id);
    }
    for (const target of entry.targets) insertTarget.run(target.platform, target.accountId, entry.id);
    return true;
  };

  /** The stored entry `id` and its lease holder, if there is one. */
  const read = (id: string): { entry: ScheduleEntry; leaseHolder: string | null } | undefined => {
    const row = select.get(id);
    if (row === undefined) return undefined;
    return {
      entry: entryFromJson(String(row.json)),
      leaseHolder: typeof row.lease_holder === 'string' ? row.lease_holder : null,
    };
  };

  /** Entry `id` with `patch` applied, when a transition from one of `from` may change it (no worker holds it). */
  const patched = (
    id: string,
    from: readonly ScheduleStatus[],
    patch: EntryPatch,
    at: Date,
  ): StoredEntry | undefined => {
    const current = read(id);
    if (current === undefined || current.leaseHolder !== null || !from.includes(current.entry.status)) {
      return undefined;
    }
    return entryToJson(applyEntryPatch(current.entry, patch, at));
  };

  return {
    ...sqliteOutbox(db),
    add: async (entries) => {
      const stored = entries.map(entryToJson);
      writeTransaction(db, () => {
        const taken = stored.flatMap((item, index) =>
          write(item, true) ? [] : [{ index, id: item.entry.id }],
        );
        // Throwing rolls back the whole call: an add is all or nothing.
        if (taken.length > 0) throw idTakenError(taken);
      });
    },
    addIfSlotsFree: async (entries) => {
      const stored = entries.map(entryToJson);
      // One BEGIN IMMEDIATE transaction: no other connection writes between the check and the insert.
      return writeTransaction(db, () => {
        const seen = new Set<string>();
        const taken = stored.flatMap(({ entry: { id } }, index) => {
          const isTaken = seen.has(id) || exists.get(id) !== undefined;
          seen.add(id);
          return isTaken ? [{ index, id }] : [];
        });
        if (taken.length > 0) throw idTakenError(taken);
        const claimed = new Set<string>();
        const refused = stored.flatMap(({ entry }, index) => {
          const at = entry.publishAt.getTime();
          const keys = new Map(
            entry.targets.map(({ platform, accountId }) => [
              JSON.stringify([platform, accountId, at]),
              [platform, accountId] as const,
            ]),
          );
          const isHeld = [...keys].some(
            ([key, [platform, accountId]]) =>
              claimed.has(key) || slotHeld.get(platform, accountId, at, holding, entry.id) !== undefined,
          );
          for (const key of keys.keys()) claimed.add(key);
          return isHeld ? [index] : [];
        });
        if (refused.length === 0) for (const item of stored) write(item, true);
        return refused;
      });
    },
    addIfAbsent: async (entry) => {
      const stored = entryToJson(entry);
      return writeTransaction(db, () => write(stored, true));
    },
    get: async (id) => read(id)?.entry,
    list: async (query = {}) => {
      const { sql, params } = listQuery(query);
      let statement = listStatements.get(sql);
      if (statement === undefined) {
        statement = db.prepare(sql);
        listStatements.set(sql, statement);
      }
      return statement.all(...params).map((row) => entryFromJson(String(row.json)));
    },
    transition: async (id, from, patch, at) =>
      writeTransaction(db, () => {
        const stored = patched(id, from, patch, at);
        if (stored === undefined) return undefined;
        write(stored, false);
        return stored.entry;
      }),
    transitionIfSlotFree: async (id, from, patch, at) =>
      writeTransaction(db, () => {
        const stored = patched(id, from, patch, at);
        if (stored === undefined) return undefined;
        const { targets, publishAt } = stored.entry;
        const held = targets.some(
          ({ platform, accountId }) =>
            slotHeld.get(platform, accountId, publishAt.getTime(), holding, id) !== undefined,
        );
        if (held) return 'slot-taken';
        write(stored, false);
        return stored.entry;
      }),
    claimDue: async ({ now, dueBy, limit, worker, leaseMs }) =>
      writeTransaction(db, () => {
        const at = now.getTime();
        const count = Math.max(0, Math.floor(limit));
        const due = [
          ...dueScheduled.all((dueBy ?? now).getTime(), count).map((row) => ({ row, recovered: false })),
          ...dueRecovered.all(at, count).map((row) => ({ row, recovered: true })),
        ]
          .sort(
            (a, b) =>
              Number(a.row.publish_at) - Number(b.row.publish_at) ||
              (String(a.row.id) < String(b.row.id) ? -1 : 1),
          )
          .slice(0, count);
        const leaseUntil = at + leaseMs;
        return due.map(({ row, recovered }): ClaimedEntry => {
          const stored = entryFromJson(String(row.json));
          const entry: ScheduleEntry = {
            ...stored,
            status: 'publishing',
            attempts: stored.attempts + 1,
            updatedAt: new Date(at),
          };
          lease.run(worker, leaseUntil, JSON.stringify(entry), entry.id);
          return { entry, leaseUntil: new Date(leaseUntil), recovered };
        });
      }),
    renewLease: async (id, worker, until) => Number(renew.run(until.getTime(), id, worker).changes) === 1,
    complete: async (id, worker, patch, at) =>
      writeTransaction(db, () => {
        const current = read(id);
        if (current === undefined || current.leaseHolder !== worker) return false;
        write(entryToJson(applyEntryPatch(current.entry, patch, at)), false);
        return true;
      }),
    close: async () => {
      if (owned) db.close();
    },
  };
}

/** The SQL of a {@link ScheduleQuery} and its parameters; lists of values go in as one JSON parameter. */
function listQuery(query: ScheduleQuery): { sql: string; params: SQLInputValue[] } {
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  if (query.from !== undefined) {
    where.push('publish_at >= ?');
    params.push(query.from.getTime());
  }
  if (query.to !== undefined) {
    where.push('publish_at < ?');
    params.push(query.to.getTime());
  }
  if (query.statuses !== undefined) {
    where.push('status IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(query.statuses));
  }
  if (query.seriesId !== undefined) {
    where.push('series_id = ?');
    params.push(query.seriesId);
  }
  if (query.accounts !== undefined) {
    where.push(
      `id IN (SELECT entry_id FROM smmkit_schedule_targets WHERE (platform, account_id) IN
        (SELECT value ->> 'platform', value ->> 'accountId' FROM json_each(?)))`,
    );
    params.push(JSON.stringify(query.accounts.map(({ platform, accountId }) => ({ platform, accountId }))));
  }
  let sql = `SELECT json FROM smmkit_schedule_entries${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY publish_at, id`;
  if (query.limit !== undefined) {
    sql += ' LIMIT ?';
    params.push(Math.max(0, Math.floor(query.limit)));
  }
  return { sql, params };
}
