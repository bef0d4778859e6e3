import type { ChildProcess } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { spawnRedisServer } from '../../../scripts/redis-for-tests.js';
import { type BullmqWakeups, bullmqWakeups, startWakeupWorker, type WakeupWorker } from '../src/index.js';
import { requireRedis } from './support/redis.js';
import { type OwnRedis, startOwnRedis } from './support/redis-server.js';

beforeEach(requireRedis);

/** A scheduler whose jobs and sweeps do nothing: the test is about the connections. */
const idle = {
  tick: async () => ({ claimed: [], finished: [], notApproved: [] }),
  publishTarget: async () => ({ outcome: 'missing' as const }),
};

let server: OwnRedis | undefined;
let restarted: ChildProcess | undefined;
let planner: BullmqWakeups | undefined;
let worker: WakeupWorker | undefined;
const printed: unknown[][] = [];
const warnings: Error[] = [];
const onWarning = (warning: Error): void => void warnings.push(warning);
beforeEach(() => {
  printed.length = 0;
  warnings.length = 0;
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args));
  process.on('warning', onWarning);
});
afterEach(async () => {
  await worker?.close().catch(() => undefined);
  await planner?.close().catch(() => undefined);
  worker = undefined;
  planner = undefined;
  server?.stop();
  server = undefined;
  restarted?.kill();
  restarted = undefined;
  process.off('warning', onWarning);
  vi.restoreAllMocks();
});

/** The warnings of code SMMKIT_BULLMQ_ERROR, by message. */
const outageWarnings = (): string[] =>
  warnings
    .filter((warning) => (warning as { code?: string }).code === 'SMMKIT_BULLMQ_ERROR')
    .map((warning) => warning.message);

describe('BullMQ wake-ups while Redis is away', { timeout: 30_000 }, () => {
  it('reports the lost connection once per queue and worker, naming the queue and the error code, instead of a stack per retry', async () => {
    server = await startOwnRedis([]);
    planner = bullmqWakeups({ connection: server.url, queueName: 'outage' });
    worker = await startWakeupWorker({
      connection: server.url,
      queueName: 'outage',
      scheduler: idle,
      sweepEveryMs: 0,
    });
    // Every reconnection attempt of their clients, counted beside the queue's and worker's own listeners.
    let attempts = 0;
    for (const backend of [planner.queue.getBackend(), worker.worker.getBackend()]) {
      backend.on('error', () => {
        attempts += 1;
      });
    }
    await planner.plan({ id: 'before', publishAt: new Date(Date.now() + 3_600_000), targets: [] });

    server.stop();
    await vi.waitFor(() => expect(attempts).toBeGreaterThanOrEqual(4), { timeout: 15_000 });

    // Sorted: the worker's, then the queue's.
    expect(outageWarnings().sort()).toEqual([
      expect.stringMatching(
        /^smmkit: The Redis BullMQ wake-up worker \(queue "outage"\) could not keep its connection: the connection to Redis failed \((ECONNREFUSED|EPIPE|ECONNRESET)\)\./,
      ),
      expect.stringMatching(
        /^smmkit: The Redis BullMQ wake-ups \(queue "outage"\) could not keep its connection: the connection to Redis failed \((ECONNREFUSED|EPIPE|ECONNRESET)\)\./,
      ),
    ]);
    expect(warnings.find((warning) => warning.message.includes('"outage"'))).toMatchObject({
      detail: expect.stringContaining('Check that Redis is running'),
    });
    expect(printed).toEqual([]);

    // Back, and away again: a new outage, reported anew.
    restarted = spawnRedisServer(Number(new URL(server.url).port));
    const ready = { planner: 0, worker: 0 };
    planner.queue.getBackend().on('ready', () => {
      ready.planner += 1;
    });
    worker.worker.getBackend().on('ready', () => {
      ready.worker += 1;
    });
    await vi.waitFor(() => expect(Math.min(ready.planner, ready.worker)).toBeGreaterThanOrEqual(1), {
      timeout: 15_000,
    });
    restarted.kill();
    await vi.waitFor(() => expect(outageWarnings()).toHaveLength(4), { timeout: 15_000 });
    const before = attempts;
    await vi.waitFor(() => expect(attempts).toBeGreaterThanOrEqual(before + 3), { timeout: 15_000 });
    expect(outageWarnings()).toHaveLength(4);
    expect(printed).toEqual([]);

    // Closed while Redis is still away: nothing is left reconnecting and printing.
    await expect(planner.close()).resolves.toBeUndefined();
    await expect(worker.close()).resolves.toBeUndefined();
    await expect(planner.queue.getBackend().client).resolves.toMatchObject({ status: 'end' });
    planner = undefined;
    worker = undefined;
    expect(printed).toEqual([]);
  });
});
