import { HttpResponse } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bearerToken, type PlatformDialect } from '../src/simulator/platform-dialect.js';
import { PlatformSimulator } from '../src/simulator/platform-simulator.js';
import { manualClock } from '../src/simulator/sim-clock.js';
import { startSimulators } from '../src/simulator/start-simulators.js';

const BASE = 'https://api.buckets.test';
const clock = manualClock(Date.parse('2026-11-22T12:00:00Z'));

/** Headers named after the window's bucket, so every counted window shows. */
const dialect: PlatformDialect = {
  extractToken: bearerToken,
  unauthorized: (reason) => HttpResponse.json({ error: `token ${reason}` }, { status: 401 }),
  rateLimited: (window) => HttpResponse.json({ bucket: window.bucket }, { status: 429 }),
  rateLimitHeaders: (window) => ({ [`x-${window.bucket}-remaining`]: String(window.remaining) }),
  serverError: () => HttpResponse.json({ error: 'boom' }, { status: 503 }),
};

const sim = new PlatformSimulator({
  platform: 'buckets',
  baseUrl: BASE,
  dialect,
  clock,
  budgets: { short: { limit: 2, windowMs: 60_000 }, daily: { limit: 3, windowMs: 86_400_000 } },
});
sim.route('POST', '/likes', { bucket: ['short', 'daily'] }, () => HttpResponse.json({ liked: true }));
sim.route('GET', '/scopes', {}, ({ scopes }) => HttpResponse.json({ scopes }));
sim.route('GET', '/open', { auth: false }, ({ scopes }) => HttpResponse.json({ scopes }));

const account = sim.addAccount({ handle: 'ana' });
let running: ReturnType<typeof startSimulators>;
beforeAll(() => {
  running = startSimulators(sim);
});
afterAll(() => running.close());
beforeEach(() => running.reset());

const like = (token: string) =>
  fetch(`${BASE}/likes`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });

describe('a route with several buckets', () => {
  it('counts each request against every bucket and reports every window counted', async () => {
    const { accessToken } = sim.tokens.issue(account.id);
    const first = await like(accessToken);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-short-remaining')).toBe('1');
    expect(first.headers.get('x-daily-remaining')).toBe('2');
  });

  it('answers the first refusing bucket’s 429, without counting the buckets after it', async () => {
    const { accessToken } = sim.tokens.issue(account.id);
    await like(accessToken);
    await like(accessToken);
    const short = await like(accessToken);
    expect(short.status).toBe(429);
    expect(await short.json()).toEqual({ bucket: 'short' });
    expect(short.headers.get('x-daily-remaining')).toBeNull();

    clock.advance(60_000);
    expect((await like(accessToken)).headers.get('x-daily-remaining')).toBe('0');
    const daily = await like(accessToken);
    expect(daily.status).toBe(429);
    expect(await daily.json()).toEqual({ bucket: 'daily' });
    expect(daily.headers.get('x-short-remaining')).toBe('0');
    expect(daily.headers.get('x-daily-remaining')).toBe('0');
  });
});

describe('RouteContext.scopes', () => {
  it('holds the scopes the token was granted, and none on a route without auth', async () => {
    const { accessToken } = sim.tokens.issue(account.id, { scopes: ['read', 'write'] });
    const headers = { authorization: `Bearer ${accessToken}` };
    expect(await (await fetch(`${BASE}/scopes`, { headers })).json()).toEqual({ scopes: ['read', 'write'] });
    expect(await (await fetch(`${BASE}/open`, { headers })).json()).toEqual({ scopes: [] });
  });
});
