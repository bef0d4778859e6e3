import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, loadConfig, openSmmkit } from '@smmkit/cli';
import { ValidationError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';

const dir = () => mkdtempSync(join(tmpdir(), 'smmkit-cli-config-'));

/** What loading `content` from a fresh folder throws. */
async function loadError(content: unknown): Promise<ValidationError> {
  const path = join(dir(), 'smmkit.config.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  const error = await loadConfig(path).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!ValidationError.isInstance(error)) throw new Error('expected a ValidationError');
  return error;
}

describe('loadConfig', () => {
  it('reads the accounts and resolves the store next to the file', async () => {
    const folder = dir();
    const path = join(folder, 'smmkit.config.json');
    const config = defineConfig({
      store: 'data/smm.db',
      accounts: [
        { id: 'brand-x', platform: 'x', accountId: '1', tokens: { accessTokenEnv: 'BRAND_X_TOKEN' } },
      ],
    });
    writeFileSync(path, JSON.stringify(config));
    const loaded = await loadConfig(path);
    expect(loaded?.store).toBe(join(folder, 'data/smm.db'));
    expect(loaded?.accounts?.[0]?.tokens?.accessTokenEnv).toBe('BRAND_X_TOKEN');
  });

  it('lists every problem at once, with its path', async () => {
    const error = await loadError({
      accounts: [
        { id: 'a', platform: 'myspace', accountId: '1' },
        { id: 'a', platform: 'x' },
      ],
      adapters: { x: { clientIdEnv: 'X CLIENT' } },
      extra: true,
    });
    expect(error.problems.map((problem) => problem.path.join('.')).sort()).toEqual([
      'accounts.0.platform',
      'accounts.1.accountId',
      'accounts.1.id',
      'adapters.x.clientIdEnv',
      'extra',
    ]);
  });

  it('refuses a token pasted where a variable name belongs, without repeating it', async () => {
    const secret = 'AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid-secret-value';
    const error = await loadError({
      accounts: [{ id: 'brand-x', platform: 'x', accountId: '1', tokens: { accessTokenEnv: secret } }],
    });
    expect(error.problems[0]?.rule).toBe('config.env_name');
    expect(JSON.stringify({ message: error.message, problems: error.problems })).not.toContain(
      'secret-value',
    );
  });

  it('says which file is not JSON', async () => {
    const error = await loadError('{ "accounts": [ }');
    expect(error.message).toMatch(/is not valid JSON/);
  });

  it('finds nothing when no path is given and the folder has no config', async () => {
    const cwd = process.cwd();
    process.chdir(dir());
    try {
      expect(await loadConfig()).toBeUndefined();
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('openSmmkit', () => {
  it('publishes to a seeded simulated account with no config and no credentials', async () => {
    const { smm, close } = await openSmmkit({}, { simulate: true });
    try {
      expect((await smm.accounts.list()).map((account) => account.id).sort()).toEqual([
        'sim-facebook',
        'sim-instagram',
        'sim-linkedin',
        'sim-tiktok',
        'sim-x',
      ]);
      const [outcome] = await smm.publish({ text: 'Hello from the simulator' }, { to: ['sim-x'] });
      expect(outcome?.status).toBe('published');
    } finally {
      await close();
    }
  });

  it('stores the tokens the config names once, and connects its accounts', async () => {
    const store = join(dir(), 'smm.db');
    const config = defineConfig({
      accounts: [
        {
          id: 'brand-x',
          platform: 'x',
          accountId: '42',
          timeZone: 'Europe/Berlin',
          tokens: { accessTokenEnv: 'T_X' },
        },
      ],
    });
    const first = await openSmmkit(config, { store });
    const saved = process.env.T_X;
    process.env.T_X = 'token-one';
    try {
      await first.close();
      const second = await openSmmkit(config, { store });
      try {
        const account = await second.smm.accounts.get('brand-x');
        expect(account).toMatchObject({ platform: 'x', accountId: '42', timeZone: 'Europe/Berlin' });
        expect(account?.status.state).toBe('active');
      } finally {
        await second.close();
      }
    } finally {
      if (saved === undefined) delete process.env.T_X;
      else process.env.T_X = saved;
    }
  });
});
