import { HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { bearerToken } from '../src/simulator/platform-dialect.js';
import { PlatformSimulator } from '../src/simulator/platform-simulator.js';
import { type RunningSimulators, startSimulators } from '../src/simulator/start-simulators.js';

function acme(baseUrl: string): PlatformSimulator {
  const sim = new PlatformSimulator({
    platform: 'acme',
    baseUrl,
    dialect: {
      extractToken: bearerToken,
      unauthorized: () => HttpResponse.json({}, { status: 401 }),
      rateLimited: () => HttpResponse.json({}, { status: 429 }),
      serverError: () => HttpResponse.json({}, { status: 500 }),
    },
  });
  sim.route('GET', '/ping', { auth: false }, () => HttpResponse.json({ pong: baseUrl }));
  return sim;
}

const one = acme('https://one.acme.test');
const two = acme('https://two.acme.test');
const ping = async (sim: PlatformSimulator) => (await (await fetch(`${sim.baseUrl}/ping`)).json()) as unknown;

const started: RunningSimulators[] = [];
afterEach(() => {
  for (const running of started.splice(0)) running.close();
});

describe('startSimulators', () => {
  it('answers for every simulator given to one call', async () => {
    started.push(startSimulators(one, two));
    expect(await ping(one)).toEqual({ pong: one.baseUrl });
    expect(await ping(two)).toEqual({ pong: two.baseUrl });
  });

  it('refuses a second start while simulators run, and the first keep answering', async () => {
    started.push(startSimulators(one));
    expect(() => startSimulators(two)).toThrow(
      'startSimulators: simulators are already running in this process. Pass every simulator to one startSimulators(...) call',
    );
    expect(await ping(one)).toEqual({ pong: one.baseUrl });
    // Nothing reaches the network: the second simulator was never started.
    await expect(fetch(`${two.baseUrl}/ping`)).rejects.toThrow();
  });

  it('starts again once the running simulators are closed; closing an old handle again stops nothing', async () => {
    const first = startSimulators(one);
    first.close();
    started.push(startSimulators(two));
    first.close();
    expect(await ping(two)).toEqual({ pong: two.baseUrl });
  });
});
