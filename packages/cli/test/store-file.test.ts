import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, folder, smmkit, writeJson } from './support/cli.js';

beforeAll(ensureBuilt, 120_000);

const TOKENS = {
  BRAND_X_ACCESS_TOKEN: 'store-test-access-token-7c1e9a',
  BRAND_X_REFRESH_TOKEN: 'store-test-refresh-token-42bd0f',
};

/** A folder with a config of one X account whose tokens come from {@link TOKENS}, on `smm.db`. */
function configured(): string {
  const dir = folder();
  writeJson(dir, 'smmkit.config.json', {
    store: 'smm.db',
    accounts: [
      {
        id: 'brand-x',
        platform: 'x',
        accountId: '2244994945',
        timeZone: 'Europe/Berlin',
        tokens: { accessTokenEnv: 'BRAND_X_ACCESS_TOKEN', refreshTokenEnv: 'BRAND_X_REFRESH_TOKEN' },
      },
    ],
  });
  return dir;
}

/** The tokens a store file holds, by account. */
function storedTokens(path: string): unknown[] {
  const db = new DatabaseSync(path);
  try {
    return db.prepare('SELECT key, access_token, refresh_token FROM smmkit_tokens').all();
  } finally {
    db.close();
  }
}

const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe('the SQLite store', () => {
  it('is created readable by its owner only, and so are its -wal and -shm files', async () => {
    const dir = configured();
    const run = await smmkit(['calendar'], { cwd: dir, env: TOKENS, umask: '022' });
    expect(run.code).toBe(0);
    const store = join(dir, 'smm.db');
    expect(storedTokens(store)).toHaveLength(1);
    expect(modeOf(store)).toBe(0o600);
    // SQLite makes the write-ahead log and shared-memory files while a connection writes.
    const db = new DatabaseSync(store);
    try {
      db.exec('CREATE TABLE IF NOT EXISTS probe (id INTEGER)');
      expect([modeOf(`${store}-wal`), modeOf(`${store}-shm`)]).toEqual([0o600, 0o600]);
    } finally {
      db.close();
    }

    const simulated = await smmkit(['--simulate', '--store', 'sim.db', 'calendar'], {
      cwd: dir,
      umask: '022',
    });
    expect(simulated.code).toBe(0);
    expect(modeOf(join(dir, 'sim.db'))).toBe(0o600);
  }, 30_000);

  it("is never a real run's under --simulate: its tokens and schedule stay untouched", async () => {
    const dir = configured();
    const post = writeJson(dir, 'post.json', { text: 'Real launch post' });
    const planned = await smmkit(['schedule', post, '--to', 'brand-x', '--at', '2030-01-01T09:00:00Z'], {
      cwd: dir,
      env: TOKENS,
    });
    expect(planned.code).toBe(0);
    const store = join(dir, 'smm.db');
    const before = storedTokens(store);
    expect(before).toEqual([
      expect.objectContaining({ key: 'brand-x', access_token: TOKENS.BRAND_X_ACCESS_TOKEN }),
    ]);

    const own = await smmkit(['--simulate', '--store', 'smm.db', '--json', 'schedule', 'run'], { cwd: dir });
    expect(own.code).toBe(2);
    expect(JSON.parse(own.stdout)).toMatchObject({ ok: false, error: { code: 'usage' } });
    expect(own.stderr).toContain("--simulate does not use the config's own store");

    copyFileSync(store, join(dir, 'copy.db'));
    const copy = await smmkit(['--simulate', '--store', 'copy.db', 'schedule', 'run'], { cwd: dir });
    expect(copy.code).toBe(2);
    expect(copy.stderr).toContain('a real run made it');

    expect(storedTokens(store)).toEqual(before);
    expect(storedTokens(join(dir, 'copy.db'))).toEqual(before);
  }, 30_000);

  it('in a folder that does not exist is a usage error, with JSON and no stack', async () => {
    const dir = folder();
    const run = await smmkit(['--simulate', '--json', '--store', join(dir, 'missing', 'x.db'), 'calendar'], {
      cwd: dir,
    });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: false,
      error: { code: 'usage', message: expect.stringContaining('its folder does not exist') },
    });
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('written by a newer smmkit is a usage error that says to upgrade', async () => {
    const dir = folder();
    const planned = await smmkit(['--simulate', '--store', 'sim.db', 'calendar'], { cwd: dir });
    expect(planned.code).toBe(0);
    const db = new DatabaseSync(join(dir, 'sim.db'));
    try {
      db.exec("UPDATE smmkit_schema SET version = 99 WHERE component = 'scheduler'");
    } finally {
      db.close();
    }
    const run = await smmkit(['--simulate', '--store', 'sim.db', 'calendar'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('newer than this smmkit knows');
    expect(run.stderr).toContain('Upgrade @smmkit/core');
  });
});
