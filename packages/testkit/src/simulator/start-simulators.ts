import { setupServer } from 'msw/node';
import type { PlatformSimulator } from './platform-simulator.js';

/** Running simulators. */
export interface RunningSimulators {
  /** Stops intercepting requests (calling it again does nothing). */
  close(): void;
  /** Resets every simulator's state, windows, faults and log. */
  reset(): void;
}

/**
 * The running call's handle, while one runs. An MSW server patches the process's `fetch`, and its
 * `close()` "stops requests interception by restoring all augmented modules"
 * (https://mswjs.io/docs/api/setup-server/close): with two servers, the second takes over the
 * first one's requests, and closing either lets every request reach the network.
 */
let running: RunningSimulators | undefined;

/**
 * Intercepts `fetch` in this process and answers with the given simulators. A request no
 * simulator knows fails loudly (the fetch rejects), so nothing reaches the network. Works in
 * vitest and in plain Node scripts.
 *
 * One call runs at a time in a process: pass every simulator (every platform, every host) to
 * that one call. A second call before the first is closed throws.
 *
 * @throws Error when simulators started by another call are still running
 *
 * @example
 * ```ts
 * const running = startSimulators(mastodon.sim, x.sim);
 * try { await demo(); } finally { running.close(); }
 * ```
 */
export function startSimulators(...simulators: readonly PlatformSimulator[]): RunningSimulators {
  if (running !== undefined) {
    throw new Error(
      'startSimulators: simulators are already running in this process. Pass every simulator to one ' +
        'startSimulators(...) call (startSimulators(x.sim, mastodon.sim)), or close() the running ones first.',
    );
  }
  const server = setupServer(...simulators.flatMap((sim) => sim.handlers));
  server.listen({ onUnhandledFrame: 'error' });
  const handle: RunningSimulators = {
    close: () => {
      if (running !== handle) return;
      running = undefined;
      server.close();
    },
    reset: () => {
      for (const sim of simulators) sim.reset();
    },
  };
  running = handle;
  return handle;
}
