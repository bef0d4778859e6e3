import { ValidationError } from '../../errors/validation-error.js';
import { quoteShort } from '../../models/issue-message.js';
import { isValidTimeZone } from '../../models/time-zone.js';

/** Longest input echoed back as a problem's `actual`, so a huge input is never copied whole. */
const MAX_ACTUAL = 40;

/**
 * Throws a {@link ValidationError} with one problem: the time layer's inputs (zones, local
 * times, queue slots, recurrence rules) fail with the same error class as posts do.
 *
 * @param subject - what was validated, for the message (`queue slots`, `recurrence rule`, …)
 * @param path - where the bad value is, from the root of the caller's input
 * @param rule - stable rule id (`time_zone.unknown`, `slot.time`, …)
 * @param message - a sentence a person can act on
 * @param actual - the bad input, cut short
 */
export function invalidTimeInput(
  subject: string,
  path: readonly (string | number)[],
  rule: string,
  message: string,
  actual?: string,
): never {
  throw new ValidationError(
    [{ path, rule, message, ...(actual === undefined ? {} : { actual: cut(actual) }) }],
    subject,
  );
}

/** `value` cut to {@link MAX_ACTUAL} characters. */
export function cut(value: string): string {
  return value.length > MAX_ACTUAL ? `${value.slice(0, MAX_ACTUAL)}…` : value;
}

/**
 * Checks that `zone` is a time zone the runtime knows (an IANA name such as `Europe/Berlin`, or
 * `UTC`), the same check the schedule entry model makes.
 *
 * @throws ValidationError (`time_zone.unknown`) naming the zone
 */
export function requireZone(
  zone: string,
  subject: string,
  path: readonly (string | number)[] = ['zone'],
): string {
  if (typeof zone !== 'string' || !isValidTimeZone(zone)) {
    const shown = typeof zone === 'string' ? quoteShort(zone) : typeof zone;
    invalidTimeInput(
      subject,
      path,
      'time_zone.unknown',
      `unknown time zone ${shown}; use an IANA name such as "Europe/Berlin" or "America/New_York"`,
      typeof zone === 'string' ? zone : undefined,
    );
  }
  return zone;
}

/**
 * Checks that `instant` is a valid Date (not `new Date('nonsense')`).
 *
 * @throws ValidationError (`instant.invalid`)
 */
export function requireInstant(instant: Date, subject: string, path: readonly (string | number)[]): Date {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    invalidTimeInput(subject, path, 'instant.invalid', 'must be a valid Date');
  }
  return instant;
}
