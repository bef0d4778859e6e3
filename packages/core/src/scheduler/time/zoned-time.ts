import { Temporal } from 'temporal-polyfill';
import { quoteShort } from '../../models/issue-message.js';
import { steadyInstant } from './steady-offset.js';
import { invalidTimeInput, requireInstant, requireZone } from './time-input.js';

/**
 * What happened to a wall time on its way to an instant:
 * - `none`: the wall time occurs exactly once in the zone that day;
 * - `gap-shifted`: it does not exist (the clocks sprang forward over it), so it moved forward
 *   by the length of the gap: 02:30 on a spring-forward day becomes 03:30;
 * - `overlap-earlier`: it occurs twice (the clocks fell back over it); the earlier of the two
 *   instants was taken: 01:30 on a fall-back day is the 01:30 before the clocks go back.
 *
 * Both choices are Temporal's `'compatible'` disambiguation, the same as RFC 5545's rule for an
 * explicit local DATE-TIME (https://www.rfc-editor.org/rfc/rfc5545#section-3.3.5). The scheduler
 * reports the adjustment in its `scheduled` event (and the entry keeps the instant and the zone),
 * so an hour is never gained or lost silently.
 */
export type DstAdjustment = 'none' | 'gap-shifted' | 'overlap-earlier';

/**
 * A wall time in a zone resolved to one instant, with what the DST policy did to it.
 *
 * @example
 * ```ts
 * resolveLocalTime('2026-03-29T02:30', 'Europe/Berlin');
 * // { instant: 2026-03-29T01:30:00.000Z, zone: 'Europe/Berlin', requested: '2026-03-29T02:30',
 * //   local: '2026-03-29T03:30', offset: '+02:00', adjustment: 'gap-shifted' }
 * ```
 */
export interface ResolvedLocalTime {
  /** The instant it resolved to. */
  readonly instant: Date;
  /** The IANA zone it was resolved in. */
  readonly zone: string;
  /** The wall time asked for, `YYYY-MM-DDTHH:mm` (seconds only when not zero). */
  readonly requested: string;
  /** The wall time in `zone` at `instant`: equal to `requested` unless `gap-shifted`. */
  readonly local: string;
  /** The zone's UTC offset at `instant`, `±HH:mm`. */
  readonly offset: string;
  /** What the DST policy did; see {@link DstAdjustment}. */
  readonly adjustment: DstAdjustment;
}

/**
 * An instant as the wall clock in a zone shows it, for calendars and messages.
 *
 * @example
 * ```ts
 * localTimeAt(new Date('2026-11-01T06:30:00Z'), 'America/New_York');
 * // { local: '2026-11-01T01:30', date: '2026-11-01', time: '01:30', offset: '-05:00', weekday: 7 }
 * ```
 */
export interface LocalTimeView {
  /** `YYYY-MM-DDTHH:mm` (seconds and milliseconds only when not zero). */
  readonly local: string;
  /** The local day, `YYYY-MM-DD`. */
  readonly date: string;
  /** The local time of day, `HH:mm` (seconds only when not zero). */
  readonly time: string;
  /** The zone's UTC offset at the instant, `±HH:mm`. Tells the two 01:30s of a fall-back day apart. */
  readonly offset: string;
  /** ISO day of the week: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
}

/** `YYYY-MM-DDTHH:mm`, optionally `:ss` and `.sss`: a wall time without offset or zone. */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?$/;

/**
 * Turns a wall time in an IANA zone into the instant it names, with the DST policy applied and
 * reported (see {@link DstAdjustment}):
 * - a wall time inside a spring-forward gap moves forward by the gap's length
 *   (`2026-03-29T02:30` in Europe/Berlin → 03:30 CEST, `'gap-shifted'`);
 * - a wall time that occurs twice on a fall-back day takes the earlier instant
 *   (`2026-11-01T01:30` in America/New_York → 01:30 EDT = 05:30Z, `'overlap-earlier'`).
 *
 * @param local - `YYYY-MM-DDTHH:mm` (or with `:ss` / `:ss.sss`), no offset and no `Z`: an
 *   offset would contradict the zone
 * @param zone - IANA zone name, e.g. `Europe/Berlin`
 * @throws ValidationError `local_time.syntax`, `local_time.invalid` (e.g. February 30) or
 *   `time_zone.unknown`
 *
 * @example
 * ```ts
 * const { instant, adjustment } = resolveLocalTime('2026-11-01T01:30', 'America/New_York');
 * // instant = 2026-11-01T05:30:00.000Z, adjustment = 'overlap-earlier'
 * ```
 */
export function resolveLocalTime(local: string, zone: string): ResolvedLocalTime {
  requireZone(zone, 'local time');
  return resolveWallTime(parseLocalDateTime(local, 'local time', ['local']), zone);
}

/**
 * The instant a wall time in a zone names, under the DST policy of {@link resolveLocalTime}
 * (gap → shifted forward, overlap → earlier). Use `resolveLocalTime` where the adjustment must be
 * recorded.
 *
 * @throws ValidationError as {@link resolveLocalTime}
 *
 * @example
 * ```ts
 * instantFromLocal('2026-03-08T02:30', 'America/New_York').toISOString(); // '2026-03-08T07:30:00.000Z'
 * ```
 */
export function instantFromLocal(local: string, zone: string): Date {
  return resolveLocalTime(local, zone).instant;
}

/**
 * How the wall clock in `zone` shows `instant`.
 *
 * @throws ValidationError `instant.invalid` or `time_zone.unknown`
 */
export function localTimeAt(instant: Date, zone: string): LocalTimeView {
  requireInstant(instant, 'instant', ['instant']);
  requireZone(zone, 'instant');
  const zoned = zonedAt(instant, zone);
  const local = formatWallTime(zoned.toPlainDateTime());
  return {
    local,
    date: local.slice(0, 10),
    time: local.slice(11),
    offset: zoned.offset,
    weekday: zoned.dayOfWeek,
  };
}

/**
 * Resolves an already parsed wall time; the queue and the recurrence use it so that they apply
 * exactly the policy of {@link resolveLocalTime}. `zone` must have been checked.
 */
export function resolveWallTime(wall: Temporal.PlainDateTime, zone: string): ResolvedLocalTime {
  const steady =
    wall.microsecond === 0 && wall.nanosecond === 0 ? steadyInstant(wallMsOf(wall), zone) : undefined;
  if (steady !== undefined) {
    const text = formatWallTime(wall);
    return {
      instant: new Date(steady.ms),
      zone,
      requested: text,
      local: text,
      offset: steady.offset,
      adjustment: 'none',
    };
  }
  // 'compatible' is the policy itself: later across a gap, earlier in an overlap.
  const chosen = wall.toZonedDateTime(zone, { disambiguation: 'compatible' });
  const landed = chosen.toPlainDateTime();
  let adjustment: DstAdjustment = 'none';
  if (!landed.equals(wall)) {
    adjustment = 'gap-shifted';
  } else if (
    wall.toZonedDateTime(zone, { disambiguation: 'later' }).epochMilliseconds !== chosen.epochMilliseconds
  ) {
    adjustment = 'overlap-earlier';
  }
  return {
    instant: new Date(chosen.epochMilliseconds),
    zone,
    requested: formatWallTime(wall),
    local: formatWallTime(landed),
    offset: chosen.offset,
    adjustment,
  };
}

/**
 * The instant (epoch ms) of a wall time given as `wallMs` (its fields read as UTC), under the
 * policy of {@link resolveLocalTime}, without building the full report: for scanning many
 * candidates. `zone` must have been checked.
 */
export function resolveWallMs(
  wallMs: number,
  zone: string,
): { readonly ms: number; readonly adjustment: DstAdjustment } {
  const steady = steadyInstant(wallMs, zone);
  if (steady !== undefined) return { ms: steady.ms, adjustment: 'none' };
  const { instant, adjustment } = resolveWallTime(wallFromMs(wallMs), zone);
  return { ms: instant.getTime(), adjustment };
}

/** A wall time's fields read as if they were UTC, in epoch ms: plain calendar arithmetic, no zone. */
export function wallMsOf(wall: Temporal.PlainDate | Temporal.PlainDateTime): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  if ('hour' in wall) {
    date.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
  }
  return date.getTime();
}

/** The wall time whose fields, read as UTC, are `wallMs` (the inverse of {@link wallMsOf}). */
export function wallFromMs(wallMs: number): Temporal.PlainDateTime {
  return Temporal.Instant.fromEpochMilliseconds(wallMs).toZonedDateTimeISO('UTC').toPlainDateTime();
}

/** `instant` as a ZonedDateTime in `zone` (checked by the caller). */
export function zonedAt(instant: Date, zone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(zone);
}

/**
 * Parses a `YYYY-MM-DDTHH:mm[:ss[.sss]]` wall time.
 *
 * @throws ValidationError `local_time.syntax` or `local_time.invalid`
 */
export function parseLocalDateTime(
  local: string,
  subject: string,
  path: readonly (string | number)[],
): Temporal.PlainDateTime {
  if (typeof local !== 'string' || !LOCAL_DATE_TIME.test(local)) {
    const shown = typeof local === 'string' ? quoteShort(local) : typeof local;
    invalidTimeInput(
      subject,
      path,
      'local_time.syntax',
      `${shown} is not a local date-time; write YYYY-MM-DDTHH:mm (e.g. "2026-03-29T09:00"), without an offset or Z, and give the zone separately`,
      typeof local === 'string' ? local : undefined,
    );
  }
  try {
    // Strings are parsed strictly: 2026-02-30 or 24:00 throw a RangeError instead of being clamped.
    return Temporal.PlainDateTime.from(local);
  } catch {
    return invalidTimeInput(
      subject,
      path,
      'local_time.invalid',
      `${quoteShort(local)} is not a date and time that exists on the calendar`,
      local,
    );
  }
}

/** `YYYY-MM-DDTHH:mm`, with `:ss` or `:ss.sss` only when they are not zero (Dates hold milliseconds). */
export function formatWallTime(wall: Temporal.PlainDateTime): string {
  const smallestUnit = wall.millisecond !== 0 ? 'millisecond' : wall.second !== 0 ? 'second' : 'minute';
  return wall.toString({ smallestUnit });
}
