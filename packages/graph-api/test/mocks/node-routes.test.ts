import { manualClock, startSimulators } from '@smmkit/testkit';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { graphWebhookHandler, readGraphWebhookChanges } from '../../src/index.js';
import {
  createGraphSimulator,
  GRAPH_USE_CASES,
  graphWebhookDelivery,
  graphWebhookRequest,
  signGraphWebhook,
} from '../../src/mocks/index.js';

const clock = manualClock(Date.parse('2026-11-22T12:00:00.000Z'));

/**
 * Graph with two kinds of node on one URL, each declared in its own place as a platform's route
 * files would: comments (`DELETE /{comment-id}`) first, posts (`DELETE /{post-id}`) after.
 */
const graph = createGraphSimulator({
  platform: 'facebook',
  baseUrl: 'https://nodes.graph.test',
  useCase: GRAPH_USE_CASES.pages,
  budgets: { pages: { limit: 3, windowMs: 3_600_000 } },
  clock,
});
const comments = new Set<string>();
graph.route('DELETE', '/:version/:commentId', {}, ({ path }) => {
  if (!comments.has(path.commentId ?? '')) return undefined;
  comments.delete(path.commentId ?? '');
  return Response.json({ success: true, deleted: 'comment' });
});
graph.route('DELETE', '/:version/:postId', {}, ({ path }) => {
  if (graph.sim.posts.get(path.postId ?? '') === undefined) return undefined;
  graph.sim.posts.delete(path.postId ?? '');
  return Response.json({ success: true, deleted: 'post' });
});
graph.route('GET', '/:version/:nodeId', {}, ({ path }) => {
  // A reader deep in a handler refuses by throwing the platform's answer.
  if (path.nodeId?.startsWith('bad') === true)
    throw Response.json({ error: { message: 'Unsupported get request.', code: 100 } }, { status: 400 });
  return Response.json({ id: path.nodeId });
});
const page = graph.sim.addAccountWithTokens({ handle: 'bakery' });
const running = startSimulators(graph.sim);
beforeEach(() => {
  running.reset();
  comments.clear();
});
afterAll(() => running.close());

async function remove(id: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${graph.sim.baseUrl}/v26.0/${id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${page.accessToken}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('routes of one shape', () => {
  it('answer a refusal a handler throws as if returned, with the usage headers', async () => {
    const get = (id: string) =>
      fetch(`${graph.sim.baseUrl}/v26.0/${id}`, { headers: { authorization: `Bearer ${page.accessToken}` } });
    const found = await get('12');
    const refused = await get('bad_12');
    expect(found.status).toBe(200);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: { message: 'Unsupported get request.', code: 100 } });
    const usage = (response: Response) =>
      [...response.headers.keys()].filter((name) => name.endsWith('-usage')).sort();
    expect(usage(found).length).toBeGreaterThan(0);
    expect(usage(refused)).toEqual(usage(found));
  });

  it('are asked in the order declared, each answering for its own nodes', async () => {
    const post = graph.sim.addPost({ accountId: page.account.id, text: 'Hello' });
    comments.add('77_1');
    expect((await remove('77_1')).body).toEqual({ success: true, deleted: 'comment' });
    expect((await remove(post.id)).body).toEqual({ success: true, deleted: 'post' });
    expect(graph.sim.posts.get(post.id)).toBeUndefined();
  });

  it('answer Graph’s 100/33 when no route serves the node', async () => {
    const answer = await remove('404_404');
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 100, error_subcode: 33 });
    expect(String((answer.body.error as { message: string }).message)).toContain("'404_404'");
  });

  it('log, check and count a request once, under the first declaration’s name', async () => {
    comments.add('77_2');
    await remove('77_2');
    await remove('404_404');
    expect(graph.sim.log.forRoute('DELETE /:version/:commentId')).toHaveLength(2);
    expect(graph.sim.log.forRoute('DELETE /:version/:postId')).toHaveLength(0);
    // Budget of 3 Pages calls: two used, one left, then throttled.
    expect((await remove('404_404')).status).toBe(400);
    const throttled = await remove('404_404');
    expect(throttled.body.error).toMatchObject({ code: GRAPH_USE_CASES.pages.code });
  });

  it('must agree on auth', () => {
    expect(() => graph.route('DELETE', '/:version/:id', { auth: false }, () => undefined)).toThrow(/auth/);
  });
});

describe('signed deliveries', () => {
  const secret = 'meta-app-secret';
  const delivery = graphWebhookDelivery({
    object: 'page',
    objectId: '1',
    field: 'feed',
    value: { item: 'comment', verb: 'add', message: 'Café 😀' },
    time: clock.now(),
  });

  it('are POSTs a Graph webhook handler verifies and parses', async () => {
    const request = await graphWebhookRequest(secret, delivery);
    expect(request.method).toBe('POST');
    expect(request.headers.get('x-hub-signature-256')).toBe(await signGraphWebhook(secret, request.rawBody));
    const seen: unknown[] = [];
    const handler = graphWebhookHandler({
      platform: 'facebook',
      appSecret: secret,
      engagements: (payload) => {
        seen.push(...readGraphWebhookChanges(payload, 'facebook').map((change) => change.value));
        return [];
      },
    });
    expect(await handler.verify(request)).toBe(true);
    handler.parse(request);
    expect(seen).toEqual([{ item: 'comment', verb: 'add', message: 'Café 😀' }]);
    const other = await graphWebhookRequest('another-secret', delivery);
    expect(await handler.verify(other)).toBe(false);
  });

  it('sign the raw bytes given, as Meta sends them escaped', async () => {
    const rawBody = JSON.stringify(delivery).replace('Café', 'Caf\\u00e9');
    const request = await graphWebhookRequest(secret, delivery, { rawBody, url: 'https://shop.test/hooks' });
    expect(request.rawBody).toBe(rawBody);
    expect(request.url).toBe('https://shop.test/hooks');
    expect(request.headers.get('x-hub-signature-256')).toBe(await signGraphWebhook(secret, rawBody));
  });
});
