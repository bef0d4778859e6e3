import {
  type AccountWithTokens,
  manualClock,
  type RunningSimulators,
  startSimulators,
} from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createGraphSimulator,
  fieldNames,
  fieldsParameter,
  GRAPH_APP_BUDGET,
  GRAPH_USE_CASES,
  type GraphSimulator,
  graphPage,
  graphWebhookDelivery,
  invalidParameter,
  pick,
  requestedFields,
  signGraphWebhook,
  unsupportedRequest,
} from '../../src/mocks/index.js';

const START = Date.parse('2026-11-22T12:00:00.000Z');
const HOUR = 60 * 60_000;
const V = '/v26.0';
const clock = manualClock(START);

/** A small Page API on the Graph base: a Page node and its feed (newest first). */
function pages(
  baseUrl: string,
  budgets?: Parameters<typeof createGraphSimulator>[0]['budgets'],
  platformRateLimited?: (accountId: string) => boolean,
): GraphSimulator {
  const graph = createGraphSimulator({
    platform: 'facebook',
    baseUrl,
    useCase: GRAPH_USE_CASES.pages,
    budgets,
    clock,
    platformRateLimited,
  });
  const { sim, route } = graph;
  route('POST', '/:version/:pageId/feed', {}, ({ params, path, accountId }) => {
    const message = params.get('message');
    if (message === undefined) return invalidParameter('The parameter message is required');
    return Response.json({ id: sim.addPost({ accountId: path.pageId ?? accountId, text: message }).id });
  });
  // Echoes what a multipart upload carried: the file part whole, the other parts as parameters.
  route('POST', '/:version/:pageId/photos', {}, async ({ params }) => {
    const source = params.file('source');
    return Response.json({
      source: params.get('source') ?? null,
      bytes: source === undefined ? null : [...new Uint8Array(await source.arrayBuffer())],
      size: source?.size ?? null,
      type: source?.type ?? null,
      caption: params.get('caption') ?? null,
      captionFile: params.file('caption') ?? null,
    });
  });
  route('GET', '/:version/:pageId/feed', {}, ({ params, url, path }) =>
    graphPage(
      sim.posts.filter((post) => post.accountId === path.pageId),
      { params, url },
      'newest',
      (post) => ({ id: post.id, message: post.text }),
    ),
  );
  route('GET', '/:version/:id', {}, ({ params, path }) => {
    const page = sim.accounts.get(path.id ?? '');
    if (page === undefined) return unsupportedRequest('GET', path.id ?? '');
    return Response.json(
      pick(
        { id: page.id, name: page.displayName, followers_count: page.followers },
        fieldNames(params.get('fields')),
        ['id', 'name'],
      ),
    );
  });
  return graph;
}

const graph = pages('https://graph.facebook.test');
const small = pages('https://small.graph.test', { pages: { limit: 2, windowMs: HOUR } });
// Every token on it is a user token, held to the Platform rate limit (the app budget).
const tight = pages('https://tight.graph.test', { app: { limit: 1, windowMs: HOUR } }, () => true);
// The app budget as the simulator keeps it, made small.
const rolling = pages('https://rolling.graph.test', { app: { ...GRAPH_APP_BUDGET, limit: 2 } }, () => true);
let running: RunningSimulators;
let page: AccountWithTokens;

beforeAll(() => {
  page = graph.sim.addAccountWithTokens({ handle: 'bakery', displayName: 'The Bakery', followers: 12 });
  running = startSimulators(graph.sim, small.sim, tight.sim, rolling.sim);
});
beforeEach(() => {
  running.reset();
  clock.set(START);
});
afterAll(() => running.close());

type Json = Record<string, unknown>;

async function call(
  method: string,
  path: string,
  params: Record<string, string> = {},
  options: { token?: string | undefined; place?: 'header' | 'query' | 'form' | 'json'; base?: string } = {},
): Promise<{ status: number; body: Json; headers: Headers }> {
  const token = 'token' in options ? options.token : page.accessToken;
  const place = options.place ?? 'header';
  const url = new URL(`${options.base ?? graph.sim.baseUrl}${path}`);
  const headers: Record<string, string> = {};
  const all = { ...params, ...(token !== undefined && place !== 'header' ? { access_token: token } : {}) };
  if (token !== undefined && place === 'header') headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (method === 'GET' || place === 'query' || place === 'header') {
    for (const [name, value] of Object.entries(all)) url.searchParams.set(name, value);
  } else if (place === 'form') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(all).toString();
  } else {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(all);
  }
  const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
  return { status: response.status, body: (await response.json()) as Json, headers: response.headers };
}

const error = (body: Json) => body.error as Json;
const me = () => page.account.id;

describe('routes', () => {
  it('accept any version and the token in a header, the query, a form or JSON', async () => {
    for (const [version, place] of [
      ['/v21.0', 'header'],
      ['/v26.0', 'query'],
      ['/v25.0', 'form'],
      ['/v19.0', 'json'],
    ] as const) {
      const created = await call('POST', `${version}/${me()}/feed`, { message: `via ${place}` }, { place });
      expect(created.status, `${version} ${place}`).toBe(200);
    }
    expect(graph.sim.posts.filter().map((post) => post.text)).toEqual([
      'via header',
      'via query',
      'via form',
      'via json',
    ]);
    const bad = await call('GET', `/latest/${me()}`);
    expect(bad.status).toBe(400);
    expect(error(bad.body)).toMatchObject({ code: 2500, type: 'OAuthException' });
  });

  it('answer with the fields asked, id always, and a Graph 100/33 for an unknown id', async () => {
    expect((await call('GET', `${V}/${me()}`)).body).toEqual({ id: me(), name: 'The Bakery' });
    expect((await call('GET', `${V}/${me()}`, { fields: 'followers_count' })).body).toEqual({
      id: me(),
      followers_count: 12,
    });
    const unknown = await call('GET', `${V}/999`);
    expect(error(unknown.body)).toMatchObject({ code: 100, error_subcode: 33 });
    expect(String(error(unknown.body).fbtrace_id)).toMatch(/^\w{11,}$/);
  });

  it('give a multipart file part whole to file(), and no parameter of that name', async () => {
    const form = new FormData();
    form.set('caption', 'Fresh bread');
    form.set(
      'source',
      new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], { type: 'image/jpeg' }),
      'bread.jpg',
    );
    const response = await fetch(`${graph.sim.baseUrl}${V}/${me()}/photos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${page.accessToken}` },
      body: form,
    });
    expect(await response.json()).toEqual({
      source: null,
      bytes: [0xff, 0xd8, 0xff, 0xe0],
      size: 4,
      type: 'image/jpeg',
      caption: 'Fresh bread',
      // A text part is a parameter, not a file.
      captionFile: null,
    });
  });
});

describe('tokens and faults', () => {
  it('answers 190/463 for an expired token, 190 for an unknown one and 2500 without one', async () => {
    const token = graph.sim.tokens.issue(me(), { expiresInMs: HOUR }).accessToken;
    clock.advance(HOUR);
    const expired = await call('GET', `${V}/${me()}`, {}, { token });
    expect(expired.status).toBe(400);
    expect(error(expired.body)).toMatchObject({ code: 190, error_subcode: 463, type: 'OAuthException' });
    expect(String(error(expired.body).message)).toMatch(
      /^Error validating access token: Session has expired/,
    );
    expect(error((await call('GET', `${V}/${me()}`, {}, { token: 'nope' })).body).code).toBe(190);
    expect(error((await call('GET', `${V}/${me()}`, {}, { token: undefined })).body).code).toBe(2500);
  });

  it('answers injected 5xx with code 2 and is_transient', async () => {
    graph.sim.faults.inject({ kind: 'server_error' });
    const response = await call('GET', `${V}/${me()}`);
    expect(response.status).toBe(500);
    expect(error(response.body)).toMatchObject({ code: 2, is_transient: true });
  });
});

describe('budgets', () => {
  it('holds a Page token to the Pages use case alone: its usage header on every answer, code 80001', async () => {
    const who = small.sim.addAccountWithTokens({ handle: 'cafe' });
    const base = small.sim.baseUrl;
    const first = await call('GET', `${V}/${who.account.id}`, {}, { token: who.accessToken, base });
    // "If both Platform and Business Use Case rate limits can be applied to a request, BUC rate limits will be applied."
    expect(first.headers.get('x-app-usage')).toBeNull();
    const buc = JSON.parse(first.headers.get('x-business-use-case-usage') ?? '{}') as Json;
    expect(buc[who.account.id]).toEqual([
      {
        type: 'pages',
        call_count: 50,
        total_cputime: 25,
        total_time: 25,
        estimated_time_to_regain_access: 0,
      },
    ]);
    await call('GET', `${V}/${who.account.id}`, {}, { token: who.accessToken, base });
    const third = await call('GET', `${V}/${who.account.id}`, {}, { token: who.accessToken, base });
    expect(third.status).toBe(400);
    expect(error(third.body)).toMatchObject({ code: 80001, is_transient: true });
    const regain = JSON.parse(third.headers.get('x-business-use-case-usage') ?? '{}') as Json;
    expect(regain[who.account.id]).toEqual([
      expect.objectContaining({ estimated_time_to_regain_access: 60 }),
    ]);
  });

  it('counts the app budget over a rolling hour, as Meta does: a call frees an hour after it was made', async () => {
    const who = rolling.sim.addAccountWithTokens({ handle: 'bistro' });
    const base = rolling.sim.baseUrl;
    const get = async () =>
      (await call('GET', `${V}/${who.account.id}`, {}, { token: who.accessToken, base })).status;
    expect(await get()).toBe(200);
    clock.set(START + 50 * 60_000);
    expect(await get()).toBe(200);
    clock.set(START + 61 * 60_000);
    // The first call is more than an hour old: one of the two is free again, and only one.
    expect(await get()).toBe(200);
    clock.set(START + 62 * 60_000);
    expect(await get()).toBe(400);
  });

  it('holds a user token to the app budget instead: code 4, X-App-Usage at 100', async () => {
    const who = tight.sim.addAccountWithTokens({ handle: 'deli' });
    const base = tight.sim.baseUrl;
    expect((await call('GET', `${V}/${who.account.id}`, {}, { token: who.accessToken, base })).status).toBe(
      200,
    );
    const refused = await call('GET', `${V}/${who.account.id}`, {}, { token: who.accessToken, base });
    expect(error(refused.body)).toMatchObject({ code: 4, message: '(#4) Application request limit reached' });
    expect(JSON.parse(refused.headers.get('x-app-usage') ?? '{}')).toMatchObject({ call_count: 100 });
    expect(refused.headers.get('x-business-use-case-usage')).toBeNull();
  });
});

describe('paging', () => {
  it('pages an edge newest first with cursors, next and previous links that repeat the request', async () => {
    for (let index = 1; index <= 5; index += 1) graph.sim.addPost({ accountId: me(), text: `post ${index}` });
    const first = await call('GET', `${V}/${me()}/feed`, { limit: '2' });
    expect((first.body.data as Json[]).map((post) => post.message)).toEqual(['post 5', 'post 4']);
    const paging = first.body.paging as { next: string; cursors: { after: string } };
    expect(new URL(paging.next).searchParams.get('after')).toBe(paging.cursors.after);
    const second = await fetch(paging.next, { headers: { authorization: `Bearer ${page.accessToken}` } });
    const secondBody = (await second.json()) as { data: Json[]; paging: { previous: string; next: string } };
    expect(secondBody.data.map((post) => post.message)).toEqual(['post 3', 'post 2']);
    const back = await fetch(secondBody.paging.previous, {
      headers: { authorization: `Bearer ${page.accessToken}` },
    });
    expect(((await back.json()) as { data: Json[] }).data.map((post) => post.message)).toEqual([
      'post 5',
      'post 4',
    ]);
    const last = await fetch(secondBody.paging.next, {
      headers: { authorization: `Bearer ${page.accessToken}` },
    });
    const lastBody = (await last.json()) as { data: Json[]; paging: Json };
    expect(lastBody.data.map((post) => post.message)).toEqual(['post 1']);
    expect(lastBody.paging.next).toBeUndefined();
  });

  it('refuses a bad limit or a cursor to nothing on the edge with a 100', async () => {
    expect(error((await call('GET', `${V}/${me()}/feed`, { limit: '-1' })).body).code).toBe(100);
    expect(error((await call('GET', `${V}/${me()}/feed`, { after: 'bm9wZQ' })).body).code).toBe(100);
    expect((await call('GET', `${V}/${me()}/feed`)).body).toEqual({ data: [] });
  });

  it('answers limit=0 with a page of no items, not a refusal', async () => {
    // `limit` is "the maximum number of objects that may be returned"
    // (https://developers.facebook.com/docs/graph-api/results), no minimum named.
    for (let index = 1; index <= 3; index += 1) graph.sim.addPost({ accountId: me(), text: `post ${index}` });
    const none = await call('GET', `${V}/${me()}/feed`, { limit: '0' });
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ data: [] });
  });
});

describe('fields', () => {
  it('reads modifiers and sub-selections of a fields parameter', () => {
    expect(
      requestedFields('id,comments.limit(2){from{id,name},message},mentioned_comment.comment_id(7)'),
    ).toMatchObject([
      { name: 'id', call: undefined, fields: [] },
      { name: 'comments', call: { key: 'limit', value: '2' }, fields: ['from', 'message'] },
      { name: 'mentioned_comment', call: { key: 'comment_id', value: '7' }, fields: [] },
    ]);
  });

  it('reads every modifier and nested expansions, and writes them back', () => {
    const raw =
      'id,business_discovery.username(rival_co){followers_count,media.limit(5).after(QVFI-x_1){id,like_count}}';
    const [, discovery] = requestedFields(raw);
    expect(discovery?.modifiers).toEqual([{ key: 'username', value: 'rival_co' }]);
    const media = discovery?.selection.find((field) => field.name === 'media');
    expect(media?.modifiers).toEqual([
      { key: 'limit', value: '5' },
      { key: 'after', value: 'QVFI-x_1' },
    ]);
    expect(media?.fields).toEqual(['id', 'like_count']);
    expect(fieldsParameter(requestedFields(raw))).toBe(raw);
  });
});

describe('webhooks', () => {
  it('signs webhook bodies as sha256=<hex>', async () => {
    expect(await signGraphWebhook('secret', '{}')).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('builds a delivery of one change, its time in Unix seconds', () => {
    expect(
      graphWebhookDelivery({
        object: 'page',
        objectId: '1',
        field: 'feed',
        value: { verb: 'add' },
        time: START + 999,
      }),
    ).toEqual({
      object: 'page',
      entry: [{ id: '1', time: START / 1000, changes: [{ field: 'feed', value: { verb: 'add' } }] }],
    });
  });
});
