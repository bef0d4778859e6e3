/**
 * Probes of the token endpoints: each auth helper of {@link AUTH_FLOWS} against a platform that
 * echoes what the request carried (form values, query, the Basic credential) in every echo mode,
 * or a network that fails quoting it. A refresh helper is also driven the way an app uses it:
 * as the `refresh` of `createRefreshingTokenProvider`, through the adapter and the publisher.
 */
import { createRefreshingTokenProvider } from '@smmkit/core';
import type { DemoPlatform } from '../../../examples/demo/src/platforms.ts';
import { AUTH_FLOWS, type AuthFlow } from './auth-flows.ts';
import { ECHO_MODES, type EchoMode } from './echo-modes.ts';
import type { Artifact } from './inspect-artifact.ts';
import { NETWORK_ERROR_MODES, type NetworkErrorMode } from './network-errors.ts';
import type { Probe } from './probe.ts';
import { createProbeWorld } from './probe-world.ts';
import { requestReflection } from './reflection.ts';
import { simulatorTokens } from './route-probes.ts';
import { runWork, type Work } from './work.ts';

/** The probes of every auth helper of `platform`; a refresh helper is driven through `work` too. */
export function authProbes(platform: DemoPlatform, work: Work | undefined): Probe[] {
  return AUTH_FLOWS.filter((flow) => flow.platform === platform.id).flatMap((flow) => [
    ...ECHO_MODES.filter((mode) => flow.sendsBasic || !mode.id.includes('Basic')).map((echo) =>
      authProbe(platform, flow, work, { echo }),
    ),
    ...NETWORK_ERROR_MODES.map((network) => authProbe(platform, flow, work, { network })),
  ]);
}

function authProbe(
  platform: DemoPlatform,
  flow: AuthFlow,
  work: Work | undefined,
  fault: { readonly echo?: EchoMode; readonly network?: NetworkErrorMode },
): Probe {
  const mode = fault.echo?.id ?? fault.network?.id ?? '';
  const refresh = flow.refresh;
  return {
    platform: platform.id,
    family: fault.echo === undefined ? 'token endpoint network error' : 'token endpoint echo',
    id: `${flow.name}${refresh !== undefined && work !== undefined ? ` (+ as refresh of ${work.label})` : ''} · ${mode}`,
    run: async (server) => {
      // Nothing of these requests reaches a simulator: they must carry the sweep's secrets as sent.
      const world = await createProbeWorld(platform, server, { alias: false });
      const transport = { fetch: world.network.fetch, clock: world.clock };
      // The token endpoint is the only host these flows call before the fault: hit every request.
      world.network.arm({ matches: () => true, reflect: requestReflection, ...fault });
      const artifacts: Artifact[] = [];
      try {
        const returned = await flow.call(transport);
        artifacts.push({ label: `${flow.name.split(' ')[0]} returned`, root: 'result', value: returned });
      } catch (error) {
        artifacts.push({ label: `${flow.name.split(' ')[0]} threw`, root: 'error', value: error });
      }
      if (refresh !== undefined && work !== undefined) {
        const tokens = {
          provider: () =>
            createRefreshingTokenProvider({
              platform: platform.id,
              tokens: refresh.tokens,
              refresh: refresh.callback(transport),
              persist: () => undefined,
              clock: world.clock,
            }),
        };
        artifacts.push(...(await runWork(world, work, tokens, () => undefined)));
      }
      return { artifacts, hits: world.network.hits(), secrets: simulatorTokens(world) };
    },
  };
}
