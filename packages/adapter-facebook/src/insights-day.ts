/**
 * The days of Page Insights `period=day` values. Each value's `end_time` is the end of a day in
 * Pacific time: Meta's Page Insights guide (https://developers.facebook.com/docs/platforminsights/page,
 * "Get Page Metrics") says that with `since` set to January 1, 2018 the first `end_time` is
 * January 2, 2018 at 08:00 GMT (midnight PST), and its example answer has
 * `"end_time": "2020-03-10T07:00:00+0000"` (midnight PDT, two days after the 2020 spring-forward).
 * The guide does not name the zone: America/Los_Angeles is ASSUMED from those two examples, whose
 * offsets follow US daylight saving time. A day is therefore 23 hours on the spring-forward day
 * and 25 hours on the fall-back day, never "end − 24 h" there.
 */
const INSIGHTS_TIME_ZONE = 'America/Los_Angeles';

/** Wall-clock fields of an instant in {@link INSIGHTS_TIME_ZONE}, to the second. */
const pacificWall = new Intl.DateTimeFormat('en-US', {
  timeZone: INSIGHTS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The Pacific wall clock at `instant` as if it were UTC, in ms (to the second). */
function wallAsUtc(instant: number): number {
  const parts = pacificWall.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((entry) => entry.type === type)?.value);
  return utcInstant(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
}

/** `Date.UTC` without its reading of years 0–99 as 1900–1999. */
function utcInstant(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** How far the Pacific wall clock is ahead of UTC at `instant`, in ms (−8 h or −7 h). */
const pacificOffset = (instant: number): number => wallAsUtc(instant) - Math.floor(instant / 1000) * 1000;

/**
 * The instant of Pacific midnight on the calendar day whose UTC-midnight is `dayAsUtc`. Midnight
 * is never skipped nor repeated there (US clocks change at 02:00), so two offset reads settle it.
 */
function pacificMidnight(dayAsUtc: number): number {
  const guess = dayAsUtc - pacificOffset(dayAsUtc);
  return dayAsUtc - pacificOffset(guess);
}

/** UTC midnight of the Pacific calendar day that `instant` falls in, shifted by `days`. */
function pacificDay(instant: number, days = 0): number {
  const wall = new Date(wallAsUtc(instant));
  return utcInstant(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + days);
}

/**
 * The start of the Page Insights day that `instant` falls in: the last Pacific midnight at or
 * before it.
 *
 * @param instant - ms since the Unix epoch
 * @returns the day's start, ms since the Unix epoch
 *
 * @example
 * ```ts
 * new Date(insightsDayStart(Date.parse('2026-03-08T20:00:00Z'))).toISOString(); // '2026-03-08T08:00:00.000Z'
 * ```
 */
export function insightsDayStart(instant: number): number {
  return pacificMidnight(pacificDay(instant));
}

/**
 * The start of the Page Insights day that ends at `end` (a `period=day` value's `end_time`): the
 * last Pacific midnight before it, 23, 24 or 25 hours earlier.
 *
 * @param end - the day's `end_time`, ms since the Unix epoch
 * @returns the day's start, ms since the Unix epoch
 *
 * @example
 * ```ts
 * new Date(insightsDayStartBefore(Date.parse('2026-03-09T07:00:00Z'))).toISOString(); // '2026-03-08T08:00:00.000Z'
 * ```
 */
export function insightsDayStartBefore(end: number): number {
  return insightsDayStart(end - 1);
}

/**
 * The end of the Page Insights day that `instant` falls in: the first Pacific midnight after it.
 *
 * @param instant - ms since the Unix epoch
 * @returns the day's end, ms since the Unix epoch
 *
 * @example
 * ```ts
 * new Date(insightsDayEndAfter(Date.parse('2026-11-01T12:00:00Z'))).toISOString(); // '2026-11-02T08:00:00.000Z'
 * ```
 */
export function insightsDayEndAfter(instant: number): number {
  return pacificMidnight(pacificDay(instant, 1));
}
