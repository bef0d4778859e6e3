import type { ScheduleStore } from '@smmkit/core/scheduler';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { doomedWorker } from '../../core/test/scheduler/support/crash.js';
import { MINUTE, names, START, useWorld } from '../../core/test/scheduler/support/world.js';
import { redisScheduleStore } from '../src/index.js';
import { dropKeys, REDIS_URL, requireRedis, testPrefix } from './support/redis.js';

// core's scheduler test world (simulated X and Mastodon on a fast-forward clock) on the Redis
// store: workers open their own connections on one prefix, as processes on other machines would.
const filePrefix = testPrefix();
const opened: ScheduleStore[] = [];
beforeEach(requireRedis);
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close?.()));
  await dropKeys(filePrefix);
});
let tests = 0;
let prefix = '';
const world = useWorld(() => {
  tests += 1;
  prefix = `${filePrefix}${tests}:`;
  return redisScheduleStore({ connection: REDIS_URL, prefix });
});
const connection = (): ScheduleStore => {
  const store = redisScheduleStore({ connection: REDIS_URL, prefix });
  opened.push(store);
  return store;
};

describe('scheduler on the Redis store', () => {
  it('never publishes an entry twice with three workers on three connections', async () => {
    const workers = ['one', 'two', 'three'].map((workerId) =>
      world.scheduler({ workerId, batchSize: 3, store: connection() }),
    );
    for (let n = 0; n < 12; n += 1) {
      await workers[0]?.schedule({ text: `Post number ${n}` }, [world.xTarget], new Date(START + n * 1000));
    }
    world.time.set(START + MINUTE);
    // Every worker ticks twice at once, all racing for the same due entries. A worker's second
    // tick claims nothing when its first already filled its batch (how fast Redis answers decides
    // which), so rounds follow until none claims anything: every entry goes out, each once.
    await Promise.all([...workers, ...workers].map((worker) => worker.tick()));
    for (let round = 0; round < 12; round += 1) {
      const ticks = await Promise.all(workers.map((worker) => worker.tick()));
      if (ticks.every((tick) => tick.claimed.length === 0)) break;
    }
    expect(world.xPosts()).toHaveLength(12);
    expect((await world.store().list()).map((e) => [e.status, e.attempts])).toEqual(
      Array.from({ length: 12 }, () => ['published', 1]),
    );
  });

  it('recovers an entry whose worker died after X accepted the create, through the outbox in Redis', async () => {
    const [entry] = await world
      .scheduler()
      .schedule({ text: 'Survives a crash' }, [world.xTarget, world.mastodonTarget], new Date(START));
    const doomed = doomedWorker(connection(), world.clock, {
      afterRequest: (method, url) => method === 'POST' && url.pathname === '/2/tweets',
    });
    void world
      .scheduler({
        store: doomed.store,
        fetch: doomed.fetch,
        clock: doomed.clock,
        workerId: 'doomed',
        leaseMs: MINUTE,
      })
      .tick();
    await vi.waitFor(() => expect(doomed.dead()).toBe(true), { timeout: 5_000 });

    const rescuer = world.scheduler({ workerId: 'rescuer', leaseMs: MINUTE, store: connection() });
    // The worker may have renewed its lease up to its death (the clock runs while Redis answers):
    // the lease has surely lapsed one lease length after it died.
    world.time.set(world.time.now() + MINUTE);
    const { finished } = await rescuer.tick();
    expect(finished.map((e) => [e.id, e.status])).toEqual([[entry?.id, 'published']]);
    expect(names(rescuer)).toEqual(['due', 'recovered', 'published']);
    expect(world.xPosts()).toHaveLength(1);
    expect(world.mastodonPosts()).toHaveLength(1);
  });

  it('keeps a recurring series going, each occurrence added once', async () => {
    const scheduler = world.scheduler();
    await scheduler.schedule({ text: 'Daily' }, [world.xTarget], {
      rrule: 'FREQ=DAILY',
      start: { at: '2026-11-23T09:00', zone: 'Europe/Berlin' },
    });
    world.time.set(Date.parse('2026-11-23T08:00:00Z'));
    await Promise.all([scheduler.tick(), world.scheduler({ store: connection() }).tick()]);
    expect((await scheduler.list({ statuses: ['scheduled'] })).map((e) => e.publishAt.toISOString())).toEqual(
      ['2026-11-24T08:00:00.000Z'],
    );
    expect(world.xPosts()).toHaveLength(1);
  });
});
