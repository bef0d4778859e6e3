import { inspect } from 'node:util';
import { failureOf as testkitFailureOf, useSimulatorHarness } from '@smmkit/testkit';
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

/**
 * A simulated X API with the accounts `ana` (42 followers) and `bob`, started for the calling test
 * file by testkit's harness, which also resets it and sets `clock` back to {@link START} before
 * each test; `h.sibling({ baseUrl, … })` adds another on the same clock. `adapter()` is pointed at
 * it, `context()` acts for ana unless told otherwise, on the harness's `adapterClock`.
 */
export function useX(options: Omit<XSimulatorOptions, 'clock'> = {}) {
  return useSimulatorHarness({
    hooks: { beforeAll, afterAll, beforeEach },
    start: START,
    options,
    world: (simulatorOptions, kit) => {
      const x = createXSimulator({ ...simulatorOptions, clock: kit.clock });
      const ana = x.addAccount('ana', { followers: 42, displayName: 'Ana' });
      return {
        simulators: [x.sim],
        x,
        ana,
        bob: x.addAccount('bob', { displayName: 'Bob' }),
        adapter: (settings: XSettings = {}) => createXAdapter({ baseUrl: x.baseUrl, ...settings }),
        context: kit.contextFor(x.sim, ana),
        /**
         * A token for `user` that never expires (X's OAuth 1.0a user tokens never do:
         * https://docs.x.com/fundamentals/authentication/oauth-1-0a/obtaining-user-access-tokens).
         */
        lasting: (user: XSimulatorAccount) => x.sim.tokens.issue(user.account.id).accessToken,
        /** The JSON bodies of the requests to `route` (`POST /2/tweets`), in order. */
        bodies: (route: string) => x.sim.log.bodies(route),
        /** The requests to `route`, in order. */
        requests: (route: string) => x.sim.log.forRoute(route),
      };
    },
  });
}

/** The smmkit error `promise` rejects with, checked to carry no token `x` issued nor any of `secrets`. */
export const failureOf = (promise: Promise<unknown>, x: XSimulator, secrets: readonly string[] = []) =>
  testkitFailureOf(promise, { secrets: () => [...x.sim.tokens.allIssued(), ...secrets] });

/** Bytes for a media item. */
export function bytes(size = 64): { readonly type: 'bytes'; readonly bytes: Uint8Array } {
  return { type: 'bytes', bytes: new Uint8Array(size) };
}

/** `value` as a record, for reading JSON bodies in assertions. */
export function record(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null)
    throw new Error(`expected an object, got ${inspect(value)}`);
  return value as Record<string, unknown>;
}

/** The `like` of an adapter made with `access: 'enterprise'` (self-serve adapters have none). */
export function likeOf(adapter: XAdapter): NonNullable<XAdapter['like']> {
  const { like } = adapter;
  if (like === undefined) throw new Error('expected an X adapter with Enterprise access');
  return like;
}
