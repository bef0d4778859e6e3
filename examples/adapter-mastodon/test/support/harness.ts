import { type Account, type Clock, type PublishContext, staticTokenProvider } from '@smmkit/core';
import {
  type ManualClock,
  manualClock,
  type RunningSimulators,
  type SimulatedAccount,
  startSimulators,
  failureOf as testkitFailureOf,
} from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createMastodonAdapter, type MastodonAdapter, type MastodonSettings } from '../../src/index.js';
import {
  createMastodonSimulator,
  type MastodonSimulator,
  type MastodonSimulatorOptions,
} from '../../src/mocks/index.js';

/** Simulated "now" at the start of every test. */
export const START = Date.parse('2026-11-22T12:00:00.000Z');

/** The create-status route as the simulator declares it. */
export const CREATE_STATUS = 'POST /api/v1/statuses';

/** An account on the simulator with its token. */
export interface SimUser {
  readonly account: SimulatedAccount;
  readonly accessToken: string;
}

/** A simulated Mastodon server, its clock and two accounts, started for one test file. */
export interface MastodonHarness {
  readonly mastodon: MastodonSimulator;
  /** Simulated time; set back to {@link START} before each test. */
  readonly clock: ManualClock;
  /** The adapter's clock over the same time: `sleep` moves simulated time on at once, no real wait. */
  readonly adapterClock: Clock;
  readonly ana: SimUser;
  readonly bob: SimUser;
  /** An adapter pointed at the simulator (media polled every 500 simulated ms). */
  adapter(settings?: Partial<MastodonSettings>): MastodonAdapter;
  /** A publish context for `user` (default ana) on the simulated clock. */
  context(extra?: Partial<PublishContext>, user?: SimUser): PublishContext & { readonly account: Account };
}

/**
 * Starts a Mastodon simulator for the calling test file (beforeAll/afterAll), resets its state and
 * the clock before each test, and adds the accounts `ana` (42 followers) and `bob`.
 */
export function useMastodon(options: Omit<MastodonSimulatorOptions, 'clock'> = {}): MastodonHarness {
  const clock = manualClock(START);
  const mastodon = createMastodonSimulator({ ...options, clock });
  const ana = mastodon.addAccount('ana', { followers: 42, displayName: 'Ana' });
  const bob = mastodon.addAccount('bob');
  const adapterClock: Clock = {
    now: () => clock.now(),
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      clock.advance(ms);
    },
  };
  let running: RunningSimulators | undefined;
  beforeAll(() => {
    running = startSimulators(mastodon.sim);
  });
  afterAll(() => running?.close());
  beforeEach(() => {
    running?.reset();
    clock.set(START);
  });

  return {
    mastodon,
    clock,
    adapterClock,
    ana,
    bob,
    adapter: (settings = {}) =>
      createMastodonAdapter({ instanceUrl: mastodon.instanceUrl, mediaPollIntervalMs: 500, ...settings }),
    context: (extra = {}, user = ana) => ({
      account: { platform: 'mastodon', accountId: user.account.id, handle: user.account.handle },
      tokens: staticTokenProvider(user.accessToken),
      clock: adapterClock,
      ...extra,
    }),
  };
}

/** The smmkit error `promise` rejects with, checked to carry no token `mastodon` issued. */
export const failureOf = (promise: Promise<unknown>, mastodon: MastodonSimulator) =>
  testkitFailureOf(promise, { secrets: () => mastodon.sim.tokens.allIssued() });

/** The JSON bodies of the creates the simulator received, in order. */
export function createBodies(mastodon: MastodonSimulator): Record<string, unknown>[] {
  return mastodon.sim.log.forRoute(CREATE_STATUS).map((entry) => entry.json as Record<string, unknown>);
}

/** Bytes for a media item. */
export function bytes(size = 64): { readonly type: 'bytes'; readonly bytes: Uint8Array } {
  return { type: 'bytes', bytes: new Uint8Array(size) };
}
