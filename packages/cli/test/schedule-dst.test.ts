import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, folder, smmkit, writeJson } from './support/cli.js';

beforeAll(ensureBuilt, 120_000);

describe('schedule --at a wall time the clocks change over', () => {
  const dir = folder();
  const post = writeJson(dir, 'post.json', { text: 'Early bird' });
  const schedule = (at: string, ...options: string[]) =>
    smmkit(
      [
        '--simulate',
        '--store',
        join(dir, 'sim.db'),
        'schedule',
        post,
        '--to',
        'sim-x',
        '--at',
        at,
        '--zone',
        'Europe/Berlin',
        ...options,
      ],
      { cwd: dir },
    );

  it('says that a time in the spring-forward gap moved forward, and to when', async () => {
    // 2030-03-31 is the last Sunday of March: Berlin's clocks go from 02:00 to 03:00.
    const json = await schedule('2030-03-31T02:30', '--json');
    expect(json.code).toBe(0);
    const [entry] = (JSON.parse(json.stdout) as { entries: Record<string, unknown>[] }).entries;
    expect(entry).toMatchObject({ publishAt: '2030-03-31T01:30:00.000Z', adjustment: 'gap-shifted' });

    const text = await schedule('2030-03-31T02:30');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('! gap-shifted:');
    expect(text.stdout).toContain('to 2030-03-31 03:30 (UTC+02:00)');
  }, 30_000);

  it('says that a time of the fall-back night took the first of its two instants', async () => {
    const json = await schedule('2030-10-27T02:30', '--json');
    expect(json.code).toBe(0);
    const [entry] = (JSON.parse(json.stdout) as { entries: Record<string, unknown>[] }).entries;
    expect(entry).toMatchObject({ publishAt: '2030-10-27T00:30:00.000Z', adjustment: 'overlap-earlier' });
  });

  it('adds nothing to an ordinary wall time', async () => {
    const run = await schedule('2030-05-06T09:00', '--json');
    const [entry] = (JSON.parse(run.stdout) as { entries: Record<string, unknown>[] }).entries;
    expect(entry?.publishAt).toBe('2030-05-06T07:00:00.000Z');
    expect(entry).not.toHaveProperty('adjustment');
  });
});
