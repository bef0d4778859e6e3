import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { ScheduleEntry } from '../../src/models/schedule-entry.js';
import { parseScheduleEntry } from '../../src/parse/parse-models.js';
import type { ScheduledEvent } from '../../src/scheduler/events.js';
import type { ScheduleStore } from '../../src/scheduler/schedule-store.js';
import { names, useWorld } from './support/world.js';

const world = useWorld();

const MONDAY = '2026-11-23T08:00:00.000Z'; // 09:00 in Berlin
const TUESDAY = '2026-11-24T08:00:00.000Z';
const SUNDAY_NEW_YORK = '2026-11-22T15:15:00.000Z'; // 10:15 in New York

/** ana's X account posts weekdays 09:00 Berlin time; her Mastodon account weekends 10:15 New York time. */
const queues = () => [
  { ...world.xTarget, zone: 'Europe/Berlin', slots: ['Mon-Fri 09:00'] },
  { ...world.mastodonTarget, zone: 'America/New_York', slots: ['Sat,Sun 10:15'] },
];

/** An entry another process planned for `target` at `at`. */
const elsewhere = (id: string, target: { platform: string; accountId: string }, at: string): ScheduleEntry =>
  parseScheduleEntry({
    id,
    post: { text: 'Planned by another process' },
    targets: [target],
    publishAt: at,
    timeZone: 'Europe/Berlin',
    status: 'scheduled',
  });

/**
 * The test's store, except that right after its first `list` another process adds `entries`:
 * the slots the scheduler read as free are taken before it claims them.
 */
function racedBy(entries: readonly ScheduleEntry[]): ScheduleStore {
  const store = world.store();
  let raced = false;
  return {
    ...store,
    list: async (query) => {
      const listed = await store.list(query);
      if (!raced) {
        raced = true;
        await store.add(entries);
      }
      return listed;
    },
  };
}

describe("scheduler: 'next-slot' claims its slot in the store", () => {
  it('moves on to the next free slot when another process took the one it read as free', async () => {
    const store = racedBy([elsewhere('other', world.xTarget, MONDAY)]);
    const scheduler = world.scheduler({ accounts: queues(), store });
    const [entry] = await scheduler.schedule({ text: 'Mine' }, [world.xTarget], 'next-slot');

    expect(entry?.publishAt.toISOString()).toBe(TUESDAY);
    const planned = await world.store().list();
    expect(planned.map((e) => [e.id === 'other' ? 'other' : 'mine', e.publishAt.toISOString()])).toEqual([
      ['other', MONDAY],
      ['mine', TUESDAY],
    ]);
    expect(names(scheduler)).toEqual(['scheduled']);
    const scheduled = scheduler.seen[0]?.payload as ScheduledEvent | undefined;
    expect(scheduled?.entry.publishAt.toISOString()).toBe(TUESDAY);
  });

  it('moves on only the account whose slot was taken; both entries are added together', async () => {
    const store = racedBy([elsewhere('other', world.xTarget, MONDAY)]);
    const scheduler = world.scheduler({ accounts: queues(), store });
    const entries = await scheduler.schedule(
      { text: 'Both' },
      [world.xTarget, world.mastodonTarget],
      'next-slot',
    );
    expect(entries.map((e) => [e.targets[0]?.platform, e.publishAt.toISOString()])).toEqual([
      ['x', TUESDAY],
      ['mastodon', SUNDAY_NEW_YORK],
    ]);
    await expect(world.store().list()).resolves.toHaveLength(3);
  });

  it('throws slots.full, adding nothing, when the slot taken meanwhile was the last free one', async () => {
    // One slot a week and a horizon of 7 days: Monday is the only slot the horizon holds.
    const store = racedBy([elsewhere('other', world.xTarget, MONDAY)]);
    const accounts = [
      { ...world.xTarget, zone: 'Europe/Berlin', slots: ['Mon 09:00'] },
      ...queues().slice(1),
    ];
    const scheduler = world.scheduler({ accounts, store, slotHorizonDays: 7 });
    const error = await scheduler
      .schedule({ text: 'Both' }, [world.xTarget, world.mastodonTarget], 'next-slot')
      .catch((caught: unknown) => caught);
    if (!ValidationError.isInstance(error)) throw error;
    expect(error.problems.map((problem) => problem.rule)).toEqual(['slots.full']);
    // The Mastodon entry, whose slot was free, was not added either.
    await expect(world.store().list()).resolves.toEqual([elsewhere('other', world.xTarget, MONDAY)]);
    expect(names(scheduler)).toEqual([]);
  });

  it('moves a rescheduled entry on to the next free slot when another process took the one it read', async () => {
    const [entry] = await world
      .scheduler()
      .schedule({ text: 'Later' }, [world.xTarget], new Date('2026-12-01T08:00:00Z'));
    const store = racedBy([elsewhere('other', world.xTarget, MONDAY)]);
    const scheduler = world.scheduler({ accounts: queues(), store });
    const moved = await scheduler.reschedule(entry?.id ?? '', 'next-slot');
    expect(moved.publishAt.toISOString()).toBe(TUESDAY);
    await expect(world.store().get(entry?.id ?? '')).resolves.toMatchObject({ publishAt: new Date(TUESDAY) });
  });

  it('plans with a store that has neither slot claim as before: it reads the taken slots, then adds or moves', async () => {
    const { addIfSlotsFree: _claims, transitionIfSlotFree: _moves, ...rest } = world.store();
    let adds = 0;
    const store: ScheduleStore = {
      ...rest,
      add: async (entries) => {
        adds += 1;
        await rest.add(entries);
      },
    };
    const scheduler = world.scheduler({ accounts: queues(), store });
    const [first] = await scheduler.schedule({ text: 'One' }, [world.xTarget], 'next-slot');
    const [second] = await scheduler.schedule({ text: 'Two' }, [world.xTarget], 'next-slot');
    expect([first?.publishAt.toISOString(), second?.publishAt.toISOString(), adds]).toEqual([
      MONDAY,
      TUESDAY,
      2,
    ]);
    await scheduler.cancel(first?.id ?? '');
    const moved = await scheduler.reschedule(second?.id ?? '', 'next-slot');
    expect(moved.publishAt.toISOString()).toBe(MONDAY);
  });

  it('lets explicit instants share a slot on purpose', async () => {
    const scheduler = world.scheduler({ accounts: queues() });
    const [slotted] = await scheduler.schedule({ text: 'Queued' }, [world.xTarget], 'next-slot');
    const [same] = await scheduler.schedule({ text: 'Same time' }, [world.xTarget], new Date(MONDAY));
    expect([slotted?.publishAt.toISOString(), same?.publishAt.toISOString()]).toEqual([MONDAY, MONDAY]);
  });
});
