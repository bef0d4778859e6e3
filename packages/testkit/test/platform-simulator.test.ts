import { HttpResponse } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bearerToken, type PlatformDialect } from '../src/simulator/platform-dialect.js';
import { PlatformSimulator } from '../src/simulator/platform-simulator.js';
import { manualClock } from '../src/simulator/sim-clock.js';
import { startSimulators } from '../src/simulator/start-simulators.js';

const BASE = 'https://api.acme.test';
const clock = manualClock(Date.parse('2026-11-22T12:00:00Z'));

const dialect: PlatformDialect = {
  extractToken: bearerToken,
  unauthorized: (reason) => HttpResponse.json({ error: `token ${reason}` }, { status: 401 }),
  rateLimited: (window) => HttpResponse.json({ error: 'slow down', bucket: window.bucket }, { status: 429 }),
  rateLimitHeaders: (window) => ({
    'x-limit': String(window.limit),
    'x-remaining': String(window.remaining),
    'x-reset': String(Math.floor(window.resetAt / 1000)),
  }),
  serverError: () => HttpResponse.json({ error: 'boom' }, { status: 503 }),
};

const sim = new PlatformSimulator({
  platform: 'acme',
  baseUrl: BASE,
  dialect,
  clock,
  budgets: { publish: { limit: 2, windowMs: 60_000 }, double: { limit: 10, windowMs: 60_000 } },
});
sim.route('POST', '/posts', { bucket: 'publish' }, async ({ request, accountId, now }) => {
  const body = (await request.json()) as { text: string };
  const post = sim.addPost({ accountId, text: body.text, createdAt: now });
  return HttpResponse.json({ id: post.id }, { status: 201 });
});
sim.route('POST', '/oauth/token', { auth: false }, () => HttpResponse.json({ ok: true }));
/** Throws its refusal from a reader, as a route deep in validation does; throws an Error on `?crash`. */
const readPositive = (url: URL): number => {
  if (url.searchParams.has('crash')) throw new Error('not a refusal');
  const value = Number(url.searchParams.get('n'));
  if (!(value > 0)) throw HttpResponse.json({ error: 'n must be positive' }, { status: 400 });
  return value;
};
sim.route('GET', '/double', { bucket: 'double' }, ({ url }) =>
  HttpResponse.json({ n: readPositive(url) * 2 }),
);

const account = sim.addAccount({ handle: 'acme' });
let running: ReturnType<typeof startSimulators>;
beforeAll(() => {
  running = startSimulators(sim);
});
afterAll(() => running.close());
beforeEach(() => running.reset());

function post(token: string | undefined, text = 'hello') {
  return fetch(`${BASE}/posts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ text }),
  });
}

describe('PlatformSimulator', () => {
  it('answers with a Response the resolver throws, with the window headers, and lets other errors through', async () => {
    const { accessToken } = sim.tokens.issue(account.id);
    const get = (query: string) =>
      fetch(`${BASE}/double?${query}`, { headers: { authorization: `Bearer ${accessToken}` } });
    const refused = await get('n=-1');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: 'n must be positive' });
    expect(refused.headers.get('x-remaining')).toBe('9');
    const answered = await get('n=2');
    expect(await answered.json()).toEqual({ n: 4 });
    // MSW turns an error thrown by a handler into a 500 naming it.
    const crashed = await get('crash');
    expect(crashed.status).toBe(500);
    expect(await crashed.text()).toContain('not a refusal');
  });

  it('stores what a valid token creates and answers with the rate-limit headers of the window', async () => {
    const { accessToken } = sim.tokens.issue(account.id);
    const response = await post(accessToken);
    expect(response.status).toBe(201);
    expect(response.headers.get('x-remaining')).toBe('1');
    expect(sim.posts.filter()).toMatchObject([{ accountId: account.id, text: 'hello' }]);
  });

  it('answers 429 in the platform dialect once the window is used up, until it resets', async () => {
    const { accessToken } = sim.tokens.issue(account.id);
    await post(accessToken);
    await post(accessToken);
    const limited = await post(accessToken);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: 'slow down', bucket: 'publish' });
    expect(limited.headers.get('x-remaining')).toBe('0');
    clock.advance(60_000);
    expect((await post(accessToken)).status).toBe(201);
  });

  it('refuses missing, expired and revoked tokens as the dialect says', async () => {
    const expiring = sim.tokens.issue(account.id, { expiresInMs: 1000 });
    const revoked = sim.tokens.issue(account.id);
    sim.tokens.revoke({ accessToken: revoked.accessToken });
    clock.advance(1000);
    expect(await (await post(undefined)).json()).toEqual({ error: 'token missing' });
    expect(await (await post(expiring.accessToken)).json()).toEqual({ error: 'token expired' });
    expect(await (await post(revoked.accessToken)).json()).toEqual({ error: 'token revoked' });
    expect(sim.posts.size).toBe(0);
  });

  it('injects scripted faults: lost answers still store the post, 5xx and network errors do not', async () => {
    const { accessToken } = sim.tokens.issue(account.id);
    sim.faults.inject({ kind: 'accepted_then_lost', route: 'POST /posts' });
    await expect(post(accessToken, 'lost')).rejects.toThrow();
    expect(sim.posts.filter().map((p) => p.text)).toEqual(['lost']);

    sim.faults.inject({ kind: 'server_error' });
    expect((await post(accessToken, 'five-hundred')).status).toBe(503);
    sim.faults.inject({ kind: 'network_error' });
    await expect(post(accessToken, 'dropped')).rejects.toThrow();
    sim.faults.inject({ kind: 'malformed_body' });
    const malformed = await post(accessToken, 'stored-but-unreadable');
    await expect(malformed.json()).rejects.toThrow();
    expect(sim.posts.filter().map((p) => p.text)).toEqual(['lost', 'stored-but-unreadable']);
    expect(Object.fromEntries(sim.faults.injected)).toEqual({
      accepted_then_lost: 1,
      server_error: 1,
      network_error: 1,
      malformed_body: 1,
    });
  });

  it('stores the post and then answers the dialect 5xx on accepted_then_server_error', async () => {
    const { accessToken } = sim.tokens.issue(account.id);
    sim.faults.inject({ kind: 'accepted_then_server_error', route: 'POST /posts' });
    const answered = await post(accessToken, 'stored-then-503');
    expect(answered.status).toBe(503);
    expect(await answered.json()).toEqual({ error: 'boom' });
    expect(sim.posts.filter().map((p) => p.text)).toEqual(['stored-then-503']);
    expect(sim.log.forRoute('POST /posts').map((entry) => entry.status)).toEqual([503]);
  });

  it('walks scripted faults in order: one waiting on skip does not hide a later one', async () => {
    const { accessToken } = sim.tokens.issue(account.id);
    sim.limiter.setBudget('publish', { limit: 10, windowMs: 60_000 });
    // "the second create is accepted then lost" and "the first create gets a 5xx", in that order.
    sim.faults.inject({ kind: 'accepted_then_lost', route: 'POST /posts', skip: 1 });
    sim.faults.inject({ kind: 'server_error', route: 'POST /posts' });
    expect((await post(accessToken, 'first')).status).toBe(503);
    await expect(post(accessToken, 'second')).rejects.toThrow();
    expect((await post(accessToken, 'third')).status).toBe(201);
    expect(sim.posts.filter().map((p) => p.text)).toEqual(['second', 'third']);

    // A request an earlier fault hits does not count against a later fault's skip.
    sim.faults.inject({ kind: 'server_error', route: 'POST /posts' });
    sim.faults.inject({ kind: 'network_error', route: 'POST /posts', skip: 1 });
    expect((await post(accessToken, 'fourth')).status).toBe(503);
    expect((await post(accessToken, 'fifth')).status).toBe(201);
    await expect(post(accessToken, 'sixth')).rejects.toThrow();
  });

  it('keeps the bucket an injected 429 closed until the reset it announced, for that caller only', async () => {
    const ana = sim.tokens.issue(account.id);
    const other = sim.addAccountWithTokens({ handle: 'other' });
    sim.faults.inject({ kind: 'rate_limit', route: 'POST /posts' });
    const limited = await post(ana.accessToken);
    expect(limited.status).toBe(429);
    const reset = Number(limited.headers.get('x-reset'));
    const retried = await post(ana.accessToken);
    expect(retried.status).toBe(429);
    expect(await retried.json()).toEqual({ error: 'slow down', bucket: 'publish' });
    expect(retried.headers.get('x-reset')).toBe(String(reset));
    expect((await post(other.accessToken)).status).toBe(201);
    clock.set(reset * 1000);
    expect((await post(ana.accessToken)).status).toBe(201);
    expect(sim.posts.filter().map((p) => p.accountId)).toEqual([other.account.id, account.id]);
  });

  it('draws the same random faults for the same seed', async () => {
    const { accessToken } = sim.tokens.issue(account.id);
    sim.limiter.setBudget('publish', { limit: 1000, windowMs: 60_000 });
    const run = async () => {
      sim.faults.setRandom({ probability: 0.5, kinds: ['server_error'], seed: 7 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await post(accessToken)).status);
      return statuses;
    };
    const first = await run();
    const second = await run();
    expect(first).toEqual(second);
    expect(first).toContain(503);
    expect(first).toContain(201);
    sim.limiter.setBudget('publish', { limit: 2, windowMs: 60_000 });
  });

  it('logs requests without their secrets', async () => {
    const { accessToken } = sim.tokens.issue(account.id);
    await post(accessToken, 'logged');
    await fetch(`${BASE}/oauth/token?access_token=${accessToken}`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', client_secret: 'shh-secret-123' }),
    });
    const [created, token] = sim.log.entries;
    expect(created).toMatchObject({
      route: 'POST /posts',
      status: 201,
      accountId: account.id,
      json: { text: 'logged' },
    });
    expect(created?.headers.authorization).toBe('[REDACTED]');
    expect(token?.json).toEqual({ grant_type: 'refresh_token', client_secret: '[REDACTED]' });
    expect(JSON.stringify(sim.log.entries)).not.toContain(accessToken);
    expect(JSON.stringify(sim.log.entries)).not.toContain('shh-secret-123');
  });

  it('fails loudly on a request no simulator knows', async () => {
    await expect(fetch(`${BASE}/unknown`)).rejects.toThrow();
  });
});
