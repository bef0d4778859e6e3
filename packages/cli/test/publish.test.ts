import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, folder, smmkit, startSmmkit, writeJson } from './support/cli.js';

beforeAll(ensureBuilt, 120_000);

/**
 * A preload that holds every create of a Facebook Page post (`POST …/feed`) until its request is
 * aborted, as a slow platform would, and says so on stderr. Whatever becomes `globalThis.fetch`
 * (the simulators' interceptor included) is wrapped.
 */
const HOLD_CREATES = `
const hold = (fetch) => async (input, init) => {
  const request = input instanceof Request ? input : undefined;
  const method = init?.method ?? request?.method ?? 'GET';
  const url = request?.url ?? String(input);
  if (method === 'POST' && url.endsWith('/feed')) {
    const signal = init?.signal ?? request?.signal;
    process.stderr.write('[test] holding the create\\n');
    await new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
  }
  return fetch(input, init);
};
let current = hold(globalThis.fetch);
Object.defineProperty(globalThis, 'fetch', {
  configurable: true,
  get: () => current,
  set: (fetch) => { current = hold(fetch); },
});
`;

/** The outbox records of a store file. */
function outbox(path: string): { key: string; status: string }[] {
  const db = new DatabaseSync(path);
  try {
    return db.prepare('SELECT key, status FROM smmkit_outbox').all() as { key: string; status: string }[];
  } finally {
    db.close();
  }
}

describe('smmkit publish', () => {
  it('prints the key it made before sending; Ctrl-C then exits 3 with how to retry under it', async () => {
    const dir = folder();
    const post = writeJson(dir, 'post.json', { text: 'Launch day' });
    const preload = join(dir, 'hold-creates.mjs');
    writeFileSync(preload, HOLD_CREATES);
    const live = startSmmkit(['--simulate', '--store', 'sim.db', 'publish', post, '--to', 'sim-facebook'], {
      cwd: dir,
      node: ['--import', preload],
    });
    await live.stderrContains('[test] holding the create');
    live.child.kill('SIGINT');
    const run = await live.done;

    expect(run.code).toBe(3);
    const key = /idempotency key (\S+):/.exec(run.stderr)?.[1] ?? '';
    expect(key).not.toBe('');
    // Told before anything was sent, and again once interrupted.
    expect(run.stderr.indexOf(`--idempotency-key ${key}`)).toBeLessThan(
      run.stderr.indexOf('[test] holding the create'),
    );
    expect(run.stderr).toMatch(new RegExp(`interrupted.*unknown.*--idempotency-key ${key}`, 's'));
    expect(run.stdout).toMatch(/^unknown\s+sim-facebook/m);
    // The outbox knows the publish under that very key: a re-run with it reconciles, never resends.
    expect(outbox(join(dir, 'sim.db'))).toEqual([
      { key: expect.stringMatching(new RegExp(`^${key}:facebook:`)), status: 'unknown' },
    ]);
  }, 30_000);

  it("shows a published target's warnings, such as an earlier run with the same key having published it", async () => {
    const dir = folder();
    const post = writeJson(dir, 'post.json', { text: 'Monday tips' });
    const args = ['--simulate', '--store', 'sim.db', 'publish', post, '--to', 'sim-facebook'];
    const first = await smmkit([...args, '--idempotency-key', 'monday-tips'], { cwd: dir });
    expect(first.code).toBe(0);
    const again = await smmkit([...args, '--idempotency-key', 'monday-tips'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^published sim-facebook \S+\n\s+! already_published: .+/m);
  }, 30_000);

  it('refuses an empty --idempotency-key (an unset variable) before sending anything', async () => {
    const dir = folder();
    const post = writeJson(dir, 'post.json', { text: 'Monday tips' });
    const args = ['--simulate', '--store', 'sim.db', 'publish', post, '--to', 'sim-x', '--json'];
    const run = await smmkit([...args, '--idempotency-key', ''], { cwd: dir });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'usage' } });
    expect(run.stderr).toContain('--idempotency-key is empty');
    // The next post of the same script, with its own key, goes out: the empty key reserved nothing.
    const next = await smmkit([...args, '--idempotency-key', 'tuesday-tips'], { cwd: dir });
    expect(next.code).toBe(0);
    expect(JSON.parse(next.stdout)).toMatchObject({ outcomes: [{ status: 'published', warnings: [] }] });
  }, 30_000);
});
