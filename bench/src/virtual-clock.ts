/**
 * Simulated time for the publisher benches: the publisher's clock sleeps on virtual timers that
 * fire (moving testkit's `manualClock`, which the simulators read) as soon as the process has
 * nothing else to do — as packages/core/test/publisher/support/virtual-clock.ts, with two
 * changes for thousands of posts: timers due at the same instant fire together, and "nothing
 * else to do" also waits (up to `maxInFlightWaitMs` real ms) for requests still in flight, counted
 * by the `fetch` wrapper this module hands out.
 */
import { setTimeout as realDelay } from 'node:timers/promises';
import type { Clock } from '@smmkit/core';
import type { ManualClock } from '@smmkit/testkit';

/** A clock on simulated time plus the `fetch` whose requests it waits for. */
export interface BenchClock extends Clock {
  /** `fetch` that counts requests in flight; give it to every adapter. */
  readonly fetch: typeof globalThis.fetch;
  /** Number of sleeps asked for. */
  readonly sleepCount: () => number;
}

interface Timer {
  readonly due: number;
  readonly seq: number;
  readonly resolve: () => void;
}

/**
 * @param time - the simulators' clock
 * @param maxInFlightWaitMs - a request hanging longer than this (an injected `accepted_then_timeout`) no longer holds time back
 */
export function benchClock(time: ManualClock, maxInFlightWaitMs = 5): BenchClock {
  const timers: Timer[] = [];
  let seq = 0;
  let sleeps = 0;
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
    sleepCount: () => sleeps,
    now: () => time.now(),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        sleeps += 1;
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
