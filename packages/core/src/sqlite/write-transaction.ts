import type { DatabaseSync } from 'node:sqlite';

/**
 * Runs `work` in one write transaction and commits it, or rolls it back when `work` throws.
 * `BEGIN IMMEDIATE` takes the file's write lock before the first read, so what `work` reads
 * cannot change before it writes: other connections, in this process or another, wait (the busy
 * timeout) instead of interleaving (https://www.sqlite.org/lang_transaction.html). Inside a
 * transaction the app opened on its own connection, a savepoint nests in it instead.
 *
 * `work` must be synchronous: nothing else may run on the connection while the transaction is open.
 *
 * @param db - the connection
 * @param work - the reads and writes
 * @returns what `work` returned
 */
export function writeTransaction<T>(db: DatabaseSync, work: () => T): T {
  const nested = db.isTransaction;
  db.exec(nested ? 'SAVEPOINT smmkit_write' : 'BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec(nested ? 'RELEASE smmkit_write' : 'COMMIT');
    return result;
  } catch (error) {
    rollBack(db, nested ? 'ROLLBACK TO smmkit_write; RELEASE smmkit_write' : 'ROLLBACK');
    throw error;
  }
}

/**
 * Rolls back what a failed transaction wrote, unless SQLite did already: after some errors
 * (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY, SQLITE_NOMEM) it rolls the whole transaction back by
 * itself (https://www.sqlite.org/c3ref/get_autocommit.html,
 * https://www.sqlite.org/lang_transaction.html#response_to_errors_within_a_transaction), and a
 * second ROLLBACK would fail ("no transaction is active") and hide the error that says why.
 *
 * @param db - the connection
 * @param statement - the SQL that rolls the transaction (or savepoint) back
 */
export function rollBack(db: DatabaseSync, statement: string): void {
  if (db.isTransaction) db.exec(statement);
}
