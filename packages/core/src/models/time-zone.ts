import * as z from 'zod/mini';
import { quoteShort } from './issue-message.js';

/** Zones already seen valid: `Intl.DateTimeFormat` is costly to build and a scheduler checks many entries. */
const knownValid = new Set<string>();

/**
 * True when `timeZone` is a time zone the runtime knows (an IANA name such as `Europe/Berlin`,
 * or `UTC`). Asks `Intl.DateTimeFormat`, which throws a RangeError for unknown zones, so the
 * answer matches what the scheduler can actually compute with.
 *
 * @example
 * ```ts
 * isValidTimeZone('Europe/Berlin'); // true
 * isValidTimeZone('Mars/Base'); // false
 * ```
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (knownValid.has(timeZone)) return true;
  if (timeZone === '') return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
  } catch {
    return false;
  }
  knownValid.add(timeZone);
  return true;
}

/** Names the rejected zone in the message, cut short so a huge input is never echoed. */
function describeBadZone(issue: { readonly input?: unknown }): string {
  return `unknown time zone ${quoteShort(String(issue.input))}`;
}

/**
 * A time zone name the runtime knows (see {@link isValidTimeZone}), e.g. `America/New_York`.
 * Used wherever a wall-clock plan must be turned into instants (queue slots, recurrence, DST).
 */
export const TimeZoneSchema = /* @__PURE__ */ (() =>
  z.string().check(z.refine(isValidTimeZone, { error: describeBadZone })))();
