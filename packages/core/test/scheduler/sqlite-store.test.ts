import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ScheduleStore } from '../../src/scheduler/schedule-store.js';
import { sqliteScheduleStore } from '../../src/sqlite/sqlite-schedule-store.js';
import { doomedWorker } from './support/crash.js';
import { MINUTE, names, START, useWorld } from './support/world.js';

const dir = mkdtempSync(join(tmpdir(), 'smmkit-scheduler-'));
const opened: ScheduleStore[] = [];
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close?.()));
  rmSync(dir, { recursive: true, force: true });
});
let files = 0;
let file = '';
/** Each test gets its own file; workers open their own connections to it, as separate processes would. */
const world = useWorld(() => {
  files += 1;
  file = join(dir, `schedule-${files}.db`);
  return sqliteScheduleStore(file);
});
const connection = (): ScheduleStore => {
  const store = sqliteScheduleStore(file);
  opened.push(store);
  return store;
};

describe('scheduler on the SQLite store', () => {
  it('never publishes an entry twice with two workers on two connections to one file', async () => {
    const one = world.scheduler({ workerId: 'one', batchSize: 3, store: connection() });
    const two = world.scheduler({ workerId: 'two', batchSize: 3, store: connection() });
    for (let n = 0; n < 8; n += 1) {
      await one.schedule({ text: `Post number ${n}` }, [world.xTarget], new Date(START + n * 1000));
    }
    world.time.set(START + MINUTE);
    await Promise.all([one.tick(), two.tick(), one.tick(), two.tick(), one.tick(), two.tick()]);
    expect(world.xPosts()).toHaveLength(8);
    expect((await world.store().list()).map((e) => [e.status, e.attempts])).toEqual(
      Array.from({ length: 8 }, () => ['published', 1]),
    );
  });

  it('recovers an entry whose worker died after X accepted the create, through the outbox in the file', async () => {
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
    world.time.set(Math.max(world.time.now(), START + MINUTE));
    const { finished } = await rescuer.tick();
    expect(finished.map((e) => [e.id, e.status])).toEqual([[entry?.id, 'published']]);
    expect(names(rescuer)).toEqual(['due', 'recovered', 'published']);
    expect(world.xPosts()).toHaveLength(1);
    expect(world.mastodonPosts()).toHaveLength(1);
  });

  it('keeps a series going from the start the planner wrote', async () => {
    const scheduler = world.scheduler();
    const [first] = await scheduler.schedule({ text: 'Daily' }, [world.xTarget], {
      rrule: 'FREQ=DAILY',
      start: { at: '2026-11-23T09:00', zone: 'Europe/Berlin' },
    });
    expect((await connection().get(first?.id ?? ''))?.recurrence).toEqual({
      rule: 'FREQ=DAILY',
      start: '2026-11-23T09:00',
      zone: 'Europe/Berlin',
    });
    world.time.set(Date.parse('2026-11-23T08:00:00Z'));
    await scheduler.tick();
    expect((await scheduler.list({ statuses: ['scheduled'] })).map((e) => e.publishAt.toISOString())).toEqual(
      ['2026-11-24T08:00:00.000Z'],
    );
  });
});
