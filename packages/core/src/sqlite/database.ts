import { closeSync, openSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import type { ValidationError } from '../errors/validation-error.js';
import { quotedFileOf, unusableFile } from './unusable-file.js';
import { rollBack } from './write-transaction.js';

/** How long a statement waits for another process's write to finish before failing, in ms. */
const BUSY_TIMEOUT_MS = 5_000;

/** A database and whether smmkit opened it (and so closes it). */
export interface OpenedDatabase {
  /** The connection. */
  readonly db: DatabaseSync;
  /** True when smmkit opened it from a path; false for a connection the app passed in. */
  readonly owned: boolean;
}

/**
 * Opens the SQLite file every smmkit store shares (tokens now; schedules, the outbox and cursors
 * later), or takes the app's own connection to it. Each store keeps its own tables, all named
 * `smmkit_*`, so they live side by side with each other and with the app's tables.
 *
 * The file holds access and refresh tokens in plain text, so a new one is created readable by
 * its owner only (0600; SQLite gives its `-wal` and `-shm` files the same mode). An existing
 * file keeps its mode.
 *
 * Nothing is read from the file yet (SQLite reads it at the first statement): set the connection
 * up with {@link tuneConnection}, and close an owned one when that fails.
 *
 * @param pathOrDatabase - a file path (created when missing) or an open `DatabaseSync`
 * @returns the connection and whether it is ours to close
 */
export function openDatabase(pathOrDatabase: string | DatabaseSync): OpenedDatabase {
  const owned = typeof pathOrDatabase === 'string';
  if (typeof pathOrDatabase === 'string') createOwnerOnly(pathOrDatabase);
  const db = typeof pathOrDatabase === 'string' ? new DatabaseSync(pathOrDatabase) : pathOrDatabase;
  return { db, owned };
}

/**
 * Sets a connection up for a file several processes use at once: write-ahead logging lets readers
 * go on while one writes, and a busy timeout makes a writer wait for another instead of failing
 * at once (https://www.sqlite.org/wal.html, https://www.sqlite.org/pragma.html#pragma_busy_timeout).
 * The first statements that read the file, so the first to fail on one that is not a database
 * (SQLITE_NOTADB) or is damaged (SQLITE_CORRUPT).
 *
 * @param db - the connection {@link openDatabase} gave
 */
export function tuneConnection(db: DatabaseSync): void {
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // In-memory databases answer `memory` and stay as they are; files switch for good.
  db.exec('PRAGMA journal_mode = WAL');
  // With WAL, NORMAL syncs at checkpoints instead of at every commit: still safe against a crashed
  // or killed process (a commit is in the WAL file once COMMIT returns) and never corrupts the
  // file; only an OS crash or power loss can undo the last commits
  // (https://www.sqlite.org/pragma.html#pragma_synchronous). It makes a scheduler's small
  // writes (claims, completions) several times faster.
  db.exec('PRAGMA synchronous = NORMAL');
}

/**
 * Creates the file at `path` with mode 0600 unless it exists (the umask can only take bits away):
 * `wx` creates it and fails on one that exists, so an existing file is never truncated
 * (https://nodejs.org/api/fs.html#file-system-flags). An in-memory database (`:memory:`, `''`)
 * or a `file:` URI is left to SQLite, and so is a path that cannot be created here: SQLite's own
 * open then says why.
 */
function createOwnerOnly(path: string): void {
  if (path === '' || path === ':memory:' || path.startsWith('file:')) return;
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch {
    // It exists (its mode stays), or SQLite's open below fails with the reason.
  }
}

/**
 * Brings one store's tables up to `version`, once per file: each store (`tokens`, later
 * `scheduler`) records the version of its own tables in `smmkit_schema`, so stores of different
 * releases can share a file and each migrates only what it owns. Runs in one write transaction,
 * so processes opening a new file at the same time create the tables once.
 *
 * @param db - the connection
 * @param component - the store's name in `smmkit_schema`
 * @param version - the version of its tables this code reads and writes
 * @param migrations - the DDL that takes the tables from version `index` to `index + 1`
 * @throws ValidationError (never retryable) when the file holds a newer version of the tables
 *   than this code knows: a newer smmkit wrote it, and this one must not read or change its tables
 */
export function migrate(
  db: DatabaseSync,
  component: string,
  version: number,
  migrations: readonly string[],
): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(
      'CREATE TABLE IF NOT EXISTS smmkit_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL) STRICT',
    );
    const row = db.prepare('SELECT version FROM smmkit_schema WHERE component = ?').get(component);
    const current = typeof row?.version === 'number' ? row.version : 0;
    if (current > version) throw newerTables(db, component, current, version);
    for (const step of migrations.slice(current, version)) db.exec(step);
    db.prepare(
      'INSERT INTO smmkit_schema (component, version) VALUES (?, ?) ON CONFLICT (component) DO UPDATE SET version = excluded.version',
    ).run(component, version);
    db.exec('COMMIT');
  } catch (error) {
    rollBack(db, 'ROLLBACK');
    throw error;
  }
}

/** The error for a file whose `component` tables a newer smmkit wrote (`current` above `known`). */
function newerTables(db: DatabaseSync, component: string, current: number, known: number): ValidationError {
  const file = quotedFileOf(db);
  return unusableFile(
    `The ${component} tables of the SQLite file${file === undefined ? '' : ` ${file}`} are at version ${current}, newer than this smmkit knows (${known}): a newer smmkit release wrote them.`,
    {
      rule: 'sqlite.newer_tables',
      hint: 'Upgrade @smmkit/core in this app (and in every process that shares the file) to the release that wrote the file or a later one, or point the store at another file. Nothing in the file was changed.',
    },
  );
}
