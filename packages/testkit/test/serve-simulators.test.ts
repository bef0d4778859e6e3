import { HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerToken, type PlatformDialect } from '../src/simulator/platform-dialect.js';
import { PlatformSimulator } from '../src/simulator/platform-simulator.js';
import { type ServedSimulators, serveSimulators } from '../src/simulator/serve-simulators.js';
import { manualClock } from '../src/simulator/sim-clock.js';

const clock = manualClock(Date.parse('2026-11-22T12:00:00Z'));

const dialect: PlatformDialect = {
  extractToken: bearerToken,
  unauthorized: (reason) => HttpResponse.json({ error: `token ${reason}` }, { status: 401 }),
  rateLimited: () => HttpResponse.json({ error: 'slow down' }, { status: 429 }),
  rateLimitHeaders: (window) => ({ 'x-remaining': String(window.remaining) }),
  serverError: () => HttpResponse.json({ error: 'boom' }, { status: 503 }),
};

/** A simulator whose base URL has a path, as versioned APIs do. */
function acme(baseUrl: string): PlatformSimulator {
  const sim = new PlatformSimulator({
    platform: 'acme',
    baseUrl,
    dialect,
    clock,
    budgets: { publish: { limit: 5, windowMs: 60_000 } },
  });
  sim.route('POST', '/posts', { bucket: 'publish' }, async ({ request, accountId, now }) => {
    const body = (await request.json()) as { text: string };
    const post = sim.addPost({ accountId, text: body.text, createdAt: now });
    return HttpResponse.json({ id: post.id, query: new URL(request.url).search }, { status: 201 });
  });
  return sim;
}

const one = acme('https://api.acme.test/v2');
const other = acme('https://api.other.test');
const account = one.addAccount({ handle: 'acme' });
let served: ServedSimulators;
beforeAll(async () => {
  served = await serveSimulators(one, other);
});
afterAll(() => served.close());

const post = (url: string, token: string | undefined, text: string) =>
  fetch(`${url}/posts?draft=false`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ text }),
  });

describe('serveSimulators', () => {
  it("answers real HTTP on 127.0.0.1 as the simulator does, under its base URL's path", async () => {
    const [url] = served.urls;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
    const { accessToken } = one.tokens.issue(account.id);
    const response = await post(url ?? '', accessToken, 'over the wire');
    expect(response.status).toBe(201);
    expect(response.headers.get('x-remaining')).toBe('4');
    await expect(response.json()).resolves.toMatchObject({ query: '?draft=false' });
    expect(one.posts.filter()).toMatchObject([{ accountId: account.id, text: 'over the wire' }]);
  });

  it("applies the simulator's token checks and faults", async () => {
    const [url] = served.urls;
    const refused = await post(url ?? '', undefined, 'no token');
    expect(refused.status).toBe(401);
    await expect(refused.json()).resolves.toEqual({ error: 'token missing' });

    const { accessToken } = one.tokens.issue(account.id);
    one.faults.inject({ kind: 'accepted_then_lost', route: 'POST /posts' });
    await expect(post(url ?? '', accessToken, 'answer lost')).rejects.toThrow();
    expect(one.posts.filter().map((stored) => stored.text)).toContain('answer lost');
  });

  it('serves each simulator on a port of its own, and answers 501 for a path no route takes', async () => {
    const [url, otherUrl] = served.urls;
    expect(new URL(otherUrl ?? '').port).not.toBe(new URL(url ?? '').port);
    const response = await fetch(`${otherUrl}/nowhere`);
    expect(response.status).toBe(501);
    await expect(response.text()).resolves.toBe('No simulator route for GET /nowhere');
  });

  it('stops answering once closed', async () => {
    const single = await serveSimulators(acme('https://api.closing.test'));
    const [url] = single.urls;
    await expect(fetch(`${url}/nowhere`)).resolves.toMatchObject({ status: 501 });
    await single.close();
    await expect(fetch(`${url}/nowhere`)).rejects.toThrow();
  });
});
