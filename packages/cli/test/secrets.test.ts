import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, folder, smmkit, writeJson } from './support/cli.js';

const ACCESS_TOKEN = 'cli-test-access-token-5f1c2b7e9d';
const REFRESH_TOKEN = 'cli-test-refresh-token-a83b11c04e';

/**
 * A hostile "platform" on localhost: it refuses every token and repeats it in its error body, as
 * a badly behaved API might, so whatever the adapter puts in its error would carry the token.
 */
let server: Server;
let baseUrl: string;
const seen: string[] = [];

beforeAll(async () => {
  ensureBuilt();
  server = createServer((request, response) => {
    const authorization = request.headers.authorization ?? '';
    seen.push(authorization);
    response.writeHead(401, { 'content-type': 'application/problem+json' });
    response.end(
      JSON.stringify({
        title: 'Unauthorized',
        type: 'about:blank',
        status: 401,
        detail: `Unauthorized: ${authorization} (refresh with ${REFRESH_TOKEN})`,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('secrets never reach output', () => {
  it('doctor reports a refused token without printing it, in text and JSON', async () => {
    const dir = folder();
    writeJson(dir, 'smmkit.config.json', {
      store: 'smm.db',
      accounts: [
        {
          id: 'brand-x',
          platform: 'x',
          accountId: '2244994945',
          tokens: { accessTokenEnv: 'BRAND_X_ACCESS', refreshTokenEnv: 'BRAND_X_REFRESH' },
        },
      ],
      adapters: { x: { settings: { baseUrl } } },
    });
    const env = { BRAND_X_ACCESS: ACCESS_TOKEN, BRAND_X_REFRESH: REFRESH_TOKEN };
    for (const args of [['doctor'], ['doctor', '--json'], ['doctor']]) {
      const run = await smmkit(args, { cwd: dir, env });
      expect(run.code).toBe(1);
      const everything = run.stdout + run.stderr;
      expect(everything).toMatch(/brand-x/);
      expect(everything).not.toContain(ACCESS_TOKEN);
      expect(everything).not.toContain(REFRESH_TOKEN);
    }
    // The token was really sent (so the runs above had it to leak).
    expect(seen).toContain(`Bearer ${ACCESS_TOKEN}`);
  });

  it('a secret pasted where a variable name belongs is refused without repeating it', async () => {
    const dir = folder();
    writeJson(dir, 'smmkit.config.json', {
      accounts: [
        {
          id: 'brand-x',
          platform: 'x',
          accountId: '1',
          tokens: { accessTokenEnv: `Bearer ${ACCESS_TOKEN}` },
        },
      ],
    });
    const run = await smmkit(['doctor'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /accounts\[0\]\.tokens\.accessTokenEnv: must be the NAME of an environment variable/,
    );
    expect(run.stdout + run.stderr).not.toContain(ACCESS_TOKEN);
  });
});
