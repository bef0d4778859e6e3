import type { ValidationProblem } from '../errors/validation-error.js';
import type { Clock } from '../time/clock.js';

/**
 * The problem with an injected clock whose `now()` is not a finite number of epoch milliseconds,
 * or `undefined` when it is one. Caught at `createPublisher` because such a clock never works:
 * with `now()` returning a `Date` (a script run without the type checker, or
 * `manualClock(new Date())` in an older testkit), `now() + ms` is a string, a fast-forward clock
 * never moves to a wait's end, and a paused bucket emits `rate-limited` forever instead of
 * retrying once its pause is over.
 *
 * @param clock - the clock the caller passed
 * @returns the problem, for a `ValidationError` of the publisher options
 */
export function clockProblem(clock: Clock): ValidationProblem | undefined {
  let now: unknown;
  try {
    now = clock.now();
  } catch (error) {
    return {
      path: ['clock', 'now'],
      rule: 'publisher.clock_now',
      message: `clock.now() threw (${error instanceof Error ? error.name : typeof error}); it must return epoch milliseconds`,
    };
  }
  if (typeof now === 'number' && Number.isFinite(now)) return undefined;
  const got = now instanceof Date ? 'a Date' : typeof now === 'number' ? String(now) : `a ${typeof now}`;
  return {
    path: ['clock', 'now'],
    rule: 'publisher.clock_now',
    message: `clock.now() returned ${got}; it must return epoch milliseconds (a finite number, as Date.now() does): return date.getTime(), or start testkit's manualClock at Date.parse(…)`,
    actual: got,
  };
}
