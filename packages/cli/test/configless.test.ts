import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, folder, smmkit, writeJson } from './support/cli.js';

beforeAll(ensureBuilt, 120_000);

describe('commands that need no config', () => {
  it('capabilities prints the matrix with no config and no --simulate, and makes no store', async () => {
    const dir = folder();
    const run = await smmkit(['capabilities', '--json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { platforms: string[] };
    expect(printed.platforms).toEqual(['x', 'instagram', 'facebook', 'linkedin', 'tiktok']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('validate checks a post against platforms with no config, and makes no store', async () => {
    const dir = folder();
    const post = writeJson(dir, 'post.json', { text: 'Short and sweet' });
    const run = await smmkit(['validate', post, '--to', 'x,instagram'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✔ x ok\n✖ instagram 1 problem/);
    expect(readdirSync(dir)).toEqual(['post.json']);
  });

  it('validate still names the missing config for an account id', async () => {
    const dir = folder();
    const post = writeJson(dir, 'post.json', { text: 'Hi' });
    const run = await smmkit(['validate', post, '--to', 'brand-x'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"brand-x" in --to is not a platform');
    expect(run.stderr).toContain('account ids need a config (smmkit.config.json here, or --config)');
  });

  it('a command that uses accounts still asks for a config', async () => {
    const run = await smmkit(['doctor']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/No smmkit\.config\.json here/);
  });
});
