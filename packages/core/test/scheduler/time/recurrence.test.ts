import { describe, expect, it } from 'vitest';
import { nextOccurrence, type OccurrenceQuery, occurrences } from '../../../src/scheduler/time/recurrence.js';
import { catchValidation } from './catch-validation.js';

/** The occurrences' ISO instants. */
const instants = (rule: string, query: OccurrenceQuery): string[] =>
  occurrences(rule, query).map((o) => o.instant.toISOString());
/** The occurrences' instants with the DST adjustment, for DST days. */
const adjusted = (rule: string, query: OccurrenceQuery): [string, string, string][] =>
  occurrences(rule, query).map((o) => [o.instant.toISOString(), o.local, o.adjustment]);

describe('occurrences: wall time kept across DST', () => {
  it('Europe/Berlin: daily 09:00 is 08:00Z before 2026-03-29 and 07:00Z from it', () => {
    expect(instants('FREQ=DAILY', { start: '2026-03-27T09:00', zone: 'Europe/Berlin', limit: 4 })).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
    expect(instants('FREQ=DAILY', { start: '2026-10-24T09:00', zone: 'Europe/Berlin', limit: 3 })).toEqual([
      '2026-10-24T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
    ]);
  });

  it('America/New_York: weekly Monday 09:00 across both 2026 changes', () => {
    expect(
      instants('FREQ=WEEKLY;BYDAY=MO', { start: '2026-03-02T09:00', zone: 'America/New_York', limit: 2 }),
    ).toEqual(['2026-03-02T14:00:00.000Z', '2026-03-09T13:00:00.000Z']);
    expect(
      instants('FREQ=WEEKLY;BYDAY=MO', { start: '2026-10-26T09:00', zone: 'America/New_York', limit: 2 }),
    ).toEqual(['2026-10-26T13:00:00.000Z', '2026-11-02T14:00:00.000Z']);
  });

  describe('a daily 02:30 on a spring-forward day goes out at 03:30, reported (not dropped)', () => {
    it('Europe/Berlin 2026-03-29', () => {
      expect(adjusted('FREQ=DAILY', { start: '2026-03-28T02:30', zone: 'Europe/Berlin', limit: 3 })).toEqual([
        ['2026-03-28T01:30:00.000Z', '2026-03-28T02:30', 'none'],
        ['2026-03-29T01:30:00.000Z', '2026-03-29T03:30', 'gap-shifted'],
        ['2026-03-30T00:30:00.000Z', '2026-03-30T02:30', 'none'],
      ]);
    });

    it('America/New_York 2026-03-08', () => {
      expect(
        adjusted('FREQ=DAILY', { start: '2026-03-07T02:30', zone: 'America/New_York', limit: 3 }),
      ).toEqual([
        ['2026-03-07T07:30:00.000Z', '2026-03-07T02:30', 'none'],
        ['2026-03-08T07:30:00.000Z', '2026-03-08T03:30', 'gap-shifted'],
        ['2026-03-09T06:30:00.000Z', '2026-03-09T02:30', 'none'],
      ]);
    });

    it('a series that starts inside the gap keeps 02:30 for the following days', () => {
      const [first, second] = occurrences('FREQ=DAILY', {
        start: '2026-03-29T02:30',
        zone: 'Europe/Berlin',
        limit: 2,
      });
      expect(first).toMatchObject({
        requested: '2026-03-29T02:30',
        local: '2026-03-29T03:30',
        adjustment: 'gap-shifted',
      });
      expect(second?.instant.toISOString()).toBe('2026-03-30T00:30:00.000Z');
    });

    it('two wall times that land on one instant are one occurrence (02:30 shifted onto 03:30)', () => {
      const rule = 'FREQ=DAILY;BYHOUR=2,3;BYMINUTE=30';
      expect(adjusted(rule, { start: '2026-03-07T00:00', zone: 'America/New_York', limit: 5 })).toEqual([
        ['2026-03-07T07:30:00.000Z', '2026-03-07T02:30', 'none'],
        ['2026-03-07T08:30:00.000Z', '2026-03-07T03:30', 'none'],
        ['2026-03-08T07:30:00.000Z', '2026-03-08T03:30', 'none'],
        ['2026-03-09T06:30:00.000Z', '2026-03-09T02:30', 'none'],
        ['2026-03-09T07:30:00.000Z', '2026-03-09T03:30', 'none'],
      ]);
    });
  });

  describe('a wall time that occurs twice on a fall-back day is its earlier instant, reported', () => {
    it('America/New_York 2026-11-01: daily 01:30', () => {
      expect(
        adjusted('FREQ=DAILY', { start: '2026-10-31T01:30', zone: 'America/New_York', limit: 3 }),
      ).toEqual([
        ['2026-10-31T05:30:00.000Z', '2026-10-31T01:30', 'none'],
        ['2026-11-01T05:30:00.000Z', '2026-11-01T01:30', 'overlap-earlier'],
        ['2026-11-02T06:30:00.000Z', '2026-11-02T01:30', 'none'],
      ]);
    });

    it('Europe/Berlin 2026-10-25: daily 02:30', () => {
      expect(adjusted('FREQ=DAILY', { start: '2026-10-24T02:30', zone: 'Europe/Berlin', limit: 3 })).toEqual([
        ['2026-10-24T00:30:00.000Z', '2026-10-24T02:30', 'none'],
        ['2026-10-25T00:30:00.000Z', '2026-10-25T02:30', 'overlap-earlier'],
        ['2026-10-26T01:30:00.000Z', '2026-10-26T02:30', 'none'],
      ]);
    });
  });
});

describe('occurrences: month ends and leap days (RFC 5545)', () => {
  it('BYMONTHDAY=31 skips the months without a 31st', () => {
    expect(
      instants('FREQ=MONTHLY;BYMONTHDAY=31', { start: '2026-01-31T09:00', zone: 'Europe/Berlin', limit: 5 }),
    ).toEqual([
      '2026-01-31T08:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
      '2026-05-31T07:00:00.000Z',
      '2026-07-31T07:00:00.000Z',
      '2026-08-31T07:00:00.000Z',
    ]);
  });

  it('BYMONTHDAY=-1 is the last day of every month, 29 February in a leap year', () => {
    expect(
      instants('FREQ=MONTHLY;BYMONTHDAY=-1', {
        start: '2026-01-31T09:00',
        zone: 'America/New_York',
        limit: 4,
      }),
    ).toEqual([
      '2026-01-31T14:00:00.000Z',
      '2026-02-28T14:00:00.000Z',
      '2026-03-31T13:00:00.000Z',
      '2026-04-30T13:00:00.000Z',
    ]);
    expect(
      instants('FREQ=MONTHLY;BYMONTHDAY=-1', {
        start: '2026-01-31T09:00',
        zone: 'America/New_York',
        from: new Date('2028-02-01T00:00:00Z'),
        limit: 1,
      }),
    ).toEqual(['2028-02-29T14:00:00.000Z']);
  });

  it('a yearly rule started on 29 February recurs only in leap years', () => {
    expect(instants('FREQ=YEARLY', { start: '2028-02-29T09:00', zone: 'Europe/Berlin', limit: 3 })).toEqual([
      '2028-02-29T08:00:00.000Z',
      '2032-02-29T08:00:00.000Z',
      '2036-02-29T08:00:00.000Z',
    ]);
    expect(
      nextOccurrence('FREQ=YEARLY', '2028-02-29T09:00', 'America/New_York', new Date('2028-03-01T00:00:00Z'))
        ?.instant,
    ).toEqual(new Date('2032-02-29T14:00:00.000Z'));
  });
});

describe('occurrences: bounds', () => {
  it('COUNT counts occurrences from the start, and then the series has ended', () => {
    const rule = 'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=3';
    expect(instants(rule, { start: '2026-03-02T09:00', zone: 'America/New_York', limit: 10 })).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-04T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
    expect(
      nextOccurrence(rule, '2026-03-02T09:00', 'America/New_York', new Date('2026-03-09T13:00:00Z')),
    ).toBeUndefined();
  });

  it('UNTIL in UTC is the last instant, inclusive; a date UNTIL is the last local day', () => {
    const query = { start: '2026-03-27T09:00', zone: 'Europe/Berlin' };
    expect(instants('FREQ=DAILY;UNTIL=20260329T070000Z', query)).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
    ]);
    expect(instants('FREQ=DAILY;UNTIL=20260329T065959Z', query)).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-28T08:00:00.000Z',
    ]);
    expect(instants('RRULE:FREQ=DAILY;UNTIL=20260329', query)).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
    ]);
  });

  it('from is inclusive, to exclusive, limit caps the list', () => {
    const query = { start: '2026-01-01T09:00', zone: 'Europe/Berlin' };
    expect(
      instants('FREQ=DAILY', {
        ...query,
        from: new Date('2026-03-28T08:00:00Z'),
        to: new Date('2026-03-31T07:00:00Z'),
      }),
    ).toEqual(['2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z']);
    expect(instants('FREQ=DAILY', { ...query, from: new Date('2026-03-28T08:00:00Z'), limit: 2 })).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
    ]);
    expect(occurrences('FREQ=DAILY', { ...query })).toHaveLength(1000);
  });

  it('reaches occurrences decades after the start, and sparse rules far ahead', () => {
    expect(
      instants('FREQ=DAILY', {
        start: '2020-01-01T09:00',
        zone: 'Europe/Berlin',
        from: new Date('2050-06-01T00:00:00Z'),
        limit: 1,
      }),
    ).toEqual(['2050-06-01T07:00:00.000Z']);
    expect(
      nextOccurrence(
        'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
        '2026-01-01T09:00',
        'Europe/Berlin',
        new Date('2026-01-01T00:00:00Z'),
      )?.instant,
    ).toEqual(new Date('2028-02-29T08:00:00.000Z'));
  });

  it('returns nothing for a rule that can never occur, instead of searching forever', () => {
    expect(
      occurrences('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', { start: '2026-01-01T09:00', zone: 'UTC' }),
    ).toEqual([]);
  });

  it('nextOccurrence is strictly after `after`; an instant start is read as its wall time in the zone', () => {
    const start = new Date('2026-03-27T08:00:00Z'); // 09:00 CET
    expect(
      nextOccurrence('FREQ=DAILY', start, 'Europe/Berlin', new Date('2026-03-28T08:00:00Z'))?.instant,
    ).toEqual(new Date('2026-03-29T07:00:00.000Z'));
    expect(
      nextOccurrence('FREQ=DAILY', start, 'Europe/Berlin', new Date('2026-01-01T00:00:00Z'))?.instant,
    ).toEqual(start);
  });

  it('the start is an occurrence only when it matches the rule', () => {
    // 2026-03-04 is a Wednesday: the first Monday is 2026-03-09.
    expect(
      instants('FREQ=WEEKLY;BYDAY=MO', { start: '2026-03-04T09:00', zone: 'America/New_York', limit: 1 }),
    ).toEqual(['2026-03-09T13:00:00.000Z']);
  });
});

describe('bad rules', () => {
  const start = '2026-03-02T09:00';
  const zone = 'Europe/Berlin';
  const problemsOf = (rule: string) => catchValidation(() => occurrences(rule, { start, zone })).problems;

  it.each([
    ['FREQ=SOMETIMES', 'recurrence.value', 'FREQ=SOMETIMES: must be DAILY, WEEKLY, MONTHLY or YEARLY'],
    ['FREQ=DAILY;FOO=1', 'recurrence.part', 'unknown rule part "FOO"'],
    ['BYDAY=MO', 'recurrence.syntax', 'FREQ is required'],
    ['FREQ=DAILY;COUNT=abc', 'recurrence.value', 'COUNT=ABC: must be a whole number from 1 to 10000'],
    ['FREQ=DAILY;COUNT=0', 'recurrence.value', 'COUNT=0'],
    [
      'FREQ=MONTHLY;BYMONTHDAY=32',
      'recurrence.value',
      'BYMONTHDAY=32: must be whole numbers from 1 to 31 or -31 to -1',
    ],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'recurrence.value', 'BYMONTHDAY=0'],
    ['FREQ=WEEKLY;BYDAY=MO,XX', 'recurrence.value', 'BYDAY=MO,XX'],
    ['FREQ=WEEKLY;BYDAY=MO;BYDAY=TU', 'recurrence.part', 'BYDAY is given twice'],
    ['FREQ=DAILY;INTERVAL', 'recurrence.syntax', '"INTERVAL" is not NAME=VALUE'],
    ['FREQ=HOURLY', 'recurrence.frequency', 'FREQ=HOURLY is not supported'],
    [
      'FREQ=DAILY;COUNT=2;UNTIL=20260401T000000Z',
      'recurrence.syntax',
      'COUNT and UNTIL must not both be given',
    ],
    [
      'FREQ=DAILY;UNTIL=20260401T090000',
      'recurrence.value',
      'UNTIL=20260401T090000: must be a UTC date-time',
    ],
    ['FREQ=DAILY;UNTIL=20260231', 'recurrence.value', 'UNTIL=20260231'],
    ['FREQ=MONTHLY;BYWEEKNO=3', 'recurrence.invalid', 'BYWEEKNO MUST NOT be used unless FREQ=YEARLY'],
    ['DTSTART:20260302T090000\nRRULE:FREQ=DAILY', 'recurrence.syntax', 'give only the rule'],
  ])('%s → %s', (rule, code, message) => {
    const problems = problemsOf(rule);
    expect(problems).toEqual([expect.objectContaining({ path: ['rule'], rule: code })]);
    expect(problems[0]?.message).toContain(message);
  });

  it('lists every problem of a rule at once', () => {
    expect(problemsOf('FREQ=DAILY;FOO=1;INTERVAL=-2').map((p) => p.rule)).toEqual([
      'recurrence.part',
      'recurrence.value',
    ]);
  });

  it('names the rule and the subject in the error message', () => {
    const error = catchValidation(() => nextOccurrence('FREQ=DAILY;BYHOUR=24', start, zone, new Date()));
    expect(error.message).toBe(
      'Invalid recurrence rule (1 problem):\n  - rule: BYHOUR=24: must be whole numbers from 0 to 23',
    );
  });

  it('refuses an unknown zone, a start that is not a local date-time and a bad limit', () => {
    expect(
      catchValidation(() => occurrences('FREQ=DAILY', { start, zone: 'Berlin' })).problems[0],
    ).toMatchObject({
      path: ['zone'],
      rule: 'time_zone.unknown',
    });
    expect(
      catchValidation(() => occurrences('FREQ=DAILY', { start: '2026-02-30T09:00', zone })).problems[0],
    ).toMatchObject({ path: ['start'], rule: 'local_time.invalid' });
    expect(
      catchValidation(() => occurrences('FREQ=DAILY', { start: '2026-03-02T09:00Z', zone })).problems[0],
    ).toMatchObject({ path: ['start'], rule: 'local_time.syntax' });
    expect(
      catchValidation(() => occurrences('FREQ=DAILY', { start, zone, limit: 0 })).problems[0],
    ).toMatchObject({
      path: ['limit'],
      rule: 'limit.range',
    });
  });
});
