import { AuthError, TransientError } from '@smmkit/core';
import { failureOf, manualClock, type RunningSimulators, startSimulators } from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { managedPages } from '../src/index.js';
import { createGraphSimulator, fieldNames, GRAPH_USE_CASES, pick } from '../src/mocks/index.js';

const clock = manualClock(Date.parse('2026-11-22T12:00:00.000Z'));
const graph = createGraphSimulator({
  platform: 'facebook',
  baseUrl: 'https://pages.graph.test',
  useCase: GRAPH_USE_CASES.pages,
  clock,
});
const { sim } = graph;
// Five Pages the user manages, listed two at a time when asked with limit=2.
const PAGES = Array.from({ length: 5 }, (_, index) => ({
  id: String(1000 + index),
  name: `Page ${index}`,
  access_token: `page-token-${index}`,
  tasks: ['CREATE_CONTENT'],
}));
graph.route('GET', '/:version/me/accounts', {}, ({ params, url }) => {
  const from = Number(params.get('after') ?? 0);
  const data = PAGES.slice(from, from + 2).map((page) => pick(page, fieldNames(params.get('fields'))));
  const after = String(from + 2);
  const next = new URL(url);
  next.searchParams.set('after', after);
  return Response.json({
    data,
    paging: {
      cursors: { before: String(from), after },
      ...(from + 2 < PAGES.length ? { next: next.href } : {}),
    },
  });
});
let running: RunningSimulators;
let userToken: string;

beforeAll(() => {
  userToken = sim.addAccountWithTokens({ handle: 'ana' }).accessToken;
  running = startSimulators(sim);
});
beforeEach(() => running.reset());
afterAll(() => running.close());

describe('managedPages', () => {
  it('reads every page of /me/accounts with the fields asked, the token in a Bearer header', async () => {
    const seen = [];
    for await (const page of managedPages(
      { userAccessToken: userToken, baseUrl: sim.baseUrl },
      { platform: 'facebook', fields: 'id,name,access_token,tasks' },
    ))
      seen.push(page);
    expect(seen.map((page) => page.id)).toEqual(PAGES.map((page) => page.id));
    expect(seen[0]).toEqual(PAGES[0]);
    const requests = sim.log.forRoute('GET /:version/me/accounts');
    expect(requests).toHaveLength(3);
    expect(requests.every((entry) => !entry.url.includes(userToken))).toBe(true);
    expect(new URL(requests[1]?.url ?? '').searchParams.get('after')).not.toBeNull();
  });

  it('stops asking when the caller stops reading', async () => {
    for await (const page of managedPages(
      { userAccessToken: userToken, baseUrl: sim.baseUrl },
      { platform: 'facebook', fields: 'id' },
    ))
      if (page.id === '1001') break;
    expect(sim.log.forRoute('GET /:version/me/accounts')).toHaveLength(1);
  });

  it('reports a refused user token as an AuthError for the platform, quoting no token', async () => {
    sim.tokens.revoke({ accessToken: userToken });
    const pages = managedPages(
      { userAccessToken: userToken, baseUrl: sim.baseUrl },
      { platform: 'instagram', fields: 'id' },
    );
    const error = await failureOf(pages.next(), { secrets: [userToken] });
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.platform).toBe('instagram');
    expect(error.platformError).toMatchObject({ code: 190, subcode: 460 });
  });

  it.each([
    {
      answer: 'a cursor that comes back',
      paging: { cursors: { after: 'MQ' }, next: 'more' },
      problem: /repeated a paging cursor/,
    },
    {
      answer: 'a next page without a cursor',
      paging: { next: 'more' },
      problem: /more follow but gives no cursor/,
    },
  ])('refuses $answer instead of reading forever or stopping short', async ({ paging, problem }) => {
    // Every page of /me/accounts answers one Page and the same paging.
    const looping: typeof fetch = async (input, init) => {
      const url = new URL(new Request(input, init).url);
      if (!url.pathname.endsWith('/me/accounts')) return fetch(input, init);
      return Response.json({ data: [{ id: '1000' }], paging });
    };
    const seen: string[] = [];
    const read = async () => {
      for await (const page of managedPages(
        { userAccessToken: userToken, baseUrl: sim.baseUrl, fetch: looping },
        { platform: 'facebook', fields: 'id' },
      ))
        seen.push(page.id);
    };
    const error = await failureOf(read(), { secrets: [userToken] });
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'invalid_response',
      platform: 'facebook',
      message: expect.stringMatching(problem),
    });
    expect(seen.length).toBeLessThanOrEqual(2);
  });
});
