import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { resolveLocalTime } from '../../../src/scheduler/time/zoned-time.js';

/**
 * resolveLocalTime skips Temporal's disambiguation for wall times far from any DST change (a
 * cache of steady offsets). These zones have the transitions most likely to trip such a cache:
 * 30-minute DST (Lord Howe), a quarter-hour offset (Kathmandu), changes at midnight (Santiago,
 * Havana), a whole skipped day (Apia, 2011-12-30) and the two zones of the scheduler's tests.
 */
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/Santiago',
  'America/Havana',
  'Pacific/Apia',
];

/** Temporal's own answer under the documented policy ('compatible'), and whether it had to choose. */
function oracle(local: string, zone: string): string {
  const wall = Temporal.PlainDateTime.from(local);
  const instant = wall.toZonedDateTime(zone, { disambiguation: 'compatible' }).toInstant().toString();
  let unique = true;
  try {
    wall.toZonedDateTime(zone, { disambiguation: 'reject' });
  } catch {
    unique = false; // in a gap or an overlap
  }
  return `${instant} ${unique ? 'none' : 'adjusted'}`;
}

/** The same pair from resolveLocalTime. */
function actual(local: string, zone: string): string {
  const { instant, adjustment } = resolveLocalTime(local, zone);
  return `${instant.toISOString().replace('.000Z', 'Z')} ${adjustment === 'none' ? 'none' : 'adjusted'}`;
}

describe('the steady-offset shortcut agrees with Temporal', () => {
  it.each(ZONES)(
    '%s: every 5 h 15 min over three years, DST changes included, instant and adjustment',
    (zone) => {
      const first = zone === 'Pacific/Apia' ? '2010-06-01T00:00' : '2025-06-01T00:00';
      let wall = Temporal.PlainDateTime.from(first);
      const last = wall.add({ years: 3 });
      let checked = 0;
      const mismatches: string[] = [];
      while (Temporal.PlainDateTime.compare(wall, last) < 0) {
        const local = wall.toString({ smallestUnit: 'minute' });
        const [expected, got] = [oracle(local, zone), actual(local, zone)];
        if (got !== expected) mismatches.push(`${local}: ${got} != ${expected}`);
        checked += 1;
        wall = wall.add({ hours: 5, minutes: 15 });
      }
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThan(5000);
    },
  );

  it('every 17 minutes for three days either side of each 2026 change in Berlin and New York', () => {
    const days: [string, string][] = [
      ['2026-03-29', 'Europe/Berlin'],
      ['2026-10-25', 'Europe/Berlin'],
      ['2026-03-08', 'America/New_York'],
      ['2026-11-01', 'America/New_York'],
    ];
    for (const [day, zone] of days) {
      let wall = Temporal.PlainDateTime.from(`${day}T00:00`).subtract({ days: 3 });
      const last = wall.add({ days: 6 });
      while (Temporal.PlainDateTime.compare(wall, last) < 0) {
        const local = wall.toString({ smallestUnit: 'minute' });
        expect(actual(local, zone), local).toBe(oracle(local, zone));
        wall = wall.add({ minutes: 17 });
      }
    }
  });
});
