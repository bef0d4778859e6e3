import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, folder, smmkit } from './support/cli.js';

beforeAll(ensureBuilt, 120_000);

describe('smmkit.config.ts', () => {
  it('is read with its types stripped, and --simulate runs its accounts on the simulators', async () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'smmkit.config.ts'),
      [
        'type Account = { id: string; platform: string; accountId: string; timeZone?: string; slots?: string[] };',
        'const accounts: Account[] = [',
        "  { id: 'shop-x', platform: 'x', accountId: '2244994945', timeZone: 'America/New_York', slots: ['Mon-Fri 08:00'] },",
        "  { id: 'shop-facebook', platform: 'facebook', accountId: '20531316728' },",
        '];',
        'export default { accounts };',
        '',
      ].join('\n'),
    );
    const run = await smmkit(['--simulate', 'doctor', '--json'], { cwd: dir });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { accounts: { id: string; ok: boolean }[] };
    expect(report.accounts.map((account) => [account.id, account.ok])).toEqual([
      ['shop-x', true],
      ['shop-facebook', true],
    ]);
  });
});
