/**
 * The simulator's sense of time. The default follows `Date.now()`, so vitest's fake timers
 * (`vi.useFakeTimers()`, `vi.advanceTimersByTime()`) move simulated time too.
 */
export interface SimClock {
  /** Milliseconds since the Unix epoch, as the simulated platform sees it. */
  now(): number;
}

/** A clock that reads `Date.now()` at every call (fake timers apply). */
export const realClock: SimClock = { now: () => Date.now() };

/** A clock that only moves when told to, for scripts that want exact, instant time travel. */
export interface ManualClock extends SimClock {
  /** Moves time forward by `ms`. */
  advance(ms: number): void;
  /** Jumps to an instant. */
  set(ms: number): void;
}

/**
 * A clock that stands still until advanced.
 *
 * Give the same clock to every simulator (`createXSimulator({ clock })`) and wrap it in
 * `fastForwardClock` for the code under test: a simulator left on the real clock still
 * sees a 429's reset ahead when a publisher on skipped time retries, and answers 429 again.
 *
 * @param start - the first instant, in epoch milliseconds (`Date.parse(…)`, `date.getTime()`)
 * @returns the clock
 * @throws TypeError when `start` is not a finite number of milliseconds (a `Date`, a string):
 *   time could not move, and a wait on it would never end
 *
 * @example
 * ```ts
 * const clock = manualClock(Date.parse('2026-11-22T12:00:00Z'));
 * clock.advance(15 * 60_000); // the rate-limit window has reset
 * ```
 */
export function manualClock(start: number): ManualClock {
  let current = milliseconds('manualClock(start)', start, INSTANT);
  return {
    now: () => current,
    advance: (ms) => {
      current += milliseconds('advance(ms)', ms, 'a duration such as 60_000');
    },
    set: (ms) => {
      current = milliseconds('set(ms)', ms, INSTANT);
    },
  };
}

/**
 * `value` when it is a finite number of milliseconds. Untyped callers (a script run without the
 * type checker) pass `new Date()`; `now()` would then return a Date, `now() + ms` a string, and
 * a fast-forward clock could never move to a timer's due instant: every wait would repeat forever.
 */
function milliseconds(call: string, value: unknown, example: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const got =
    value instanceof Date ? 'a Date' : typeof value === 'number' ? String(value) : `a ${typeof value}`;
  throw new TypeError(`${call} takes milliseconds (a finite number), got ${got}; pass ${example}.`);
}

/** How to pass an instant, for the error of {@link milliseconds}. */
const INSTANT = "epoch milliseconds: date.getTime() or Date.parse('2026-11-22T12:00:00Z')";
