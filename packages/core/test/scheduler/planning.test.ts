import { beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { ScheduledEvent, SkippedEvent } from '../../src/scheduler/events.js';
import { HOUR, START, useWorld } from './support/world.js';

const world = useWorld();
const at = new Date(START + HOUR);

/** ana's X account posts weekdays 09:00 Berlin time; her Mastodon account weekdays 09:00 and weekends 10:15 New York time. */
const queues = () => [
  { ...world.xTarget, zone: 'Europe/Berlin', slots: ['Mon-Fri 09:00'] },
  { ...world.mastodonTarget, zone: 'America/New_York', slots: ['Mon-Fri 09:00', 'Sat,Sun 10:15'] },
];

describe('scheduler: reschedule and cancel', () => {
  it('moves a scheduled entry, and refuses to move one that went out', async () => {
    const scheduler = world.scheduler();
    const [entry] = await scheduler.schedule({ text: 'Move me' }, [world.xTarget], at);
    const id = entry?.id ?? '';
    const moved = await scheduler.reschedule(id, { at: '2026-11-23T09:00', zone: 'Europe/Berlin' });
    expect(moved.publishAt).toEqual(new Date('2026-11-23T08:00:00Z'));
    expect(moved.timeZone).toBe('Europe/Berlin');

    world.time.set(at.getTime());
    expect((await scheduler.tick()).claimed).toEqual([]);
    world.time.set(Date.parse('2026-11-23T08:00:00Z'));
    expect((await scheduler.tick()).finished.map((e) => e.status)).toEqual(['published']);
    await expect(scheduler.reschedule(id, new Date(START + 3 * HOUR))).rejects.toThrow(
      /is published; only draft, awaiting_approval, scheduled, failed, unknown entries can be rescheduled/,
    );
    await expect(scheduler.cancel(id)).rejects.toThrow(/is published/);
  });

  it('never publishes a cancelled entry, and cannot cancel one twice', async () => {
    const scheduler = world.scheduler();
    const [entry] = await scheduler.schedule({ text: 'Cancel me' }, [world.xTarget], at);
    expect((await scheduler.cancel(entry?.id ?? '')).status).toBe('cancelled');
    await expect(scheduler.cancel(entry?.id ?? '')).rejects.toThrow(/is cancelled/);
    await expect(scheduler.reschedule(entry?.id ?? '', new Date(START + 2 * HOUR))).rejects.toThrow(
      /is cancelled/,
    );
    world.time.set(at.getTime() + HOUR);
    expect((await scheduler.tick()).claimed).toEqual([]);
    expect(world.xPosts()).toEqual([]);
  });

  it('refuses to change an entry a worker is publishing right now', async () => {
    const scheduler = world.scheduler();
    const [entry] = await scheduler.schedule({ text: 'Held' }, [world.xTarget], at);
    await world.store().claimDue({ now: at, limit: 1, worker: 'elsewhere', leaseMs: HOUR });
    await expect(scheduler.cancel(entry?.id ?? '')).rejects.toThrow(
      /is publishing \(a worker is publishing it right now\)/,
    );
    await expect(scheduler.reschedule(entry?.id ?? '', new Date(START + 3 * HOUR))).rejects.toThrow(
      /is publishing/,
    );
  });

  it('says so when there is no such entry', async () => {
    const scheduler = world.scheduler();
    await expect(scheduler.cancel('nope')).rejects.toThrow(/there is no schedule entry "nope" to cancel/);
  });
});

describe('scheduler: queue slots', () => {
  it("puts 'next-slot' entries in each account's next free slot, in its own zone", async () => {
    const scheduler = world.scheduler({ accounts: queues() });
    const first = await scheduler.schedule(
      { text: 'One' },
      [world.xTarget, world.mastodonTarget],
      'next-slot',
    );
    const second = await scheduler.schedule(
      { text: 'Two' },
      [world.xTarget, world.mastodonTarget],
      'next-slot',
    );
    const plan = (entries: typeof first) =>
      entries.map((e) => [e.targets[0]?.platform, e.timeZone, e.publishAt.toISOString()]);
    // Sunday 22 November 2026, 12:00 UTC: 13:00 in Berlin, 07:00 in New York.
    expect(plan(first)).toEqual([
      ['x', 'Europe/Berlin', '2026-11-23T08:00:00.000Z'], // Monday 09:00 CET
      ['mastodon', 'America/New_York', '2026-11-22T15:15:00.000Z'], // Sunday 10:15 EST
    ]);
    expect(plan(second)).toEqual([
      ['x', 'Europe/Berlin', '2026-11-24T08:00:00.000Z'], // Tuesday: Monday is taken
      ['mastodon', 'America/New_York', '2026-11-23T14:00:00.000Z'], // Monday 09:00 EST
    ]);
  });

  it('frees the slot of a cancelled entry', async () => {
    const scheduler = world.scheduler({ accounts: queues() });
    const [monday] = await scheduler.schedule({ text: 'One' }, [world.xTarget], 'next-slot');
    await scheduler.cancel(monday?.id ?? '');
    const [again] = await scheduler.schedule({ text: 'Two' }, [world.xTarget], 'next-slot');
    expect(again?.publishAt).toEqual(monday?.publishAt);
  });

  it('moves an entry to its next free slot', async () => {
    const scheduler = world.scheduler({ accounts: queues() });
    const [entry] = await scheduler.schedule({ text: 'Later' }, [world.xTarget], at);
    const moved = await scheduler.reschedule(entry?.id ?? '', 'next-slot');
    expect([moved.publishAt.toISOString(), moved.timeZone]).toEqual([
      '2026-11-23T08:00:00.000Z',
      'Europe/Berlin',
    ]);
  });

  it('reports a slot shifted by a spring-forward gap instead of drifting silently', async () => {
    world.time.set(Date.parse('2027-03-27T12:00:00Z'));
    const scheduler = world.scheduler({
      accounts: [{ ...world.xTarget, zone: 'Europe/Berlin', slots: ['Sun 02:30'] }],
    });
    const [entry] = await scheduler.schedule({ text: 'Night owl' }, [world.xTarget], 'next-slot');
    // 02:30 does not exist on 28 March 2027 in Berlin: it moves forward by the gap, to 03:30 CEST.
    expect(entry?.publishAt).toEqual(new Date('2027-03-28T01:30:00Z'));
    const scheduled = scheduler.seen.find((e) => e.name === 'scheduled')?.payload as ScheduledEvent;
    expect(scheduled.adjustment).toBe('gap-shifted');
  });

  it("refuses 'next-slot' for an account without queue slots", async () => {
    const scheduler = world.scheduler({
      accounts: [queues()[0] ?? { ...world.xTarget, zone: 'UTC', slots: ['09:00'] }],
    });
    await expect(scheduler.schedule({ text: 'x' }, [world.mastodonTarget], 'next-slot')).rejects.toThrow(
      /'next-slot' needs queue slots for account mastodon:/,
    );
  });

  it('names every account without queue slots at once, in words for any caller, and plans nothing for any target', async () => {
    const scheduler = world.scheduler({
      accounts: [queues()[0] ?? { ...world.xTarget, zone: 'UTC', slots: ['09:00'] }],
    });
    const bluesky = { platform: 'bluesky', accountId: 'did:plc:ana' };
    const error = await scheduler
      .schedule({ text: 'x' }, [world.mastodonTarget, world.xTarget, bluesky], 'next-slot')
      .then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
    expect(ValidationError.isInstance(error)).toBe(true);
    if (!ValidationError.isInstance(error)) return;
    expect(error.problems.map((problem) => problem.message)).toEqual([
      `'next-slot' needs queue slots for account mastodon:${world.mastodonTarget.accountId}; give that account weekly slots and the time zone they are in, or plan it at a time instead`,
      "'next-slot' needs queue slots for account bluesky:did:plc:ana; give that account weekly slots and the time zone they are in, or plan it at a time instead",
    ]);
    // The facade's users give `timeZone` on an account, not the scheduler's `zone`: no API is named.
    expect(error.message).not.toMatch(/createScheduler|\bzone,/);
    expect(await scheduler.list()).toEqual([]);
  });
});

describe('scheduler: recurrence', () => {
  it('plans the next occurrence when one is due, keeping the wall time across DST', async () => {
    world.time.set(Date.parse('2027-03-20T12:00:00Z'));
    const scheduler = world.scheduler();
    const [first] = await scheduler.schedule({ text: 'Monday tips' }, [world.xTarget], {
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      start: { at: '2027-03-22T09:00', zone: 'Europe/Berlin' },
    });
    expect(first?.publishAt).toEqual(new Date('2027-03-22T08:00:00Z')); // 09:00 CET
    expect(await scheduler.list()).toHaveLength(1);

    world.time.set(Date.parse('2027-03-22T08:00:00Z'));
    expect((await scheduler.tick()).finished.map((e) => e.status)).toEqual(['published']);
    const next = (await scheduler.list({ statuses: ['scheduled'] }))[0];
    // Berlin is on summer time from 28 March: 09:00 CEST is 07:00 UTC.
    expect(next?.publishAt).toEqual(new Date('2027-03-29T07:00:00Z'));
    expect(next?.seriesId).toBe(first?.id);
    expect(next?.id).toBe(`${first?.id}@2027-03-29T07:00:00.000Z`);
    expect(next?.recurrence).toEqual({
      rule: 'FREQ=WEEKLY;BYDAY=MO',
      start: '2027-03-22T09:00',
      zone: 'Europe/Berlin',
    });
  });

  it('plans the next occurrence once, even when two workers race', async () => {
    const one = world.scheduler();
    const two = world.scheduler();
    await one.schedule({ text: 'Daily' }, [world.xTarget], {
      rrule: 'FREQ=DAILY',
      start: { at: '2026-11-23T09:00', zone: 'Europe/Berlin' },
    });
    world.time.set(Date.parse('2026-11-23T08:00:00Z'));
    await Promise.all([one.tick(), two.tick()]);
    const entries = await one.list();
    expect(entries.map((e) => [e.status, e.publishAt.toISOString()])).toEqual([
      ['published', '2026-11-23T08:00:00.000Z'],
      ['scheduled', '2026-11-24T08:00:00.000Z'],
    ]);
    expect(world.xPosts()).toHaveLength(1);
  });

  it('skips a cancelled occurrence but goes on, unless the series is cancelled', async () => {
    const scheduler = world.scheduler();
    const [first] = await scheduler.schedule({ text: 'Daily' }, [world.xTarget], {
      rrule: 'FREQ=DAILY;COUNT=3',
      start: { at: '2026-11-23T09:00', zone: 'Europe/Berlin' },
    });
    await scheduler.cancel(first?.id ?? '');
    const [second] = await scheduler.list({ statuses: ['scheduled'] });
    expect(second?.publishAt).toEqual(new Date('2026-11-24T08:00:00Z'));
    await scheduler.cancel(second?.id ?? '', { series: true });
    expect(await scheduler.list({ statuses: ['scheduled'] })).toEqual([]);
  });

  it('ends the series with the rule', async () => {
    const scheduler = world.scheduler();
    await scheduler.schedule({ text: 'Twice' }, [world.xTarget], {
      rrule: 'FREQ=DAILY;COUNT=2',
      start: { at: '2026-11-23T09:00', zone: 'Europe/Berlin' },
    });
    for (const day of ['2026-11-23', '2026-11-24', '2026-11-25']) {
      world.time.set(Date.parse(`${day}T08:00:00Z`));
      await scheduler.tick();
    }
    expect((await scheduler.list()).map((e) => e.status)).toEqual(['published', 'published']);
    expect(world.xPosts()).toHaveLength(2);
  });

  describe('when one occurrence is changed', () => {
    const days = () => world.xPosts().map((post) => new Date(post.createdAt).toISOString());
    async function tickAt(...instants: string[]): Promise<void> {
      for (const instant of instants) {
        world.time.set(Date.parse(instant));
        await scheduler.tick();
      }
    }
    let scheduler: ReturnType<typeof world.scheduler>;
    beforeEach(() => {
      scheduler = world.scheduler();
    });

    it('keeps a draft series a draft: nothing goes out until it is submitted', async () => {
      const daily = { rrule: 'FREQ=DAILY', start: { at: '2026-11-23T09:00', zone: 'UTC' } };
      await scheduler.schedule({ text: 'Draft' }, [world.xTarget], daily, { id: 'd', draft: true });
      await scheduler.schedule({ text: 'Reviewed' }, [world.xTarget], daily, {
        id: 'r',
        draft: true,
        approval: 'required',
      });
      await tickAt('2026-11-23T09:00:00Z', '2026-11-24T09:00:00Z');
      expect(world.xPosts()).toEqual([]);
      const drafts = await scheduler.list({ statuses: ['draft'] });
      expect(drafts.map((entry) => [entry.id, entry.approval])).toEqual([
        ['d@2026-11-25T09:00:00.000Z', undefined],
        ['r@2026-11-25T09:00:00.000Z', {}],
      ]);
      await scheduler.cancel('d@2026-11-25T09:00:00.000Z');
      expect((await scheduler.list({ statuses: ['draft'] })).map((entry) => entry.id)).toContain(
        'd@2026-11-26T09:00:00.000Z',
      );
    });

    it("does not bring back the first occurrence's slot after it was moved earlier", async () => {
      await scheduler.schedule(
        { text: 'Weekly' },
        [world.xTarget],
        { rrule: 'FREQ=WEEKLY;BYDAY=MO', start: { at: '2026-11-30T09:00', zone: 'UTC' } },
        { id: 'w' },
      );
      await scheduler.reschedule('w', new Date('2026-11-27T09:00:00Z'));
      await tickAt('2026-11-27T09:00:00Z', '2026-11-30T09:00:00Z');
      expect(days()).toEqual(['2026-11-27T09:00:00.000Z']);
      expect((await scheduler.list({ statuses: ['scheduled'] })).map((entry) => entry.id)).toEqual([
        'w@2026-12-07T09:00:00.000Z',
      ]);
    });

    it('keeps the occurrence it was moved past', async () => {
      await scheduler.schedule(
        { text: 'Daily' },
        [world.xTarget],
        { rrule: 'FREQ=DAILY', start: { at: '2026-11-23T09:00', zone: 'UTC' } },
        { id: 's' },
      );
      await tickAt('2026-11-23T09:00:00Z');
      await scheduler.reschedule('s@2026-11-24T09:00:00.000Z', new Date('2026-11-25T10:00:00Z'));
      await tickAt('2026-11-24T09:00:00Z', '2026-11-25T09:00:00Z', '2026-11-25T10:00:00Z');
      const entries = await scheduler.list();
      expect(
        entries.map((entry) => [entry.id.slice(2), entry.status, entry.publishAt.toISOString()]),
      ).toEqual([
        ['', 'published', '2026-11-23T09:00:00.000Z'],
        ['2026-11-25T09:00:00.000Z', 'published', '2026-11-25T09:00:00.000Z'],
        // X refuses the same text twice within hours: the moved occurrence was sent.
        ['2026-11-24T09:00:00.000Z', 'failed', '2026-11-25T10:00:00.000Z'],
        ['2026-11-26T09:00:00.000Z', 'scheduled', '2026-11-26T09:00:00.000Z'],
      ]);
      expect(entries[2]?.results?.[0]?.error?.code).toBe('duplicate_content');
    });

    it('keeps the series in its zone when one occurrence moves to another zone', async () => {
      await scheduler.schedule(
        { text: 'Daily' },
        [world.xTarget],
        { rrule: 'FREQ=DAILY', start: { at: '2026-11-23T09:00', zone: 'Europe/Berlin' } },
        { id: 'z' },
      );
      await scheduler.reschedule('z', { at: '2026-11-23T09:00', zone: 'America/New_York' });
      await tickAt('2026-11-23T14:00:00Z');
      const [next] = await scheduler.list({ statuses: ['scheduled'] });
      expect([next?.publishAt.toISOString(), next?.timeZone]).toEqual([
        '2026-11-24T08:00:00.000Z',
        'Europe/Berlin',
      ]);
    });
  });

  it('says which occurrences it passed over after no worker ran for days, and posts none of them', async () => {
    const scheduler = world.scheduler();
    const skipped: SkippedEvent[] = [];
    scheduler.events.on('skipped', (event) => skipped.push(event));
    await scheduler.schedule(
      { text: 'Daily' },
      [world.xTarget],
      { rrule: 'FREQ=DAILY', start: { at: '2026-11-23T09:00', zone: 'UTC' } },
      { id: 'd' },
    );
    world.time.set(Date.parse('2026-11-23T09:00:00Z'));
    await scheduler.tick();
    // Down from the 24th until the 27th at 09:30: the 24th goes out late, the 25th to 27th never.
    world.time.set(Date.parse('2026-11-27T09:30:00Z'));
    await scheduler.tick();
    expect(world.xPosts()).toHaveLength(2);
    expect(
      skipped.map(({ seriesId, occurrences, more, next }) => [seriesId, occurrences, more, next.id]),
    ).toEqual([
      [
        'd',
        [
          new Date('2026-11-25T09:00:00Z'),
          new Date('2026-11-26T09:00:00Z'),
          new Date('2026-11-27T09:00:00Z'),
        ],
        0,
        'd@2026-11-28T09:00:00.000Z',
      ],
    ]);
  });

  it('refuses native scheduling for a recurrence', async () => {
    const scheduler = world.scheduler();
    await expect(
      scheduler.schedule(
        { text: 'x' },
        [world.xTarget],
        { rrule: 'FREQ=DAILY', start: { at: '2026-11-23T09:00', zone: 'UTC' } },
        { native: true },
      ),
    ).rejects.toThrow(/native scheduling is not available for recurring entries/);
  });
});

describe('scheduler: calendar', () => {
  it('groups entries by local day in the zone asked for, with their wall times there', async () => {
    const scheduler = world.scheduler({ accounts: queues() });
    await scheduler.schedule({ text: 'Both' }, [world.xTarget, world.mastodonTarget], 'next-slot');
    await scheduler.schedule({ text: 'Late' }, [world.xTarget], {
      at: '2026-11-23T23:30',
      zone: 'Europe/Berlin',
    });
    const days = await scheduler.calendar({
      from: new Date(START),
      to: new Date(START + 7 * 24 * HOUR),
      zone: 'Europe/Berlin',
    });
    expect(
      days.map((day) => [day.date, day.items.map((item) => `${item.time} ${item.entry.post.text}`)]),
    ).toEqual([
      ['2026-11-22', ['16:15 Both']], // 10:15 in New York
      ['2026-11-23', ['09:00 Both', '23:30 Late']],
    ]);
    const only = await scheduler.calendar({
      from: new Date(START),
      to: new Date(START + 7 * 24 * HOUR),
      zone: 'America/New_York',
      accounts: [world.mastodonTarget],
    });
    expect(only.map((day) => [day.date, day.items.map((item) => item.local)])).toEqual([
      ['2026-11-22', ['2026-11-22T10:15']],
    ]);
  });
});
