import { createXAdapter, refreshXToken } from '@smmkit/adapter-x';
import { createXSimulator } from '@smmkit/adapter-x/mocks';
import { createMastodonAdapter } from '@smmkit/example-adapter-mastodon';
import { createMastodonSimulator } from '@smmkit/example-adapter-mastodon/mocks';
import { fastForwardClock, manualClock, type RunningSimulators, startSimulators } from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createSmmkit, type Smmkit, type SmmkitOptions } from '../../src/app/smmkit.js';
import type { SmmkitStore } from '../../src/app/store.js';

/** Simulated "now" at the start of every test: Sunday 22 November 2026, 12:00 UTC. */
export const START = Date.parse('2026-11-22T12:00:00.000Z');
export const HOUR = 3_600_000;

/** X and Mastodon simulators on one fast-forward clock, reset before each test, and facades over them. */
export function useAppWorld() {
  const time = manualClock(START);
  const clock = fastForwardClock(time);
  const x = createXSimulator({ clock: time });
  const mastodon = createMastodonSimulator({ clock: time });
  let running: RunningSimulators | undefined;
  beforeAll(() => {
    running = startSimulators(x.sim, mastodon.sim);
  });
  afterAll(() => running?.close());
  beforeEach(() => {
    running?.reset();
    time.set(START);
  });
  return {
    time,
    clock,
    x,
    mastodon,
    /**
     * A facade over both simulators on `store`, refreshing X tokens through X's token endpoint;
     * `extra` adds or replaces options.
     */
    smmkit: (store: SmmkitStore, extra: Partial<SmmkitOptions> = {}): Promise<Smmkit> =>
      createSmmkit({
        store,
        adapters: [
          createXAdapter({ baseUrl: x.baseUrl, fetch: clock.fetch }),
          createMastodonAdapter({ instanceUrl: mastodon.instanceUrl, fetch: clock.fetch }),
        ],
        refresh: {
          x: (refreshToken) =>
            refreshXToken({
              clientId: 'smmkit-tests',
              refreshToken,
              baseUrl: x.baseUrl,
              fetch: clock.fetch,
              clock,
            }),
        },
        clock,
        publisher: { retry: { random: () => 0.5 } },
        ...extra,
      }),
  };
}
