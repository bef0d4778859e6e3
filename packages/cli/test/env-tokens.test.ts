import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, folder, smmkit, writeJson } from './support/cli.js';

beforeAll(ensureBuilt, 120_000);

const FIRST = { X_ACCESS: 'env-test-access-token-1b7d0c', X_REFRESH: 'env-test-refresh-token-R1-93fa2e' };
/** What a refresh left in the store: the platform rotated the refresh token, R1 is dead. */
const ROTATED = { access: 'rotated-access-token-5e8a41', refresh: 'rotated-refresh-token-R2-c7d311' };

/** The tokens the store file holds for `brand-x`. */
function storedTokens(path: string): { access_token: string; refresh_token: string | null } {
  const db = new DatabaseSync(path);
  try {
    return db
      .prepare("SELECT access_token, refresh_token FROM smmkit_tokens WHERE key = 'brand-x'")
      .get() as { access_token: string; refresh_token: string | null };
  } finally {
    db.close();
  }
}

/** Puts `tokens` in the store, as the refresh of an earlier run does. */
function rotate(path: string, tokens: typeof ROTATED): void {
  const db = new DatabaseSync(path);
  try {
    db.prepare("UPDATE smmkit_tokens SET access_token = ?, refresh_token = ? WHERE key = 'brand-x'").run(
      tokens.access,
      tokens.refresh,
    );
  } finally {
    db.close();
  }
}

describe("the config's token variables", { timeout: 30_000 }, () => {
  it('never replace stored tokens that have a refresh token with an access token alone, and say so', async () => {
    const dir = folder();
    writeJson(dir, 'smmkit.config.json', {
      store: 'smm.db',
      accounts: [
        {
          id: 'brand-x',
          platform: 'x',
          accountId: '2244994945',
          tokens: { accessTokenEnv: 'X_ACCESS', refreshTokenEnv: 'X_REFRESH' },
        },
      ],
    });
    const store = join(dir, 'smm.db');
    expect((await smmkit(['calendar'], { cwd: dir, env: FIRST })).code).toBe(0);
    rotate(store, ROTATED);

    // A later run (cron, an MCP host) whose environment lacks X_REFRESH.
    const later = await smmkit(['calendar'], { cwd: dir, env: { X_ACCESS: FIRST.X_ACCESS } });
    expect(later.code).toBe(0);
    expect(storedTokens(store)).toEqual({ access_token: ROTATED.access, refresh_token: ROTATED.refresh });
    expect(later.stderr).toContain('brand-x: kept the stored tokens');
    expect(later.stderr).toContain('X_REFRESH is not set');
    for (const secret of [FIRST.X_ACCESS, FIRST.X_REFRESH, ROTATED.access, ROTATED.refresh])
      expect(later.stdout + later.stderr).not.toContain(secret);

    // A new authorization, with both variables, still replaces them, without a warning.
    const fresh = { X_ACCESS: 'new-access-token-0d9b62', X_REFRESH: 'new-refresh-token-a4c8e7' };
    const reauthorized = await smmkit(['calendar'], { cwd: dir, env: fresh });
    expect(reauthorized.code).toBe(0);
    expect(reauthorized.stderr).not.toContain('kept the stored tokens');
    expect(storedTokens(store)).toEqual({ access_token: fresh.X_ACCESS, refresh_token: fresh.X_REFRESH });
  });
});
