import { resolveLocalTime } from '@smmkit/core/scheduler';
import { CliError, EXIT } from '../output/exit-codes.js';

/** One day in milliseconds: the default windows of `calendar` and `report` are counted in days. */
export const DAY_MS = 86_400_000;

/**
 * Whether the `YYYY-MM-DD` that `value` starts with is a day of the calendar. `Date` reads
 * `2026-02-30` as March 2 instead of refusing it, so the day is checked on its own.
 */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (match === null) return true;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A day, or a wall time without an offset: `2026-05-01`, `2026-05-01T09:00`, `2026-05-01T09:00:30`. */
const WALL_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/;

/**
 * A `--from`/`--to` date: an ISO instant (with `Z` or an offset), or a day (`2026-05-01`, its
 * midnight) or wall time (`2026-05-01T09:00`) read in `zone`, the zone the command shows its days
 * in (never the zone of the machine it runs on); `fallback` when absent.
 */
export function dateOf(value: string | undefined, fallback: Date, option: string, zone: string): Date {
  if (value === undefined) return fallback;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !isCalendarDay(value))
    throw new CliError(EXIT.usage, `${option} ${value} is not a date (2026-05-01 or an ISO instant)`);
  if (!WALL_TIME.test(value)) return date;
  // The scheduler's DST policy: a skipped wall time moves forward by the gap, a repeated one is the earlier.
  return resolveLocalTime(value.length === 10 ? `${value}T00:00` : value, zone).instant;
}

/**
 * A `--zone`: a time zone the runtime knows (an IANA name such as `Europe/Berlin`, or `UTC`),
 * the check the scheduler and analytics make too
 * (https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Intl/DateTimeFormat/DateTimeFormat#timezone).
 *
 * @throws CliError (usage) for any other value
 */
export function zoneOf(value: string | undefined, option = '--zone'): string | undefined {
  if (value === undefined) return undefined;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: value });
    if (value !== '') return value;
  } catch {
    // refused below
  }
  throw new CliError(EXIT.usage, `${option} ${value} is not a time zone (an IANA name: Europe/Berlin, UTC)`);
}
