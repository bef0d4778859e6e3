import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';
import { ValidationError } from '../../errors/validation-error.js';
import { type CheckedRule, checkRecurrenceRule } from './recurrence-rule.js';
import { cut, invalidTimeInput, requireInstant, requireZone } from './time-input.js';
import { parseLocalDateTime, type ResolvedLocalTime, resolveWallTime, zonedAt } from './zoned-time.js';

/** How many occurrences {@link occurrences} returns when no `limit` is given. */
export const DEFAULT_OCCURRENCE_LIMIT = 1000;
/** The most occurrences one {@link occurrences} call returns. */
export const MAX_OCCURRENCE_LIMIT = 10_000;

/**
 * One occurrence of a recurring entry: the wall time the rule gave (`requested`), the instant it
 * publishes at and what the DST policy did to it (see `DstAdjustment`).
 */
export type Occurrence = ResolvedLocalTime;

/** What {@link occurrences} takes. */
export interface OccurrenceQuery {
  /**
   * The series' start (RFC 5545's DTSTART): a wall time `YYYY-MM-DDTHH:mm` in `zone` (keep the
   * planner's wall time this way, even one in a DST gap), or an instant, read as the wall time it
   * shows in `zone`. It is an occurrence only when it matches the rule.
   */
  readonly start: Date | string;
  /** The IANA zone the rule's wall times are in. */
  readonly zone: string;
  /** Occurrences at or after this instant (default: from the start). */
  readonly from?: Date | undefined;
  /** Occurrences before this instant (default: no end but the rule's own and `limit`). */
  readonly to?: Date | undefined;
  /** At most this many (default {@link DEFAULT_OCCURRENCE_LIMIT}, at most {@link MAX_OCCURRENCE_LIMIT}). */
  readonly limit?: number | undefined;
}

/** An empty stretch this long (a full Gregorian cycle) means the rule has no more occurrences. */
const SEARCH_YEARS = 400;
/** First search window, in days; it doubles while windows come back short. */
const FIRST_WINDOW_DAYS = 8;
const MAX_WINDOW_DAYS = 4096;

/**
 * The occurrences of an RFC 5545 RRULE in a zone, in time order, with the DST policy applied and
 * reported on each one.
 *
 * The rule is expanded on wall-clock time (the recurrence library on a zone without DST) and each
 * wall time is then resolved in `zone`, so:
 * - 09:00 stays 09:00 local across DST changes (its UTC instant moves by the hour);
 * - a wall time in a spring-forward gap is shifted forward by the gap (`'gap-shifted'`, 02:30 →
 *   03:30) and one in a fall-back overlap takes the earlier instant (`'overlap-earlier'`). This is
 *   a deliberate choice over RFC 5545 3.3.10, which drops an occurrence whose local time does not
 *   exist (https://www.rfc-editor.org/rfc/rfc5545#section-3.3.10): a post that silently does not
 *   go out is worse than one that goes out an hour later and says so. Two occurrences that land
 *   on one instant that way are one occurrence;
 * - month ends follow RFC 5545: BYMONTHDAY=31 skips months without a 31st, BYMONTHDAY=-1 is the
 *   last day of every month, and a FREQ=YEARLY rule started on 29 February recurs only in leap
 *   years (2028-02-29 → 2032-02-29);
 * - COUNT counts occurrences from the start; UNTIL in UTC (`…T…Z`) is the last instant, a date
 *   UNTIL (`20261231`) the last local day.
 *
 * @param rule - the RRULE value, e.g. `FREQ=WEEKLY;BYDAY=MO,TH` (an `RRULE:` prefix is accepted)
 * @throws ValidationError for a bad rule (`recurrence.*`, see `checkRecurrenceRule`), an unknown
 *   zone, a bad start, `from`, `to` or `limit`
 *
 * @example
 * ```ts
 * occurrences('FREQ=DAILY', { start: '2026-03-27T09:00', zone: 'Europe/Berlin', limit: 3 })
 *   .map((o) => o.instant.toISOString());
 * // ['2026-03-27T08:00:00.000Z', '2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z']
 * ```
 */
export function occurrences(rule: string, query: OccurrenceQuery): Occurrence[] {
  const series = compile(rule, query.start, query.zone);
  const from = query.from === undefined ? undefined : requireInstant(query.from, 'recurrence', ['from']);
  const to = query.to === undefined ? undefined : requireInstant(query.to, 'recurrence', ['to']);
  const limit = query.limit ?? DEFAULT_OCCURRENCE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_OCCURRENCE_LIMIT) {
    invalidTimeInput(
      'recurrence',
      ['limit'],
      'limit.range',
      `must be a whole number from 1 to ${MAX_OCCURRENCE_LIMIT}`,
      String(limit),
    );
  }
  const found: Occurrence[] = [];
  if (to !== undefined && from !== undefined && to.getTime() <= from.getTime()) return found;
  for (const occurrence of walk(series, from?.getTime() ?? Number.NEGATIVE_INFINITY, to)) {
    if (to !== undefined && occurrence.instant.getTime() >= to.getTime()) break;
    found.push(occurrence);
    if (found.length >= limit) break;
  }
  return found;
}

/**
 * The first occurrence strictly after `after`, under the rules of {@link occurrences}; the
 * scheduler calls it to queue a series' next entry when one is claimed.
 *
 * @param rule - the RRULE value
 * @param start - the series' start: a wall time `YYYY-MM-DDTHH:mm` in `zone`, or an instant
 * @param zone - the IANA zone of the rule's wall times
 * @param after - the occurrence returned is strictly after this instant
 * @returns the occurrence, or `undefined` when the rule has ended (COUNT, UNTIL) or never
 *   occurs again
 * @throws ValidationError as {@link occurrences}
 *
 * @example
 * ```ts
 * nextOccurrence('FREQ=YEARLY', '2028-02-29T09:00', 'Europe/Berlin', new Date('2028-03-01T00:00:00Z'))
 *   ?.instant.toISOString(); // '2032-02-29T08:00:00.000Z'
 * ```
 */
export function nextOccurrence(
  rule: string,
  start: Date | string,
  zone: string,
  after: Date,
): Occurrence | undefined {
  const series = compile(rule, start, zone);
  requireInstant(after, 'recurrence', ['after']);
  for (const occurrence of walk(series, after.getTime() + 1, undefined)) return occurrence;
  return undefined;
}

interface Series {
  readonly expander: RRuleTemporal<Temporal.ZonedDateTime>;
  readonly zone: string;
  readonly start: Temporal.PlainDateTime;
  readonly checked: CheckedRule;
  /** The local day after which nothing can occur, when the rule ends. */
  readonly lastDay: Temporal.PlainDate | undefined;
}

function compile(rule: string, start: Date | string, zone: string): Series {
  const checked = checkRecurrenceRule(rule);
  requireZone(zone, 'recurrence');
  const wallStart =
    typeof start === 'string'
      ? parseLocalDateTime(start, 'recurrence', ['start'])
      : zonedAt(requireInstant(start, 'recurrence', ['start']), zone).toPlainDateTime();
  let expander: RRuleTemporal<Temporal.ZonedDateTime>;
  try {
    // UTC has no DST: the library expands pure wall-clock time and this module resolves each one.
    expander = new RRuleTemporal({
      rruleString: checked.value,
      dtstart: floating(wallStart),
      strict: true,
      temporal: Temporal,
    });
  } catch (error) {
    throw libraryProblem(rule, error);
  }
  const series = { expander, zone, start: wallStart, checked, lastDay: undefined };
  return { ...series, lastDay: lastDay(series, rule) };
}

/** The last local day an occurrence can fall on, for rules that end. */
function lastDay(series: Omit<Series, 'lastDay'>, rule: string): Temporal.PlainDate | undefined {
  const { until, count } = series.checked;
  if (until?.kind === 'date') return until.date;
  // A gap shift moves a wall time by an hour or so: a day of margin covers it.
  if (until?.kind === 'instant') return zonedAt(until.at, series.zone).toPlainDate().add({ days: 1 });
  if (count !== undefined) {
    const all = expand(() => series.expander.all(), rule);
    return all.at(-1)?.toPlainDate() ?? series.start.toPlainDate();
  }
  return undefined;
}

/**
 * Occurrences at or after `fromMs`, in instant order: the library expands wall times window by
 * window (windows start at local midnight, so a DST day is never split), each is resolved in the
 * zone, sorted, and repeats of one instant are dropped.
 */
function* walk(series: Series, fromMs: number, to: Date | undefined): Generator<Occurrence> {
  const { expander, zone, checked } = series;
  const startDay = series.start.toPlainDate();
  const fromDay = Number.isFinite(fromMs)
    ? zonedAt(new Date(fromMs), zone).toPlainDate().subtract({ days: 1 })
    : startDay;
  let day = Temporal.PlainDate.compare(fromDay, startDay) > 0 ? fromDay : startDay;
  const toDay = to === undefined ? undefined : zonedAt(to, zone).toPlainDate().add({ days: 1 });
  const ends = [series.lastDay, toDay, day.add({ years: SEARCH_YEARS })].filter(
    (d): d is Temporal.PlainDate => d !== undefined,
  );
  const endDay = ends.reduce((a, b) => (Temporal.PlainDate.compare(a, b) <= 0 ? a : b));
  const untilMs = checked.until?.kind === 'instant' ? checked.until.at.getTime() : undefined;
  // A date UNTIL ends with its local day: wall times from the next midnight on are past it.
  const untilWall =
    checked.until?.kind === 'date' ? checked.until.date.add({ days: 1 }).toPlainDateTime() : undefined;
  let lastMs = Number.NEGATIVE_INFINITY;
  let span = FIRST_WINDOW_DAYS;
  while (Temporal.PlainDate.compare(day, endDay) <= 0) {
    const next = day.add({ days: span });
    const windowEnd = next.toPlainDateTime();
    const walls = expand(
      () => expander.between(floating(day.toPlainDateTime()), floating(windowEnd), true),
      checked.value,
    )
      .map((zoned) => zoned.toPlainDateTime())
      .filter((wall) => Temporal.PlainDateTime.compare(wall, windowEnd) < 0)
      .filter((wall) => untilWall === undefined || Temporal.PlainDateTime.compare(wall, untilWall) < 0);
    const resolved = walls.map((wall) => resolveWallTime(wall, zone));
    resolved.sort((a, b) => a.instant.getTime() - b.instant.getTime() || rank(a) - rank(b));
    for (const occurrence of resolved) {
      const ms = occurrence.instant.getTime();
      if (untilMs !== undefined && ms > untilMs) return;
      if (ms <= lastMs || ms < fromMs) continue;
      lastMs = ms;
      yield occurrence;
    }
    day = next;
    span = Math.min(span * 2, MAX_WINDOW_DAYS);
  }
}

/** On a shared instant the occurrence that needed no shift is the one kept. */
function rank(occurrence: Occurrence): number {
  return occurrence.adjustment === 'gap-shifted' ? 1 : 0;
}

/** A wall time as a UTC ZonedDateTime: wall-clock arithmetic with no DST in the way. */
function floating(wall: Temporal.PlainDateTime): Temporal.ZonedDateTime {
  return wall.toZonedDateTime('UTC');
}

/** Runs a library expansion, turning its errors into the rule's ValidationError. */
function expand(run: () => Temporal.ZonedDateTime[], rule: string): Temporal.ZonedDateTime[] {
  try {
    return run();
  } catch (error) {
    throw libraryProblem(rule, error);
  }
}

function libraryProblem(rule: string, error: unknown): ValidationError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ValidationError(
    [
      {
        path: ['rule'],
        rule: 'recurrence.invalid',
        message: `the rule cannot be used: ${reason}`,
        actual: cut(rule),
      },
    ],
    'recurrence rule',
    { cause: error },
  );
}
