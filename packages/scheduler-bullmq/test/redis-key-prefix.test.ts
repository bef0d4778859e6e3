import { ValidationError } from '@smmkit/core';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bullmqWakeups,
  redisAccountStore,
  redisBudgetLedger,
  redisInboxStore,
  redisMetricsStore,
  redisScheduleStore,
  redisStore,
  redisTokenStore,
  startWakeupWorker,
} from '../src/index.js';
import { dropKeys, REDIS_URL, requireRedis, testPrefix } from './support/redis.js';

const filePrefix = testPrefix();
beforeEach(requireRedis);
afterAll(() => dropKeys(filePrefix));

// ioredis' "transparent key prefixing": it prefixes the keys a command names, not the key names
// the Lua scripts build from their arguments.
const keyPrefix = `${filePrefix}app:`;
const clients: Redis[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.quit();
});
const prefixedClient = (): Redis => {
  const client = new Redis(REDIS_URL, { keyPrefix });
  clients.push(client);
  return client;
};

/** What a refusal must say: which option to use instead. */
function expectRefusal(error: unknown, what: string): void {
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).problems).toEqual([
    expect.objectContaining({ path: ['keyPrefix'], rule: 'redis.key_prefix', actual: keyPrefix }),
  ]);
  expect((error as ValidationError).message).toContain(`${what}'s own \`prefix\` option`);
}

const thrown = (open: () => unknown): unknown => {
  try {
    open();
  } catch (error) {
    return error;
  }
  return undefined;
};

const thrownAsync = async (open: () => Promise<unknown>): Promise<unknown> => {
  try {
    await open();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('a client with ioredis keyPrefix', () => {
  it('is refused by every store, naming the store’s own prefix option, before anything is written', async () => {
    const prefix = `${filePrefix}store:`;
    const client = prefixedClient();
    const opens: [string, () => unknown][] = [
      ['redisScheduleStore', () => redisScheduleStore({ connection: client, prefix })],
      ['redisBudgetLedger', () => redisBudgetLedger({ connection: client, prefix })],
      ['redisAccountStore', () => redisAccountStore({ connection: client, prefix })],
      ['redisInboxStore', () => redisInboxStore({ connection: client, prefix })],
      ['redisMetricsStore', () => redisMetricsStore({ connection: client, prefix })],
      ['redisTokenStore', () => redisTokenStore(client, { prefix })],
      ['redisStore', () => redisStore({ connection: client, prefix })],
    ];
    for (const [what, open] of opens) expectRefusal(thrown(open), what);

    const plain = new Redis(REDIS_URL);
    clients.push(plain);
    await expect(plain.keys(`${filePrefix}*`)).resolves.toEqual([]);
  });

  it('is refused in a Redis URL too (ioredis reads options from its query string)', () => {
    const url = `${REDIS_URL}?keyPrefix=${encodeURIComponent(keyPrefix)}`;
    expectRefusal(
      thrown(() => redisScheduleStore({ connection: url, prefix: `${filePrefix}url:` })),
      'redisScheduleStore',
    );
  });

  it('is refused by the BullMQ wake-ups and their worker with a ValidationError', async () => {
    const client = prefixedClient();
    expectRefusal(
      thrown(() => bullmqWakeups({ connection: client, prefix: `${filePrefix}bull` })),
      'bullmqWakeups',
    );
    const scheduler = {
      tick: async () => ({ claimed: [], notApproved: [], finished: [] }),
      publishTarget: async () => ({ outcome: 'missing' as const }),
    };
    const error = await thrownAsync(() =>
      startWakeupWorker({ connection: client, prefix: `${filePrefix}bull`, scheduler, sweepEveryMs: 0 }),
    );
    expectRefusal(error, 'startWakeupWorker');
  });

  it('is refused in a Redis URL by the BullMQ wake-ups and their worker, before BullMQ opens a queue on it', async () => {
    const url = `${REDIS_URL}?keyPrefix=${encodeURIComponent(keyPrefix)}`;
    const bullPrefix = `${filePrefix}bull-url`;
    const planned = await thrownAsync(async () => {
      const planner = bullmqWakeups({ connection: url, prefix: bullPrefix });
      await planner.close();
    });
    expectRefusal(planned, 'bullmqWakeups');
    const scheduler = {
      tick: async () => ({ claimed: [], notApproved: [], finished: [] }),
      publishTarget: async () => ({ outcome: 'missing' as const }),
    };
    const error = await thrownAsync(async () => {
      const worker = await startWakeupWorker({
        connection: url,
        prefix: bullPrefix,
        scheduler,
        sweepEveryMs: 0,
      });
      await worker.close();
    });
    expectRefusal(error, 'startWakeupWorker');
    // Nothing of BullMQ's was written, under either prefix.
    const plain = new Redis(REDIS_URL);
    clients.push(plain);
    await expect(plain.keys(`*${bullPrefix}*`)).resolves.toEqual([]);
  });
});
