import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, folder, smmkit, writeJson } from './support/cli.js';

beforeAll(ensureBuilt, 120_000);

/** A folder whose config gives brand-x the queue `slots`, its real store `real.db` there. */
function configured(slots: string[]): { dir: string; store: string } {
  const dir = folder();
  writeJson(dir, 'smmkit.config.json', {
    store: 'real.db',
    accounts: [
      {
        id: 'brand-x',
        platform: 'x',
        accountId: '2244994945',
        timeZone: 'Europe/Berlin',
        slots,
        tokens: { accessTokenEnv: 'BRAND_X_ACCESS_TOKEN' },
      },
    ],
  });
  return { dir, store: join(dir, 'real.db') };
}

const TOKENS = { BRAND_X_ACCESS_TOKEN: 'test-access-token' };

describe("a config's queue slots", () => {
  it('are a config error before the store is opened or any token stored, every bad one listed', async () => {
    const { dir, store } = configured(['Mon-Fry 09:00', 'Mon-Fri 25:00', 'Mon-Fri 09:00', 'whenever']);
    const run = await smmkit(['doctor'], { cwd: dir, env: TOKENS });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Invalid config (3 problems)');
    expect(run.stderr).toContain('accounts[0].slots[0]: has an unknown day');
    expect(run.stderr).toContain('accounts[0].slots[1]: has a time that is not a time of day');
    expect(run.stderr).toContain('accounts[0].slots[3]: is not a weekly slot');
    expect(existsSync(store)).toBe(false);
  }, 30_000);

  it('are checked under --simulate too, before the simulation starts', async () => {
    const { dir } = configured(['Mon-Fry 09:00']);
    const run = await smmkit(['--simulate', '--store', 'sim.db', '--json', 'doctor'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'usage' } });
    expect(existsSync(join(dir, 'sim.db'))).toBe(false);
  }, 30_000);

  it('that are valid plan next-slot in them', async () => {
    const { dir } = configured(['Sat,Sun 10:15', '17:30']);
    const post = writeJson(dir, 'post.json', { text: 'Weekend tips' });
    const run = await smmkit(
      ['--simulate', '--store', 'sim.db', 'schedule', post, '--to', 'brand-x', '--json'],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(0);
    const [entry] = (JSON.parse(run.stdout) as { entries: { timeZone: string }[] }).entries;
    expect(entry?.timeZone).toBe('Europe/Berlin');
  }, 30_000);
});
