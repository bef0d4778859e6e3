import type { FastForwardClock } from '@smmkit/testkit';
import type { ScheduleStore } from '../../../src/scheduler/schedule-store.js';
import type { Clock } from '../../../src/time/clock.js';

/** When a doomed worker dies. */
export interface KillPoint {
  /** Right after a store call by this name returned (its effect is in the store, the worker never sees it). */
  readonly afterStoreCall?: keyof ScheduleStore | undefined;
  /** Right after the platform answered this request (it took effect; the worker never sees the answer). */
  readonly afterRequest?: ((method: string, url: URL) => boolean) | undefined;
}

/** A worker's view of the world that freezes for good at its kill point, like a process killed with SIGKILL. */
export interface DoomedWorker {
  /** The store as the worker sees it: every call after death hangs forever. */
  readonly store: ScheduleStore;
  /** The adapters' fetch as the worker sees it: every request or answer after death hangs forever. */
  readonly fetch: typeof globalThis.fetch;
  /**
   * The clock as the worker sees it: after death its waits never end (a killed process runs no
   * timer, so it neither notices its lease running out nor makes a fast-forward clock move).
   */
  readonly clock: Clock;
  /** Whether it died. */
  readonly dead: () => boolean;
}

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

/**
 * Wraps the shared store and fetch for one worker that dies at `kill`: from then on nothing it
 * started finishes and nothing it would do next happens (no lease renewal, no outcome written).
 *
 * @param store - the store every worker shares
 * @param clock - the fast-forward clock every worker shares (its `fetch` is the adapters')
 * @param kill - when to die
 */
export function doomedWorker(store: ScheduleStore, clock: FastForwardClock, kill: KillPoint): DoomedWorker {
  const { fetch } = clock;
  let dead = false;
  const wrapped = new Proxy(store, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (dead) return never();
        const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (name === kill.afterStoreCall) dead = true;
        return dead ? never() : result;
      };
    },
  });
  const doomedFetch: typeof globalThis.fetch = async (input, init) => {
    if (dead) return never();
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const url = new URL(input instanceof Request ? input.url : String(input));
    const response = await fetch(input, init);
    if (kill.afterRequest?.(method.toUpperCase(), url) === true) dead = true;
    return dead ? never() : response;
  };
  const doomedClock: Clock = {
    now: () => clock.now(),
    sleep: (ms, signal) => (dead ? never() : clock.sleep(ms, signal)),
  };
  return { store: wrapped, fetch: doomedFetch, clock: doomedClock, dead: () => dead };
}
