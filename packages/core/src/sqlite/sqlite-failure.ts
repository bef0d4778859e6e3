import type { DatabaseSync } from 'node:sqlite';
import { SmmkitError } from '../errors/smmkit-error.js';
import { TransientError } from '../errors/transient-error.js';
import { withUnprintedCause } from '../security/callback-error.js';
import { quotedFileOf, type UnusableFileReason, unusableFile } from './unusable-file.js';

/** Which call failed, in the words an error names it with. */
export interface SqliteCall {
  /** The store, after "The SQLite": `schedule store`. */
  readonly store: string;
  /** What it could not do, after "could not": `claim due entries`. */
  readonly operation: string;
  /** The connection, to read its busy timeout from; absent when it never opened. */
  readonly db?: DatabaseSync | undefined;
}

/** A driver failure in words: what happened (for the message) and what to do (the hint). */
interface Described {
  readonly what: string;
  readonly hint: string;
}

/** Where the file and its `-wal` and `-shm` companions live, for the hints that send the reader there. */
const CHECK_FILE = 'the database file, its directory and its -wal and -shm files';

/**
 * The failures of the file or the machine, by primary result code: the low 8 bits of the
 * extended code node:sqlite puts in `errcode` (https://www.sqlite.org/rescode.html). Each can pass
 * when the cause goes away, so each is retryable. Codes that mean the SQL or the data is wrong
 * (SQLITE_ERROR, SQLITE_CONSTRAINT, SQLITE_MISMATCH, …) are left out: they are bugs, and retrying
 * would hide them. A damaged file or one that is not a database is in {@link DAMAGE}.
 */
const DRIVER_FAILURES: ReadonlyMap<number, (wait: string) => Described> = new Map<
  number,
  (wait: string) => Described
>([
  [
    3,
    () => ({
      what: 'the operating system denied access to the database file (SQLITE_PERM)',
      hint: `Give this process access to ${CHECK_FILE}, then try again.`,
    }),
  ],
  [
    5,
    (wait) => ({
      what: `the database is locked by another connection (SQLITE_BUSY) after waiting ${wait}`,
      hint: 'Nothing was changed: try again. If it keeps happening, another connection holds a long write transaction on the file; end it, or raise the busy timeout of the connection you pass (PRAGMA busy_timeout).',
    }),
  ],
  [
    6,
    () => ({
      what: 'a table is locked by another statement on the same connection (SQLITE_LOCKED)',
      hint: 'Nothing was changed: try again once the other statement on this connection has finished.',
    }),
  ],
  [
    7,
    () => ({
      what: 'SQLite ran out of memory (SQLITE_NOMEM)',
      hint: 'Free memory on this machine, then try again.',
    }),
  ],
  [
    8,
    () => ({
      what: 'the database file is read-only (SQLITE_READONLY)',
      hint: `Make ${CHECK_FILE} writable by this process (or open the store again if the file was replaced while open), then try again.`,
    }),
  ],
  [
    10,
    () => ({
      what: 'the operating system reported an I/O error on the database file (SQLITE_IOERR)',
      hint: `Check the disk and file system that hold ${CHECK_FILE} (network file systems break SQLite's locks), then try again.`,
    }),
  ],
  [
    13,
    () => ({
      what: 'the disk is full (SQLITE_FULL)',
      hint: `Free space on the disk that holds ${CHECK_FILE}, then try again: the failed write was rolled back.`,
    }),
  ],
  [
    14,
    () => ({
      what: 'the database file could not be opened (SQLITE_CANTOPEN)',
      hint: `Check that the path's directory exists and that this process may create and open ${CHECK_FILE}, then try again.`,
    }),
  ],
  [
    15,
    () => ({
      what: "the file's locks stayed contended (SQLITE_PROTOCOL)",
      hint: 'Nothing was changed: try again.',
    }),
  ],
]);

/** What a damaged file or one that is no database says, with the words for it. */
interface Damage extends UnusableFileReason {
  readonly what: string;
}

/**
 * The files smmkit cannot use, by primary result code (https://www.sqlite.org/rescode.html): no
 * retry can heal them, so each is a `ValidationError` (never retryable) whose hint sends a person
 * to the file. `file` is the quoted path, or `undefined` when the connection cannot say it.
 */
const DAMAGE: ReadonlyMap<number, (file: string | undefined) => Damage> = new Map<
  number,
  (file: string | undefined) => Damage
>([
  [
    // SQLITE_CORRUPT: https://www.sqlite.org/rescode.html#corrupt
    11,
    (file) => ({
      rule: 'sqlite.damaged',
      what: `the database file${file === undefined ? '' : ` ${file}`} is damaged (SQLITE_CORRUPT)`,
      // https://www.sqlite.org/pragma.html#pragma_integrity_check, https://www.sqlite.org/recovery.html
      hint: `Trying again fails the same way. Stop the processes that use the file, then restore it from a backup, or check it with \`sqlite3 ${file ?? '<file>'} 'PRAGMA integrity_check'\` and recover what is left with \`sqlite3 ${file ?? '<file>'} .recover\` (https://www.sqlite.org/recovery.html).`,
    }),
  ],
  [
    // SQLITE_NOTADB: https://www.sqlite.org/rescode.html#notadb
    26,
    (file) => ({
      rule: 'sqlite.not_a_database',
      what: `the file${file === undefined ? '' : ` ${file}`} is not an SQLite database (SQLITE_NOTADB)`,
      hint: "Check the path: point the store at smmkit's database file, or at a path where no file exists yet to start a new one. The file was not changed.",
    }),
  ],
]);

/**
 * What a store's caller sees when a call on the SQLite file fails. A failure of the file or the
 * machine (locked past the busy timeout, disk full, I/O error) becomes a
 * retryable `TransientError` naming the store and the operation, with the driver's error kept as
 * a `cause` that `util.inspect` does not print (a driver message may quote what a row held).
 * A file that is damaged or not a database at all becomes a `ValidationError` (never retryable)
 * that says so and what to do, with the driver's error kept the same way and nothing of the
 * file's content in its words. Anything else passes unchanged: a smmkit error the store chose (a
 * `ValidationError` for a damaged row), and errors that mean a bug (SQL the file cannot run, a broken constraint, a call
 * on a closed connection, which no retry can heal: node:sqlite's `ERR_INVALID_STATE`, which holds
 * nothing of the data), so they are never mistaken for something to retry.
 *
 * @param error - what the call threw
 * @param call - the store, the operation and the connection
 * @returns the error to throw
 *
 * @example
 * ```ts
 * try {
 *   return claim();
 * } catch (error) {
 *   throw sqliteFailure(error, { store: 'schedule store', operation: 'claim due entries', db });
 * }
 * ```
 */
export function sqliteFailure(error: unknown, call: SqliteCall): unknown {
  if (SmmkitError.isInstance(error) || !(error instanceof Error)) return error;
  const primary = primaryCode(error);
  if (primary === undefined) return error;
  const failed = `The SQLite ${call.store} could not ${call.operation}`;
  const damage = DAMAGE.get(primary)?.(quotedFileOf(call.db));
  if (damage !== undefined) return unusableFile(`${failed}: ${damage.what}.`, damage, error);
  const described = DRIVER_FAILURES.get(primary)?.(busyWait(call.db));
  if (described === undefined) return error;
  return withUnprintedCause(
    new TransientError('transient', `${failed}: ${described.what}.`, { hint: described.hint, cause: error }),
  );
}

/** The primary result code of a driver failure, or `undefined` when `error` is not one. */
function primaryCode(error: Error): number | undefined {
  const { code, errcode } = error as { code?: unknown; errcode?: unknown };
  if (code !== 'ERR_SQLITE_ERROR' || typeof errcode !== 'number') return undefined;
  // The primary code is the extended code's low byte.
  return errcode & 0xff;
}

/** The connection's busy timeout in words (`5 s`), read back from it: the app may have changed it. */
function busyWait(db: DatabaseSync | undefined): string {
  let ms: unknown;
  try {
    ms = db?.prepare('PRAGMA busy_timeout').get()?.timeout;
  } catch {
    // A connection that cannot answer (closed meanwhile) still gets its failure described.
  }
  if (typeof ms !== 'number') return 'its busy timeout';
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
