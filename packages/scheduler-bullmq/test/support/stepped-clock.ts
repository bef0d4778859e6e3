import { setTimeout as realDelay } from 'node:timers/promises';
import type { Clock } from '@smmkit/core';
import type { ManualClock } from '@smmkit/testkit';

/** A clock whose time moves only when every worker is asleep on it; see {@link steppedClock}. */
export interface SteppedClock extends Clock {
  /**
   * Runs `work` to its end, moving time to the earliest wake-up whenever `awake()` workers, and
   * no more, are asleep. `awake` counts the workers that still have work: each is then either
   * asleep on this clock or busy (a Redis round trip, a request), and time waits for the busy.
   */
  drive<T>(work: Promise<T>, awake: () => number): Promise<T>;
}

/**
 * Simulated time for workers that talk to Redis. testkit's fastForwardClock jumps as soon as the
 * process is idle for a real millisecond, which a Redis round trip can be: a worker would then book
 * a request at one instant and send it minutes later. This clock never moves while a worker is
 * busy, so what a worker books and what the platform receives happen at the same instant.
 *
 * @param time - the simulators' clock
 * @returns the clock
 */
export function steppedClock(time: ManualClock): SteppedClock {
  const sleepers: { readonly due: number; readonly wake: () => void }[] = [];
  return {
    now: () => time.now(),
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        sleepers.push({ due: time.now() + ms, wake: resolve });
      }),
    drive: async (work, awake) => {
      let finished = false;
      const result = work.finally(() => {
        finished = true;
      });
      while (!finished) {
        if (sleepers.length === 0 || sleepers.length < awake()) {
          await realDelay(1);
          continue;
        }
        sleepers.sort((a, b) => a.due - b.due);
        const due = sleepers[0]?.due ?? time.now();
        if (due > time.now()) time.set(due);
        for (const sleeper of sleepers.splice(0, sleepers.filter((s) => s.due <= due).length)) sleeper.wake();
        await realDelay(1);
      }
      return result;
    },
  };
}
