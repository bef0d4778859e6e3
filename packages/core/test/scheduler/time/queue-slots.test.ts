import { describe, expect, it } from 'vitest';
import {
  type NextFreeSlotOptions,
  nextFreeSlot,
  parseQueueSlots,
} from '../../../src/scheduler/time/queue-slots.js';
import { catchValidation } from './catch-validation.js';

/** The ISO instant of the next free slot, or undefined. */
const next = (options: NextFreeSlotOptions): string | undefined =>
  nextFreeSlot(options)?.instant.toISOString();
const at = (iso: string): Date => new Date(iso);

describe('parseQueueSlots', () => {
  it('reads day ranges, day lists, every-day slots and several times', () => {
    expect(
      parseQueueSlots(['Mon-Fri 09:00', '17:30', 'Sat,Sun 10:15', 'mon-wed, FRIDAY 13:30, 9:05']),
    ).toEqual([
      { source: 'Mon-Fri 09:00', days: [1, 2, 3, 4, 5], times: ['09:00'] },
      { source: '17:30', days: [1, 2, 3, 4, 5, 6, 7], times: ['17:30'] },
      { source: 'Sat,Sun 10:15', days: [6, 7], times: ['10:15'] },
      { source: 'mon-wed, FRIDAY 13:30, 9:05', days: [1, 2, 3, 5], times: ['09:05', '13:30'] },
    ]);
  });

  it('wraps a range over the weekend (Fri-Mon)', () => {
    expect(parseQueueSlots(['Fri-Mon 20:00'])[0]?.days).toEqual([1, 5, 6, 7]);
  });

  it('reports every bad slot at once, each with its index and quoted in the message', () => {
    const error = catchValidation(() =>
      parseQueueSlots([
        'Mon-Fri 09:00',
        'Mon-Fry 09:00',
        'Tue 25:00',
        'Mon 9',
        'every day',
        'Mon 09:00,12:75',
      ]),
    );
    expect(error.problems.map(({ path, rule, actual }) => ({ path, rule, actual }))).toEqual([
      { path: ['slots', 1], rule: 'slot.day', actual: 'Mon-Fry 09:00' },
      { path: ['slots', 2], rule: 'slot.time', actual: 'Tue 25:00' },
      { path: ['slots', 3], rule: 'slot.syntax', actual: 'Mon 9' },
      { path: ['slots', 4], rule: 'slot.syntax', actual: 'every day' },
      { path: ['slots', 5], rule: 'slot.time', actual: 'Mon 09:00,12:75' },
    ]);
    expect(error.message).toContain('slots[1]: unknown day "Fry" in slot "Mon-Fry 09:00"');
    expect(error.message).toContain('slots[2]: "25:00" in slot "Tue 25:00" is not a time of day');
    expect(error.message).toContain('slots[4]: "every day" is not a weekly slot; write e.g. "Mon-Fri 09:00"');
  });

  it('refuses an empty slot list', () => {
    const error = catchValidation(() => parseQueueSlots([]));
    expect(error.problems).toEqual([expect.objectContaining({ path: ['slots'], rule: 'slots.empty' })]);
  });
});

describe('nextFreeSlot', () => {
  const weekdays = ['Mon-Fri 09:00'];

  it('finds the next slot strictly after `after`, as a wall time in the zone', () => {
    // Friday 2026-05-01 10:00 CEST: today's 09:00 has passed, Monday's is next.
    expect(next({ slots: weekdays, zone: 'Europe/Berlin', after: at('2026-05-01T08:00:00Z') })).toBe(
      '2026-05-04T07:00:00.000Z',
    );
    // Exactly at a slot: that slot is not "after" it.
    expect(next({ slots: weekdays, zone: 'Europe/Berlin', after: at('2026-05-04T07:00:00Z') })).toBe(
      '2026-05-05T07:00:00.000Z',
    );
  });

  it('skips taken slots, given as a set of epoch ms or as a predicate', () => {
    const after = at('2026-05-01T08:00:00Z');
    const taken = new Set([Date.parse('2026-05-04T07:00:00Z'), Date.parse('2026-05-05T07:00:00Z')]);
    expect(next({ slots: weekdays, zone: 'Europe/Berlin', after, taken })).toBe('2026-05-06T07:00:00.000Z');
    expect(
      next({ slots: weekdays, zone: 'Europe/Berlin', after, taken: (instant) => instant.getUTCDate() < 7 }),
    ).toBe('2026-05-07T07:00:00.000Z');
  });

  it('keeps the wall time across a DST change (09:00 New York is 14:00Z in winter, 13:00Z in summer)', () => {
    const friday = at('2026-03-06T15:00:00Z');
    expect(next({ slots: weekdays, zone: 'America/New_York', after: friday })).toBe(
      '2026-03-09T13:00:00.000Z',
    );
    expect(next({ slots: weekdays, zone: 'America/New_York', after: at('2026-03-05T15:00:00Z') })).toBe(
      '2026-03-06T14:00:00.000Z',
    );
  });

  it('tries slots in the order of their instants and says which slot it picked', () => {
    const slot = nextFreeSlot({
      slots: ['Sat,Sun 10:15', 'Mon-Fri 09:00'],
      zone: 'Europe/Berlin',
      after: at('2026-05-01T08:00:00Z'),
      taken: new Set([Date.parse('2026-05-02T08:15:00Z')]),
    });
    expect(slot).toMatchObject({
      instant: new Date('2026-05-03T08:15:00.000Z'),
      local: '2026-05-03T10:15',
      slot: 'Sat,Sun 10:15',
      adjustment: 'none',
    });
  });

  describe('a 02:30 slot on a spring-forward day is 03:30, reported as gap-shifted', () => {
    it('Europe/Berlin 2026-03-29', () => {
      const options = { slots: ['02:30'], zone: 'Europe/Berlin', after: at('2026-03-28T12:00:00Z') };
      expect(nextFreeSlot(options)).toEqual({
        instant: new Date('2026-03-29T01:30:00.000Z'),
        zone: 'Europe/Berlin',
        requested: '2026-03-29T02:30',
        local: '2026-03-29T03:30',
        offset: '+02:00',
        adjustment: 'gap-shifted',
        slot: '02:30',
      });
      // The next day's slot is 02:30 again, not 03:30: the shift does not carry over.
      expect(next({ ...options, taken: new Set([Date.parse('2026-03-29T01:30:00Z')]) })).toBe(
        '2026-03-30T00:30:00.000Z',
      );
    });

    it('America/New_York 2026-03-08', () => {
      const options = { slots: ['02:30'], zone: 'America/New_York', after: at('2026-03-07T12:00:00Z') };
      expect(nextFreeSlot(options)).toMatchObject({
        instant: new Date('2026-03-08T07:30:00.000Z'),
        local: '2026-03-08T03:30',
        adjustment: 'gap-shifted',
      });
      expect(next({ ...options, taken: new Set([Date.parse('2026-03-08T07:30:00Z')]) })).toBe(
        '2026-03-09T06:30:00.000Z',
      );
    });

    it('a shifted slot that lands on another slot is one slot, reported as the unshifted one', () => {
      const options = { slots: ['02:30,03:30'], zone: 'America/New_York', after: at('2026-03-08T05:00:00Z') };
      expect(nextFreeSlot(options)).toMatchObject({
        instant: new Date('2026-03-08T07:30:00.000Z'),
        requested: '2026-03-08T03:30',
        adjustment: 'none',
      });
      expect(next({ ...options, taken: new Set([Date.parse('2026-03-08T07:30:00Z')]) })).toBe(
        '2026-03-09T06:30:00.000Z',
      );
    });

    it('a shifted slot comes after an earlier-instant slot of the same day (03:00 before 02:30→03:30)', () => {
      const options = { slots: ['02:30', '03:00'], zone: 'Europe/Berlin', after: at('2026-03-28T12:00:00Z') };
      expect(nextFreeSlot(options)).toMatchObject({
        instant: new Date('2026-03-29T01:00:00.000Z'),
        slot: '03:00',
      });
      expect(
        nextFreeSlot({ ...options, taken: new Set([Date.parse('2026-03-29T01:00:00Z')]) }),
      ).toMatchObject({
        instant: new Date('2026-03-29T01:30:00.000Z'),
        slot: '02:30',
        adjustment: 'gap-shifted',
      });
    });
  });

  describe('a slot on a fall-back day is its earlier instant, reported as overlap-earlier', () => {
    it('America/New_York 2026-11-01 01:30', () => {
      const options = { slots: ['01:30'], zone: 'America/New_York', after: at('2026-10-31T12:00:00Z') };
      expect(nextFreeSlot(options)).toEqual({
        instant: new Date('2026-11-01T05:30:00.000Z'),
        zone: 'America/New_York',
        requested: '2026-11-01T01:30',
        local: '2026-11-01T01:30',
        offset: '-04:00',
        adjustment: 'overlap-earlier',
        slot: '01:30',
      });
      // Taken: the slot is not offered again an hour later (the second 01:30); the next is a day later.
      expect(next({ ...options, taken: new Set([Date.parse('2026-11-01T05:30:00Z')]) })).toBe(
        '2026-11-02T06:30:00.000Z',
      );
    });

    it('Europe/Berlin 2026-10-25 02:30', () => {
      const options = { slots: ['02:30'], zone: 'Europe/Berlin', after: at('2026-10-24T12:00:00Z') };
      expect(nextFreeSlot(options)).toMatchObject({
        instant: new Date('2026-10-25T00:30:00.000Z'),
        offset: '+02:00',
        adjustment: 'overlap-earlier',
      });
      expect(next({ ...options, taken: new Set([Date.parse('2026-10-25T00:30:00Z')]) })).toBe(
        '2026-10-26T01:30:00.000Z',
      );
      // Between the two 02:30s: the second one is not a slot either.
      expect(next({ ...options, after: at('2026-10-25T01:00:00Z') })).toBe('2026-10-26T01:30:00.000Z');
    });
  });

  it('stops at the horizon: undefined when every slot within it is taken', () => {
    const after = at('2026-05-01T08:00:00Z'); // Friday; Monday 09:00 CEST is 2 days 23 hours later
    expect(next({ slots: weekdays, zone: 'Europe/Berlin', after, horizonDays: 2 })).toBeUndefined();
    expect(next({ slots: weekdays, zone: 'Europe/Berlin', after, horizonDays: 3 })).toBe(
      '2026-05-04T07:00:00.000Z',
    );
    expect(next({ slots: weekdays, zone: 'Europe/Berlin', after, taken: () => true })).toBeUndefined();
    const lastOfYear = next({
      slots: weekdays,
      zone: 'Europe/Berlin',
      after,
      taken: (instant) => instant.getTime() < Date.parse('2027-04-28T00:00:00Z'),
    });
    expect(lastOfYear).toBe('2027-04-28T07:00:00.000Z');
  });

  it('accepts slots parsed earlier', () => {
    const slots = parseQueueSlots(['Sat,Sun 10:15']);
    expect(next({ slots, zone: 'America/New_York', after: at('2026-05-01T08:00:00Z') })).toBe(
      '2026-05-02T14:15:00.000Z',
    );
  });

  it('refuses bad slots, an unknown zone, an invalid `after` and an out-of-range horizon', () => {
    const after = at('2026-05-01T08:00:00Z');
    const slots = catchValidation(() => nextFreeSlot({ slots: ['Mon-Fri 9'], zone: 'Europe/Berlin', after }));
    expect(slots.problems[0]).toMatchObject({ path: ['slots', 0], rule: 'slot.syntax' });
    const zone = catchValidation(() => nextFreeSlot({ slots: weekdays, zone: 'CET+1', after }));
    expect(zone.problems[0]).toMatchObject({ path: ['zone'], rule: 'time_zone.unknown' });
    const when = catchValidation(() =>
      nextFreeSlot({ slots: weekdays, zone: 'Europe/Berlin', after: at('x') }),
    );
    expect(when.problems[0]).toMatchObject({ path: ['after'], rule: 'instant.invalid' });
    for (const horizonDays of [0, 1.5, 3661]) {
      const error = catchValidation(() =>
        nextFreeSlot({ slots: weekdays, zone: 'Europe/Berlin', after, horizonDays }),
      );
      expect(error.problems[0]).toMatchObject({ path: ['horizonDays'], rule: 'horizon_days.range' });
    }
  });
});
