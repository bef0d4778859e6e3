import { join } from 'node:path';
import { openSmmkit } from '@smmkit/cli';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, folder, smmkit } from './support/cli.js';

beforeAll(ensureBuilt, 120_000);

/** More due entries than the scheduler claims in one round (its batch is 10). */
const DUE = 12;

describe('smmkit schedule run', () => {
  it('publishes every due entry, more than one batch of them, and leaves none overdue', async () => {
    const dir = folder();
    const store = join(dir, 'sim.db');
    // Planned in one process (as a day of `smmkit schedule` calls would), all due a minute ago.
    const { smm, close } = await openSmmkit({}, { simulate: true, store });
    try {
      for (let index = 1; index <= DUE; index += 1) {
        await smm.schedule(
          { text: `Due post ${index}` },
          { to: ['sim-facebook'], at: new Date(Date.now() - 60_000) },
        );
      }
    } finally {
      await close();
    }

    const run = await smmkit(['--simulate', '--store', store, 'schedule', 'run', '--json'], { cwd: dir });
    expect(run.code).toBe(0);
    const { entries } = JSON.parse(run.stdout) as { entries: { status: string }[] };
    expect(entries).toHaveLength(DUE);
    expect(entries.every((entry) => entry.status === 'published')).toBe(true);

    const again = await smmkit(['--simulate', '--store', store, 'schedule', 'run', '--json'], { cwd: dir });
    expect(JSON.parse(again.stdout)).toEqual({ ok: true, entries: [] });
  }, 30_000);
});
