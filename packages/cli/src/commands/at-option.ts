import { ValidationError } from '@smmkit/core';
import { localTimeAt, resolveLocalTime, type When } from '@smmkit/core/scheduler';
import { InvalidArgumentError } from 'commander';
import { CliError, EXIT } from '../output/exit-codes.js';
import { isCalendarDay } from './date-option.js';

/** `--at`'s keyword for each account's next free queue slot. */
const NEXT_SLOT = 'next-slot';
/** An instant with `Z` or an offset; RFC 3339's offsets run to ±23:59 (https://www.rfc-editor.org/rfc/rfc3339#section-5.6). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/i;
const WALL_TIME = /^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const FORMS = 'next-slot, 2026-05-01T09:00:00Z, 2026-05-01T09:00+02:00 or 2026-05-01T09:00 with --zone';

/**
 * Whether hour, minute and (optional) second make a time of day, 00:00:00 to 23:59:59: RFC 3339's
 * ranges (https://www.rfc-editor.org/rfc/rfc3339#section-5.6), without its leap second 60, which
 * JavaScript's `Date` cannot hold, and without ISO 8601's `24:00`, which the scheduler refuses in
 * a wall time (it is 00:00 of the next day).
 */
function isTimeOfDay(hour: string, minute: string, second: string | undefined): boolean {
  return Number(hour) <= 23 && Number(minute) <= 59 && (second === undefined || Number(second) <= 59);
}

/**
 * Checks the syntax of an `--at` value while the arguments are read (commander's `argParser`),
 * so a typo is a usage error (exit 2) before the config is loaded or the store opened: the
 * keyword `next-slot`, an instant with `Z` or an offset, or a wall time, each on a day of the
 * calendar at a time of day from 00:00 to 23:59.
 *
 * @param value - the option's value as typed
 * @returns `value`, unchanged
 * @throws InvalidArgumentError (commander's usage error) for any other value
 */
export function parseAtOption(value: string): string {
  if (value === NEXT_SLOT) return value;
  const clock = INSTANT.exec(value) ?? WALL_TIME.exec(value);
  if (clock === null) throw new InvalidArgumentError(`--at takes ${FORMS}.`);
  if (!isCalendarDay(value)) throw new InvalidArgumentError('--at names a day that is not on the calendar.');
  const [, hour = '', minute = '', second] = clock;
  if (!isTimeOfDay(hour, minute, second)) {
    throw new InvalidArgumentError(
      '--at has a time that is not a time of day: use 24-hour HH:mm from 00:00 to 23:59.',
    );
  }
  return value;
}

/**
 * `--at` as the scheduler takes it: `next-slot`, an instant, or a wall time read in `zone`.
 *
 * @throws CliError (usage) for a wall time without a zone
 */
export function whenOf(at: string, zone: string | undefined): When {
  if (at === NEXT_SLOT) return NEXT_SLOT;
  if (INSTANT.test(at)) return new Date(at);
  if (zone === undefined)
    throw new CliError(EXIT.usage, `--at ${at} has no offset: add --zone (an IANA zone) or an offset`);
  return { at, zone };
}

/** The instant a fixed `when` names (`undefined` for `next-slot`, which is always ahead). */
function instantOf(when: When): Date | undefined {
  if (when instanceof Date) return when;
  if (typeof when !== 'object' || !('at' in when)) return undefined;
  try {
    // The scheduler's DST policy, so the instant checked is the one it would store.
    return resolveLocalTime(when.at, when.zone).instant;
  } catch (error) {
    if (ValidationError.isInstance(error)) throw new CliError(EXIT.usage, error.message);
    throw error;
  }
}

/** `instant` as the wall clock in `zone` shows it: `2026-05-01 09:00 Europe/Berlin (UTC+02:00)`. */
function shownIn(instant: Date, zone: string): string {
  // To the second: a wall time shows milliseconds when there are any.
  const { local, offset } = localTimeAt(new Date(Math.floor(instant.getTime() / 1000) * 1000), zone);
  return `${local.replace('T', ' ')} ${zone} (UTC${offset})`;
}

/**
 * How far in the past an `--at` may be and still be planned (due at once, published by the next
 * `schedule run`): a script's "now" (`--at "$(date -u +%FT%TZ)"`) is a moment old by the time the
 * CLI has started. A time further back is most often a typo in the date.
 */
const PAST_GRACE_MS = 5 * 60_000;

/**
 * Refuses an `--at` whose time has passed by more than {@link PAST_GRACE_MS}, before anything is
 * stored. The scheduler refuses it too (the same 5 minutes when it has no `maxLatenessMs`, rule
 * `schedule.when_past`); this check comes first to say it in the CLI's terms: the time in
 * `zone`, and the command that publishes the post now.
 *
 * @param when - from {@link whenOf}
 * @param zone - the zone the time is shown in (`--zone`, else the first account's, else UTC)
 * @param publishNow - the command that publishes the same post now, for the message
 * @param now - now
 * @throws CliError (usage) when the time is not after `now`
 */
export function refusePastTime(when: When, zone: string, publishNow: string, now: Date): void {
  const instant = instantOf(when);
  if (instant === undefined || instant.getTime() > now.getTime() - PAST_GRACE_MS) return;
  throw new CliError(
    EXIT.usage,
    `--at ${shownIn(instant, zone)} is more than 5 minutes in the past (it is now ${shownIn(now, zone)}); nothing was scheduled. Give a future time, or publish it now: ${publishNow}`,
  );
}
