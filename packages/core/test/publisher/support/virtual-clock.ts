import { setTimeout as realDelay } from 'node:timers/promises';
import type { Clock } from '../../../src/time/clock.js';

/** A clock whose sleeps are fired in due order on simulated time, as soon as the program is idle. */
export interface VirtualClock extends Clock {
  /** Every sleep asked for, in ms, in order. */
  readonly sleeps: number[];
  /** Moves simulated time to `ms` (never backwards). */
  set(ms: number): void;
}

/**
 * Fake time for the publisher and the simulators together: `now` reads `time`, and `sleep`
 * registers a timer that fires (moving `time` to its due instant) once a few real milliseconds
 * pass with nothing new to do — so in-process simulator requests finish first, and a 15-minute
 * reset costs a few real milliseconds.
 */
export function virtualClock(time: { now(): number; set(ms: number): void }): VirtualClock {
  interface Timer {
    readonly due: number;
    readonly seq: number;
    readonly resolve: () => void;
  }
  const timers: Timer[] = [];
  const sleeps: number[] = [];
  let seq = 0;
  let pumping = false;

  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      while (timers.length > 0) {
        // Let real I/O (MSW answering fetch) settle before time jumps.
        let seen = -1;
        while (seen !== seq) {
          seen = seq;
          await realDelay(3);
        }
        timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
        const next = timers.shift();
        if (next === undefined) break;
        if (next.due > time.now()) time.set(next.due);
        next.resolve();
      }
    } finally {
      pumping = false;
    }
  };

  return {
    sleeps,
    now: () => time.now(),
    set: (ms) => {
      if (ms > time.now()) time.set(ms);
    },
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        sleeps.push(ms);
        seq += 1;
        const timer: Timer = {
          due: time.now() + Math.max(0, ms),
          seq,
          resolve: () => {
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
