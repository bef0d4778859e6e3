import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { TransientError } from '../../src/errors/transient-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { ScheduleEntry } from '../../src/models/schedule-entry.js';
import { parseScheduleEntry } from '../../src/parse/parse-models.js';
import { sqliteScheduleStore, sqliteStore, sqliteTokenStore } from '../../src/sqlite/index.js';

const dir = mkdtempSync(join(tmpdir(), 'smmkit-sqlite-unusable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = (extension = 'db'): string => {
  files += 1;
  return join(dir, `file-${files}.${extension}`);
};

/** Text that is in the file and must never reach an error's words. */
const CONTENT = 'content-marker-5b2e';

const entry = (id: string): ScheduleEntry =>
  parseScheduleEntry({
    id,
    post: { text: `${CONTENT} ${id} ${'x'.repeat(400)}` },
    targets: [{ platform: 'x', accountId: '2244994945' }],
    publishAt: '2026-05-01T07:00:00Z',
    timeZone: 'Europe/Berlin',
    status: 'scheduled',
    attempts: 0,
    createdAt: '2026-04-01T00:00:00Z',
    updatedAt: '2026-04-01T00:00:00Z',
  });

/** What `open` threw, failing the test when it did not throw. */
function thrownBy(open: () => unknown): unknown {
  try {
    open();
  } catch (error) {
    return error;
  }
  return expect.unreachable('the store opened');
}

/** What `promise` rejected with, failing the test when it resolved. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the call resolved'),
    (error: unknown) => error,
  );
}

/** Every way an error is shown: its message, its hint, its JSON and `util.inspect`. */
const shown = (error: unknown): string[] => [
  (error as Error).message,
  (error as { hint: string }).hint,
  JSON.stringify(error),
  inspect(error, { depth: 10 }),
];

/** The checks every unusable file shares: typed, never retryable, the driver's code kept. */
function expectUnusable(error: unknown, rule: string, errcode?: number): void {
  expect(ValidationError.isInstance(error)).toBe(true);
  expect(TransientError.isInstance(error)).toBe(false);
  expect(error).toMatchObject({
    code: 'validation_failed',
    retryable: false,
    problems: [{ path: [], rule }],
  });
  if (errcode !== undefined)
    expect((error as { cause?: { errcode?: unknown } }).cause?.errcode).toBe(errcode);
  for (const words of shown(error)) expect(words).not.toContain(CONTENT);
}

/** A real store file holding a few entries, closed so that its WAL is checkpointed into it. */
async function writtenStoreFile(): Promise<string> {
  const file = newFile();
  const store = sqliteScheduleStore(file);
  await store.add(Array.from({ length: 40 }, (_, index) => entry(`e${index}`)));
  await store.close();
  return file;
}

/** The page size of a database file, in bytes. */
function pageSizeOf(file: string): number {
  const reader = new DatabaseSync(file, { readOnly: true });
  const size = Number(reader.prepare('PRAGMA page_size').get()?.page_size);
  reader.close();
  return size;
}

describe('SQLite stores: a file that is not an SQLite database (SQLITE_NOTADB)', () => {
  it.each([
    { kind: 'a JSON config file', content: () => Buffer.from(`{"token": "${CONTENT}", "debug": true}\n`) },
    {
      kind: 'a file of random bytes',
      content: () => Buffer.concat([Buffer.from(CONTENT), randomBytes(8192)]),
    },
  ])(
    'refuses $kind as a ValidationError that says so and sends the reader to the path, leaving the file as it was',
    ({ content }) => {
      const file = newFile('json');
      const bytes = content();
      writeFileSync(file, bytes);

      const error = thrownBy(() => sqliteScheduleStore(file));
      expectUnusable(error, 'sqlite.not_a_database', 26);
      expect((error as Error).message).toBe(
        `Invalid SQLite file (1 problem):\n  - (root): The SQLite schedule store could not open the database: the file "${file}" is not an SQLite database (SQLITE_NOTADB).`,
      );
      expect((error as ValidationError).hint).toContain('Check the path');
      expect(readFileSync(file)).toEqual(bytes);
      expect([existsSync(`${file}-wal`), existsSync(`${file}-shm`)]).toEqual([false, false]);
    },
  );

  it('refuses it the same way for the token store and the bundle', () => {
    const file = newFile('json');
    writeFileSync(file, `{"token": "${CONTENT}"}`);
    const tokens = thrownBy(() => sqliteTokenStore(file));
    expectUnusable(tokens, 'sqlite.not_a_database', 26);
    expect((tokens as Error).message).toContain(
      'The SQLite token store could not open the database: the file',
    );
    expectUnusable(
      thrownBy(() => sqliteStore(file)),
      'sqlite.not_a_database',
      26,
    );
  });
});

describe('SQLite stores: a damaged database file (SQLITE_CORRUPT)', () => {
  it('refuses a truncated store file on open as a ValidationError that says it is damaged and how to check it', async () => {
    const file = await writtenStoreFile();
    truncateSync(file, 3 * pageSizeOf(file));

    const error = thrownBy(() => sqliteScheduleStore(file));
    expectUnusable(error, 'sqlite.damaged', 11);
    expect((error as Error).message).toBe(
      `Invalid SQLite file (1 problem):\n  - (root): The SQLite schedule store could not open the database: the database file "${file}" is damaged (SQLITE_CORRUPT).`,
    );
    const { hint } = error as ValidationError;
    expect(hint).toContain('restore it from a backup');
    expect(hint).toContain(`sqlite3 "${file}" 'PRAGMA integrity_check'`);
  });

  it('fails a call that reads a damaged page as the same ValidationError, naming what it could not do', async () => {
    const file = await writtenStoreFile();
    const pageSize = pageSizeOf(file);
    const reader = new DatabaseSync(file, { readOnly: true });
    const root = Number(
      reader.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'smmkit_schedule_entries'").get()
        ?.rootpage,
    );
    reader.close();
    // Overwrite the entries table's first page (pages count from 1): the store still opens.
    const bytes = readFileSync(file);
    bytes.fill(0xff, (root - 1) * pageSize, root * pageSize);
    writeFileSync(file, bytes);

    const store = sqliteScheduleStore(file);
    const error = await rejection(store.list());
    expectUnusable(error, 'sqlite.damaged', 11);
    expect((error as Error).message).toMatch(
      /^Invalid SQLite file \(1 problem\):\n {2}- \(root\): The SQLite schedule store could not list entries: the database file ".*" is damaged \(SQLITE_CORRUPT\)\.$/,
    );
    await store.close();
  });
});

describe('SQLite stores: a file a newer smmkit wrote', () => {
  it('refuses it as a ValidationError that says to upgrade smmkit, and changes nothing in it', async () => {
    const file = newFile();
    await sqliteScheduleStore(file).close();
    const db = new DatabaseSync(file);
    db.exec("UPDATE smmkit_schema SET version = 99 WHERE component = 'scheduler'");

    const error = thrownBy(() => sqliteScheduleStore(db));
    expectUnusable(error, 'sqlite.newer_tables');
    expect((error as Error).message).toBe(
      `Invalid SQLite file (1 problem):\n  - (root): The scheduler tables of the SQLite file "${file}" are at version 99, newer than this smmkit knows (2): a newer smmkit release wrote them.`,
    );
    expect((error as ValidationError).hint).toContain('Upgrade @smmkit/core');
    expect(db.prepare("SELECT version FROM smmkit_schema WHERE component = 'scheduler'").get()).toEqual({
      version: 99,
    });
    db.close();
  });
});
