import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, folder, smmkit, writeJson } from './support/cli.js';

beforeAll(ensureBuilt, 120_000);

describe('smmkit usage and config errors exit 2', () => {
  it('points a first run without a config at --simulate', async () => {
    const run = await smmkit(['doctor']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/smmkit --simulate doctor/);
  });

  it('lists every problem of an invalid config', async () => {
    const dir = folder();
    writeJson(dir, 'smmkit.config.json', {
      accounts: [{ id: 'brand-x', platform: 'x' }],
      adapters: { myspace: {} },
    });
    const run = await smmkit(['doctor', '--json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'usage' } });
    expect(run.stderr).toMatch(/accounts\[0\]\.accountId/);
    expect(run.stderr).toMatch(/adapters\.myspace/);
  });

  it('refuses an unknown option and a missing required one', async () => {
    const unknown = await smmkit(['--simulate', 'doctor', '--frobnicate', '--json']);
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stdout)).toEqual({
      ok: false,
      error: { code: 'usage', message: "unknown option '--frobnicate'" },
    });
    const missing = await smmkit(['--simulate', 'publish', 'post.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--to/);
  });

  it('refuses an account --to does not know, naming the known ones', async () => {
    const dir = folder();
    const post = writeJson(dir, 'post.json', { text: 'Hi' });
    const run = await smmkit(['--simulate', 'publish', post, '--to', 'brand-x'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown account "brand-x"; the accounts are sim-x, sim-instagram/);
  });

  it('refuses a platform capabilities does not know', async () => {
    const run = await smmkit(['--simulate', 'capabilities', '--platform', 'x,myspace']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"myspace"');
  });

  it('refuses a --zone that is no time zone and an --at day that does not exist', async () => {
    const dir = folder();
    const post = writeJson(dir, 'post.json', { text: 'Hi' });
    const schedule = (...options: string[]) =>
      smmkit(['--simulate', '--store', 'sim.db', 'schedule', post, '--to', 'sim-x', ...options], {
        cwd: dir,
      });
    const zone = await schedule('--at', '2030-05-04T09:00', '--zone', 'Mars/Base');
    expect(zone.code).toBe(2);
    expect(zone.stderr).toContain('--zone Mars/Base is not a time zone');
    // Date would read February 30 as March 2.
    const day = await schedule('--at', '2030-02-30T09:00:00Z');
    expect(day.code).toBe(2);
    const calendar = await smmkit(['--simulate', 'calendar', '--zone', 'Mars/Base'], { cwd: dir });
    expect(calendar.code).toBe(2);
  }, 30_000);

  it('refuses an inbox --limit that is not a whole number', async () => {
    const run = await smmkit(['--simulate', 'inbox', 'list', '--no-poll', '--limit', '5x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--limit takes a positive whole number');
  });

  it('refuses a report file in a folder that does not exist, with JSON and no stack', async () => {
    const run = await smmkit(['--simulate', '--json', 'report', '--html', 'missing/report.html']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      ok: false,
      error: {
        code: 'usage',
        message: '--html missing/report.html: cannot write there (its folder does not exist, ENOENT)',
      },
    });
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the help with the exit codes and exits 0', async () => {
    const run = await smmkit(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Exit codes:\n {2}0 {3}ok\n {2}1 {3}a failure outcome/);
  });
});
