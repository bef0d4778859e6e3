import { EventEmitter } from 'node:events';
import { TransientError } from '@smmkit/core';
import type { SchedulerEventEmitter } from '@smmkit/core/scheduler';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type BullmqWakeups, bullmqWakeups, planWakeups } from '../src/index.js';
import { requireRedis } from './support/redis.js';
import { type OwnRedis, startOwnRedis } from './support/redis-server.js';

beforeEach(requireRedis);

const target = { platform: 'x', accountId: '2244994945' };
const entry = (id: string) => ({ id, publishAt: new Date(Date.now() + 3_600_000), targets: [target] });

let server: OwnRedis | undefined;
let planner: BullmqWakeups | undefined;
afterEach(async () => {
  server?.stop();
  server = undefined;
  await planner?.close().catch(() => undefined);
  planner = undefined;
});

describe('bullmqWakeups from a Redis URL, when Redis goes away', { timeout: 20_000 }, () => {
  it('fails planning at once with a TransientError, so planWakeups reports it instead of waiting for ever', async () => {
    server = await startOwnRedis([]);
    planner = bullmqWakeups({ connection: server.url, queueName: 'down' });
    const errors: unknown[] = [];
    planner.queue.on('error', (error) => errors.push(error)); // the app's listener
    await expect(planner.plan(entry('before'))).resolves.toHaveLength(1);

    server.stop();
    // The connection is lost once reconnecting is refused.
    await vi.waitFor(() => expect(errors).not.toHaveLength(0), { timeout: 5_000 });

    const error = await planner.plan(entry('during')).then(
      () => expect.unreachable('planning resolved while Redis was down'),
      (thrown: unknown) => thrown,
    );
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      retryable: true,
      message:
        'The Redis BullMQ wake-ups could not plan the target jobs: Redis is not connected, and the client does not queue commands meanwhile (enableOfflineQueue: false).',
      hint: expect.stringContaining('Check that Redis is running'),
    });

    // planWakeups, as the scheduler's events drive it: the failure reaches onError, settled() ends.
    const events = new EventEmitter() as unknown as SchedulerEventEmitter;
    const reported: unknown[] = [];
    const planned = planWakeups(events, planner, (failure) => reported.push(failure));
    (events as unknown as EventEmitter).emit('scheduled', {
      entry: { ...entry('later'), status: 'scheduled' },
    });
    await planned.settled();
    expect(reported).toHaveLength(1);
    expect(TransientError.isInstance(reported[0])).toBe(true);
  });
});
