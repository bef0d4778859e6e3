import { type Account, type Clock, type PublishContext, staticTokenProvider } from '@smmkit/core';
import type { PlatformSimulator } from './platform-simulator.js';
import { type ManualClock, manualClock } from './sim-clock.js';
import type { SimulatorState } from './simulator-state.js';
import { type RunningSimulators, startSimulators } from './start-simulators.js';
import type { AccountWithTokens } from './state.js';

// No vitest import here either: the test runner's hooks are passed in (see TestHooks), so this
// entry still loads in plain Node scripts.

/**
 * The suite hooks a harness registers. vitest's, jest's and bun:test's have these names and
 * shapes: pass `{ beforeAll, afterAll, beforeEach }` imported from the runner.
 *
 * @example
 * ```ts
 * import { afterAll, beforeAll, beforeEach } from 'vitest';
 * const hooks: TestHooks = { beforeAll, afterAll, beforeEach };
 * ```
 */
export interface TestHooks {
  /** Runs `fn` once before the file's tests. */
  beforeAll(fn: () => unknown): void;
  /** Runs `fn` once after the file's tests. */
  afterAll(fn: () => unknown): void;
  /** Runs `fn` before each test. */
  beforeEach(fn: () => unknown): void;
}

/**
 * What a harness gives the worlds it builds and the tests: one simulated time for every
 * simulator of the file, a clock for the code under test that skips its waits, and contexts.
 *
 * @example
 * ```ts
 * const h = useSimulatorHarness({ hooks, start: START, options: {}, world: (_, kit) => ({ … }) });
 * h.clock.advance(60_000); // a minute later, for every simulator of the file
 * expect(h.sleeps).toEqual([500]); // the adapter waited 500 ms once
 * ```
 */
export interface HarnessKit {
  /** Simulated time of every simulator of the file; set back to `start` before each test. */
  readonly clock: ManualClock;
  /** The clock to give the code under test: `sleep` moves `clock` on at once (no real wait) and is recorded. */
  readonly adapterClock: Clock;
  /** The milliseconds slept on `adapterClock` in the current test, in order. */
  readonly sleeps: readonly number[];
  /**
   * A function that makes publish contexts acting for `user` (default `defaultUser`) on `sim`'s
   * platform: its access token as a static token provider, and `adapterClock`; `extra` is
   * spread last.
   */
  contextFor(
    sim: SimulatorState,
    defaultUser: AccountWithTokens,
  ): (
    extra?: Partial<PublishContext>,
    user?: AccountWithTokens,
  ) => PublishContext & {
    /** The account the context acts for. */
    readonly account: Account;
  };
}

/** What a harness world must have: the simulators it starts, stops and resets. */
export interface HarnessWorld {
  /** The world's simulators. */
  readonly simulators: readonly PlatformSimulator[];
}

/** Options of {@link useSimulatorHarness}. */
export interface SimulatorHarnessOptions<W extends HarnessWorld, O> {
  /** The test runner's hooks. */
  readonly hooks: TestHooks;
  /** Simulated now at the start of every test, epoch ms. */
  readonly start: number;
  /** The options of the main world. */
  readonly options: O;
  /**
   * Builds a world — simulators on `kit.clock`, their accounts and helpers — and returns it with
   * its `simulators`. Called for the main world, and once for each `sibling`.
   */
  world(options: O, kit: HarnessKit): W;
}

/** The main world's members, the {@link HarnessKit}, and `sibling` for more worlds. */
export type SimulatorHarness<W, O> = W &
  HarnessKit & {
    /**
     * Builds another world on the same clock (another server of the platform, with its own base
     * URL), started and reset with the main one. Call it at the top of the test file: once the
     * simulators are started it throws.
     */
    sibling(options: O): W;
  };

/**
 * The "simulators for one test file" harness every adapter's tests need: builds the main world
 * (and any sibling worlds) on one manual clock, starts their simulators before the file's tests
 * (beforeAll) and stops them after (afterAll), and before each test resets their state, sets the
 * clock back to `start` and forgets the recorded sleeps. An adapter's test support keeps only
 * its own world: which simulator, which accounts, how its adapter is made.
 *
 * @param options - the hooks, the start instant, and how to build a world
 * @returns the main world's members with the clocks, `sleeps`, `contextFor` and `sibling`
 *
 * @example
 * ```ts
 * import { afterAll, beforeAll, beforeEach } from 'vitest';
 *
 * export const useAcme = (options: AcmeSimulatorOptions = {}) =>
 *   useSimulatorHarness({
 *     hooks: { beforeAll, afterAll, beforeEach },
 *     start: Date.parse('2026-11-22T12:00:00Z'),
 *     options,
 *     world: (simOptions, kit) => {
 *       const acme = createAcmeSimulator({ ...simOptions, clock: kit.clock });
 *       const ana = acme.sim.addAccountWithTokens({ handle: 'ana' });
 *       return { simulators: [acme.sim], acme, ana, context: kit.contextFor(acme.sim, ana) };
 *     },
 *   });
 * ```
 */
export function useSimulatorHarness<W extends HarnessWorld, O>(
  options: SimulatorHarnessOptions<W, O>,
): SimulatorHarness<W, O> {
  const clock = manualClock(options.start);
  const sleeps: number[] = [];
  const adapterClock: Clock = {
    now: () => clock.now(),
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      clock.advance(ms);
    },
  };
  const kit: HarnessKit = {
    clock,
    adapterClock,
    sleeps,
    contextFor:
      (sim, defaultUser) =>
      (extra = {}, user = defaultUser) => ({
        account: { platform: sim.platform, accountId: user.account.id, handle: user.account.handle },
        tokens: staticTokenProvider(user.accessToken),
        clock: adapterClock,
        ...extra,
      }),
  };
  const simulators: PlatformSimulator[] = [];
  let running: RunningSimulators | undefined;
  const world = (worldOptions: O): W => {
    if (running !== undefined)
      throw new Error('sibling(): call it at the top of the test file, before the simulators start');
    const made = options.world(worldOptions, kit);
    simulators.push(...made.simulators);
    return made;
  };
  const main = world(options.options);

  options.hooks.beforeAll(() => {
    running = startSimulators(...simulators);
  });
  options.hooks.afterAll(() => running?.close());
  options.hooks.beforeEach(() => {
    running?.reset();
    clock.set(options.start);
    sleeps.length = 0;
  });
  return { ...main, ...kit, sibling: world };
}
