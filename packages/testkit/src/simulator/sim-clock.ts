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
 * @example
 * ```ts
 * const clock = manualClock(Date.parse('2026-11-22T12:00:00Z'));
 * clock.advance(15 * 60_000); // the rate-limit window has reset
 * ```
 */
export function manualClock(start: number): ManualClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (ms) => {
      current = ms;
    },
  };
}
