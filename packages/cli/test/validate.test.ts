import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, folder, smmkit, writeJson } from './support/cli.js';

beforeAll(ensureBuilt, 120_000);

interface Checked {
  ok: boolean;
  targets: { target: string; platform: string; problems: { path: (string | number)[]; rule: string }[] }[];
}

describe('smmkit validate', () => {
  it('lists every problem for every target at once and exits 1', async () => {
    const dir = folder();
    const post = writeJson(dir, 'post.json', { text: 'a'.repeat(300) });
    const run = await smmkit(['--simulate', 'validate', post, '--to', 'x,instagram,sim-linkedin', '--json'], {
      cwd: dir,
    });
    expect(run.code).toBe(1);
    const checked = JSON.parse(run.stdout) as Checked;
    expect(checked.ok).toBe(false);
    expect(
      checked.targets.map(({ target, problems }) => [
        target,
        problems.map((problem) => problem.path.join('.')),
      ]),
    ).toEqual([
      ['x', ['text']],
      ['instagram', ['media']],
      ['sim-linkedin', []],
    ]);
  });

  it('exits 0 when every target takes the post', async () => {
    const dir = folder();
    const post = writeJson(dir, 'post.json', { text: 'Short and sweet' });
    const run = await smmkit(['--simulate', 'validate', post, '--to', 'x,linkedin,facebook'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✔ x ok\n✔ linkedin ok\n✔ facebook ok/);
  });

  it("gives the post's own problems to every target when it is not a post at all", async () => {
    const dir = folder();
    const post = writeJson(dir, 'post.json', { text: 42 });
    const run = await smmkit(['--simulate', 'validate', post, '--to', 'x,tiktok', '--json'], { cwd: dir });
    expect(run.code).toBe(1);
    const checked = JSON.parse(run.stdout) as Checked;
    expect(checked.targets.map((target) => target.problems[0]?.path)).toEqual([['text'], ['text']]);
  });

  it('exits 2 for a target that is neither an account nor a platform', async () => {
    const dir = folder();
    const post = writeJson(dir, 'post.json', { text: 'Hi' });
    const run = await smmkit(['--simulate', 'validate', post, '--to', 'myspace'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"myspace" in --to is neither an account/);
  });
});
