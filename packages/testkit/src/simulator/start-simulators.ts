import { setupServer } from 'msw/node';
import type { PlatformSimulator } from './platform-simulator.js';

/** Running simulators. */
export interface RunningSimulators {
  /** Stops intercepting requests. */
  close(): void;
  /** Resets every simulator's state, windows, faults and log. */
  reset(): void;
}

/**
 * Intercepts `fetch` in this process and answers with the given simulators. A request no
 * simulator knows fails loudly (the fetch rejects), so nothing reaches the network. Works in
 * vitest and in plain Node scripts.
 *
 * @example
 * ```ts
 * const running = startSimulators(mastodon, x);
 * try { await demo(); } finally { running.close(); }
 * ```
 */
export function startSimulators(...simulators: readonly PlatformSimulator[]): RunningSimulators {
  const server = setupServer(...simulators.flatMap((sim) => sim.handlers));
  server.listen({ onUnhandledFrame: 'error' });
  return {
    close: () => server.close(),
    reset: () => {
      for (const sim of simulators) sim.reset();
    },
  };
}
