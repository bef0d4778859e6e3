import { createXAdapter, refreshXToken, xPostUrl } from '@smmkit/adapter-x';
import { createXSimulator } from '@smmkit/adapter-x/mocks';
import {
  type Adapter,
  createRefreshingTokenProvider,
  type PostRef,
  staticTokenProvider,
  type TargetOverrides,
  type TokenProvider,
} from '@smmkit/core';
import { createMastodonAdapter } from '@smmkit/example-adapter-mastodon';
import { createMastodonSimulator } from '@smmkit/example-adapter-mastodon/mocks';
import type { FastForwardClock, ManualClock, PlatformSimulator, ScriptedFault } from '@smmkit/testkit';

/** One platform of the demo, running on its simulator. */
export interface SimulatedPlatform {
  /** The simulator: posts, faults, request log, MSW handlers. */
  readonly sim: PlatformSimulator;
  /** The adapter, talking to the simulator. */
  readonly adapter: Adapter;
  /** The demo account's id on the platform. */
  readonly accountId: string;
  /** Its tokens. */
  readonly tokens: TokenProvider;
  /** What this platform's posts change (shorter text, platform options). */
  readonly overrides?: TargetOverrides | undefined;
  /** Faults the simulator injects during the demo, in order. */
  readonly faults: readonly ScriptedFault[];
  /** A post's public URL, for outcomes that come without one (a post found by reconciliation). */
  postUrl(ref: PostRef): string;
}

/** An entry of {@link PLATFORMS}: how to simulate one platform for the demo. */
export interface DemoPlatform {
  /** The platform id (the adapter's `platform`). */
  readonly id: string;
  /** The name printed. */
  readonly name: string;
  /**
   * Makes the simulator on simulated time, adds the demo account and makes the adapter.
   *
   * @param time - the simulators' clock
   * @param clock - the clock of adapters and token providers (skips waits) and their `fetch`
   */
  setUp(time: ManualClock, clock: FastForwardClock): SimulatedPlatform;
}

/** Fifteen minutes, X's rate-limit window. */
const FIFTEEN_MINUTES = 15 * 60_000;

const x: DemoPlatform = {
  id: 'x',
  name: 'X',
  setUp(time, clock) {
    const simulator = createXSimulator({
      clock: time,
      // A tight limit: five posts per 15 minutes instead of 100, so the publisher has to hold back.
      budgets: { 'tweets-create': { limit: 5, windowMs: FIFTEEN_MINUTES, kind: 'fixed' } },
    });
    const ana = simulator.addAccount('ana', { followers: 12_400, displayName: 'Ana (demo)' });
    return {
      sim: simulator.sim,
      adapter: createXAdapter({ baseUrl: simulator.baseUrl, username: 'ana', fetch: clock.fetch }),
      accountId: ana.account.id,
      // X tokens last 2 hours: the metrics read a day later needs a refresh, which this does.
      tokens: createRefreshingTokenProvider({
        platform: 'x',
        tokens: { accessToken: ana.accessToken, refreshToken: ana.refreshToken, expiresAt: ana.expiresAt },
        refresh: (refreshToken) =>
          refreshXToken({
            clientId: 'smmkit-demo',
            baseUrl: simulator.baseUrl,
            refreshToken,
            clock,
            fetch: clock.fetch,
          }),
        persist: () => undefined,
        clock,
      }),
      postUrl: (ref) => xPostUrl(ref.platformPostId, 'ana'),
      faults: [
        // The first image upload gets a 503: the publisher retries, each image is stored once.
        { kind: 'server_error', route: 'POST /2/media/upload/initialize' },
        // The fifth create (the first after the four of the thread) is stored but its answer is
        // lost: the publisher finds the post with findRecentPosts instead of posting it twice.
        { kind: 'accepted_then_lost', route: 'POST /2/tweets', skip: 4 },
      ],
    };
  },
};

const mastodon: DemoPlatform = {
  id: 'mastodon',
  name: 'Mastodon',
  setUp(time, clock) {
    const simulator = createMastodonSimulator({ clock: time });
    const ana = simulator.addAccount('ana', { followers: 3_100, displayName: 'Ana (demo)' });
    return {
      sim: simulator.sim,
      adapter: createMastodonAdapter({
        instanceUrl: simulator.instanceUrl,
        mediaPollIntervalMs: 500,
        fetch: clock.fetch,
      }),
      accountId: ana.account.id,
      tokens: staticTokenProvider(ana.accessToken),
      postUrl: (ref) => `${simulator.instanceUrl}/@ana/${ref.platformPostId}`,
      overrides: { options: { visibility: 'public', language: 'en' } },
      faults: [
        // The first create is stored but its answer is lost: the publisher retries with the same
        // idempotency key and the server hands back the status it already made.
        { kind: 'accepted_then_lost', route: 'POST /api/v1/statuses' },
        // The first create after the thread (the retry above and its three parts) gets a 429 with
        // the reset in its headers: the publisher pauses the bucket until then.
        { kind: 'rate_limit', route: 'POST /api/v1/statuses', skip: 4 },
      ],
    };
  },
};

/**
 * Every platform the demo publishes to. A new adapter with a simulator is one more entry here.
 */
export const PLATFORMS: readonly DemoPlatform[] = [x, mastodon];
