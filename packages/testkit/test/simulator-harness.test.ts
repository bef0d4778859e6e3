import { HttpResponse } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bearerToken } from '../src/simulator/platform-dialect.js';
import { PlatformSimulator } from '../src/simulator/platform-simulator.js';
import type { SimClock } from '../src/simulator/sim-clock.js';
import { useSimulatorHarness } from '../src/simulator/simulator-harness.js';

const START = Date.parse('2026-11-22T12:00:00Z');

function acme(baseUrl: string, clock: SimClock): PlatformSimulator {
  const sim = new PlatformSimulator({
    platform: 'acme',
    baseUrl,
    clock,
    dialect: {
      extractToken: bearerToken,
      unauthorized: () => HttpResponse.json({ error: 'token' }, { status: 401 }),
      rateLimited: () => HttpResponse.json({}, { status: 429 }),
      serverError: () => HttpResponse.json({}, { status: 500 }),
    },
  });
  sim.route('POST', '/posts', {}, async ({ request, accountId, now }) => {
    const { text } = (await request.json()) as { text: string };
    return HttpResponse.json({ id: sim.addPost({ accountId, text, createdAt: now }).id }, { status: 201 });
  });
  sim.route('GET', '/now', {}, ({ now }) => HttpResponse.json({ now }));
  return sim;
}

const h = useSimulatorHarness({
  hooks: { beforeAll, afterAll, beforeEach },
  start: START,
  options: { baseUrl: 'https://one.acme.test' },
  world: ({ baseUrl }, kit) => {
    const sim = acme(baseUrl, kit.clock);
    const ana = sim.addAccountWithTokens({ handle: 'ana' });
    return {
      simulators: [sim],
      sim,
      ana,
      bob: sim.addAccountWithTokens({ handle: 'bob' }),
      context: kit.contextFor(sim, ana),
    };
  },
});
const two = h.sibling({ baseUrl: 'https://two.acme.test' });

function publish(baseUrl: string, token: string, text: string) {
  return fetch(`${baseUrl}/posts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
}

describe('useSimulatorHarness', () => {
  it('starts the main and the sibling worlds on one clock', async () => {
    expect((await publish(h.sim.baseUrl, h.ana.accessToken, 'one')).status).toBe(201);
    expect((await publish(two.sim.baseUrl, two.ana.accessToken, 'two')).status).toBe(201);
    expect(h.sim.log.bodies('POST /posts')).toEqual([{ text: 'one' }]);
    expect(two.sim.posts.filter().map((post) => post.text)).toEqual(['two']);
    h.clock.advance(60_000);
    const read = (await (
      await fetch(`${two.sim.baseUrl}/now`, { headers: { authorization: `Bearer ${two.ana.accessToken}` } })
    ).json()) as { now: number };
    expect(read.now).toBe(START + 60_000);
    await h.adapterClock.sleep(500);
    expect(h.clock.now()).toBe(START + 60_500);
    expect(h.sleeps).toEqual([500]);
  });

  it('resets every world, sets the clock back and forgets the sleeps before each test', async () => {
    expect(h.sim.posts.size + two.sim.posts.size).toBe(0);
    expect(h.sim.log.entries).toEqual([]);
    expect(h.clock.now()).toBe(START);
    expect(h.sleeps).toEqual([]);
    expect((await publish(two.sim.baseUrl, two.ana.accessToken, 'again')).status).toBe(201);
  });

  it('makes contexts that act for the default user, or another, on the adapter clock', async () => {
    const context = h.context();
    expect(context.account).toEqual({ platform: 'acme', accountId: h.ana.account.id, handle: 'ana' });
    expect(await context.tokens.getAccessToken()).toBe(h.ana.accessToken);
    expect(context.clock).toBe(h.adapterClock);
    const forBob = h.context({ idempotencyKey: 'key-1' }, h.bob);
    expect(forBob.account.accountId).toBe(h.bob.account.id);
    expect(forBob.idempotencyKey).toBe('key-1');
  });

  it('rejects a sleep whose signal has aborted, without moving time', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(h.adapterClock.sleep(1_000, controller.signal)).rejects.toThrow('stop');
    expect(h.clock.now()).toBe(START);
    expect(h.sleeps).toEqual([]);
  });

  it('refuses a sibling once the simulators run', () => {
    expect(() => h.sibling({ baseUrl: 'https://three.acme.test' })).toThrow(/top of the test file/);
  });

  it('refuses to read bodies of requests that had none', async () => {
    await fetch(`${h.sim.baseUrl}/now`, { headers: { authorization: `Bearer ${h.ana.accessToken}` } });
    expect(() => h.sim.log.bodies('GET /now')).toThrow(
      'a request to GET /now has no JSON-object or form body',
    );
  });
});
