import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, folder, smmkit, writeJson } from './support/cli.js';

beforeAll(ensureBuilt, 120_000);

describe('--from and --to days are days of --zone', () => {
  it('calendar shows the entries of the local days asked for, headed by those days', async () => {
    const dir = folder();
    const store = join(dir, 'sim.db');
    const post = writeJson(dir, 'post.json', { text: 'Evening tips' });
    const zone = ['--zone', 'America/Los_Angeles'];
    // 20:00 in Los Angeles on June 10 is 03:00 UTC on June 11.
    const planned = await smmkit(
      [
        '--simulate',
        '--store',
        store,
        'schedule',
        post,
        '--to',
        'sim-x',
        '--at',
        '2030-06-10T20:00',
        ...zone,
      ],
      { cwd: dir },
    );
    expect(planned.code).toBe(0);

    const tenth = await smmkit(
      [
        '--simulate',
        '--store',
        store,
        'calendar',
        '--from',
        '2030-06-10',
        '--to',
        '2030-06-11',
        ...zone,
        '--json',
      ],
      { cwd: dir },
    );
    expect(tenth.code).toBe(0);
    const calendar = JSON.parse(tenth.stdout) as { from: string; to: string; days: { date: string }[] };
    expect(calendar.from).toBe('2030-06-10T07:00:00.000Z');
    expect(calendar.to).toBe('2030-06-11T07:00:00.000Z');
    expect(calendar.days.map((day) => day.date)).toEqual(['2030-06-10']);

    // The next local day does not show the evening before it.
    const eleventh = await smmkit(
      ['--simulate', '--store', store, 'calendar', '--from', '2030-06-11', '--to', '2030-06-12', ...zone],
      { cwd: dir },
    );
    expect(eleventh.code).toBe(0);
    expect(eleventh.stdout).toContain('2030-06-11 – 2030-06-12 (America/Los_Angeles)');
    expect(eleventh.stdout).toContain('nothing scheduled');
  }, 30_000);

  it('calendar reads a wall time without an offset in --zone, not in the zone of the machine', async () => {
    const run = await smmkit(
      [
        '--simulate',
        'calendar',
        '--from',
        '2030-06-10T18:00',
        '--to',
        '2030-06-11',
        '--zone',
        'America/Los_Angeles',
        '--json',
      ],
      { env: { TZ: 'Asia/Tokyo' } },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      from: '2030-06-11T01:00:00.000Z',
      to: '2030-06-11T07:00:00.000Z',
    });
  });

  it('calendar refuses a --from after --to instead of showing an empty range', async () => {
    const run = await smmkit(['--simulate', 'calendar', '--from', '2030-06-12', '--to', '2030-06-10']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--from must be before --to');
  });

  it('report reads a day east of UTC from its local midnight', async () => {
    const run = await smmkit([
      '--simulate',
      'report',
      '--from',
      '2030-06-01',
      '--to',
      '2030-06-08',
      '--zone',
      'Europe/Berlin',
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      since: '2030-05-31T22:00:00.000Z',
      until: '2030-06-07T22:00:00.000Z',
      timeZone: 'Europe/Berlin',
    });
  });
});
