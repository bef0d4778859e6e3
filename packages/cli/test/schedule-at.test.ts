import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, folder, smmkit, writeJson } from './support/cli.js';

beforeAll(ensureBuilt, 120_000);

/** A folder with a post and a config whose real store is `real.db` there. */
function configured(): { dir: string; post: string; store: string } {
  const dir = folder();
  writeJson(dir, 'smmkit.config.json', {
    store: 'real.db',
    accounts: [
      {
        id: 'brand-x',
        platform: 'x',
        accountId: '2244994945',
        timeZone: 'Europe/Berlin',
        tokens: { accessTokenEnv: 'BRAND_X_ACCESS_TOKEN' },
      },
    ],
  });
  return { dir, post: writeJson(dir, 'post.json', { text: 'Launch day' }), store: join(dir, 'real.db') };
}

const TOKENS = { BRAND_X_ACCESS_TOKEN: 'test-access-token' };

describe('schedule --at a time that has passed', () => {
  it('is refused before anything is stored, in the --zone given, pointing at publish', async () => {
    const { dir, post, store } = configured();
    const run = await smmkit(
      [
        'schedule',
        post,
        '--to',
        'brand-x',
        '--at',
        '2020-01-06T09:00',
        '--zone',
        'America/New_York',
        '--json',
      ],
      { cwd: dir, env: TOKENS },
    );
    expect(run.code).toBe(2);
    const { error } = JSON.parse(run.stdout) as { error: { code: string; message: string } };
    expect(error.code).toBe('usage');
    expect(error.message).toContain(
      '--at 2020-01-06 09:00 America/New_York (UTC-05:00) is more than 5 minutes in the past',
    );
    expect(error.message).toContain(
      `Give a future time, or publish it now: smmkit publish ${post} --to brand-x`,
    );
    // Not even opened: nothing was planned that a later `schedule run` could publish at once.
    expect(existsSync(store)).toBe(false);
  }, 30_000);

  it("shows a past instant in the account's zone when --zone is not given", async () => {
    const { dir, post, store } = configured();
    const run = await smmkit(['schedule', post, '--to', 'brand-x', '--at', '2020-01-06T08:00:00Z'], {
      cwd: dir,
      env: TOKENS,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--at 2020-01-06 09:00 Europe/Berlin (UTC+01:00) is more than 5 minutes in the past',
    );
    expect(existsSync(store)).toBe(false);
  }, 30_000);

  it('still plans a future time and next-slot', async () => {
    const dir = folder();
    const post = writeJson(dir, 'post.json', { text: 'Later' });
    const schedule = (...at: string[]) =>
      smmkit(['--simulate', '--store', 'sim.db', 'schedule', post, '--to', 'sim-x', ...at], { cwd: dir });
    expect((await schedule('--at', '2030-01-07T09:00:00Z')).code).toBe(0);
    expect((await schedule()).code).toBe(0);
    // A script's "now" is a moment old once the CLI has started: still planned, due at once.
    const aMinuteAgo = new Date(Date.now() - 60_000).toISOString();
    expect((await schedule('--at', aMinuteAgo)).code).toBe(0);
  }, 30_000);
});

describe('schedule --at syntax', () => {
  it('is a usage error before the config is read or the store opened', async () => {
    const { dir, post, store } = configured();
    for (const at of [
      '2030-01-07T25:00',
      '2030-01-07T09:60:00Z',
      'tomorrow',
      '2030-01-07T09:00+25:00',
      '2030-01-07T09:00+05:99',
    ]) {
      const run = await smmkit(['schedule', post, '--to', 'brand-x', '--at', at, '--zone', 'UTC'], {
        cwd: dir,
        env: TOKENS,
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`option '--at <when>' argument '${at}' is invalid`);
    }
    expect(existsSync(store)).toBe(false);
    // Read as the arguments are: a config that cannot be loaded is never reached.
    const first = await smmkit(
      ['--config', 'missing.json', 'schedule', post, '--to', 'brand-x', '--at', '2030-01-07T24:30Z'],
      { cwd: dir },
    );
    expect(first.code).toBe(2);
    expect(first.stderr).toContain('--at has a time that is not a time of day');
    expect(first.stderr).not.toContain('missing.json');
  }, 30_000);
});
