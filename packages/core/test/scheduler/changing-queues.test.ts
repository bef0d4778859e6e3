import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { AccountQueue } from '../../src/scheduler/scheduler-options.js';
import { useWorld } from './support/world.js';

const world = useWorld();

/** ana's X account posts weekdays 09:00 Berlin time; her Mastodon account weekends 10:15 New York time. */
const xQueue = (): AccountQueue => ({ ...world.xTarget, zone: 'Europe/Berlin', slots: ['Mon-Fri 09:00'] });
const mastodonQueue = (): AccountQueue => ({
  ...world.mastodonTarget,
  zone: 'America/New_York',
  slots: ['Sat,Sun 10:15'],
});

/** The error a promise rejects with. */
const refusal = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('scheduler: queues given as a function', () => {
  it("reads them at every 'next-slot': an account added later gets its slots, changed slots apply, a removed one has none", async () => {
    let queues: readonly AccountQueue[] = [xQueue()];
    const scheduler = world.scheduler({ accounts: () => queues });

    // Sunday 22 November 2026, 12:00 UTC: the next weekday 09:00 in Berlin is Monday 08:00Z.
    const [monday] = await scheduler.schedule({ text: 'One' }, [world.xTarget], 'next-slot');
    expect(monday?.publishAt).toEqual(new Date('2026-11-23T08:00:00Z'));
    await expect(
      scheduler.schedule({ text: 'Not yet' }, [world.mastodonTarget], 'next-slot'),
    ).rejects.toThrow(/'next-slot' needs queue slots for account mastodon:/);

    queues = [xQueue(), mastodonQueue()];
    const [sunday] = await scheduler.schedule({ text: 'Two' }, [world.mastodonTarget], 'next-slot');
    expect([sunday?.publishAt, sunday?.timeZone]).toEqual([
      new Date('2026-11-22T15:15:00Z'), // Sunday 10:15 EST
      'America/New_York',
    ]);

    queues = [{ ...xQueue(), slots: ['Mon-Fri 17:30'] }, mastodonQueue()];
    const moved = await scheduler.reschedule(monday?.id ?? '', 'next-slot');
    expect(moved.publishAt).toEqual(new Date('2026-11-23T16:30:00Z')); // Monday 17:30 CET

    queues = [mastodonQueue()];
    await expect(scheduler.schedule({ text: 'Gone' }, [world.xTarget], 'next-slot')).rejects.toThrow(
      /'next-slot' needs queue slots for account x:/,
    );
    await expect(scheduler.reschedule(monday?.id ?? '', 'next-slot')).rejects.toThrow(
      /'next-slot' needs queue slots for account x:/,
    );
    expect((await scheduler.list()).map((entry) => entry.post.text).sort()).toEqual(['One', 'Two']);
  });

  it('checks what an async function returns when it is read: a bad slot rejects that call, and nothing is planned', async () => {
    let slots = ['Someday 09:00'];
    const scheduler = world.scheduler({
      accounts: async () => [{ ...world.xTarget, zone: 'Europe/Berlin', slots }],
    });
    // Made without reading the queues: an account store may be down at start, or empty.
    const refused = await refusal(scheduler.schedule({ text: 'One' }, [world.xTarget], 'next-slot'));
    expect(ValidationError.isInstance(refused)).toBe(true);
    expect((refused as ValidationError).problems.map((problem) => problem.path)).toEqual([
      ['accounts', 0, 'slots', 0],
    ]);
    expect(await scheduler.list()).toEqual([]);

    slots = ['Mon 09:00'];
    const [entry] = await scheduler.schedule({ text: 'One' }, [world.xTarget], 'next-slot');
    expect(entry?.publishAt).toEqual(new Date('2026-11-23T08:00:00Z'));
  });
});
