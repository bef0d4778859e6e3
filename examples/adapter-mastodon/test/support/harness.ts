import { failureOf as testkitFailureOf, useSimulatorHarness } from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createMastodonAdapter, type MastodonSettings } from '../../src/index.js';
import {
  createMastodonSimulator,
  type MastodonSimulator,
  type MastodonSimulatorOptions,
} from '../../src/mocks/index.js';

/** Simulated "now" at the start of every test. */
export const START = Date.parse('2026-11-22T12:00:00.000Z');

/** The create-status route as the simulator declares it. */
export const CREATE_STATUS = 'POST /api/v1/statuses';

/**
 * A simulated Mastodon server with the accounts `ana` (42 followers) and `bob`, started for the
 * calling test file by testkit's harness, which also resets it and sets `clock` back to
 * {@link START} before each test. `adapter()` is pointed at it (media polled every 500 simulated
 * ms) and `context()` acts for ana unless told otherwise, on the harness's `adapterClock`.
 */
export function useMastodon(options: Omit<MastodonSimulatorOptions, 'clock'> = {}) {
  return useSimulatorHarness({
    hooks: { beforeAll, afterAll, beforeEach },
    start: START,
    options,
    world: (simulatorOptions, kit) => {
      const mastodon = createMastodonSimulator({ ...simulatorOptions, clock: kit.clock });
      const ana = mastodon.addAccount('ana', { followers: 42, displayName: 'Ana' });
      return {
        simulators: [mastodon.sim],
        mastodon,
        ana,
        bob: mastodon.addAccount('bob'),
        adapter: (settings: Partial<MastodonSettings> = {}) =>
          createMastodonAdapter({ instanceUrl: mastodon.instanceUrl, mediaPollIntervalMs: 500, ...settings }),
        context: kit.contextFor(mastodon.sim, ana),
      };
    },
  });
}

/** The smmkit error `promise` rejects with, checked to carry no token `mastodon` issued. */
export const failureOf = (promise: Promise<unknown>, mastodon: MastodonSimulator) =>
  testkitFailureOf(promise, { secrets: () => mastodon.sim.tokens.allIssued() });

/** The JSON bodies of the creates the simulator received, in order. */
export const createBodies = (mastodon: MastodonSimulator) => mastodon.sim.log.bodies(CREATE_STATUS);

/** Bytes for a media item. */
export function bytes(size = 64): { readonly type: 'bytes'; readonly bytes: Uint8Array } {
  return { type: 'bytes', bytes: new Uint8Array(size) };
}
