import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/program.js';

// A bug stands in as an adapter factory that throws a plain Error.
vi.mock('../src/app/make-adapters.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/app/make-adapters.js')>()),
  makeAdapters: () => {
    throw new Error('a bug in smmkit');
  },
}));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an unexpected error', () => {
  it('exits 70 and still prints one JSON document under --json', async () => {
    const stdout: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await run(['--simulate', '--json', 'capabilities']);
    expect(code).toBe(70);
    expect(JSON.parse(stdout.join(''))).toEqual({
      ok: false,
      error: { code: 'internal', message: 'a bug in smmkit' },
    });
  });
});
