import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type BullmqWakeups, bullmqWakeups, startWakeupWorker, type WakeupWorker } from '../src/index.js';
import { dropKeys, REDIS_URL, requireRedis, testPrefix } from './support/redis.js';

const bullPrefix = `${testPrefix()}bull`;
beforeEach(requireRedis);
afterAll(() => dropKeys(bullPrefix));

let shared: Redis | undefined;
let planner: BullmqWakeups | undefined;
let worker: WakeupWorker | undefined;
afterEach(async () => {
  await worker?.close();
  await planner?.close();
  await shared?.quit();
  worker = undefined;
  planner = undefined;
  shared = undefined;
});

describe('startWakeupWorker on a shared client set to fail fast for the stores', { timeout: 20_000 }, () => {
  it('waits for jobs without the commandTimeout the stores use, and runs one due later than it', async () => {
    // What the scaling guide advises for a shared client: few retries and a command timeout.
    shared = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, commandTimeout: 200 });
    const ran: string[] = [];
    worker = await startWakeupWorker({
      connection: shared,
      prefix: bullPrefix,
      queueName: 'shared-timeout',
      scheduler: {
        tick: async () => ({ claimed: [], finished: [], notApproved: [] }),
        publishTarget: async ({ entryId }) => {
          ran.push(entryId);
          return { outcome: 'missing' as const };
        },
      },
      sweepEveryMs: 0,
    });
    const errors: Error[] = [];
    worker.worker.on('error', (error) => errors.push(error));
    // The worker waits for jobs in blocking commands on a connection of its own, longer than 200 ms.
    const blocking = await worker.worker.getBackend().blockingClient;
    expect(blocking?.options.commandTimeout).toBeUndefined();
    expect(blocking?.options.maxRetriesPerRequest).toBeNull();

    planner = bullmqWakeups({ connection: shared, prefix: bullPrefix, queueName: 'shared-timeout' });
    await planner.plan({
      id: 'later',
      publishAt: new Date(Date.now() + 1_000),
      targets: [{ platform: 'x', accountId: '2244994945' }],
    });
    await vi.waitFor(() => expect(ran).toEqual(['later']), { timeout: 10_000 });
    expect(errors.map((error) => error.message)).not.toContain('Command timed out');
    expect(shared.options.commandTimeout).toBe(200);
  });
});
