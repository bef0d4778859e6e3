import { inspect } from 'node:util';
import {
  type Account,
  type Clock,
  type Engagement,
  type EngagementPage,
  type EngagementQuery,
  type PostRef,
  type RequestContext,
  SmmkitError,
  staticTokenProvider,
} from '@smmkit/core';
import {
  type LoggedRequest,
  type ManualClock,
  manualClock,
  type RunningSimulators,
  startSimulators,
} from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { createInstagramAdapter, type InstagramAdapter, type InstagramSettings } from '../../src/index.js';
import {
  createInstagramSimulator,
  type InstagramSimulator,
  type InstagramSimulatorAccount,
  type InstagramSimulatorOptions,
} from '../../src/mocks/index.js';

/** Simulated "now" at the start of every test. */
export const START = Date.parse('2026-11-22T12:00:00.000Z');
/** One hour, ms. */
export const HOUR = 60 * 60_000;
/** One day, ms. */
export const DAY = 24 * HOUR;

/** Simulator options a harness takes (the clock is the harness's own). */
export type ReadHarnessOptions = Omit<InstagramSimulatorOptions, 'clock'>;

/** One simulated Graph host with the accounts `ana` (42 followers) and `bob`. */
export interface InstagramWorld {
  readonly ig: InstagramSimulator;
  readonly ana: InstagramSimulatorAccount;
  readonly bob: InstagramSimulatorAccount;
  /** An adapter pointed at this simulator. */
  adapter(settings?: InstagramSettings): InstagramAdapter;
  /** A request context for `user` (default ana) on the simulated clock. */
  context(
    extra?: Partial<RequestContext>,
    user?: InstagramSimulatorAccount,
  ): RequestContext & {
    readonly account: Account;
  };
  /** A published media of `user` (default ana), `age` ms old, as a ref. */
  media(
    caption?: string,
    options?: { readonly age?: number; readonly user?: InstagramSimulatorAccount },
  ): PostRef;
  /** The requests to `route` (`GET /:version/:mediaId/insights`), in order. */
  requests(route: string): readonly LoggedRequest[];
  /** The query parameters of the requests to `route`, in order. */
  queries(route: string): URLSearchParams[];
}

/** The simulators of one test file and their shared clock. */
export interface ReadHarness extends InstagramWorld {
  /** Simulated time; set back to {@link START} before each test. */
  readonly clock: ManualClock;
  /** The adapter's clock: `sleep` moves simulated time on at once and is recorded. */
  readonly adapterClock: Clock;
  /** Another simulated Graph host on the same clock; call at the top of the file. */
  sibling(options: ReadHarnessOptions & { readonly baseUrl: string }): InstagramWorld;
}

/**
 * Starts a simulated Instagram Graph API for the calling test file (beforeAll/afterAll) and
 * resets its state and the clock before each test.
 */
export function useInstagram(options: ReadHarnessOptions = {}): ReadHarness {
  const clock = manualClock(START);
  const adapterClock: Clock = {
    now: () => clock.now(),
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      clock.advance(ms);
    },
  };
  const worlds: InstagramWorld[] = [];
  const world = (simulatorOptions: ReadHarnessOptions): InstagramWorld => {
    const ig = createInstagramSimulator({ insightsDelayMs: HOUR, ...simulatorOptions, clock });
    const ana = ig.addAccount('ana', { followers: 42 });
    const bob = ig.addAccount('bob', { followers: 7 });
    const made: InstagramWorld = {
      ig,
      ana,
      bob,
      adapter: (settings = {}) =>
        createInstagramAdapter({ baseUrl: ig.baseUrl, containerPollIntervalMs: 5, ...settings }),
      context: (extra = {}, user = ana) => ({
        account: { platform: 'instagram', accountId: user.account.id, handle: user.account.handle },
        tokens: staticTokenProvider(user.accessToken),
        clock: adapterClock,
        ...extra,
      }),
      media: (caption = 'A photo', mediaOptions = {}) => {
        const user = mediaOptions.user ?? ana;
        const post = ig.seedMedia(user.account.id, caption, {
          createdAt: clock.now() - (mediaOptions.age ?? 0),
        });
        return { platform: 'instagram', accountId: user.account.id, platformPostId: post.id };
      },
      requests: (route) => ig.sim.log.forRoute(route),
      queries: (route) => ig.sim.log.forRoute(route).map((entry) => new URL(entry.url).searchParams),
    };
    worlds.push(made);
    return made;
  };
  const main = world(options);

  let running: RunningSimulators | undefined;
  beforeAll(() => {
    running = startSimulators(...worlds.flatMap((item) => item.ig.simulators));
  });
  afterAll(() => running?.close());
  beforeEach(() => {
    running?.reset();
    clock.set(START);
  });

  return { ...main, clock, adapterClock, sibling: world };
}

/** Fails when any token the simulator issued, or any of `secrets`, appears in the error however it is printed. */
export function expectNoSecretIn(
  error: unknown,
  ig: InstagramSimulator,
  secrets: readonly string[] = [],
): void {
  const renderings = [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })];
  for (const secret of [...ig.sim.tokens.allIssued(), ...secrets]) {
    for (const text of renderings) expect(text).not.toContain(secret);
  }
}

/** The smmkit error `promise` rejects with, checked to carry no token nor any of `secrets`. */
export async function failureOf(
  promise: Promise<unknown>,
  ig: InstagramSimulator,
  secrets: readonly string[] = [],
): Promise<SmmkitError> {
  let outcome: unknown;
  try {
    outcome = await promise;
  } catch (error) {
    expectNoSecretIn(error, ig, secrets);
    if (!SmmkitError.isInstance(error)) throw new Error(`expected a smmkit error, got ${String(error)}`);
    return error;
  }
  throw new Error(`expected the call to fail, it returned ${inspect(outcome)}`);
}

/** Every page of a listing. */
export async function pagesOf(
  adapter: InstagramAdapter,
  query: EngagementQuery,
  context: RequestContext,
): Promise<EngagementPage[]> {
  const pages: EngagementPage[] = [];
  for await (const page of adapter.listEngagements(query, context)) {
    pages.push(page);
    if (pages.length > 100) throw new Error('the listing did not stop after 100 pages');
  }
  return pages;
}

/** Every item of a listing. */
export async function itemsOf(
  adapter: InstagramAdapter,
  query: EngagementQuery,
  context: RequestContext,
): Promise<Engagement[]> {
  return (await pagesOf(adapter, query, context)).flatMap((page) => page.items);
}

/** `value` as a record, for reading JSON bodies in assertions. */
export function record(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null)
    throw new Error(`expected an object, got ${inspect(value)}`);
  return value as Record<string, unknown>;
}
