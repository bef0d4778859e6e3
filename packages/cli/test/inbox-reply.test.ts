import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, folder, smmkit } from './support/cli.js';

beforeAll(ensureBuilt, 120_000);

/**
 * A preload that lets the first X reply (`POST /2/tweets`) reach the platform, then drops the
 * connection before its answer arrives, as a flaky network would. Whatever becomes
 * `globalThis.fetch` (the simulators' interceptor included) is wrapped.
 */
const DROP_ANSWER = `
let dropped = false;
const drop = (fetch) => async (input, init) => {
  const request = input instanceof Request ? input : undefined;
  const method = init?.method ?? request?.method ?? 'GET';
  const url = request?.url ?? String(input);
  const response = await fetch(input, init);
  if (!dropped && method === 'POST' && url.endsWith('/2/tweets')) {
    dropped = true;
    throw new TypeError('fetch failed');
  }
  return response;
};
let current = drop(globalThis.fetch);
Object.defineProperty(globalThis, 'fetch', {
  configurable: true,
  get: () => current,
  set: (fetch) => { current = drop(fetch); },
});
`;

describe('smmkit inbox reply', { timeout: 30_000 }, () => {
  it('exits 3 and says the outcome is unknown when the answer to the reply is lost', async () => {
    const dir = folder();
    const list = await smmkit(['--simulate', 'inbox', 'list', '--json'], { cwd: dir });
    expect(list.code).toBe(0);
    const { items } = JSON.parse(list.stdout) as { items: { ref: string; platform: string }[] };
    const mention = items.find((item) => item.platform === 'x')?.ref ?? '';
    const preload = join(dir, 'drop-answer.mjs');
    writeFileSync(preload, DROP_ANSWER);
    const run = await smmkit(['--simulate', 'inbox', 'reply', mention, 'Thank you!', '--json'], {
      cwd: dir,
      node: ['--import', preload],
    });
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, status: 'unknown' });
    expect(run.stderr).toContain(`The reply's outcome is unknown`);
    expect(run.stderr).toContain(`Check ${mention}'s replies on the platform before replying again`);
    expect(run.stderr).not.toMatch(/^failed/m);
  });
  it('refuses the next reply after an unknown one, sending nothing, until --despite-uncertain-reply', async () => {
    const dir = folder();
    const store = ['--simulate', '--store', join(dir, 'inbox.db')];
    const list = await smmkit([...store, 'inbox', 'list', '--json'], { cwd: dir });
    const { items } = JSON.parse(list.stdout) as { items: { ref: string; platform: string }[] };
    const mention = items.find((item) => item.platform === 'x')?.ref ?? '';
    const preload = join(dir, 'drop-answer.mjs');
    writeFileSync(preload, DROP_ANSWER);
    const lost = await smmkit([...store, 'inbox', 'reply', mention, 'Thank you!'], {
      cwd: dir,
      node: ['--import', preload],
    });
    expect(lost.code).toBe(3);

    // Run again, as a script that retried on any failure would: the customer must not get it twice.
    const again = await smmkit([...store, 'inbox', 'reply', mention, 'Thank you!', '--json'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: false, status: 'failed' });
    expect(again.stderr).toContain('Nothing was sent');
    expect(again.stderr).toContain('--despite-uncertain-reply');

    const anyway = await smmkit(
      [...store, 'inbox', 'reply', mention, 'Thank you!', '--despite-uncertain-reply'],
      {
        cwd: dir,
      },
    );
    expect(anyway.code).toBe(0);
    expect(anyway.stdout).toContain(`replied to ${mention}`);
  });
});
