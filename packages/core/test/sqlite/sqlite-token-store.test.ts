import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import { sqliteTokenStore } from '../../src/sqlite/index.js';
import { describeTokenStoreContract } from '../support/token-store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'smmkit-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = (): string => {
  files += 1;
  return join(dir, `smm-${files}.db`);
};

// One file for the whole contract: each connection is another process's view of it.
const contractFile = newFile();
describeTokenStoreContract('sqliteTokenStore', {
  connect: async (options = {}) => {
    const store = sqliteTokenStore(contractFile, options);
    return { store, close: async () => store.close() };
  },
});

describe('sqliteTokenStore: the shared file', () => {
  it("keeps its tables next to the app's own in a connection the app passes, and leaves that connection open", async () => {
    const db = new DatabaseSync(newFile());
    db.exec('CREATE TABLE posts (id INTEGER PRIMARY KEY)');
    const store = sqliteTokenStore(db);
    await store.save('x:brand', { accessToken: 'access-1' });
    store.close();

    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => row.name);
    expect(tables).toEqual(['posts', 'smmkit_leases', 'smmkit_schema', 'smmkit_tokens']);
    expect(db.prepare('SELECT component, version FROM smmkit_schema ORDER BY component').all()).toEqual([
      { component: 'leases', version: 1 },
      { component: 'tokens', version: 1 },
    ]);
    expect(db.prepare('SELECT access_token FROM smmkit_tokens').get()).toEqual({ access_token: 'access-1' });
    db.close();
  });

  it('opens a file another store already set up, and sees its tokens', async () => {
    const file = newFile();
    const first = sqliteTokenStore(file);
    const saved = await first.save('x:brand', { accessToken: 'access-1', refreshToken: 'refresh-1' });
    const second = sqliteTokenStore(file);
    await expect(second.load('x:brand')).resolves.toStrictEqual(saved);
    first.close();
    second.close();
  });

  it('creates a new file, and its write-ahead log, readable by its owner only: it holds tokens', async () => {
    const file = newFile();
    const store = sqliteTokenStore(file);
    await store.save('x:brand', { accessToken: 'access-1', refreshToken: 'refresh-1' });
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
    store.close();
    // A file that exists keeps the mode its owner gave it.
    const shared = newFile();
    writeFileSync(shared, '');
    chmodSync(shared, 0o640);
    sqliteTokenStore(shared).close();
    expect(mode(shared)).toBe(0o640);
  });

  it('refuses a file whose token tables a newer smmkit wrote', () => {
    const file = newFile();
    sqliteTokenStore(file).close();
    const db = new DatabaseSync(file);
    db.exec("UPDATE smmkit_schema SET version = 99 WHERE component = 'tokens'");
    db.close();
    expect(() => sqliteTokenStore(file)).toThrow(ValidationError);
    expect(() => sqliteTokenStore(file)).toThrow(/version 99, newer than this smmkit knows \(1\)/);
  });
});

describe('@smmkit/core/sqlite: its own entry point', () => {
  /** Whether a fresh Node process has loaded `node:sqlite` after importing `entry`. */
  const loadsSqlite = (entry: string): boolean => {
    const hooks = new URL('../support/source-hooks.ts', import.meta.url).href;
    const script = `await import(${JSON.stringify(entry)}); console.log(process.moduleLoadList.some((name) => name === 'NativeModule sqlite'));`;
    const out = execFileSync(process.execPath, ['--import', hooks, '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    return out.trim() === 'true';
  };

  it('keeps node:sqlite out of @smmkit/core, so apps that never use the store never load it', () => {
    expect(loadsSqlite('@smmkit/core')).toBe(false);
    expect(loadsSqlite('@smmkit/core/sqlite')).toBe(true);
  });
});
