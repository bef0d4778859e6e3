import { describe, expect, it } from 'vitest';
import { instantFromLocal, localTimeAt, resolveLocalTime } from '../../../src/scheduler/time/zoned-time.js';
import { catchValidation } from './catch-validation.js';

const iso = (local: string, zone: string): string => instantFromLocal(local, zone).toISOString();

describe('resolveLocalTime: wall times in a zone', () => {
  it('resolves ordinary wall times with the offset of the day, winter and summer', () => {
    expect(iso('2026-03-28T09:00', 'Europe/Berlin')).toBe('2026-03-28T08:00:00.000Z');
    expect(iso('2026-03-29T09:00', 'Europe/Berlin')).toBe('2026-03-29T07:00:00.000Z');
    expect(iso('2026-03-07T09:00', 'America/New_York')).toBe('2026-03-07T14:00:00.000Z');
    expect(iso('2026-03-08T09:00', 'America/New_York')).toBe('2026-03-08T13:00:00.000Z');
    expect(resolveLocalTime('2026-07-01T12:15:30', 'Europe/Berlin')).toEqual({
      instant: new Date('2026-07-01T10:15:30.000Z'),
      zone: 'Europe/Berlin',
      requested: '2026-07-01T12:15:30',
      local: '2026-07-01T12:15:30',
      offset: '+02:00',
      adjustment: 'none',
    });
  });

  describe('spring-forward gap: moved forward by the gap, and reported', () => {
    it('Europe/Berlin 2026-03-29: 02:30 does not exist, it becomes 03:30 CEST', () => {
      expect(resolveLocalTime('2026-03-29T02:30', 'Europe/Berlin')).toEqual({
        instant: new Date('2026-03-29T01:30:00.000Z'),
        zone: 'Europe/Berlin',
        requested: '2026-03-29T02:30',
        local: '2026-03-29T03:30',
        offset: '+02:00',
        adjustment: 'gap-shifted',
      });
    });

    it('America/New_York 2026-03-08: 02:30 does not exist, it becomes 03:30 EDT', () => {
      expect(resolveLocalTime('2026-03-08T02:30', 'America/New_York')).toEqual({
        instant: new Date('2026-03-08T07:30:00.000Z'),
        zone: 'America/New_York',
        requested: '2026-03-08T02:30',
        local: '2026-03-08T03:30',
        offset: '-04:00',
        adjustment: 'gap-shifted',
      });
    });

    it('the gap is half-open: its first minute shifts, the minute the clocks jump to does not', () => {
      const start = resolveLocalTime('2026-03-29T02:00', 'Europe/Berlin');
      const end = resolveLocalTime('2026-03-29T03:00', 'Europe/Berlin');
      expect([start.instant.toISOString(), start.adjustment]).toEqual([
        '2026-03-29T01:00:00.000Z',
        'gap-shifted',
      ]);
      expect([end.instant.toISOString(), end.adjustment]).toEqual(['2026-03-29T01:00:00.000Z', 'none']);
      const before = resolveLocalTime('2026-03-08T01:59', 'America/New_York');
      expect([before.instant.toISOString(), before.adjustment]).toEqual(['2026-03-08T06:59:00.000Z', 'none']);
    });
  });

  describe('fall-back overlap: the earlier of the two instants, and reported', () => {
    it('America/New_York 2026-11-01: 01:30 happens twice, the 01:30 EDT one is taken', () => {
      expect(resolveLocalTime('2026-11-01T01:30', 'America/New_York')).toEqual({
        instant: new Date('2026-11-01T05:30:00.000Z'),
        zone: 'America/New_York',
        requested: '2026-11-01T01:30',
        local: '2026-11-01T01:30',
        offset: '-04:00',
        adjustment: 'overlap-earlier',
      });
    });

    it('Europe/Berlin 2026-10-25: 02:30 happens twice, the 02:30 CEST one is taken; 01:30 is ordinary there', () => {
      expect(resolveLocalTime('2026-10-25T02:30', 'Europe/Berlin')).toEqual({
        instant: new Date('2026-10-25T00:30:00.000Z'),
        zone: 'Europe/Berlin',
        requested: '2026-10-25T02:30',
        local: '2026-10-25T02:30',
        offset: '+02:00',
        adjustment: 'overlap-earlier',
      });
      const oneThirty = resolveLocalTime('2026-10-25T01:30', 'Europe/Berlin');
      expect([oneThirty.instant.toISOString(), oneThirty.adjustment]).toEqual([
        '2026-10-24T23:30:00.000Z',
        'none',
      ]);
      const three = resolveLocalTime('2026-10-25T03:00', 'Europe/Berlin');
      expect([three.instant.toISOString(), three.adjustment]).toEqual(['2026-10-25T02:00:00.000Z', 'none']);
    });
  });

  it('refuses a local time with an offset or Z, since it would contradict the zone', () => {
    for (const local of [
      '2026-03-29T09:00Z',
      '2026-03-29T09:00+01:00',
      '2026-03-29 09:00',
      '2026-03-29',
      'tomorrow',
    ]) {
      const error = catchValidation(() => resolveLocalTime(local, 'Europe/Berlin'));
      expect(error.problems).toEqual([
        expect.objectContaining({ path: ['local'], rule: 'local_time.syntax', actual: local }),
      ]);
      expect(error.message).toContain(JSON.stringify(local));
      expect(error.message).toContain('YYYY-MM-DDTHH:mm');
    }
  });

  it('refuses dates and times that do not exist on the calendar', () => {
    for (const local of ['2026-02-29T09:00', '2026-04-31T09:00', '2026-03-29T24:00', '2026-03-29T09:60']) {
      const error = catchValidation(() => resolveLocalTime(local, 'Europe/Berlin'));
      expect(error.problems[0]).toMatchObject({ path: ['local'], rule: 'local_time.invalid' });
    }
    expect(iso('2028-02-29T09:00', 'Europe/Berlin')).toBe('2028-02-29T08:00:00.000Z');
  });

  it('refuses an unknown zone, naming it', () => {
    const error = catchValidation(() => resolveLocalTime('2026-03-29T09:00', 'Europe/Berlín'));
    expect(error.problems).toEqual([
      expect.objectContaining({ path: ['zone'], rule: 'time_zone.unknown', actual: 'Europe/Berlín' }),
    ]);
    expect(error.message).toContain('"Europe/Berlín"');
  });
});

describe('localTimeAt: an instant on the wall clock of a zone', () => {
  it('tells the two 01:30s of a fall-back day apart by their offsets', () => {
    expect(localTimeAt(new Date('2026-11-01T05:30:00Z'), 'America/New_York')).toEqual({
      local: '2026-11-01T01:30',
      date: '2026-11-01',
      time: '01:30',
      offset: '-04:00',
      weekday: 7,
    });
    expect(localTimeAt(new Date('2026-11-01T06:30:00Z'), 'America/New_York')).toMatchObject({
      local: '2026-11-01T01:30',
      offset: '-05:00',
    });
  });

  it('puts an instant on the local day of the zone, not of UTC', () => {
    expect(localTimeAt(new Date('2026-10-24T23:30:00Z'), 'Europe/Berlin')).toMatchObject({
      date: '2026-10-25',
      time: '01:30',
      weekday: 7,
    });
    expect(localTimeAt(new Date('2026-10-25T03:30:15.250Z'), 'America/New_York')).toMatchObject({
      local: '2026-10-24T23:30:15.250',
      date: '2026-10-24',
      weekday: 6,
    });
  });

  it('refuses an invalid Date', () => {
    const error = catchValidation(() => localTimeAt(new Date('nonsense'), 'Europe/Berlin'));
    expect(error.problems[0]).toMatchObject({ rule: 'instant.invalid' });
  });
});
