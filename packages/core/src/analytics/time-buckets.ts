import { ValidationError } from '../errors/validation-error.js';
import { isValidTimeZone } from '../models/time-zone.js';

/** The time buckets a rollup can group by. */
export const TIME_GRAINS = ['hour', 'day', 'week', 'month'] as const;

/** One of {@link TIME_GRAINS}. */
export type TimeGrain = (typeof TIME_GRAINS)[number];

/**
 * A time bucket in a zone: its key and the instants it spans. Keys are local dates:
 * `2026-03-29T02` (hour), `2026-03-29` (day), `2026-W13` (ISO week, Monday start, ISO
 * week-year), `2026-03` (month). The second occurrence of an hour repeated when clocks go back
 * gets the offset appended (`2026-10-25T02+01:00`), so the two hours stay apart.
 */
export interface TimeBucket {
  /** The bucket's key, a local date as above. */
  readonly key: string;
  /** First instant in the bucket, in ms since the epoch. */
  readonly start: number;
  /** First instant after the bucket, in ms since the epoch (a DST day spans 23 or 25 hours). */
  readonly end: number;
  /** Calendar days the bucket covers: 1 for a day whatever its length, 7, the month's days, or 1/24. */
  readonly days: number;
}

/** The local calendar fields of an instant. */
export interface LocalTime {
  /** Days since 1970-01-01 of the local date. */
  readonly dayNumber: number;
  /** Local hour, 0–23. */
  readonly hour: number;
  /** Day of the week, Monday = 0 … Sunday = 6. */
  readonly weekday: number;
  /** UTC offset in effect, in ms (positive east of Greenwich). */
  readonly offset: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date of a day number (H. Hinnant's civil_from_days). */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day of the week of a day number, Monday = 0 (1970-01-01 was a Thursday). */
function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `YYYY-MM-DD` of a day number. */
export function isoDate(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function formatOffset(offset: number): string {
  const minutes = Math.round(Math.abs(offset) / MINUTE);
  return `${offset < 0 ? '-' : '+'}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/**
 * Local calendar arithmetic in one IANA zone. Asks `Intl.DateTimeFormat` only for the UTC offset
 * (about twice per UTC day seen, cached) and does the calendar maths itself, so bucketing
 * hundreds of thousands of instants costs a few hundred `Intl` calls.
 */
export class ZoneCalendar {
  /** The IANA zone name. */
  readonly timeZone: string;
  private readonly format: Intl.DateTimeFormat | undefined;
  /** Offset of each UTC day without a change. */
  private readonly dayOffsets = new Map<number, number>();
  /** The change within each UTC day that has one. */
  private readonly dayChanges = new Map<number, { at: number; before: number; after: number }>();
  /** Hour buckets by key. */
  private readonly hourBuckets = new Map<string, TimeBucket>();
  /** Day, week and month buckets by the local day number of any day inside them. */
  private readonly dayBuckets: Readonly<Record<Exclude<TimeGrain, 'hour'>, Map<number, TimeBucket>>> = {
    day: new Map(),
    week: new Map(),
    month: new Map(),
  };

  /** @param timeZone - an IANA zone the runtime knows */
  constructor(timeZone: string) {
    this.timeZone = timeZone;
    this.format =
      timeZone === 'UTC' || timeZone === 'Etc/UTC'
        ? undefined
        : new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
          });
  }

  /**
   * The UTC offset in effect at `instant` (ms), in ms. Cached per UTC day: a day whose offset is
   * the same at both ends has one offset (no zone changes twice within a day and back), otherwise
   * the change is searched to the minute once and the day keeps both offsets.
   */
  offsetAt(instant: number): number {
    const format = this.format;
    if (format === undefined) return 0;
    const day = Math.floor(instant / DAY);
    const cached = this.dayOffsets.get(day);
    if (cached !== undefined) return cached;
    let change = this.dayChanges.get(day);
    if (change === undefined) {
      const before = this.probe(format, day * DAY);
      const after = this.probe(format, (day + 1) * DAY);
      if (before === after) {
        this.dayOffsets.set(day, before);
        return before;
      }
      // Transitions happen on whole minutes: find the first minute with the new offset.
      let lo = (day * DAY) / MINUTE;
      let hi = ((day + 1) * DAY) / MINUTE;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (this.probe(format, mid * MINUTE) === before) lo = mid;
        else hi = mid;
      }
      change = { at: hi * MINUTE, before, after };
      this.dayChanges.set(day, change);
    }
    return instant < change.at ? change.before : change.after;
  }

  /** Asks `Intl` for the offset at `instant`: the local wall time read as UTC, minus the instant. */
  private probe(format: Intl.DateTimeFormat, instant: number): number {
    const fields: Record<string, number> = {};
    for (const part of format.formatToParts(instant)) {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    // Not Date.UTC, which reads years 0–99 as 1900–1999.
    const wall = new Date(0);
    wall.setUTCFullYear(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1);
    wall.setUTCHours(fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0, 0);
    return wall.getTime() - Math.floor(instant / 1000) * 1000;
  }

  /** The local calendar fields of `instant`. */
  local(instant: number): LocalTime {
    const offset = this.offsetAt(instant);
    const wall = instant + offset;
    const dayNumber = Math.floor(wall / DAY);
    return {
      dayNumber,
      hour: Math.floor((wall - dayNumber * DAY) / HOUR),
      weekday: weekdayOf(dayNumber),
      offset,
    };
  }

  /**
   * The first instant whose local wall time is `wall` (ms of a local date-time read as if UTC).
   * When clocks go back the wall time occurs twice and the earlier instant is returned; when
   * they spring forward over it, the instant it would have had under the earlier offset, which
   * lies just after the gap (for a gap starting at midnight: the instant of the jump, where that
   * local day begins).
   */
  instantOf(wall: number): number {
    const before = this.offsetAt(wall - DAY);
    const after = this.offsetAt(wall + DAY);
    const early = wall - before;
    const late = wall - after;
    const earlyFits = early + this.offsetAt(early) === wall;
    const lateFits = late + this.offsetAt(late) === wall;
    if (earlyFits && lateFits) return Math.min(early, late);
    if (earlyFits) return early;
    if (lateFits) return late;
    return early;
  }

  /** The bucket of `grain` that holds `instant`. */
  bucket(grain: TimeGrain, instant: number): TimeBucket {
    const offset = this.offsetAt(instant);
    const wall = instant + offset;
    const dayNumber = Math.floor(wall / DAY);
    if (grain === 'hour')
      return this.hourBucket(dayNumber, Math.floor((wall - dayNumber * DAY) / HOUR), offset);
    // Day, week and month buckets are found by their first local day, without building a key.
    const cache = this.dayBuckets[grain];
    const cached = cache.get(dayNumber);
    if (cached !== undefined) return cached;
    let key: string;
    let startDay: number;
    let endDay: number;
    if (grain === 'day') {
      key = isoDate(dayNumber);
      startDay = dayNumber;
      endDay = dayNumber + 1;
    } else if (grain === 'week') {
      startDay = dayNumber - weekdayOf(dayNumber);
      endDay = startDay + 7;
      // The ISO week belongs to the year of its Thursday.
      const { year } = civilFromDays(startDay + 3);
      const week = Math.floor((startDay + 3 - daysFromCivil(year, 1, 1)) / 7) + 1;
      key = `${year}-W${pad2(week)}`;
    } else {
      const { year, month } = civilFromDays(dayNumber);
      key = `${year}-${pad2(month)}`;
      startDay = daysFromCivil(year, month, 1);
      endDay = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
    }
    const made: TimeBucket = {
      key,
      start: this.instantOf(startDay * DAY),
      end: this.instantOf(endDay * DAY),
      days: endDay - startDay,
    };
    cache.set(dayNumber, made);
    return made;
  }

  private hourBucket(dayNumber: number, hour: number, offset: number): TimeBucket {
    const wall = dayNumber * DAY + hour * HOUR;
    const start = wall - offset;
    // The first occurrence of a local hour is where `instantOf` lands; a later one is the repeat.
    const repeated = this.instantOf(wall) !== start;
    const key = `${isoDate(dayNumber)}T${pad2(hour)}${repeated ? formatOffset(offset) : ''}`;
    const cached = this.hourBuckets.get(key);
    if (cached !== undefined) return cached;
    const made: TimeBucket = { key, start, end: start + HOUR, days: 1 / 24 };
    this.hourBuckets.set(key, made);
    return made;
  }
}

const calendars = new Map<string, ZoneCalendar>();

/**
 * The cached {@link ZoneCalendar} of `timeZone` (one `Intl.DateTimeFormat` per zone).
 *
 * @throws ValidationError when the runtime does not know the zone
 */
export function zoneCalendar(timeZone: string): ZoneCalendar {
  const cached = calendars.get(timeZone);
  if (cached !== undefined) return cached;
  if (!isValidTimeZone(timeZone)) {
    throw new ValidationError(
      [
        {
          path: ['timeZone'],
          rule: 'analytics.time_zone',
          message: `unknown time zone "${timeZone.slice(0, 64)}"`,
        },
      ],
      'analytics options',
    );
  }
  const made = new ZoneCalendar(timeZone);
  calendars.set(timeZone, made);
  return made;
}

/**
 * The bucket of `grain` holding `instant` in `timeZone`, DST-correct.
 *
 * @example
 * ```ts
 * timeBucket('day', Date.parse('2026-03-29T12:00:00Z'), 'Europe/Berlin');
 * // { key: '2026-03-29', start: 2026-03-28T23:00Z, end: 2026-03-29T22:00Z, days: 1 } — 23 hours
 * ```
 */
export function timeBucket(grain: TimeGrain, instant: number, timeZone: string): TimeBucket {
  return zoneCalendar(timeZone).bucket(grain, instant);
}
