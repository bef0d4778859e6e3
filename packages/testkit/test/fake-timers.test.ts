import { HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearerToken, type PlatformDialect } from '../src/simulator/platform-dialect.js';
import { PlatformSimulator } from '../src/simulator/platform-simulator.js';
import { startSimulators } from '../src/simulator/start-simulators.js';

const BASE = 'https://api.timed.test';
const dialect: PlatformDialect = {
  extractToken: bearerToken,
  unauthorized: (reason) => HttpResponse.json({ error: reason }, { status: 401 }),
  rateLimited: () => HttpResponse.json({ error: 'limited' }, { status: 429 }),
  serverError: () => HttpResponse.json({ error: 'boom' }, { status: 500 }),
};

// The default clock reads Date.now(), so vitest's fake timers move simulated time.
const sim = new PlatformSimulator({
  platform: 'timed',
  baseUrl: BASE,
  dialect,
  rateLimitKey: 'token',
  budgets: { read: { limit: 1, windowMs: 15 * 60_000 } },
});
sim.route('GET', '/me', { bucket: 'read' }, ({ accountId }) => HttpResponse.json({ id: accountId }));
const account = sim.addAccount({ handle: 'timed' });

let running: ReturnType<typeof startSimulators>;
beforeAll(() => {
  running = startSimulators(sim);
});
afterAll(() => running.close());
afterEach(() => {
  running.reset();
  vi.useRealTimers();
});

const get = (token: string) => fetch(`${BASE}/me`, { headers: { authorization: `Bearer ${token}` } });

describe('simulators on fake timers', () => {
  it('expire tokens and reset windows as fake time advances', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T12:00:00Z'));
    const { accessToken } = sim.tokens.issue(account.id, { expiresInMs: 2 * 3_600_000 });
    expect((await get(accessToken)).status).toBe(200);
    expect((await get(accessToken)).status).toBe(429);
    vi.setSystemTime(new Date('2026-11-22T12:15:00Z'));
    expect((await get(accessToken)).status).toBe(200);
    vi.setSystemTime(new Date('2026-11-22T14:00:00Z'));
    expect(await (await get(accessToken)).json()).toEqual({ error: 'expired' });
  });

  it('count windows per token when asked to, as X does', async () => {
    const first = sim.tokens.issue(account.id).accessToken;
    const second = sim.tokens.issue(account.id).accessToken;
    expect((await get(first)).status).toBe(200);
    expect((await get(first)).status).toBe(429);
    expect((await get(second)).status).toBe(200);
  });
});
