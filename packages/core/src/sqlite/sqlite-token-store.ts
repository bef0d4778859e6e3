import { randomUUID } from 'node:crypto';
import type { DatabaseSync, SQLOutputValue } from 'node:sqlite';
import type { TokenSet } from '../auth/token-provider.js';
import type { StoredTokenSet, TokenStore } from '../auth/token-store.js';
import { type Clock, systemClock } from '../time/clock.js';
import { migrate } from './database.js';
import { openSqliteStore, type StoreOperations } from './guarded-store.js';
import { sqliteFailure } from './sqlite-failure.js';
import { SqliteLeases } from './sqlite-lease.js';

/** The token store's methods; `withLock` types its own lease failures (its `work` is the app's). */
const TOKEN_OPERATIONS: StoreOperations<SqliteTokenStore> = {
  load: 'load the tokens',
  compareAndSwap: 'write the tokens',
  withLock: null,
  save: 'save the tokens',
  delete: 'delete the tokens',
  close: 'close the database',
};

/** Default of {@link SqliteTokenStoreOptions.leaseMs}: 30 s, twice the 15 s an adapter gives a token call. */
const DEFAULT_LEASE_MS = 30_000;

/** The tables of the `tokens` component, one statement per version. */
const TOKEN_MIGRATIONS = [
  `CREATE TABLE smmkit_tokens (
    key TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    access_token TEXT NOT NULL,
    expires_at INTEGER,
    refresh_token TEXT,
    refresh_token_expires_at INTEGER,
    scopes TEXT,
    updated_at INTEGER NOT NULL
  ) STRICT`,
];

/** The columns a token set is written to, in the order of the statements below. */
const COLUMNS = 'access_token, expires_at, refresh_token, refresh_token_expires_at, scopes, updated_at';

/** Options of {@link sqliteTokenStore}. */
export interface SqliteTokenStoreOptions {
  /**
   * How long the lock on one account's tokens lasts unless released, in ms: how long a process
   * that died during a refresh blocks the others. Longer than your refresh call's timeout;
   * default 30 000.
   */
  readonly leaseMs?: number | undefined;
  /** How long to wait for the lock before failing with a retryable `TransientError`, in ms; default twice `leaseMs`. */
  readonly lockWaitMs?: number | undefined;
  /** Time source for leases (and the pauses while waiting for one); default the system clock. */
  readonly clock?: Clock | undefined;
}

/** A {@link TokenStore} in a SQLite file, plus what the authorization step needs. */
export interface SqliteTokenStore extends TokenStore {
  /** Runs `work` holding the lock on `key` (a lease in `smmkit_leases`); see {@link TokenStore.withLock}. */
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
  /**
   * Stores `tokens` under `key` whatever is stored there: after the user authorized (or
   * re-authorized) the account.
   */
  save(key: string, tokens: TokenSet): Promise<StoredTokenSet>;
  /** Forgets the tokens under `key` (the account was disconnected). */
  delete(key: string): Promise<void>;
  /** Closes the database when the store opened it from a path; a connection you passed stays open. */
  close(): void;
}

/**
 * Keeps account tokens in a SQLite file on Node's built-in `node:sqlite` (Node 22.13 or later;
 * nothing to build): the embedded store for processes on one machine that share accounts. Give
 * the same file to `createRefreshingTokenProvider` in every process (`store`, `key`), and one of
 * them refreshes a rotating token while the others use what it stored.
 *
 * Tokens live in the table `smmkit_tokens` (one row per key, a fresh random version on every
 * write) and locks in `smmkit_leases`, next to the other smmkit stores' tables and your own. The
 * tokens are stored as they are, not encrypted: protect the file as you would the tokens.
 *
 * @param pathOrDatabase - the file (created when missing) or an open `DatabaseSync` to share
 * @param options - lock timing and clock
 * @returns the store
 * @throws ValidationError (never retryable) when the file is not an SQLite database, is damaged,
 *   or holds token tables newer than this smmkit knows; a method fails the same way when it finds
 *   the file damaged. The message says which and the hint what to do.
 * @throws TransientError (retryable) when the file cannot be opened or set up: locked by another
 *   connection past the busy timeout, a missing directory, a full disk. Each method fails the
 *   same way, naming the store and what it could not do, with the driver's error as an
 *   unprinted `cause`; errors of the data (a damaged row's `ValidationError`) pass as they are.
 *
 * @example
 * ```ts
 * import { sqliteTokenStore } from '@smmkit/core/sqlite';
 *
 * const store = sqliteTokenStore('smm.db');
 * await store.save('x:brand', await exchangeXCode({ clientId, redirectUri, code, codeVerifier }));
 * const tokens = createRefreshingTokenProvider({ platform: 'x', store, key: 'x:brand', refresh });
 * ```
 */
export function sqliteTokenStore(
  pathOrDatabase: string | DatabaseSync,
  options: SqliteTokenStoreOptions = {},
): SqliteTokenStore {
  return openSqliteStore(pathOrDatabase, 'token store', TOKEN_OPERATIONS, (db, owned) =>
    tokenStoreOn(db, owned, options),
  );
}

/** {@link sqliteTokenStore} on an open connection, its driver failures not yet typed. */
function tokenStoreOn(db: DatabaseSync, owned: boolean, options: SqliteTokenStoreOptions): SqliteTokenStore {
  migrate(db, 'tokens', TOKEN_MIGRATIONS.length, TOKEN_MIGRATIONS);
  const clock = options.clock ?? systemClock;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const leases = new SqliteLeases(
    db,
    { leaseMs, waitMs: options.lockWaitMs ?? 2 * leaseMs, clock },
    (error) =>
      sqliteFailure(error, { store: 'token store', operation: "take the lock on the account's tokens", db }),
  );

  const select = db.prepare(`SELECT version, ${COLUMNS} FROM smmkit_tokens WHERE key = ?`);
  const insert = db.prepare(
    `INSERT INTO smmkit_tokens (key, version, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (key) DO NOTHING`,
  );
  const update = db.prepare(
    `UPDATE smmkit_tokens SET version = ?, access_token = ?, expires_at = ?, refresh_token = ?,
       refresh_token_expires_at = ?, scopes = ?, updated_at = ?
     WHERE key = ? AND version = ?`,
  );
  const upsert = db.prepare(
    `INSERT INTO smmkit_tokens (key, version, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET version = excluded.version, access_token = excluded.access_token,
       expires_at = excluded.expires_at, refresh_token = excluded.refresh_token,
       refresh_token_expires_at = excluded.refresh_token_expires_at, scopes = excluded.scopes,
       updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM smmkit_tokens WHERE key = ?');

  /** The column values of `tokens`, in the order of {@link COLUMNS}. */
  const values = (tokens: TokenSet) =>
    [
      tokens.accessToken,
      tokens.expiresAt?.getTime() ?? null,
      tokens.refreshToken ?? null,
      tokens.refreshTokenExpiresAt?.getTime() ?? null,
      tokens.scopes === undefined ? null : JSON.stringify(tokens.scopes),
      clock.now(),
    ] as const;

  return {
    load: async (key) => {
      const row = select.get(key);
      return row === undefined ? undefined : fromRow(row);
    },
    compareAndSwap: async (key, expectedVersion, next) => {
      const version = randomUUID();
      const changes = durably(db, () =>
        expectedVersion === undefined
          ? insert.run(key, version, ...values(next)).changes
          : update.run(version, ...values(next), key, expectedVersion).changes,
      );
      return Number(changes) === 1 ? { tokens: next, version } : undefined;
    },
    withLock: (key, work) => leases.run(`tokens:${key}`, work),
    save: async (key, tokens) => {
      const version = randomUUID();
      durably(db, () => upsert.run(key, version, ...values(tokens)));
      return { tokens, version };
    },
    delete: async (key) => {
      remove.run(key);
    },
    close: () => {
      if (owned) db.close();
    },
  };
}

/**
 * Runs one token write with `synchronous = FULL`: the shared connection runs at `NORMAL`, which an
 * OS crash or power loss may roll back by the last commits
 * (https://www.sqlite.org/pragma.html#pragma_synchronous), and a rolled-back token row holds the
 * refresh token the platform retired when it rotated it (X, TikTok), locking the account out.
 * Token writes are rare, so syncing each one costs nothing that matters.
 */
function durably<T>(db: DatabaseSync, write: () => T): T {
  // Inside a caller's transaction the level cannot change; its commit syncs as the caller set.
  if (db.isTransaction) return write();
  db.exec('PRAGMA synchronous = FULL');
  try {
    return write();
  } finally {
    db.exec('PRAGMA synchronous = NORMAL');
  }
}

/** The stored set of a `smmkit_tokens` row; absent columns stay absent. */
function fromRow(row: Record<string, SQLOutputValue>): StoredTokenSet {
  const date = (value: SQLOutputValue | undefined): Date | undefined =>
    typeof value === 'number' ? new Date(value) : undefined;
  const text = (value: SQLOutputValue | undefined): string | undefined =>
    typeof value === 'string' ? value : undefined;
  const expiresAt = date(row.expires_at);
  const refreshToken = text(row.refresh_token);
  const refreshTokenExpiresAt = date(row.refresh_token_expires_at);
  const scopes = text(row.scopes);
  return {
    version: String(row.version),
    tokens: {
      accessToken: String(row.access_token),
      ...(expiresAt === undefined ? {} : { expiresAt }),
      ...(refreshToken === undefined ? {} : { refreshToken }),
      ...(refreshTokenExpiresAt === undefined ? {} : { refreshTokenExpiresAt }),
      ...(scopes === undefined ? {} : { scopes: JSON.parse(scopes) as string[] }),
    },
  };
}
