import { inspect } from 'node:util';
import { type Account, type Clock, type PublishContext, staticTokenProvider } from '@smmkit/core';
import {
  type LoggedRequest,
  type ManualClock,
  manualClock,
  type RunningSimulators,
  startSimulators,
  failureOf as testkitFailureOf,
} from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createXAdapter, type XAdapter, type XSettings } from '../../src/index.js';
import {
  createXSimulator,
  type XSimulator,
  type XSimulatorAccount,
  type XSimulatorOptions,
} from '../../src/mocks/index.js';

/** Simulated "now" at the start of every test. */
export const START = Date.parse('2026-11-22T12:00:00.000Z');

/** The create-post route as the simulator declares it. */
export const CREATE_POST = 'POST /2/tweets';

/** Simulator options a harness takes (the clock is the harness's own). */
export type HarnessOptions = Omit<XSimulatorOptions, 'clock'>;

/** One simulated X API with the accounts `ana` (42 followers) and `bob`, on the file's clock. */
export interface XWorld {
  readonly x: XSimulator;
  readonly ana: XSimulatorAccount;
  readonly bob: XSimulatorAccount;
  /** An adapter pointed at this simulator. */
  adapter(settings?: XSettings): XAdapter;
  /** A publish context for `user` (default ana) on the simulated clock. */
  context(
    extra?: Partial<PublishContext>,
    user?: XSimulatorAccount,
  ): PublishContext & { readonly account: Account };
  /** A token for `user` that never expires (X's OAuth 1.0a user tokens never do; x.md, Auth). */
  lasting(user: XSimulatorAccount): string;
  /** The JSON bodies of the requests to `route` (`POST /2/tweets`), in order. */
  bodies(route: string): Record<string, unknown>[];
  /** The requests to `route`, in order. */
  requests(route: string): readonly LoggedRequest[];
}

/** The simulators of one test file, their shared clock and the adapter clock over it. */
export interface XHarness extends XWorld {
  /** Simulated time; set back to {@link START} before each test. */
  readonly clock: ManualClock;
  /** The adapter's clock: `sleep` moves simulated time on at once (no real wait) and is recorded. */
  readonly adapterClock: Clock;
  /** The milliseconds the adapter slept, in order, in the current test. */
  readonly sleeps: number[];
  /**
   * Another simulated X API on the same clock, started with the others. Call at the top of the
   * file (before the hooks run), with its own `baseUrl`.
   */
  sibling(options: HarnessOptions & { readonly baseUrl: string }): XWorld;
}

/**
 * Starts a simulated X API for the calling test file (beforeAll/afterAll) and resets its state,
 * the clock and the recorded sleeps before each test.
 */
export function useX(options: HarnessOptions = {}): XHarness {
  const clock = manualClock(START);
  const sleeps: number[] = [];
  const adapterClock: Clock = {
    now: () => clock.now(),
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      clock.advance(ms);
    },
  };
  const worlds: XWorld[] = [];
  const world = (simulatorOptions: HarnessOptions): XWorld => {
    const x = createXSimulator({ ...simulatorOptions, clock });
    const ana = x.addAccount('ana', { followers: 42, displayName: 'Ana' });
    const bob = x.addAccount('bob', { displayName: 'Bob' });
    const made: XWorld = {
      x,
      ana,
      bob,
      adapter: (settings = {}) => createXAdapter({ baseUrl: x.baseUrl, ...settings }),
      context: (extra = {}, user = ana) => ({
        account: { platform: 'x', accountId: user.account.id, handle: user.account.handle },
        tokens: staticTokenProvider(user.accessToken),
        clock: adapterClock,
        ...extra,
      }),
      lasting: (user) => x.sim.tokens.issue(user.account.id).accessToken,
      bodies: (route) => x.sim.log.forRoute(route).map((entry) => entry.json as Record<string, unknown>),
      requests: (route) => x.sim.log.forRoute(route),
    };
    worlds.push(made);
    return made;
  };
  const main = world(options);

  let running: RunningSimulators | undefined;
  beforeAll(() => {
    running = startSimulators(...worlds.map((item) => item.x.sim));
  });
  afterAll(() => running?.close());
  beforeEach(() => {
    running?.reset();
    clock.set(START);
    sleeps.length = 0;
  });

  return { ...main, clock, adapterClock, sleeps, sibling: world };
}

/** The smmkit error `promise` rejects with, checked to carry no token `x` issued nor any of `secrets`. */
export const failureOf = (promise: Promise<unknown>, x: XSimulator, secrets: readonly string[] = []) =>
  testkitFailureOf(promise, { secrets: () => [...x.sim.tokens.allIssued(), ...secrets] });

/** Bytes for a media item. */
export function bytes(size = 64): { readonly type: 'bytes'; readonly bytes: Uint8Array } {
  return { type: 'bytes', bytes: new Uint8Array(size) };
}

/** A `fetch` that passes every call on and keeps each request and response, for assertions. */
export function recordingFetch(): {
  readonly fetch: typeof globalThis.fetch;
  readonly requests: Request[];
  readonly responses: Response[];
} {
  const requests: Request[] = [];
  const responses: Response[] = [];
  return {
    requests,
    responses,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      requests.push(request.clone());
      const response = await fetch(request);
      responses.push(response.clone());
      return response;
    },
  };
}

/** `value` as a record, for reading JSON bodies in assertions. */
export function record(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null)
    throw new Error(`expected an object, got ${inspect(value)}`);
  return value as Record<string, unknown>;
}
