import { inspect } from 'node:util';
import { parseScheduleEntry, type ScheduleEntry, TransientError, ValidationError } from '@smmkit/core';
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  redisAccountStore,
  redisBudgetLedger,
  redisInboxStore,
  redisMetricsStore,
  redisScheduleStore,
  redisStore,
  redisTokenStore,
} from '../src/index.js';
import { dropKeys, REDIS_URL, requireRedis, testPrefix } from './support/redis.js';
import { freePort, startOwnRedis } from './support/redis-server.js';

const prefix = testPrefix();
beforeEach(requireRedis);
afterAll(() => dropKeys(prefix));

const SECRET = 'access-secret-7f3a';
const REFRESH_SECRET = 'refresh-secret-9c1d';
const now = new Date('2026-05-01T07:00:00Z');
const tokens = { accessToken: SECRET, refreshToken: REFRESH_SECRET };

const entry = (id: string): ScheduleEntry =>
  parseScheduleEntry({
    id,
    post: { text: `Post ${id}` },
    targets: [{ platform: 'x', accountId: '2244994945' }],
    publishAt: '2026-05-01T07:00:00Z',
    timeZone: 'Europe/Berlin',
    status: 'scheduled',
  });

/** A client whose 'error' events (a refused connection, say) are handled, as an app's would be. */
const client = (
  url: string,
  options: { readonly maxRetriesPerRequest?: number; readonly enableOfflineQueue?: boolean } = {},
): Redis => {
  const redis = new Redis(url, options);
  redis.on('error', () => undefined);
  return redis;
};

/** What `promise` rejected with, failing the test when it resolved. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the call resolved'),
    (error: unknown) => error,
  );
}

/** Checks that no token is in the error's message, its JSON or its printed form, cause included. */
function expectNoSecret(error: unknown): void {
  for (const printed of [(error as Error).message, JSON.stringify(error), inspect(error, { depth: 10 })]) {
    expect(printed).not.toContain(SECRET);
    expect(printed).not.toContain(REFRESH_SECRET);
  }
}

describe('Redis stores: a Redis that cannot be reached', () => {
  const calls = [
    [
      'schedule store',
      'claim due entries',
      (connection: Redis) =>
        redisScheduleStore({ connection, prefix }).claimDue({
          now,
          limit: 10,
          worker: 'w1',
          leaseMs: 60_000,
        }),
    ],
    [
      'schedule store',
      'record the intent to publish in the outbox',
      (connection: Redis) =>
        redisScheduleStore({ connection, prefix }).begin({
          key: 'k1',
          platform: 'x',
          accountId: '1',
          startedAt: now,
        }),
    ],
    [
      'inbox store',
      'mark the ids as seen',
      (connection: Redis) => redisInboxStore({ connection, prefix }).markSeenIds('webhook:x', ['1'], now),
    ],
    [
      'account store',
      'list the accounts',
      (connection: Redis) => redisAccountStore({ connection, prefix }).list(),
    ],
    [
      'metrics store',
      'read the published posts',
      (connection: Redis) => redisMetricsStore({ connection, prefix }).posts(),
    ],
    [
      'budget ledger',
      'pause the rate budget',
      async (connection: Redis) =>
        redisBudgetLedger({ connection, prefix }).pause(
          { platform: 'x', accountId: '1', bucket: 'POST /2/tweets' },
          0,
        ),
    ],
    [
      'token store',
      'load the tokens',
      (connection: Redis) => redisTokenStore(connection, { prefix }).load('x:brand'),
    ],
    [
      'token store',
      'write the tokens',
      (connection: Redis) =>
        redisTokenStore(connection, { prefix }).compareAndSwap('x:brand', undefined, tokens),
    ],
  ] as const;

  it.each(calls)(
    'the %s fails to %s as a retryable TransientError naming both, when its retries run out',
    async (name, operation, call) => {
      const dead = client(`redis://127.0.0.1:${await freePort()}`, { maxRetriesPerRequest: 0 });
      const error = await rejection(call(dead));
      dead.disconnect();
      expect(TransientError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        code: 'transient',
        retryable: true,
        message: `The Redis ${name} could not ${operation}: Redis could not be reached, and the client's retries for the command ran out (maxRetriesPerRequest).`,
        hint: expect.stringContaining('Check that Redis is running and reachable'),
      });
      expect((error as Error).cause).toMatchObject({ name: 'MaxRetriesPerRequestError' });
      expectNoSecret(error);
    },
  );

  it('fails at once, naming the client option, when the client queues nothing offline', async () => {
    const dead = client(`redis://127.0.0.1:${await freePort()}`, { enableOfflineQueue: false });
    const error = await rejection(redisScheduleStore({ connection: dead, prefix }).get('one'));
    dead.disconnect();
    expect(TransientError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'The Redis schedule store could not read the entry: Redis is not connected, and the client does not queue commands meanwhile (enableOfflineQueue: false).',
    );
  });

  it('leaves a call on a closed store as it failed, never retryable, and holding no token', async () => {
    const store = redisTokenStore(REDIS_URL, { prefix });
    await store.close();
    const error = await rejection(store.compareAndSwap('x:brand', undefined, tokens));
    expect(TransientError.isInstance(error)).toBe(false);
    expect((error as Error).message).toMatch(/^Connection (is )?closed/);
    expectNoSecret(error);

    const bundle = redisStore({ connection: REDIS_URL, prefix });
    await bundle.close();
    const closed = await rejection(bundle.schedule.list());
    expect(TransientError.isInstance(closed)).toBe(false);
  });

  it("fails taking the token store's lock as a TransientError, but lets what the locked work threw through as it is", async () => {
    const dead = client(`redis://127.0.0.1:${await freePort()}`, { maxRetriesPerRequest: 0 });
    let ran = false;
    const error = await rejection(
      redisTokenStore(dead, { prefix }).withLock('x:brand', async () => {
        ran = true;
      }),
    );
    expect(ran).toBe(false);
    expect((error as Error).message).toBe(
      "The Redis token store could not take the lock on the account's tokens: Redis could not be reached, and the client's retries for the command ran out (maxRetriesPerRequest).",
    );

    // The work's own Redis error is the app's: it is not relabelled as the token store's.
    const live = redisTokenStore(REDIS_URL, { prefix });
    const appError = await rejection(live.withLock('x:brand', () => dead.get('app-key')));
    expect(TransientError.isInstance(appError)).toBe(false);
    expect(appError).toMatchObject({ name: 'MaxRetriesPerRequestError' });
    dead.disconnect();
    await live.close();
  });
});

describe('Redis stores: a server that cannot take writes now', () => {
  it('fails a write on a read-only replica as a TransientError saying so, without the tokens the command carried', async () => {
    // A replica of a primary that is not there: it refuses every write (replica-read-only).
    const replica = await startOwnRedis(['--replicaof', '127.0.0.1', String(await freePort())]);
    const store = redisTokenStore(replica.url, { prefix });
    const error = await rejection(store.compareAndSwap('x:brand', undefined, tokens));
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      retryable: true,
      message:
        'The Redis token store could not write the tokens: Redis refused the write: the server is a read-only replica (READONLY).',
      hint: expect.stringContaining('Point the store at the primary'),
    });
    // ioredis' error carried the script's arguments, the tokens among them: its cause keeps the
    // command's name only, so a logger that walks causes (pino's err serializer) prints no token.
    const cause = (error as { cause?: { command?: unknown } }).cause;
    expect(cause?.command).toEqual({ name: expect.any(String) });
    expect(JSON.stringify(cause)).not.toContain(SECRET);
    expectNoSecret(error);

    const schedule = redisScheduleStore({ connection: replica.url, prefix });
    await expect(schedule.add([entry('one')])).rejects.toMatchObject({
      name: 'TransientError',
      message:
        'The Redis schedule store could not add the entries: Redis refused the write: the server is a read-only replica (READONLY).',
    });
    await Promise.all([store.close(), schedule.close()]);
    replica.stop();
  });

  it('fails a write on a Redis out of memory as a TransientError saying so, a MULTI transaction included', async () => {
    const full = await startOwnRedis(['--maxmemory', '1', '--maxmemory-policy', 'noeviction']);
    const store = redisTokenStore(full.url, { prefix });
    // save is MULTI/EXEC: Redis discards it (EXECABORT) because its commands were refused (OOM).
    const error = await rejection(store.save('x:brand', tokens));
    expect(TransientError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'The Redis token store could not save the tokens: Redis is out of memory: its used memory is above maxmemory (OOM).',
    );
    expectNoSecret(error);

    const inbox = redisInboxStore({ connection: full.url, prefix });
    await expect(inbox.markSeenIds('webhook:x', ['1'], now)).rejects.toMatchObject({
      name: 'TransientError',
      message:
        'The Redis inbox store could not mark the ids as seen: Redis is out of memory: its used memory is above maxmemory (OOM).',
    });
    await Promise.all([store.close(), inbox.close()]);
    full.stop();
  });
});

describe('Redis stores: what is not a failure of Redis passes as it is', () => {
  it('keeps the errors the store chose, and a key of the wrong type is a set-up mistake, not something to retry', async () => {
    const own = `${prefix}passes:`;
    const schedule = redisScheduleStore({ connection: REDIS_URL, prefix: own });
    await schedule.add([entry('one')]);
    await expect(schedule.add([entry('one')])).rejects.toThrow(ValidationError);

    const redis = client(REDIS_URL);
    await redis.set(`${own}accounts`, 'not a hash');
    const error = await rejection(redisAccountStore({ connection: redis, prefix: own }).list());
    expect(TransientError.isInstance(error)).toBe(false);
    expect((error as Error).message).toMatch(/^WRONGTYPE/);
    await Promise.all([schedule.close(), redis.quit()]);
  });

  it('leaves the tokens out of a set-up mistake it passes on (the command named, its arguments dropped)', async () => {
    const own = `${prefix}passes-tokens:`;
    const redis = client(REDIS_URL);
    await redis.set(`${own}tokens:x:ana`, 'not a hash');
    const store = redisTokenStore(redis, { prefix: own });
    const error = await rejection(store.compareAndSwap('x:ana', undefined, tokens));
    expect((error as Error).message).toMatch(/WRONGTYPE/);
    expect((error as { command?: unknown }).command).toEqual({ name: expect.any(String) });
    for (const shown of [inspect(error, { depth: 10 }), JSON.stringify(error), String(error)]) {
      expect(shown).not.toContain(SECRET);
      expect(shown).not.toContain(REFRESH_SECRET);
    }
    await redis.quit();
  });
});
