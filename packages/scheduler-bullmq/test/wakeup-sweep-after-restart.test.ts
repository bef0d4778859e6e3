import type { ChildProcess } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { spawnRedisServer } from '../../../scripts/redis-for-tests.js';
import { startWakeupWorker, type WakeupWorker } from '../src/index.js';
import { requireRedis } from './support/redis.js';
import { type OwnRedis, startOwnRedis } from './support/redis-server.js';

beforeEach(requireRedis);

let server: OwnRedis | undefined;
let restarted: ChildProcess | undefined;
let worker: WakeupWorker | undefined;
afterEach(async () => {
  await worker?.close().catch(() => undefined);
  worker = undefined;
  server?.stop();
  server = undefined;
  restarted?.kill();
  restarted = undefined;
});

describe('the sweep after Redis restarted without its data', { timeout: 30_000 }, () => {
  it('runs again without restarting the worker: the worker schedules it again once it has reconnected', async () => {
    server = await startOwnRedis([]); // no persistence: a restart comes back empty
    let sweeps = 0;
    worker = await startWakeupWorker({
      connection: server.url,
      queueName: 'restart',
      scheduler: {
        tick: async () => {
          sweeps += 1;
          return { claimed: [], finished: [], notApproved: [] };
        },
        publishTarget: async () => ({ outcome: 'missing' as const }),
      },
      sweepEveryMs: 100,
    });
    const errors: unknown[] = [];
    worker.worker.on('error', (error) => errors.push(error)); // the app's listener: nothing printed
    await vi.waitFor(() => expect(sweeps).toBeGreaterThanOrEqual(1), { timeout: 10_000 });

    let ready = 0;
    worker.worker.getBackend().on('ready', () => {
      ready += 1;
    });
    server.stop();
    await vi.waitFor(() => expect(errors).not.toHaveLength(0), { timeout: 10_000 });
    restarted = spawnRedisServer(Number(new URL(server.url).port));
    server = undefined;
    await vi.waitFor(() => expect(ready).toBeGreaterThanOrEqual(1), { timeout: 15_000 });

    // Sweeps run on the empty Redis: its job scheduler was written there again.
    const before = sweeps;
    await vi.waitFor(() => expect(sweeps).toBeGreaterThanOrEqual(before + 2), { timeout: 10_000 });
  });
});
