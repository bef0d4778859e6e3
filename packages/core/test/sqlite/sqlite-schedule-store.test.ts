import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { describeScheduleStore } from '@smmkit/testkit/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { ScheduleEntry } from '../../src/models/schedule-entry.js';
import { parseScheduleEntry } from '../../src/parse/parse-models.js';
import type { ScheduleStore } from '../../src/scheduler/schedule-store.js';
import { sqliteScheduleStore } from '../../src/sqlite/index.js';

const dir = mkdtempSync(join(tmpdir(), 'smmkit-schedule-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = (): string => {
  files += 1;
  return join(dir, `schedule-${files}.db`);
};

// Each store gets a file of its own; a second handle is a second connection to that file.
const fileOf = new WeakMap<ScheduleStore, string>();
describeScheduleStore(
  'sqliteScheduleStore',
  () => {
    const file = newFile();
    const store = sqliteScheduleStore(file);
    fileOf.set(store, file);
    return store;
  },
  {
    connectAgain: (store) => {
      const file = fileOf.get(store);
      if (file === undefined) throw new Error('not a store this test opened');
      return sqliteScheduleStore(file);
    },
    slotClaims: true,
  },
);

const entry = (id: string, fields: Readonly<Record<string, unknown>> = {}): ScheduleEntry =>
  parseScheduleEntry({
    id,
    post: { text: `Post ${id}` },
    targets: [{ platform: 'x', accountId: '2244994945' }],
    publishAt: '2026-05-01T07:00:00Z',
    timeZone: 'Europe/Berlin',
    status: 'scheduled',
    ...fields,
  });
const now = new Date('2026-05-01T07:00:00Z');

describe('sqliteScheduleStore: the file', () => {
  it("keeps its tables next to the app's own in a connection the app passes, and leaves it open", async () => {
    const db = new DatabaseSync(newFile());
    db.exec('CREATE TABLE posts (id INTEGER PRIMARY KEY)');
    const store = sqliteScheduleStore(db);
    await store.add([entry('one')]);
    await store.close();

    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => row.name);
    expect(tables).toEqual([
      'posts',
      'smmkit_outbox',
      'smmkit_schedule_entries',
      'smmkit_schedule_targets',
      'smmkit_schema',
    ]);
    expect(db.prepare('SELECT component, version FROM smmkit_schema').all()).toEqual([
      { component: 'scheduler', version: 2 },
    ]);
    expect(db.prepare('SELECT id, status FROM smmkit_schedule_entries').all()).toEqual([
      { id: 'one', status: 'scheduled' },
    ]);
    db.close();
  });

  it("joins a transaction the app has open on its connection: the app's rollback takes the entries with it", async () => {
    const db = new DatabaseSync(newFile());
    const store = sqliteScheduleStore(db);
    db.exec('BEGIN');
    await store.add([entry('inside')]);
    await expect(store.add([entry('inside')])).rejects.toThrow(/inside/);
    await expect(store.get('inside')).resolves.toMatchObject({ id: 'inside' });
    db.exec('ROLLBACK');
    await expect(store.get('inside')).resolves.toBeUndefined();
    await store.close();
    db.close();
  });

  it('keeps entries, leases and outbox records when the file is opened again', async () => {
    const file = newFile();
    const first = sqliteScheduleStore(file);
    await first.add([entry('kept')]);
    await first.claimDue({ now, limit: 10, worker: 'worker-1', leaseMs: 60_000 });
    await first.begin({ key: 'kept:x:2244994945', platform: 'x', accountId: '2244994945', startedAt: now });
    await first.close();

    const second = sqliteScheduleStore(file);
    await expect(second.get('kept')).resolves.toMatchObject({ status: 'publishing', attempts: 1 });
    await expect(second.unresolved()).resolves.toEqual([
      { key: 'kept:x:2244994945', platform: 'x', accountId: '2244994945', startedAt: now, status: 'sending' },
    ]);
    // The lease survived the restart: still the first worker's, not claimable before it ends.
    await expect(second.claimDue({ now, limit: 10, worker: 'worker-2', leaseMs: 60_000 })).resolves.toEqual(
      [],
    );
    await expect(second.complete('kept', 'worker-1', { status: 'published' }, now)).resolves.toBe(true);
    await second.close();
  });

  it('moves a version 1 file to version 2 in place: its outbox records kept, their fingerprint none', async () => {
    const { SCHEDULER_MIGRATIONS } = await import('../../src/sqlite/schedule-tables.js');
    const file = newFile();
    const db = new DatabaseSync(file);
    // A file as the release before fingerprints left it: version 1 tables and one record.
    db.exec(SCHEDULER_MIGRATIONS[0] ?? '');
    db.exec('CREATE TABLE smmkit_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL) STRICT');
    db.exec("INSERT INTO smmkit_schema VALUES ('scheduler', 1)");
    db.prepare(
      "INSERT INTO smmkit_outbox (key, platform, account_id, status, started_at) VALUES (?, 'x', '2244994945', 'sending', ?)",
    ).run('old:x:2244994945', now.getTime());

    const store = sqliteScheduleStore(file);
    await expect(store.record('old:x:2244994945')).resolves.toStrictEqual({
      key: 'old:x:2244994945',
      platform: 'x',
      accountId: '2244994945',
      startedAt: now,
      status: 'sending',
    });
    await store.begin({
      key: 'new:x:2244994945',
      platform: 'x',
      accountId: '2244994945',
      startedAt: now,
      fingerprint: 'f1',
    });
    await expect(store.record('new:x:2244994945')).resolves.toMatchObject({ fingerprint: 'f1' });
    await store.close();
    expect(db.prepare("SELECT version FROM smmkit_schema WHERE component = 'scheduler'").get()).toEqual({
      version: 2,
    });
    db.close();
  });

  it('shares a file with the token store, each keeping its own tables and version', async () => {
    const { sqliteTokenStore } = await import('../../src/sqlite/index.js');
    const file = newFile();
    const tokens = sqliteTokenStore(file);
    const schedule = sqliteScheduleStore(file);
    await tokens.save('x:brand', { accessToken: 'access-1' });
    await schedule.add([entry('shared')]);
    tokens.close();
    await schedule.close();
    const db = new DatabaseSync(file);
    expect(db.prepare('SELECT component, version FROM smmkit_schema ORDER BY component').all()).toEqual([
      { component: 'leases', version: 1 },
      { component: 'scheduler', version: 2 },
      { component: 'tokens', version: 1 },
    ]);
    db.close();
  });

  it('refuses a file whose scheduler tables a newer smmkit wrote', async () => {
    const file = newFile();
    await sqliteScheduleStore(file).close();
    const db = new DatabaseSync(file);
    db.exec("UPDATE smmkit_schema SET version = 99 WHERE component = 'scheduler'");
    db.close();
    expect(() => sqliteScheduleStore(file)).toThrow(ValidationError);
    expect(() => sqliteScheduleStore(file)).toThrow(
      /scheduler tables of the SQLite file ".*" are at version 99, newer than this smmkit knows \(2\)/,
    );
  });

  it('reads entries through the schema: a row damaged outside smmkit is refused, not handed out', async () => {
    const file = newFile();
    const store = sqliteScheduleStore(file);
    await store.add([entry('damaged')]);
    const db = new DatabaseSync(file);
    db.prepare("UPDATE smmkit_schedule_entries SET json = json_set(json, '$.timeZone', 'Mars/Base')").run();
    db.close();
    const error = await store.get('damaged').catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error) && error.problems.map((problem) => problem.path)).toEqual([
      ['timeZone'],
    ]);
    await store.close();
  });
});

describe('sqliteScheduleStore: what a file cannot keep', () => {
  const media = (source: Readonly<Record<string, unknown>>) => ({
    kind: 'image',
    mimeType: 'image/png',
    source,
    sizeBytes: 3,
  });

  it('refuses media held as bytes or as a stream, naming each, and says to use a URL or a file', async () => {
    const store = sqliteScheduleStore(newFile());
    const photo = entry('photo', {
      post: { media: [media({ type: 'bytes', bytes: new Uint8Array([1, 2, 3]) })] },
      targets: [
        {
          platform: 'x',
          accountId: '2244994945',
          overrides: { media: [media({ type: 'stream', stream: () => new ReadableStream() })] },
        },
      ],
    });
    const error = await store.add([photo]).catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error)).toBe(true);
    if (!ValidationError.isInstance(error)) return;
    expect(error.problems.map(({ path, rule }) => ({ path, rule }))).toEqual([
      { path: ['post', 'media', 0, 'source', 'bytes'], rule: 'schedule.media_source' },
      { path: ['targets', 0, 'overrides', 'media', 0, 'source', 'stream'], rule: 'schedule.media_source' },
    ]);
    expect(error.message).toMatch(/"bytes" source cannot be kept .*\{ type: "url" \} or \{ type: "file" \}/);
    await expect(store.addIfAbsent(photo)).rejects.toThrow(ValidationError);
    await expect(store.get('photo')).resolves.toBeUndefined();

    // By URL or from a file it is kept.
    const byUrl = entry('photo', {
      post: { media: [media({ type: 'url', url: 'https://cdn.example.com/a.png' })] },
    });
    await store.add([byUrl]);
    await expect(store.get('photo')).resolves.toStrictEqual(byUrl);
    await store.close();
  });

  it('refuses platform options JSON would change, and keeps the entry as it was', async () => {
    const store = sqliteScheduleStore(newFile());
    await store.add([entry('options')]);
    const post = { text: 'hi', options: { x: { onReply: () => undefined, tags: new Set(['a']) } } };
    await expect(store.transition('options', ['scheduled'], { post }, now)).rejects.toThrow(
      /options\.x\.onReply: is a function.*\n.*options\.x\.tags: is a Set/,
    );
    await expect(store.get('options')).resolves.toStrictEqual(entry('options'));
    await store.close();
  });
});

describe('sqliteScheduleStore: workers in several processes', () => {
  const run = promisify(execFile);
  const hooks = new URL('../support/source-hooks.ts', import.meta.url).href;
  const worker = new URL('./claim-worker.ts', import.meta.url).pathname;

  it('four processes claiming from one file at once publish each due entry exactly once', async () => {
    const file = newFile();
    const store = sqliteScheduleStore(file);
    const ids = Array.from({ length: 120 }, (_, index) => `entry-${String(index).padStart(3, '0')}`);
    await store.add(ids.map((id) => entry(id)));

    const outputs = await Promise.all(
      ['w1', 'w2', 'w3', 'w4'].map((name) => run(process.execPath, ['--import', hooks, worker, file, name])),
    );
    const claimed = outputs.flatMap(({ stdout }) => JSON.parse(stdout) as string[]);
    expect([...claimed].sort()).toEqual(ids);
    expect(await store.list({ statuses: ['published'] })).toHaveLength(ids.length);
    await store.close();
  });
});
