/**
 * A fresh simulated platform for one probe, set up exactly as the demo sets it up (the demo's
 * PLATFORMS list is the registry: an adapter with a simulator joins the demo with one entry and
 * the sweep covers it from then on), with the probe's network in front of it.
 */
import type { Post, Target } from '@smmkit/core';
import { applyOverrides } from '@smmkit/core/publisher';
import {
  type FastForwardClock,
  fastForwardClock,
  manualClock,
  type PlatformSimulator,
} from '@smmkit/testkit';
import type { SetupServer } from 'msw/node';
import type { DemoPlatform, SimulatedPlatform } from '../../../examples/demo/src/platforms.ts';
import { createProbeNetwork, type ProbeNetwork } from './probe-network.ts';
import { SWEEP_SECRETS } from './secret-set.ts';

/** Simulated time when a probe starts. */
const START = Date.parse('2026-03-30T09:00:00.000Z');

/** One probe's platform. */
export interface ProbeWorld {
  /** The registry entry. */
  readonly platform: DemoPlatform;
  /** What its `setUp` made: simulator, adapter (on the probe's network), demo account. */
  readonly simulated: SimulatedPlatform;
  /** Every host of the platform. */
  readonly simulators: readonly PlatformSimulator[];
  /** The clock of adapters, token providers and the publisher; its `fetch` is the probe's network. */
  readonly clock: FastForwardClock;
  /** The probe's network. */
  readonly network: ProbeNetwork;
  /** The demo account as a target, with the overrides the demo gives `post`. */
  target(post: Post): Target;
}

/** Options of {@link createProbeWorld}. */
export interface ProbeWorldOptions {
  /**
   * Stand the sweep's access token in for the simulator's (default true). Off for probes whose
   * requests never reach the simulator and must echo exactly what was sent.
   */
  readonly alias?: boolean | undefined;
}

/**
 * Sets up `platform` on fresh simulators and routes `server` to them, the probe's handler first.
 *
 * @param platform - the registry entry
 * @param server - the MSW server of the sweep (one per process)
 * @param options - see {@link ProbeWorldOptions}
 */
export async function createProbeWorld(
  platform: DemoPlatform,
  server: SetupServer,
  options: ProbeWorldOptions = {},
): Promise<ProbeWorld> {
  const time = manualClock(START);
  const fastForward = fastForwardClock(time);
  const network = createProbeNetwork(fastForward.fetch);
  const clock: FastForwardClock = { ...fastForward, fetch: network.fetch };
  const simulated = platform.setUp(time, clock);
  const simulators = [simulated.sim, ...(simulated.extraSimulators ?? [])];
  server.resetHandlers(network.handler, ...simulators.flatMap((sim) => sim.handlers));
  if (options.alias !== false) {
    // The demo's token set holds the simulator's token for the demo account.
    network.alias(SWEEP_SECRETS.accessToken, simulated.tokens.accessToken);
  }
  return {
    platform,
    simulated,
    simulators,
    clock,
    network,
    target: (post) => {
      const overrides = { ...simulated.overrides, ...simulated.overridesFor?.(post) };
      return {
        platform: platform.id,
        accountId: simulated.accountId,
        ...(Object.keys(overrides).length === 0 ? {} : { overrides }),
      };
    },
  };
}

/** `post` as `target` gets it, for calling the adapter directly. */
export function postFor(world: ProbeWorld, post: Post): Post {
  return applyOverrides(post, world.target(post));
}
