import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { TransientError } from '../../src/errors/transient-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { ScheduleEntry } from '../../src/models/schedule-entry.js';
import { parseScheduleEntry } from '../../src/parse/parse-models.js';
import {
  sqliteAccountStore,
  sqliteInboxStore,
  sqliteMetricsStore,
  sqliteScheduleStore,
  sqliteTokenStore,
} from '../../src/sqlite/index.js';

const dir = mkdtempSync(join(tmpdir(), 'smmkit-sqlite-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = (): string => {
  files += 1;
  return join(dir, `smm-${files}.db`);
};

const SECRET = 'access-secret-7f3a';
const REFRESH_SECRET = 'refresh-secret-9c1d';
const at = new Date('2026-05-01T07:00:00Z');

const entry = (id: string, text = `Post ${id}`): ScheduleEntry =>
  parseScheduleEntry({
    id,
    post: { text },
    targets: [{ platform: 'x', accountId: '2244994945' }],
    publishAt: '2026-05-01T07:00:00Z',
    timeZone: 'Europe/Berlin',
    status: 'scheduled',
    attempts: 0,
    createdAt: '2026-04-01T00:00:00Z',
    updatedAt: '2026-04-01T00:00:00Z',
  });

/**
 * A store on the app's own connection to a new file, and a second connection to the file (another
 * process's). The app's connection waits for no lock (`busy_timeout = 0`, set after the store set
 * its own), so a write the other connection holds up fails at once instead of after 5 s.
 */
function onLockableFile<S>(open: (db: DatabaseSync) => S): {
  store: S;
  db: DatabaseSync;
  other: DatabaseSync;
} {
  const file = newFile();
  const db = new DatabaseSync(file);
  const store = open(db);
  db.exec('PRAGMA busy_timeout = 0');
  return { store, db, other: new DatabaseSync(file) };
}

/** What `promise` rejected with, failing the test when it resolved. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the call resolved'),
    (error: unknown) => error,
  );
}

/** The driver's error kept as `cause`, for the checks on its code. */
const causeOf = (error: unknown): { errcode?: unknown; code?: unknown } =>
  (error as { cause?: { errcode?: unknown; code?: unknown } }).cause ?? {};

describe('SQLite stores: a file locked past the busy timeout', () => {
  const calls = [
    {
      name: 'schedule store',
      operation: 'claim due entries',
      open: sqliteScheduleStore,
      call: (store: ReturnType<typeof sqliteScheduleStore>) =>
        store.claimDue({ now: at, limit: 10, worker: 'worker-1', leaseMs: 60_000 }),
    },
    {
      name: 'schedule store',
      operation: 'record the intent to publish in the outbox',
      open: sqliteScheduleStore,
      call: (store: ReturnType<typeof sqliteScheduleStore>) =>
        store.begin({ key: 'k1', platform: 'x', accountId: '2244994945', startedAt: at }),
    },
    {
      name: 'inbox store',
      operation: 'mark the ids as seen',
      open: sqliteInboxStore,
      call: (store: ReturnType<typeof sqliteInboxStore>) => store.markSeenIds('webhook:x', ['1'], at),
    },
    {
      name: 'account store',
      operation: 'disconnect the account',
      open: sqliteAccountStore,
      call: (store: ReturnType<typeof sqliteAccountStore>) => store.disconnect('brand-x'),
    },
    {
      name: 'metrics store',
      operation: 'record the published posts',
      open: sqliteMetricsStore,
      call: (store: ReturnType<typeof sqliteMetricsStore>) =>
        store.recordPosts([{ platform: 'x', accountId: '2244994945', platformPostId: '1', publishedAt: at }]),
    },
  ] as const;

  it.each(calls)(
    'the $name fails to $operation as a retryable TransientError naming both, and works once the lock is gone',
    async ({ name, operation, open, call }) => {
      const { store, db, other } = onLockableFile((db) => open(db));
      other.exec('BEGIN EXCLUSIVE');
      const error = await rejection((call as (store: unknown) => Promise<unknown>)(store));
      expect(TransientError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        code: 'transient',
        retryable: true,
        message: `The SQLite ${name} could not ${operation}: the database is locked by another connection (SQLITE_BUSY) after waiting 0 ms.`,
        hint: expect.stringContaining('Nothing was changed: try again.'),
      });
      expect(causeOf(error).errcode).toBe(5);

      other.exec('ROLLBACK');
      await (call as (store: unknown) => Promise<unknown>)(store);
      other.close();
      db.close();
    },
  );

  it('says what the token store could not do without a token in the message, the JSON or the printed error', async () => {
    const { store, db, other } = onLockableFile((db) => sqliteTokenStore(db));
    other.exec('BEGIN EXCLUSIVE');
    const error = await rejection(
      store.save('x:brand', { accessToken: SECRET, refreshToken: REFRESH_SECRET }),
    );
    expect(TransientError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'The SQLite token store could not save the tokens: the database is locked by another connection (SQLITE_BUSY) after waiting 0 ms.',
    );
    for (const printed of [(error as Error).message, JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(printed).not.toContain(SECRET);
      expect(printed).not.toContain(REFRESH_SECRET);
    }
    expect(inspect(error)).toContain('not shown');
    other.exec('ROLLBACK');
    other.close();
    db.close();
  });

  it("fails taking the token store's lock as a TransientError, but lets what the locked work threw through as it is", async () => {
    const { store, db, other } = onLockableFile((db) => sqliteTokenStore(db));
    other.exec('BEGIN EXCLUSIVE');
    let ran = false;
    const error = await rejection(
      store.withLock('x:brand', async () => {
        ran = true;
      }),
    );
    expect(ran).toBe(false);
    expect(TransientError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      "The SQLite token store could not take the lock on the account's tokens: the database is locked by another connection (SQLITE_BUSY) after waiting 0 ms.",
    );
    other.exec('ROLLBACK');

    // The work's own database error is the app's: it is not relabelled as the token store's.
    const appFile = newFile();
    const appDb = new DatabaseSync(appFile);
    appDb.exec('PRAGMA busy_timeout = 0');
    const appLock = new DatabaseSync(appFile);
    appLock.exec('BEGIN EXCLUSIVE');
    const appError = await rejection(store.withLock('x:brand', async () => appDb.exec('BEGIN IMMEDIATE')));
    expect(TransientError.isInstance(appError)).toBe(false);
    expect(appError).toMatchObject({ code: 'ERR_SQLITE_ERROR', errcode: 5 });
    appLock.exec('ROLLBACK');
    for (const connection of [appLock, appDb, other, db]) connection.close();
  });
});

describe('SQLite stores: other failures of the file', () => {
  it('fails a write on a full disk as a TransientError saying so (not the rollback that came after), and writes again once there is room', async () => {
    const file = newFile();
    const db = new DatabaseSync(file);
    const store = sqliteScheduleStore(db);
    const pages = Number(db.prepare('PRAGMA page_count').get()?.page_count);
    db.exec(`PRAGMA max_page_count = ${pages}`); // the file may not grow: SQLITE_FULL
    const many = Array.from({ length: 50 }, (_, index) => entry(`big-${index}`, 'x'.repeat(2_000)));

    const error = await rejection(store.add(many));
    expect(TransientError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'The SQLite schedule store could not add the entries: the disk is full (SQLITE_FULL).',
    );
    expect(causeOf(error).errcode).toBe(13);
    await expect(store.list()).resolves.toEqual([]);

    db.exec('PRAGMA max_page_count = 1073741823');
    await store.add(many);
    await expect(store.list()).resolves.toHaveLength(50);
    db.close();
  });

  it('leaves a call on a closed connection as it failed, never retryable: no retry can heal it', async () => {
    const db = new DatabaseSync(newFile());
    const store = sqliteScheduleStore(db);
    db.close();
    const error = await rejection(store.get('one'));
    expect(TransientError.isInstance(error)).toBe(false);
    expect(error).toMatchObject({ code: 'ERR_INVALID_STATE' });

    const inbox = sqliteInboxStore(newFile());
    await inbox.close();
    const closed = await rejection(inbox.list());
    expect(TransientError.isInstance(closed)).toBe(false);
  });

  it('fails to open a file in a missing directory as a TransientError naming the store', () => {
    const open = () => sqliteAccountStore(join(dir, 'missing', 'smm.db'));
    expect(open).toThrow(TransientError);
    expect(open).toThrow(
      'The SQLite account store could not open the database: the database file could not be opened (SQLITE_CANTOPEN).',
    );
  });
});

describe('SQLite stores: what is not a failure of the file passes as it is', () => {
  it('keeps the errors the store chose, and a broken table is a bug, not something to retry', async () => {
    const db = new DatabaseSync(newFile());
    const store = sqliteScheduleStore(db);
    await store.add([entry('one')]);
    // An id taken twice: the store's own ValidationError, raised after its ON CONFLICT insert.
    await expect(store.add([entry('one')])).rejects.toThrow(ValidationError);
    // A row edited by hand: the schema's ValidationError.
    db.exec(`UPDATE smmkit_schedule_entries SET json = '{"id":"one"}' WHERE id = 'one'`);
    await expect(store.get('one')).rejects.toThrow(ValidationError);
    // A table the app dropped: SQLite's own error (SQLITE_ERROR), never dressed up as retryable.
    db.exec('DROP TABLE smmkit_schedule_targets');
    const error = await rejection(store.add([entry('two')]));
    expect(TransientError.isInstance(error)).toBe(false);
    expect(error).toMatchObject({ code: 'ERR_SQLITE_ERROR', errcode: 1 });
    db.close();
  });
});
