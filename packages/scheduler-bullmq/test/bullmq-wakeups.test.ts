import type { Clock } from '@smmkit/core';
import type { ScheduleStore } from '@smmkit/core/scheduler';
import { fastForwardClock, manualClock } from '@smmkit/testkit';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { doomedWorker } from '../../core/test/scheduler/support/crash.js';
import { MINUTE, START, useWorld } from '../../core/test/scheduler/support/world.js';
import {
  type BullmqWakeups,
  bullmqWakeups,
  planWakeups,
  redisScheduleStore,
  startWakeupWorker,
  type WakeupWorker,
  wakeJobId,
} from '../src/index.js';
import { dropKeys, REDIS_URL, requireRedis, testPrefix } from './support/redis.js';

// Store keys and BullMQ keys of this file under one prefix of its own.
const filePrefix = testPrefix();
const bullPrefix = `${filePrefix}bull`;
beforeEach(requireRedis);
afterAll(() => dropKeys(filePrefix));

let tests = 0;
let storePrefix = '';
let queueName = '';
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});
const world = useWorld(() => {
  tests += 1;
  storePrefix = `${filePrefix}${tests}:`;
  queueName = `wakeups-${tests}`;
  return redisScheduleStore({ connection: REDIS_URL, prefix: storePrefix });
});
const connection = (): ScheduleStore => {
  const store = redisScheduleStore({ connection: REDIS_URL, prefix: storePrefix });
  opened.push({ close: async () => store.close?.() });
  return store;
};
const wakeups = (clock: Clock = world.clock): BullmqWakeups => {
  const planner = bullmqWakeups({ connection: REDIS_URL, prefix: bullPrefix, queueName, clock });
  opened.push(planner);
  return planner;
};
const wakeupWorker = async (
  scheduler: Parameters<typeof startWakeupWorker>[0]['scheduler'],
  sweepEveryMs = 0,
): Promise<WakeupWorker> => {
  const worker = await startWakeupWorker({
    connection: REDIS_URL,
    prefix: bullPrefix,
    queueName,
    scheduler,
    sweepEveryMs,
    clock: world.clock,
  });
  opened.push(worker);
  return worker;
};

// BullMQ runs on real time: jobs are awaited (vi.waitFor), within a test timeout above those waits.
describe('BullMQ wake-ups', { timeout: 20_000 }, () => {
  it('plans one delayed job per entry and time: planning again is a no-op, a new time is a new job', async () => {
    const time = fastForwardClock(manualClock(START));
    const planner = wakeups(time);
    const entry = { id: 'series@2026-11-22T13:00:00.000Z', publishAt: new Date(START + 60 * MINUTE) };
    const first = await planner.plan(entry);
    await planner.plan(entry);
    await wakeups(time).plan(entry); // another process plans it too
    const moved = await planner.plan({ ...entry, publishAt: new Date(START + 90 * MINUTE) });

    expect(first).toBe(wakeJobId(entry));
    expect(moved).not.toBe(first);
    await expect(planner.queue.getDelayedCount()).resolves.toBe(2);
    const job = await planner.queue.getJob(first);
    expect(job?.opts.delay).toBe(60 * MINUTE);
    expect(job?.data).toEqual({ entryId: entry.id, publishAt: START + 60 * MINUTE });
  });

  it('keeps entry ids apart that only differ where BullMQ forbids characters', () => {
    const at = new Date(START);
    const ids = ['a:b', 'a%3Ab', '123', 'a%b'].map((id) => wakeJobId({ id, publishAt: at }));
    expect(new Set(ids).size).toBe(4);
    expect(ids.every((id) => !id.includes(':') && Number.isNaN(Number(id)))).toBe(true);
  });

  it('wakes workers on two connections at each entry’s time, and each entry is published once', async () => {
    const planner = wakeups();
    const planning = world.scheduler({ workerId: 'planner' });
    const planned = planWakeups(planning.events, planner);
    const entries = [];
    for (let n = 0; n < 6; n += 1) {
      entries.push(...(await planning.schedule({ text: `Due now ${n}` }, [world.xTarget], new Date(START))));
    }
    await planned.settled();
    // Planned twice (say, by a retried request): still one job per entry.
    for (const entry of entries) await planner.plan(entry);
    await expect(planner.queue.getJobCounts('wait', 'delayed', 'active', 'completed')).resolves.toSatisfy(
      (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0) === 6,
    );

    for (const workerId of ['one', 'two']) {
      await wakeupWorker(world.scheduler({ workerId, batchSize: 2, store: connection() }));
    }
    await vi.waitFor(async () => expect(await planner.queue.getCompletedCount()).toBe(6), {
      timeout: 10_000,
    });
    expect(world.xPosts()).toHaveLength(6);
    expect((await world.store().list()).map((entry) => [entry.status, entry.attempts])).toEqual(
      Array.from({ length: 6 }, () => ['published', 1]),
    );
  });

  it('puts back a wake-up that fires before its entry is due by the scheduler’s clock', async () => {
    // The planner's clock runs ten minutes ahead of the scheduler's: its job fires at once.
    const ahead = fastForwardClock(manualClock(START + 10 * MINUTE));
    const planner = wakeups(ahead);
    const [entry] = await world
      .scheduler()
      .schedule({ text: 'Not yet' }, [world.xTarget], new Date(START + 5 * MINUTE));
    if (entry === undefined) throw new Error('no entry');
    const jobId = await planner.plan(entry);
    await wakeupWorker(world.scheduler({ workerId: 'early', store: connection() }));

    await vi.waitFor(async () => expect(await planner.queue.getJobState(jobId)).toBe('delayed'), {
      timeout: 10_000,
    });
    expect(world.xPosts()).toHaveLength(0);
    await expect(world.store().get(entry.id)).resolves.toMatchObject({ status: 'scheduled' });
  });

  it('sweeps up an entry whose worker died holding it, once its lease ran out, through the outbox', async () => {
    const [entry] = await world
      .scheduler()
      .schedule({ text: 'Survives a crash' }, [world.xTarget], new Date(START));
    const doomed = doomedWorker(connection(), world.clock.fetch, {
      afterRequest: (method, url) => method === 'POST' && url.pathname === '/2/tweets',
    });
    void world
      .scheduler({ store: doomed.store, fetch: doomed.fetch, workerId: 'doomed', leaseMs: MINUTE })
      .tick();
    await vi.waitFor(() => expect(doomed.dead()).toBe(true), { timeout: 5_000 });
    world.time.set(world.time.now() + MINUTE);

    const rescuer = world.scheduler({ workerId: 'rescuer', leaseMs: MINUTE, store: connection() });
    await wakeupWorker(rescuer, 50);
    await vi.waitFor(
      async () => expect(await world.store().get(entry?.id ?? '')).toMatchObject({ status: 'published' }),
      {
        timeout: 10_000,
      },
    );
    expect(rescuer.seen.map((event) => event.name)).toEqual(['due', 'recovered', 'published']);
    expect(world.xPosts()).toHaveLength(1);
  });
});
