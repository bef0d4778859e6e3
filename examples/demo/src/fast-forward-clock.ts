import { setTimeout as realDelay } from 'node:timers/promises';
import type { Clock } from '@smmkit/core';
import type { ManualClock } from '@smmkit/testkit';

/** A {@link Clock} on simulated time that skips every wait. */
export interface FastForwardClock extends Clock {
  /** Sleeps asked for so far. */
  readonly sleeps: number;
  /**
   * The global `fetch` (looked up at call time, so MSW intercepts it), counted: time does not
   * move while one of its requests is in flight. Give it to the adapters.
   */
  readonly fetch: typeof globalThis.fetch;
}

interface Timer {
  readonly due: number;
  readonly seq: number;
  readonly wake: () => void;
}

/** Real milliseconds without a new sleep after which the program counts as idle. */
const QUIET_MS = 2;

/**
 * The publisher's and the adapters' clock for the demo: `now` reads the simulators' manual
 * clock, and `sleep` registers a timer instead of waiting. As soon as the program has nothing
 * else to do (no request of {@link FastForwardClock.fetch} in flight and no new sleep for a couple
 * of real milliseconds), the earliest timer fires and the manual clock jumps to its due instant. A 15-minute rate-limit reset costs a few real milliseconds, and the simulators
 * see exactly the time the publisher waited.
 *
 * @param time - the simulators' clock (testkit `manualClock`)
 * @returns the clock to give the publisher, the adapters and the token providers
 */
export function fastForwardClock(time: ManualClock): FastForwardClock {
  const timers: Timer[] = [];
  let seq = 0;
  let pumping = false;
  let inFlight = 0;

  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      while (timers.length > 0) {
        // Yield to pending I/O (MSW answering fetch) until none is left and no new sleep arrives.
        let seen = -1;
        while (seen !== seq || inFlight > 0) {
          seen = seq;
          await realDelay(QUIET_MS);
        }
        timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
        const next = timers.shift();
        if (next === undefined) break;
        if (next.due > time.now()) time.set(next.due);
        next.wake();
      }
    } finally {
      pumping = false;
    }
  };

  return {
    get sleeps() {
      return seq;
    },
    now: () => time.now(),
    fetch: async (input, init) => {
      inFlight += 1;
      try {
        return await globalThis.fetch(input, init);
      } finally {
        inFlight -= 1;
        seq += 1; // what the answer sets off counts as new work
      }
    },
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        seq += 1;
        const timer: Timer = {
          due: time.now() + Math.max(0, ms),
          seq,
          wake: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = (): void => {
          const index = timers.indexOf(timer);
          if (index >= 0) timers.splice(index, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        timers.push(timer);
        void pump();
      }),
  };
}
