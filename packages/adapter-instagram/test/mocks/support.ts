import { type ManualClock, manualClock, type RunningSimulators, startSimulators } from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  createInstagramSimulator,
  type InstagramSimulator,
  type InstagramSimulatorAccount,
} from '../../src/mocks/index.js';

/** Simulated "now" at the start of every test. */
export const START = Date.parse('2026-11-22T12:00:00.000Z');
/** The Graph API version the simulators serve. */
export const V = '/v25.0';

/** A JSON object as the simulators answer it. */
export type Json = Record<string, unknown>;

/**
 * The Instagram simulators a route test talks to on one manual clock: `ig` (Facebook Login,
 * graph.facebook.com) and `igLogin` (Instagram Login, graph.instagram.com), plus any `extra`
 * ones. `seed` adds the file's accounts before the simulators start; they are started for the
 * file and reset before each test, the clock back at {@link START}.
 */
export function useInstagramSimulators<const E extends readonly InstagramSimulator[] = []>(
  seed: () => void,
  extra: (clock: ManualClock) => E = () => [] as unknown as E,
) {
  const clock = manualClock(START);
  const ig = createInstagramSimulator({ clock });
  const igLogin = createInstagramSimulator({
    baseUrl: 'https://graph.instagram.com',
    ruploadUrl: 'https://rupload.instagram.test',
    clock,
  });
  const others = extra(clock);
  let running: RunningSimulators | undefined;
  beforeAll(() => {
    seed();
    running = startSimulators(
      ...ig.simulators,
      ...others.flatMap((other) => other.simulators),
      ...igLogin.simulators,
    );
  });
  beforeEach(() => {
    running?.reset();
    clock.set(START);
  });
  afterAll(() => running?.close());
  return { clock, ig, igLogin, others };
}

/** A GET of `path` under the Graph version with `as`'s token in a Bearer header. */
export async function graphGet(
  path: string,
  params: Record<string, string>,
  as: InstagramSimulatorAccount,
  base: string,
): Promise<{ status: number; body: Json }> {
  const url = new URL(`${base}${V}${path}`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const response = await fetch(url, { headers: { authorization: `Bearer ${as.accessToken}` } });
  return { status: response.status, body: (await response.json()) as Json };
}
