import { setTimeout as realDelay } from 'node:timers/promises';
import type { Clock } from '@smmkit/core';
import type { ManualClock } from './sim-clock.js';

/** A `Clock` on simulated time that skips every wait, plus the `fetch` whose requests it waits for. */
export interface FastForwardClock extends Clock {
  /** The global `fetch` (looked up at call time, so MSW intercepts it), counted: time does not move while one of its requests is in flight. */
  readonly fetch: typeof globalThis.fetch;
  /** Every sleep asked for so far, in ms, in the order asked (a copy). */
  readonly sleeps: () => readonly number[];
}

/** Options of {@link fastForwardClock}. */
export interface FastForwardOptions {
  /**
   * Real milliseconds a request still in flight may hold time back (default 5). A request that
   * hangs longer (an injected `accepted_then_timeout`) no longer stops simulated time.
   */
  readonly maxInFlightWaitMs?: number | undefined;
}

interface Timer {
  readonly due: number;
  readonly seq: number;
  readonly resolve: () => void;
}

/**
 * A `Clock` for the code under test (the publisher, adapters, token providers) that skips every
 * wait: `now` reads the simulators' manual clock and `sleep` registers a timer. As soon as the
 * process has nothing else to do — no new sleep and no request of {@link FastForwardClock.fetch}
 * in flight for a real millisecond — the earliest timers fire together and the manual clock jumps
 * to their due instant. A 15-minute rate-limit reset then costs a few real milliseconds, and the
 * simulators see exactly the time the code waited. Used by the demo and the benchmarks.
 *
 * Give `time` to every simulator and the clock's `fetch` to every adapter, as in the example: a
 * simulator on the real clock does not see simulated time pass, so after a 429 it still refuses
 * when the publisher retries.
 *
 * @param time - the simulators' clock (a {@link manualClock})
 * @param options - see {@link FastForwardOptions}
 * @returns the clock, with the counted `fetch` to give every adapter
 *
 * @example
 * ```ts
 * const time = manualClock(Date.parse('2026-11-22T12:00:00Z'));
 * const x = createXSimulator({ clock: time });
 * const clock = fastForwardClock(time);
 * const adapter = createXAdapter({ baseUrl: x.baseUrl, fetch: clock.fetch });
 * const publisher = createPublisher({ adapters: [adapter], tokens, clock });
 * ```
 */
export function fastForwardClock(time: ManualClock, options: FastForwardOptions = {}): FastForwardClock {
  const maxInFlightWaitMs = options.maxInFlightWaitMs ?? 5;
  const timers: Timer[] = [];
  let seq = 0;
  const sleeps: number[] = [];
  let inFlight = 0;
  let pumping = false;

  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      while (timers.length > 0) {
        let seen = -1;
        let waited = 0;
        while (seen !== seq || (inFlight > 0 && waited < maxInFlightWaitMs)) {
          if (seen !== seq) waited = 0;
          seen = seq;
          await realDelay(1);
          waited += 1;
        }
        timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
        const first = timers[0];
        if (first === undefined) break;
        if (first.due > time.now()) time.set(first.due);
        const due = timers.filter((timer) => timer.due <= first.due);
        timers.splice(0, due.length);
        for (const timer of due) timer.resolve();
      }
    } finally {
      pumping = false;
    }
  };

  const countedFetch: typeof globalThis.fetch = async (input, init) => {
    inFlight += 1;
    seq += 1;
    try {
      return await globalThis.fetch(input, init);
    } finally {
      inFlight -= 1;
      seq += 1;
    }
  };

  return {
    fetch: countedFetch,
    sleeps: () => [...sleeps],
    now: () => time.now(),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        sleeps.push(ms);
        seq += 1;
        const onAbort = (): void => {
          const index = timers.indexOf(timer);
          if (index >= 0) timers.splice(index, 1);
          reject(signal?.reason);
        };
        const timer: Timer = {
          due: time.now() + Math.max(0, ms),
          seq,
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        timers.push(timer);
        void pump();
      }),
  };
}
