import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createXSimulator, DEFAULT_SCOPES, type XSimulator } from '@smmkit/adapter-x/mocks';
import type { StoredTokenSet, TokenSet } from '@smmkit/core';
import { sqliteTokenStore } from '@smmkit/core/sqlite';
import { manualClock, type ServedSimulators, serveSimulators } from '@smmkit/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redisTokenStore } from '../src/index.js';
import { dropKeys, REDIS_URL, requireRedis, testPrefix } from './support/redis.js';
import { startWorker, type Worker } from './support/worker.js';

// Two worker processes act for one X account, sharing its tokens through a store. X answers a
// refresh (https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code, "Refresh
// tokens") with a new refresh token and refuses the used one afterwards, as the X simulator does.
// The simulator runs here and answers the workers over loopback HTTP; its clock moves only when
// the test moves it, so every token expires exactly when a round begins and both workers find it
// rejected at once.

const START = Date.parse('2026-11-22T12:00:00Z');
/** How long the simulator's access tokens live; each round moves its clock this far. */
const TOKEN_TTL_MS = 60 * 60_000;
const ROUNDS = 12;
const KEY = 'x:ana';
const CLIENT_ID = 'smmkit-shared-account-test';
const TOKEN_ROUTE = 'POST /2/oauth2/token';
/** Short, so that a worker killed while holding the lock blocks the other for at most a second. */
const LEASE_MS = 1_000;
/** Long, so that a worker waiting out a dead one's lease never gives up on a slow machine. */
const LOCK_WAIT_MS = 30_000;
/** A guard against a hung child process, not an assertion on time. */
const TEST_TIMEOUT_MS = 60_000;

/** Where the shared tokens live, as the test (the authorization step) and the workers reach it. */
interface Backend {
  /** The workers' environment that points them at the store. */
  readonly env: Readonly<Record<string, string>>;
  /** Stores tokens as an authorization does. */
  save(key: string, tokens: TokenSet): Promise<StoredTokenSet>;
  /** Closes the test's connection and removes what the test wrote. */
  dispose(): Promise<void>;
}

const backends: Record<'sqlite' | 'redis', () => Promise<Backend>> = {
  sqlite: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smmkit-shared-'));
    const file = join(dir, 'smm.db');
    const store = sqliteTokenStore(file);
    return {
      env: { STORE: 'sqlite', STORE_AT: file },
      save: (key, tokens) => store.save(key, tokens),
      dispose: async () => {
        store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  redis: async () => {
    await requireRedis();
    const prefix = testPrefix();
    const store = redisTokenStore(REDIS_URL, { prefix });
    return {
      env: { STORE: 'redis', STORE_AT: REDIS_URL, STORE_PREFIX: prefix },
      save: (key, tokens) => store.save(key, tokens),
      dispose: async () => {
        await store.close();
        await dropKeys(prefix);
      },
    };
  },
};

for (const [name, openBackend] of Object.entries(backends)) {
  describe(`two worker processes sharing one X account through the ${name} token store`, () => {
    let x: XSimulator;
    let clock: ReturnType<typeof manualClock>;
    let served: ServedSimulators;
    let backend: Backend;
    let workerEnv: Record<string, string>;
    const workers: Worker[] = [];

    beforeEach(async () => {
      clock = manualClock(START);
      x = createXSimulator({ clock });
      const ana = x.addAccount('ana', { accessTokenTtlMs: TOKEN_TTL_MS });
      served = await serveSimulators(x.sim);
      backend = await openBackend();
      // Stored without `expiresAt`, so that the workers refresh only when X rejects a token.
      await backend.save(KEY, { accessToken: ana.accessToken, refreshToken: ana.refreshToken });
      workerEnv = {
        ...backend.env,
        LEASE_MS: String(LEASE_MS),
        LOCK_WAIT_MS: String(LOCK_WAIT_MS),
        TOKEN_KEY: KEY,
        X_BASE_URL: served.urls[0] ?? '',
        X_CLIENT_ID: CLIENT_ID,
        X_USER_ID: ana.account.id,
        X_USERNAME: ana.account.handle,
      };
    });

    afterEach(async () => {
      await Promise.all(workers.splice(0).map((worker) => worker.stop()));
      await served?.close();
      await backend?.dispose();
    });

    const start = async (): Promise<Worker> => {
      const worker = await startWorker(workerEnv);
      workers.push(worker);
      return worker;
    };
    /** What X's token endpoint answered so far: 200 for a refresh, 400 for a refused token. */
    const tokenAnswers = (): (number | undefined)[] =>
      x.sim.log.forRoute(TOKEN_ROUTE).map((entry) => entry.status);
    const postsOfAna = (): number =>
      x.sim.posts.filter((post) => post.accountId === workerEnv.X_USER_ID).length;
    /** Re-authorizes the account as its owner would, and stores the new tokens. */
    const reauthorize = async (): Promise<void> => {
      const issued = x.sim.tokens.issue(workerEnv.X_USER_ID ?? '', {
        expiresInMs: TOKEN_TTL_MS,
        refreshable: true,
        scopes: DEFAULT_SCOPES,
      });
      await backend.save(KEY, { accessToken: issued.accessToken, refreshToken: issued.refreshToken });
    };

    it(
      `both keep publishing through ${ROUNDS} rotations of the refresh token: one refreshes, the other reloads`,
      async () => {
        const [a, b] = [await start(), await start()];
        for (let round = 1; round <= ROUNDS; round += 1) {
          clock.advance(TOKEN_TTL_MS); // every token issued so far is now expired on X
          const answers = await Promise.all([
            a.publish(`round ${round} from a`),
            b.publish(`round ${round} from b`),
          ]);
          expect(answers, `round ${round}`).toEqual([
            { type: 'published', id: expect.any(String) },
            { type: 'published', id: expect.any(String) },
          ]);
        }
        // One rotation per round, and X never saw a used refresh token.
        expect(tokenAnswers()).toEqual(Array(ROUNDS).fill(200));
        expect(postsOfAna()).toBe(2 * ROUNDS);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'a worker killed after writing the new tokens leaves the other publishing with them',
      async () => {
        const [a, b] = [await start(), await start()];
        await Promise.all([a.publish('before the crash from a'), b.publish('before the crash from b')]);

        await a.crashOnNextRefresh('after-write');
        clock.advance(TOKEN_TTL_MS);
        await expect(a.publish('dies while refreshing')).rejects.toThrow(/exited/);
        await expect(a.exited).resolves.toBe('SIGKILL');

        // b waits out the dead worker's lease, then finds the tokens it wrote.
        await expect(b.publish('after the crash from b')).resolves.toMatchObject({ type: 'published' });
        const restarted = await start();
        await expect(restarted.publish('after the crash from a restart')).resolves.toMatchObject({
          type: 'published',
        });
        expect(tokenAnswers()).toEqual([200]);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'a worker killed after X rotated but before writing leaves auth_revoked, and a re-authorization brings the others back without a restart',
      async () => {
        const [a, b] = [await start(), await start()];
        await Promise.all([a.publish('before the crash from a'), b.publish('before the crash from b')]);

        await a.crashOnNextRefresh('before-write');
        clock.advance(TOKEN_TTL_MS);
        await expect(a.publish('dies while refreshing')).rejects.toThrow(/exited/);
        await expect(a.exited).resolves.toBe('SIGKILL');

        // The only live refresh token died with a: what the docs tell users to look for.
        await expect(b.publish('after the crash from b')).resolves.toEqual({
          type: 'failed',
          name: 'AuthError',
          code: 'auth_revoked',
        });
        expect(tokenAnswers()).toEqual([200, 400]);

        await reauthorize();
        await expect(b.publish('after re-authorizing from b')).resolves.toMatchObject({ type: 'published' });
        const restarted = await start();
        await expect(restarted.publish('after re-authorizing from a restart')).resolves.toMatchObject({
          type: 'published',
        });
      },
      TEST_TIMEOUT_MS,
    );
  });
}
