import { createXAdapter, refreshXToken } from '@smmkit/adapter-x';
import { createXSimulator, type XSimulator, type XSimulatorOptions } from '@smmkit/adapter-x/mocks';
import { createMastodonAdapter } from '@smmkit/example-adapter-mastodon';
import { createMastodonSimulator, type MastodonSimulator } from '@smmkit/example-adapter-mastodon/mocks';
import {
  type FastForwardClock,
  fastForwardClock,
  type ManualClock,
  manualClock,
  type RunningSimulators,
  startSimulators,
} from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { staticTokenProvider } from '../../../src/auth/static-token-provider.js';
import type { TokenProvider } from '../../../src/auth/token-provider.js';
import type { Target } from '../../../src/models/target.js';
import { PUBLISHER_EVENT_NAMES } from '../../../src/publisher/events.js';
import type { PublisherOptions } from '../../../src/publisher/options.js';
import { createPublisher, type Publisher } from '../../../src/publisher/publisher.js';

/** Simulated "now" at the start of every test. */
export const START = Date.parse('2026-11-22T12:00:00.000Z');

/** A simulated X and Mastodon for one test file, on one fast-forward clock. */
export interface Simulated {
  readonly time: ManualClock;
  /** The publisher's and adapters' clock; give its `fetch` to anything else that calls the simulators. */
  readonly clock: FastForwardClock;
  readonly x: XSimulator;
  readonly mastodon: MastodonSimulator;
  /** ana on X. */
  readonly xTarget: Target;
  /** ana's X tokens as issued. */
  readonly xTokens: {
    readonly accessToken: string;
    readonly refreshToken?: string | undefined;
    readonly expiresAt: Date;
  };
  /** ana on Mastodon. */
  readonly mastodonTarget: Target;
  /** A publisher over both adapters; `tokens` defaults to the static tokens issued. */
  publisher(
    options?: Partial<PublisherOptions>,
  ): Publisher & { readonly seen: { name: string; payload: unknown }[] };
  /** A token provider of the issued static tokens. */
  staticTokens(target: Target): TokenProvider;
  /** The X refresh call, for refreshing providers. */
  refreshX: typeof refreshXToken;
}

/** Starts both simulators for the file and resets them and the clock before each test. */
export function useSimulators(xOptions: Omit<XSimulatorOptions, 'clock'> = {}): Simulated {
  const time = manualClock(START);
  const clock = fastForwardClock(time);
  const x = createXSimulator({ ...xOptions, clock: time });
  const mastodon = createMastodonSimulator({ clock: time });
  const xAna = x.addAccount('ana');
  const mastodonAna = mastodon.addAccount('ana');
  const xTarget: Target = { platform: 'x', accountId: xAna.account.id };
  const mastodonTarget: Target = { platform: 'mastodon', accountId: mastodonAna.account.id };
  const staticTokens = (target: Target): TokenProvider =>
    staticTokenProvider(target.platform === 'x' ? xAna.accessToken : mastodonAna.accessToken);
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
    xTarget,
    xTokens: xAna,
    mastodonTarget,
    staticTokens,
    refreshX: refreshXToken,
    publisher: (options = {}) => {
      const publisher = createPublisher({
        adapters: [
          createXAdapter({ baseUrl: x.baseUrl, fetch: clock.fetch }),
          createMastodonAdapter({
            instanceUrl: mastodon.instanceUrl,
            mediaPollIntervalMs: 500,
            fetch: clock.fetch,
          }),
        ],
        tokens: staticTokens,
        clock,
        ...options,
        retry: { random: () => 0.5, ...options.retry },
      });
      const seen: { name: string; payload: unknown }[] = [];
      // Every event but progress (adapters report it even for a text post): 'emits events in order'
      // expects queued, attempt, published and nothing else.
      for (const name of PUBLISHER_EVENT_NAMES.filter((event) => event !== 'progress')) {
        publisher.events.on(name, (payload: unknown) => seen.push({ name, payload }));
      }
      return Object.assign(publisher, { seen });
    },
  };
}
