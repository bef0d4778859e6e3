import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, folder, smmkit } from './support/cli.js';

beforeAll(ensureBuilt, 120_000);

const SECRET = 'hunter2-pasted-secret-6f0e3a';

/** Runs `doctor` on a smmkit.config.json holding `text`. */
async function doctorWith(text: string) {
  const dir = folder();
  const path = join(dir, 'smmkit.config.json');
  writeFileSync(path, text);
  return { path, run: await smmkit(['doctor'], { cwd: dir }) };
}

describe('a smmkit.config.json that is not valid JSON', { timeout: 30_000 }, () => {
  it('is reported with its path and what to do, never with its contents', async () => {
    const { path, run } = await doctorWith(`{"store":"a.db","tokens":${SECRET}}`);
    expect(run.code).toBe(2);
    // Node's own message quotes the text around the error: `…"tokens":hunter2-pa"…`.
    expect(run.stderr).not.toContain('hunter2');
    expect(run.stderr).not.toContain('"tokens"');
    expect(run.stderr).toContain(`${path} is not valid JSON`);
    expect(run.stderr).toContain('fix its syntax');
  });

  it('gives the line and column of the error, without the text around it', async () => {
    const { path, run } = await doctorWith(`{"store": "a.db"}\n\n# X_SECRET=${SECRET}\n`);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain(SECRET);
    expect(run.stderr).toContain(`${path} is not valid JSON at line 3, column 1`);

    const comma = await doctorWith('{\n  "store": "a.db",\n}\n');
    expect(comma.run.stderr).toContain(`${comma.path} is not valid JSON at line 3, column 1`);
  });
});
