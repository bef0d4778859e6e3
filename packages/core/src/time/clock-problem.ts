import type { ValidationProblem } from '../errors/validation-error.js';
import type { Clock } from './clock.js';

/**
 * From this reading on (1 000 000 000, 2001-09-09 as epoch seconds) a `now()` below
 * {@link MS_SINCE} is taken for seconds: every seconds reading since 2001 (until the year 5138).
 * Readings below it (the first 11 days of 1970 in ms) are left alone: a fake clock started at 0.
 */
const SECONDS_FROM = 1e9;
/** 1973-03-03 in epoch milliseconds: a clock of this century reads far later than this. */
const MS_SINCE = 1e11;

/** The hint of a refused clock, for every part that takes one. */
export const CLOCK_HINT =
  "Pass a clock whose now() returns epoch milliseconds, as Date.now() does (or leave clock out for the system clock); a fake clock starts at a real date: manualClock(Date.parse('2026-01-05T09:00:00Z')).";

/**
 * The problem with an injected clock whose `now()` is not epoch milliseconds, or `undefined`
 * when it is fine. Caught when the publisher, scheduler or inbox is made, because such a clock
 * never works:
 *
 * - a `Date` (a script run without the type checker, or `manualClock(new Date())` in an older
 *   testkit) makes every `now() + ms` a string: a fast-forward clock never reaches a wait's end,
 *   a bucket paused by a 429 emits `rate-limited` forever;
 * - epoch seconds put "now" in January 1970: `'next-slot'` plans in 1970, rate windows never
 *   pass, old seen ids are never forgotten.
 *
 * @param clock - the clock the caller passed
 * @param owner - whose option it is, for the problem's rule (`publisher.clock_now`, …)
 * @returns the problem, for a `ValidationError` of the caller's options
 */
export function clockProblem(
  clock: Clock,
  owner: 'publisher' | 'scheduler' | 'inbox',
): ValidationProblem | undefined {
  const path = ['clock', 'now'];
  const rule = `${owner}.clock_now`;
  let now: unknown;
  try {
    now = clock.now();
  } catch (error) {
    return {
      path,
      rule,
      message: `clock.now() threw (${error instanceof Error ? error.name : typeof error}); it must return epoch milliseconds`,
    };
  }
  if (typeof now !== 'number' || !Number.isFinite(now)) {
    const got = now instanceof Date ? 'a Date' : typeof now === 'number' ? String(now) : `a ${typeof now}`;
    return {
      path,
      rule,
      message: `clock.now() returned ${got}; it must return epoch milliseconds (a finite number, as Date.now() does): return date.getTime(), or start testkit's manualClock at Date.parse(…)`,
      actual: got,
    };
  }
  if (now < SECONDS_FROM || now >= MS_SINCE) return undefined;
  return {
    path,
    rule,
    message: `clock.now() returned ${now}, which as epoch milliseconds is ${new Date(now).toISOString()}: it looks like epoch seconds; it must return epoch milliseconds (as Date.now() does): return seconds * 1000`,
    actual: String(now),
  };
}
