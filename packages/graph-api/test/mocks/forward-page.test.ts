import { describe, expect, it } from 'vitest';
import { forwardPage, type GraphParams, pageLimit, readGraphParams } from '../../src/mocks/index.js';

type Json = Record<string, unknown>;

const items = Array.from({ length: 5 }, (_, index) => ({ id: String(205 - index) }));

async function paramsOf(url: string): Promise<GraphParams> {
  return readGraphParams(new Request(url));
}

async function page(url: string, limit: number): Promise<{ status: number; body: Json }> {
  const response = forwardPage(items, { params: await paramsOf(url), url: new URL(url) }, limit, (item) => ({
    id: item.id,
  }));
  return { status: response.status, body: (await response.json()) as Json };
}

describe('pageLimit', () => {
  it('reads limit with a default and a maximum, and refuses one that is not a whole number of at least 0', async () => {
    expect(pageLimit((await paramsOf('https://graph.test/x')).get('limit'), 25, 50)).toBe(25);
    expect(pageLimit((await paramsOf('https://graph.test/x?limit=7')).get('limit'), 25, 50)).toBe(7);
    expect(pageLimit((await paramsOf('https://graph.test/x?limit=80')).get('limit'), 25, 50)).toBe(50);
    for (const bad of ['-1', '2.5', 'ten', '']) {
      const refused = pageLimit((await paramsOf(`https://graph.test/x?limit=${bad}`)).get('limit'), 25, 50);
      expect(refused).toBeInstanceOf(Response);
      const body = (await (refused as Response).json()) as { error: Json };
      expect(body.error).toMatchObject({ message: `(#100) Invalid limit: ${bad}`, code: 100 });
    }
  });
});

describe('pageLimit of 0', () => {
  // `limit` is "the maximum number of objects that may be returned"
  // (https://developers.facebook.com/docs/graph-api/results): 0 asks for a page of none, as
  // `comments?summary=true&limit=0` reads a count alone.
  it('takes limit=0, and a forward page of 0 items is {data: []}', async () => {
    expect(pageLimit((await paramsOf('https://graph.test/x?limit=0')).get('limit'), 25, 50)).toBe(0);
    expect((await page('https://graph.test/v25.0/1/recent_media?limit=0', 0)).body).toEqual({ data: [] });
  });
});

describe('forwardPage', () => {
  it('pages forward in the order given with an after cursor only, and a next link until the end', async () => {
    const first = await page('https://graph.test/v25.0/1/recent_media?fields=id', 2);
    expect(first.body.data).toEqual([{ id: '205' }, { id: '204' }]);
    const paging = first.body.paging as { cursors: Json; next: string };
    expect(Object.keys(paging.cursors)).toEqual(['after']);
    const next = new URL(paging.next);
    expect(next.searchParams.get('fields')).toBe('id');
    expect(next.searchParams.get('limit')).toBe('2');
    const second = await page(paging.next, 2);
    expect(second.body.data).toEqual([{ id: '203' }, { id: '202' }]);
    const third = await page((second.body.paging as { next: string }).next, 2);
    expect(third.body).toEqual({ data: [{ id: '201' }], paging: { cursors: { after: expect.any(String) } } });
    const after = (third.body.paging as { cursors: { after: string } }).cursors.after;
    expect((await page(`https://graph.test/x?after=${after}`, 2)).body).toEqual({ data: [] });
  });

  it('refuses a cursor to no item of the edge', async () => {
    const refused = await page('https://graph.test/x?after=bm9wZQ', 2);
    expect(refused.status).toBe(400);
    expect((refused.body.error as Json).message).toBe('(#100) Invalid cursor');
  });
});
