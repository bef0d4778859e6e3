import { describe, expect, it } from 'vitest';
import { timeBucket } from '../../src/analytics/time-buckets.js';
import { ValidationError } from '../../src/errors/validation-error.js';

const HOUR = 3_600_000;
const ms = (iso: string): number => Date.parse(iso);

describe('timeBucket', () => {
  it('gives a Europe/Berlin spring-forward day 23 hours', () => {
    const day = timeBucket('day', ms('2026-03-29T12:00:00Z'), 'Europe/Berlin');
    expect(day.key).toBe('2026-03-29');
    expect(day.start).toBe(ms('2026-03-28T23:00:00Z'));
    expect(day.end).toBe(ms('2026-03-29T22:00:00Z'));
    expect((day.end - day.start) / HOUR).toBe(23);
    expect(day.days).toBe(1);
  });

  it('gives a Europe/Berlin fall-back day 25 hours', () => {
    const day = timeBucket('day', ms('2026-10-25T12:00:00Z'), 'Europe/Berlin');
    expect(day.key).toBe('2026-10-25');
    expect(day.start).toBe(ms('2026-10-24T22:00:00Z'));
    expect((day.end - day.start) / HOUR).toBe(25);
  });

  it('gives America/New_York DST days 23 and 25 hours', () => {
    const spring = timeBucket('day', ms('2026-03-08T15:00:00Z'), 'America/New_York');
    expect(spring.key).toBe('2026-03-08');
    expect(spring.start).toBe(ms('2026-03-08T05:00:00Z'));
    expect((spring.end - spring.start) / HOUR).toBe(23);
    const fall = timeBucket('day', ms('2026-11-01T15:00:00Z'), 'America/New_York');
    expect(fall.start).toBe(ms('2026-11-01T04:00:00Z'));
    expect((fall.end - fall.start) / HOUR).toBe(25);
  });

  it('places an instant near midnight on its local date, not its UTC date', () => {
    expect(timeBucket('day', ms('2026-03-28T23:30:00Z'), 'Europe/Berlin').key).toBe('2026-03-29');
    expect(timeBucket('day', ms('2026-03-09T03:30:00Z'), 'America/New_York').key).toBe('2026-03-08');
    expect(timeBucket('day', ms('2026-03-28T23:30:00Z'), 'UTC').key).toBe('2026-03-28');
  });

  it('skips the local hour that does not exist when clocks spring forward', () => {
    expect(timeBucket('hour', ms('2026-03-29T00:30:00Z'), 'Europe/Berlin').key).toBe('2026-03-29T01');
    const after = timeBucket('hour', ms('2026-03-29T01:30:00Z'), 'Europe/Berlin');
    expect(after.key).toBe('2026-03-29T03');
    expect(after.start).toBe(ms('2026-03-29T01:00:00Z'));
    expect(after.end - after.start).toBe(HOUR);
  });

  it('keeps the two occurrences of a repeated hour apart when clocks go back', () => {
    const first = timeBucket('hour', ms('2026-10-25T00:30:00Z'), 'Europe/Berlin');
    const second = timeBucket('hour', ms('2026-10-25T01:30:00Z'), 'Europe/Berlin');
    expect(first.key).toBe('2026-10-25T02');
    expect(second.key).toBe('2026-10-25T02+01:00');
    expect(second.start - first.start).toBe(HOUR);
    const ny = timeBucket('hour', ms('2026-11-01T06:15:00Z'), 'America/New_York');
    expect(ny.key).toBe('2026-11-01T01-05:00');
    expect(timeBucket('hour', ms('2026-11-01T05:15:00Z'), 'America/New_York').key).toBe('2026-11-01T01');
  });

  it('buckets weeks by ISO week (Monday start, week-year of its Thursday)', () => {
    const week = timeBucket('week', ms('2026-03-29T12:00:00Z'), 'Europe/Berlin');
    expect(week.key).toBe('2026-W13');
    expect(week.start).toBe(ms('2026-03-22T23:00:00Z'));
    expect((week.end - week.start) / HOUR).toBe(7 * 24 - 1);
    expect(week.days).toBe(7);
    expect(timeBucket('week', ms('2027-01-01T12:00:00Z'), 'UTC').key).toBe('2026-W53');
    expect(timeBucket('week', ms('2026-01-01T12:00:00Z'), 'UTC').key).toBe('2026-W01');
    expect(timeBucket('week', ms('2024-12-30T12:00:00Z'), 'UTC').key).toBe('2025-W01');
  });

  it('buckets months by local calendar month', () => {
    const month = timeBucket('month', ms('2026-03-31T22:30:00Z'), 'Europe/Berlin');
    expect(month.key).toBe('2026-04');
    const march = timeBucket('month', ms('2026-03-15T00:00:00Z'), 'Europe/Berlin');
    expect(march.start).toBe(ms('2026-02-28T23:00:00Z'));
    expect(march.end).toBe(ms('2026-03-31T22:00:00Z'));
    expect(march.days).toBe(31);
    expect(timeBucket('month', ms('2028-02-10T00:00:00Z'), 'UTC').days).toBe(29);
  });

  it('starts a day at the jump when midnight itself is skipped (America/Santiago)', () => {
    const day = timeBucket('day', ms('2026-09-06T15:00:00Z'), 'America/Santiago');
    expect(day.key).toBe('2026-09-06');
    expect(day.start).toBe(ms('2026-09-06T04:00:00Z'));
    expect((day.end - day.start) / HOUR).toBe(23);
  });

  it('handles quarter-hour offsets (Asia/Kathmandu, +05:45)', () => {
    const day = timeBucket('day', ms('2026-05-01T18:14:00Z'), 'Asia/Kathmandu');
    expect(day.key).toBe('2026-05-01');
    expect(day.end).toBe(ms('2026-05-01T18:15:00Z'));
  });

  it('keeps years before 100 as they are (Date.UTC reads them as 1900–1999)', () => {
    const day = timeBucket('day', ms('0050-06-01T12:00:00Z'), 'America/Los_Angeles');
    expect(new Date(day.start).toISOString()).toMatch(/^0050-06-01T/);
  });

  it('rejects an unknown zone with a ValidationError', () => {
    expect(() => timeBucket('day', 0, 'Mars/Base')).toThrow(ValidationError);
  });
});
