import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, folder, smmkit, writeJson } from './support/cli.js';

beforeAll(ensureBuilt, 120_000);

describe('an account timeZone in the config', () => {
  it('that is not a time zone is listed with the config problems, with its path, exit 2', async () => {
    const dir = folder();
    writeJson(dir, 'smmkit.config.json', {
      accounts: [
        { id: 'shop-x', platform: 'x', accountId: '1', timeZone: 'Europe/Berlin' },
        { id: 'shop-li', platform: 'linkedin', accountId: 'urn:li:person:1', timeZone: 'Europe/Berln' },
        { id: 'shop-fb', platform: 'myspace', accountId: '2' },
      ],
    });
    const run = await smmkit(['--simulate', 'calendar', '--json'], { cwd: dir });
    expect(run.code).toBe(2);
    const { error } = JSON.parse(run.stdout) as { error: { code: string; message: string } };
    expect(error.code).toBe('usage');
    // Every problem at once: the zone of the second account and the platform of the third.
    expect(error.message).toContain('Invalid config (2 problems)');
    expect(error.message).toContain('accounts[1].timeZone: must be an IANA time zone');
    expect(error.message).toContain('accounts[2].platform');
  });
});
