import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import { describeKind, isRecord } from '../parse/value-kind.js';
import { type DstAdjustment, resolveLocalTime } from './time/zoned-time.js';

/** A wall time in an IANA zone: `{ at: '2026-05-04T09:00', zone: 'Europe/Berlin' }`. */
export interface LocalTime {
  /** `YYYY-MM-DDTHH:mm` (seconds allowed), without offset or `Z`. */
  readonly at: string;
  /** The IANA zone the wall time is read in. */
  readonly zone: string;
}

/**
 * A recurring post: an RFC 5545 RRULE read in the zone of `start`, so 09:00 stays 09:00 local
 * across DST (https://www.rfc-editor.org/rfc/rfc5545#section-3.3.10).
 */
export interface RecurringTime {
  /** The rule, e.g. `FREQ=WEEKLY;BYDAY=MO,WE`, with or without the `RRULE:` prefix. */
  readonly rrule: string;
  /** The first occurrence's wall time and the series' zone. */
  readonly start: LocalTime;
}

/**
 * When to publish:
 *
 * - a `Date`, or an ISO 8601 instant with `Z` or an offset (`'2026-05-04T07:00:00Z'`);
 * - a {@link LocalTime}: a wall time in a zone, DST handled (a time in a spring-forward gap moves
 *   forward by the gap, one that occurs twice takes the earlier; the `scheduled` event reports it);
 * - `'next-slot'`: each target account's next free weekly queue slot (the scheduler's `accounts`);
 * - a {@link RecurringTime}: the first occurrence now, each next one when the previous is due.
 */
export type When = Date | LocalTime | RecurringTime | 'next-slot' | (string & {});

/** A resolved time: the instant, the zone it is shown in and what DST did to it. */
export interface PlannedTime {
  /** When to publish. */
  readonly publishAt: Date;
  /** The IANA zone the entry is planned in. */
  readonly timeZone: string;
  /** What the DST policy did to a wall time (`none` for instants). */
  readonly adjustment: DstAdjustment;
}

/** ISO 8601 date-time with `Z` or an offset: an instant, not a wall time. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** Whether `when` asks for a recurring series. */
export function isRecurring(when: When): when is RecurringTime {
  return typeof when === 'object' && when !== null && !(when instanceof Date) && 'rrule' in when;
}

/**
 * Checks the shape of a recurrence before its rule is read: `rrule` a text, `start` a wall time
 * `{ at, zone }` (the rule, wall time and zone themselves are checked when it is planned).
 *
 * @param when - a value {@link isRecurring} accepted
 * @throws ValidationError at `['when', 'rrule']` or `['when', 'start']`
 */
export function requireRecurrenceShape(when: RecurringTime): void {
  const problems: ValidationProblem[] = [];
  const { rrule, start } = when as { readonly rrule: unknown; readonly start: unknown };
  if (typeof rrule !== 'string') {
    problems.push({
      path: ['when', 'rrule'],
      rule: 'when.rrule',
      message: `must be an RFC 5545 rule such as "FREQ=WEEKLY;BYDAY=MO", not ${describeKind(rrule)}`,
    });
  }
  if (!isRecord(start)) {
    problems.push({
      path: ['when', 'start'],
      rule: 'when.start',
      message: `must be the first occurrence's wall time { at, zone }, not ${describeKind(start)}`,
    });
  } else if (typeof start.at !== 'string') {
    problems.push({
      path: ['when', 'start', 'at'],
      rule: 'when.start',
      message: `must be the first occurrence's wall time "YYYY-MM-DDTHH:mm", not ${describeKind(start.at)}`,
    });
  }
  if (problems.length === 0) return;
  throw new ValidationError(problems, 'schedule time', {
    hint: "Give a recurrence as { rrule: 'FREQ=WEEKLY;BYDAY=MO', start: { at: '2026-05-04T09:00', zone: 'Europe/Berlin' } }.",
  });
}

/**
 * Resolves an instant or a wall time (not `'next-slot'`, not a recurrence) to its instant.
 *
 * @param when - a `Date`, an ISO instant string or a {@link LocalTime}
 * @param zone - the zone an instant is shown in (the entry's `timeZone`)
 * @returns the planned time
 * @throws ValidationError for an invalid date, a string without offset, an unknown zone or a
 *   malformed wall time
 */
export function resolveFixedTime(when: Date | LocalTime | string, zone: string): PlannedTime {
  if (when instanceof Date) {
    if (Number.isNaN(when.getTime())) throw invalidWhen('must be a valid Date', 'when.instant');
    return { publishAt: new Date(when.getTime()), timeZone: zone, adjustment: 'none' };
  }
  if (typeof when === 'string') {
    if (!ISO_INSTANT.test(when) || Number.isNaN(Date.parse(when))) {
      throw invalidWhen(
        'must be an ISO 8601 instant with Z or an offset (e.g. "2026-05-04T07:00:00Z"); for a wall time give { at, zone }',
        'when.instant',
        when,
      );
    }
    return { publishAt: new Date(Date.parse(when)), timeZone: zone, adjustment: 'none' };
  }
  if (typeof when !== 'object' || when === null || typeof when.at !== 'string') {
    throw invalidWhen(
      "must be a Date, an ISO instant, { at, zone }, 'next-slot' or { rrule, start }",
      'when.type',
    );
  }
  const resolved = resolveLocalTime(when.at, when.zone);
  return { publishAt: resolved.instant, timeZone: when.zone, adjustment: resolved.adjustment };
}

function invalidWhen(message: string, rule: string, actual?: string): ValidationError {
  return new ValidationError(
    [{ path: ['when'], rule, message, ...(actual === undefined ? {} : { actual: actual.slice(0, 60) }) }],
    'schedule time',
  );
}
