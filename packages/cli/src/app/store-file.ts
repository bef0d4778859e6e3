import { closeSync, openSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { ValidationError } from '@smmkit/core';
import type { SmmkitStore } from '@smmkit/core/app';
import { sqliteStore } from '@smmkit/core/sqlite';
import { fileErrorReason } from './file-error.js';

/**
 * The table a simulation writes into a store file it creates. A simulation uses no file without
 * it (a real store's tokens, accounts and schedule would be overwritten by simulated ones), and a
 * real run uses no file with it (its schedule targets simulated accounts).
 */
const SIMULATION_MARK = 'smmkit_cli_simulation';

/** What a store file is for. */
export interface StoreFileOptions {
  /** A simulation's store, or the platforms' (real tokens). */
  readonly kind: 'simulation' | 'real';
  /**
   * Take an existing file without the simulation's mark as a simulation's: the CLI's own default
   * simulation file in the temporary folder, which versions before the mark left unmarked.
   */
  readonly adoptUnmarked?: boolean | undefined;
}

/**
 * Opens the SQLite store at `path`, creating the file first readable and writable by its owner
 * only (0600): it holds access and refresh tokens in plain text. SQLite's Unix VFS gives the
 * `-wal` and `-shm` files it creates beside it the database file's permissions
 * (`findCreateFileMode` and `unixOpenSharedMemory` in https://sqlite.org/src/file/src/os_unix.c).
 * A file that already exists keeps its mode.
 *
 * @param path - an absolute path
 * @param options - whether a simulation or a real run opens it
 * @returns the store
 * @throws ValidationError (path `store`) when the file cannot be created or opened, is not a
 *   SQLite file, or belongs to the other kind of run
 */
export function openStoreFile(path: string, options: StoreFileOptions): SmmkitStore {
  createOwnerOnly(path);
  checkKind(path, options);
  try {
    return sqliteStore(path);
  } catch (error) {
    // Core's refusal of the file (damaged, not a database, a newer release's tables) says what to
    // do in its hint: keep it, with its own sentences rather than its nested message.
    if (ValidationError.isInstance(error)) {
      const why = error.problems.map((problem) => problem.message).join(' ');
      throw storeProblem(
        'store.open',
        `cannot open ${path} as a smmkit store: ${why} ${error.hint}`,
        error.hint,
      );
    }
    throw storeProblem('store.open', `cannot open ${path} as a smmkit store (${reason(error)})`);
  }
}

/** Creates `path` with mode 0600 unless it exists (the umask can only take bits away). */
function createOwnerOnly(path: string): void {
  try {
    // `wx`: create, and fail if it exists, so an existing file is never truncated
    // (https://nodejs.org/api/fs.html#file-system-flags).
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw storeProblem('store.path', `cannot create the store ${path}: ${fileErrorReason(error)}`);
  }
}

/** Refuses a file made by the other kind of run; marks a new (empty) simulation file. */
function checkKind(path: string, options: StoreFileOptions): void {
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path);
  } catch (error) {
    throw storeProblem('store.open', `cannot open ${path} (${reason(error)})`);
  }
  try {
    let tables: string[];
    try {
      tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((row) => String(row.name));
    } catch (error) {
      throw storeProblem('store.open', `cannot read ${path} as a SQLite file (${reason(error)})`);
    }
    const marked = tables.includes(SIMULATION_MARK);
    if (options.kind === 'real') {
      if (marked) {
        throw storeProblem(
          'store.simulation',
          `${path} was made by a simulation (--simulate): its accounts and schedule are simulated ones. Give the config another store.`,
        );
      }
      return;
    }
    if (marked) return;
    if (tables.length > 0 && options.adoptUnmarked !== true) {
      throw storeProblem(
        'store.not_simulation',
        `--simulate does not use ${path}: a real run made it, and a simulation would overwrite its tokens, accounts and schedule. Leave --store out (the simulation keeps its own file) or name a new file.`,
      );
    }
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${SIMULATION_MARK} (created_at TEXT NOT NULL);
       INSERT INTO ${SIMULATION_MARK} (created_at) SELECT datetime('now') WHERE NOT EXISTS (SELECT 1 FROM ${SIMULATION_MARK});`,
    );
  } finally {
    db.close();
  }
}

/**
 * A store path problem, as the CLI reports usage errors (exit 2) and the MCP server reports
 * config errors.
 */
export function storeProblem(rule: string, message: string, hint?: string): ValidationError {
  return new ValidationError(
    [{ path: ['store'], rule, message }],
    'store',
    hint === undefined ? {} : { hint },
  );
}

/** A SQLite error's own words (`file is not a database`). */
function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
