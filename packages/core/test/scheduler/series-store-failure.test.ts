import { describe, expect, it } from 'vitest';
import { TransientError } from '../../src/errors/transient-error.js';
import { createSchedulerEvents } from '../../src/scheduler/events.js';
import { memoryScheduleStore } from '../../src/scheduler/memory-schedule-store.js';
import type { ScheduleStore } from '../../src/scheduler/schedule-store.js';
import { continueSeries } from '../../src/scheduler/series.js';
import { HOUR, names, START, useWorld } from './support/world.js';

// A store write that fails once (a locked database, a dropped Redis connection) while a worker
// adds a series' next occurrence must not end the series for good.
let failingAdds = 0;
function storeFailingAdds(): ScheduleStore {
  const store = memoryScheduleStore();
  const addIfAbsent = store.addIfAbsent.bind(store);
  store.addIfAbsent = async (entry) => {
    if (failingAdds > 0) {
      failingAdds -= 1;
      throw new Error('database is locked');
    }
    return addIfAbsent(entry);
  };
  return store;
}
const world = useWorld(storeFailingAdds);
const DAY = 24 * HOUR;
const daily = { rrule: 'FREQ=DAILY', start: { at: '2026-11-22T13:00', zone: 'UTC' } } as const;

describe('a recurring series when the store fails to add its next occurrence once', () => {
  it('goes on: the worker adds it once the occurrence’s outcome is written', async () => {
    const scheduler = world.scheduler();
    await scheduler.schedule({ text: 'Daily tip' }, [world.xTarget], daily);
    world.time.set(START + HOUR);
    failingAdds = 1;
    await scheduler.tick();
    expect(names(scheduler)).toContain('tick-failed');
    const entries = await scheduler.list();
    expect(entries.map((entry) => [entry.status, entry.publishAt.toISOString()])).toEqual([
      ['published', '2026-11-22T13:00:00.000Z'],
      ['scheduled', '2026-11-23T13:00:00.000Z'],
    ]);
    world.time.set(START + HOUR + DAY);
    await scheduler.tick();
    expect(world.xPosts()).toHaveLength(2);
  });

  it('goes on when targets are published one job each', async () => {
    const scheduler = world.scheduler();
    const [entry] = await scheduler.schedule({ text: 'Daily tip' }, [world.xTarget], daily);
    if (entry === undefined) throw new Error('nothing scheduled');
    world.time.set(START + HOUR);
    failingAdds = 1;
    const run = await scheduler.publishTarget({
      entryId: entry.id,
      publishAt: entry.publishAt,
      target: world.xTarget,
    });
    expect(run.outcome).toBe('published');
    const next = await scheduler.list({ statuses: ['scheduled'] });
    expect(next.map((later) => later.publishAt.toISOString())).toEqual(['2026-11-23T13:00:00.000Z']);
  });
});

describe('a series whose next occurrence the store fails to add while one leaves the plan', () => {
  const states = async (scheduler: ReturnType<typeof world.scheduler>) =>
    (await scheduler.list()).map((entry) => [entry.publishAt.toISOString(), entry.status]);

  it('cancels nothing, so cancelling again cancels the occurrence and keeps the series', async () => {
    const scheduler = world.scheduler();
    const [first] = await scheduler.schedule({ text: 'Daily tip' }, [world.xTarget], daily);
    failingAdds = 1;
    await expect(scheduler.cancel(first?.id ?? '')).rejects.toThrow('database is locked');
    expect(await states(scheduler)).toEqual([['2026-11-22T13:00:00.000Z', 'scheduled']]);
    await scheduler.cancel(first?.id ?? '');
    expect(await states(scheduler)).toEqual([
      ['2026-11-22T13:00:00.000Z', 'cancelled'],
      ['2026-11-23T13:00:00.000Z', 'scheduled'],
    ]);
  });

  it('leaves an occurrence due unapproved to the next round, which fails it and asks again for the next', async () => {
    const scheduler = world.scheduler();
    await scheduler.schedule({ text: 'Daily tip' }, [world.xTarget], daily, { approval: 'required' });
    world.time.set(START + HOUR);
    failingAdds = 1;
    await expect(scheduler.tick()).rejects.toThrow('database is locked');
    await scheduler.tick();
    expect(await states(scheduler)).toEqual([
      ['2026-11-22T13:00:00.000Z', 'failed'],
      ['2026-11-23T13:00:00.000Z', 'awaiting_approval'],
    ]);
  });
});

describe('moving an occurrence past the next while the store fails to add that one', () => {
  it('asks twice, then says the move stands and that repeating it adds the occurrence', async () => {
    const scheduler = world.scheduler();
    const [first] = await scheduler.schedule({ text: 'Daily tip' }, [world.xTarget], daily);
    const id = first?.id ?? '';
    const later = new Date('2026-11-23T14:00:00Z');
    failingAdds = 1;
    await scheduler.reschedule(id, later);
    expect((await scheduler.list()).map((entry) => entry.publishAt.toISOString())).toEqual([
      '2026-11-23T13:00:00.000Z',
      '2026-11-23T14:00:00.000Z',
    ]);

    const other = await scheduler.schedule({ text: 'Other tip' }, [world.xTarget], {
      ...daily,
      start: { ...daily.start, at: '2026-11-22T15:00' },
    });
    const otherId = other[0]?.id ?? '';
    const past = new Date('2026-11-23T16:00:00Z');
    failingAdds = 2;
    const error = await scheduler.reschedule(otherId, past).catch((caught: unknown) => caught);
    expect(failingAdds).toBe(0);
    expect(TransientError.isInstance(error)).toBe(true);
    expect((error as TransientError).message).toContain('could not be added (Error: database is locked)');
    expect((error as TransientError).hint).toContain('Reschedule it to the same time again');
    expect((await scheduler.list()).find((entry) => entry.id === otherId)?.publishAt).toEqual(past);
    await scheduler.reschedule(otherId, past);
    const series = await scheduler.list({ statuses: ['scheduled'] });
    expect(
      series.filter((entry) => entry.seriesId === otherId).map((entry) => entry.publishAt.toISOString()),
    ).toEqual(['2026-11-23T15:00:00.000Z']);
  });
});

describe('continuing a series late', () => {
  it('adds nothing once the occurrence after this one exists, even cancelled with the series', async () => {
    const scheduler = world.scheduler();
    const hourly = { rrule: 'FREQ=DAILY;BYHOUR=13,14,15,16', start: { at: '2026-11-22T13:00', zone: 'UTC' } };
    const [first] = await scheduler.schedule({ text: 'Hourly tip' }, [world.xTarget], hourly);
    if (first === undefined) throw new Error('nothing scheduled');
    world.time.set(START + HOUR);
    await scheduler.tick();
    const [next] = await scheduler.list({ statuses: ['scheduled'] });
    await scheduler.cancel(next?.id ?? '', { series: true });
    // A worker that took 13:00 over (or retries a failed write) half an hour after 14:00.
    const late = new Date(START + 2.5 * HOUR);
    const added = await continueSeries(first, world.store(), createSchedulerEvents(), late);
    expect(added).toBeUndefined();
    expect(await scheduler.list({ statuses: ['scheduled'] })).toEqual([]);
  });
});
