import type { DatabaseSync } from 'node:sqlite';
import { openDatabase, tuneConnection } from './database.js';
import { sqliteFailure } from './sqlite-failure.js';

/**
 * For every method of a store, what it does in the words of an error after "could not"
 * (`claim due entries`), or `null` for a method that types its own driver failures (`withLock`,
 * whose `work` is the app's and must fail as it failed). Every method must be listed, so a
 * method added to a store without words does not compile.
 */
export type StoreOperations<T> = {
  readonly [K in keyof T as NonNullable<T[K]> extends (...args: never[]) => unknown ? K : never]-?:
    | string
    | null;
};

/**
 * The store with each listed method's driver failures typed ({@link sqliteFailure}): a copy of
 * `store` whose methods call the originals and turn what they throw or reject with. Other
 * properties are copied as they are.
 *
 * @param db - the store's connection
 * @param name - the store, after "The SQLite" (`schedule store`)
 * @param operations - what each method does, see {@link StoreOperations}
 * @param store - the store whose methods talk to the file
 * @returns the guarded store
 */
export function guardSqliteStore<T extends object>(
  db: DatabaseSync,
  name: string,
  operations: StoreOperations<T>,
  store: T,
): T {
  const guarded = { ...store } as Record<string, unknown>;
  for (const [method, operation] of Object.entries(operations) as [string, string | null][]) {
    const original: unknown = guarded[method];
    if (operation === null || typeof original !== 'function') continue;
    const fail = (error: unknown): unknown => sqliteFailure(error, { store: name, operation, db });
    guarded[method] = (...args: unknown[]): unknown => {
      try {
        const result: unknown = Reflect.apply(original, store, args);
        return result instanceof Promise
          ? result.catch((error: unknown) => {
              throw fail(error);
            })
          : result;
      } catch (error) {
        throw fail(error);
      }
    };
  }
  return guarded as T;
}

/**
 * Opens a store on a file or an app's connection with its driver failures typed: opening the
 * file and setting up the store (migrations, statements) fail as "could not open the database",
 * each method as {@link guardSqliteStore} says. A connection opened here is closed again when
 * setting up fails.
 *
 * @param pathOrDatabase - the file (created when missing) or an open `DatabaseSync`
 * @param name - the store, after "The SQLite" (`schedule store`)
 * @param operations - what each method does, see {@link StoreOperations}
 * @param build - sets the store up on the open connection (`owned`: opened here, so its to close)
 * @returns the guarded store
 * @throws TransientError when the file could not be opened or set up for a retryable reason;
 *   ValidationError when the file is not an SQLite database or is damaged; what `build` throws
 *   otherwise (a `ValidationError` for a file with newer tables than this smmkit knows)
 */
export function openSqliteStore<T extends object>(
  pathOrDatabase: string | DatabaseSync,
  name: string,
  operations: StoreOperations<T>,
  build: (db: DatabaseSync, owned: boolean) => T,
): T {
  const given = typeof pathOrDatabase === 'string' ? undefined : pathOrDatabase;
  let opened: { readonly db: DatabaseSync; readonly owned: boolean } | undefined;
  try {
    opened = openDatabase(pathOrDatabase);
    tuneConnection(opened.db);
    return guardSqliteStore(opened.db, name, operations, build(opened.db, opened.owned));
  } catch (error) {
    const failure = sqliteFailure(error, {
      store: name,
      operation: 'open the database',
      db: opened?.db ?? given,
    });
    if (opened?.owned === true) {
      try {
        opened.db.close();
      } catch {
        // Closed already: nothing left to release.
      }
    }
    throw failure;
  }
}
