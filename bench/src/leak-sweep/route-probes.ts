/**
 * Probes of the platform's own routes: for every route an adapter call reaches (found by doing
 * each call once on a healthy simulator), every echo mode and every network error on that route,
 * with every earlier step of the flow succeeding.
 */
import { staticTokenProvider } from '@smmkit/core';
import type { SetupServer } from 'msw/node';
import { CAMPAIGN_POSTS } from '../../../examples/demo/src/campaign.ts';
import type { DemoPlatform } from '../../../examples/demo/src/platforms.ts';
import { ANSWER_ECHO, ANSWER_ECHOES, type AnswerEcho } from './answer-echoes.ts';
import { ECHO_MODES } from './echo-modes.ts';
import { NETWORK_ERROR_MODES } from './network-errors.ts';
import type { Probe } from './probe.ts';
import type { ProbeFault } from './probe-network.ts';
import { createProbeWorld, type ProbeWorld, postFor } from './probe-world.ts';
import { bearerReflection, type Reflection } from './reflection.ts';
import { routeMatcher, routeName, type SimulatedRoute } from './route-matcher.ts';
import { type Secret, SWEEP_SECRETS } from './secret-set.ts';
import { callsOf, runWork, type Work } from './work.ts';

/** A route and the work that reaches it. */
export interface ReachedRoute {
  readonly route: SimulatedRoute;
  readonly work: Work;
}

/** What discovery found for one platform. */
export interface Discovery {
  /** Every route reached, each with the first work that reached it. */
  readonly routes: readonly ReachedRoute[];
  /** The works done, in order (publishes of the demo's posts the adapter accepts, then its other calls). */
  readonly works: readonly Work[];
  /** Works that failed on the healthy simulator (they probe nothing past the failure). */
  readonly problems: readonly string[];
}

/** The sweep's access token, on a provider that never refreshes. */
export const sweepTokens = { provider: () => staticTokenProvider(SWEEP_SECRETS.accessToken) };

/**
 * Does each work once on a healthy simulator and records the routes it reached.
 *
 * @param platform - the registry entry
 * @param server - the sweep's MSW server
 */
export async function discoverRoutes(platform: DemoPlatform, server: SetupServer): Promise<Discovery> {
  const works: Work[] = [];
  const probeWorld = await createProbeWorld(platform, server);
  for (const { label, post } of CAMPAIGN_POSTS) {
    if (probeWorld.simulated.adapter.validate(postFor(probeWorld, post)).length === 0)
      works.push({ kind: 'publish', label: `publish "${label}"`, post });
  }
  const first = works[0];
  if (first !== undefined) {
    for (const call of callsOf(probeWorld.simulated.adapter))
      works.push({ kind: 'call', label: call.name, post: first.post, call });
  }

  const routes = new Map<string, ReachedRoute>();
  const problems: string[] = [];
  for (const work of works) {
    const world = await createProbeWorld(platform, server);
    let marks: number[] = [];
    const artifacts = await runWork(world, work, sweepTokens, () => {
      marks = world.simulators.map((sim) => sim.log.entries.length);
    });
    const failed = artifacts.filter(
      (artifact) =>
        artifact.label.endsWith('threw') ||
        artifact.label.endsWith('rejected') ||
        (artifact.label === 'publisher outcome' &&
          (artifact.value as { status?: string }).status !== 'published'),
    );
    for (const artifact of failed)
      problems.push(`${platform.id} ${work.label}: ${artifact.label}: ${describe(artifact.value)}`);
    for (const [index, sim] of world.simulators.entries()) {
      for (const entry of sim.log.entries.slice(marks[index] ?? 0)) {
        const route = { baseUrl: sim.baseUrl, route: entry.route };
        const key = routeName(route);
        if (!routes.has(key)) routes.set(key, { route, work });
      }
    }
  }
  return { routes: [...routes.values()], works, problems };
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  const error = (value as { error?: unknown }).error;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(value);
}

/** The probes of every route `discovery` found on `platform`. */
export function routeProbes(platform: DemoPlatform, discovery: Discovery): Probe[] {
  const reflection = bearerReflection(SWEEP_SECRETS.accessToken);
  const echoes = ECHO_MODES.filter((mode) => mode.respond(reflection) !== undefined);
  return discovery.routes.flatMap(({ route, work }) => [
    ...echoes.map((echo) => routeProbe(platform, route, work, echo.id, { echo })),
    ...NETWORK_ERROR_MODES.map((network) => routeProbe(platform, route, work, network.id, { network })),
    ...ANSWER_ECHOES.filter(
      (answer) => answer.platform === platform.id && answer.route === route.route,
    ).flatMap((answer) =>
      ANSWER_ENCODINGS.map((encoding) =>
        routeProbe(platform, route, work, `2xx ${answer.name} ${encoding}`, {
          rewrite: rewriteWith(answer, encoding),
        }),
      ),
    ),
  ]);
}

const ANSWER_ENCODINGS = ['raw', 'JSON-escaped', 'URL-encoded'] as const;

/** Rewrites a JSON answer with `answer`, the echo written into the JSON text in `encoding`. */
function rewriteWith(
  answer: AnswerEcho,
  encoding: (typeof ANSWER_ENCODINGS)[number],
): (body: string, reflection: Reflection) => string | undefined {
  return (body, reflection) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return undefined;
    }
    const echo =
      encoding === 'raw'
        ? reflection.raw
        : encoding === 'JSON-escaped'
          ? reflection.jsonEscaped
          : reflection.urlEncoded;
    return JSON.stringify(answer.rewrite(parsed)).replaceAll(ANSWER_ECHO, echo);
  };
}

function routeProbe(
  platform: DemoPlatform,
  route: SimulatedRoute,
  work: Work,
  mode: string,
  fault: Pick<ProbeFault, 'echo' | 'network' | 'rewrite'>,
): Probe {
  return {
    platform: platform.id,
    family:
      fault.network !== undefined
        ? 'network error'
        : fault.rewrite !== undefined
          ? 'answer echo (2xx)'
          : mode.includes('headers')
            ? 'header echo'
            : 'body echo',
    id: `${work.label} · ${routeName(route)} · ${mode}`,
    run: async (server) => {
      const world = await createProbeWorld(platform, server);
      const artifacts = await runWork(world, work, sweepTokens, () =>
        world.network.arm({
          matches: routeMatcher(route),
          reflect: async () => bearerReflection(SWEEP_SECRETS.accessToken),
          ...fault,
        }),
      );
      return { artifacts, hits: world.network.hits(), secrets: simulatorTokens(world) };
    },
  };
}

/** Every token the world's simulators issued: they are secrets too. */
export function simulatorTokens(world: ProbeWorld): Secret[] {
  return world.simulators.flatMap((sim) =>
    sim.tokens.allIssued().map((value): Secret => ({ kind: 'simulator token', value })),
  );
}
