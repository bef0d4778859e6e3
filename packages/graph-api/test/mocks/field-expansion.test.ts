import { describe, expect, it } from 'vitest';
import { expandedEdge, graphTime, nonexistingField, pick, requestedFields } from '../../src/mocks/index.js';

type Json = Record<string, unknown>;

/** The `error` of a Graph error response (fails the test when there is none). */
async function errorOf(response: Response | Json | undefined): Promise<Json> {
  if (!(response instanceof Response)) throw new Error('expected a refusal');
  expect(response.status).toBe(400);
  return ((await response.json()) as { error: Json }).error;
}

const items = Array.from({ length: 5 }, (_, index) => ({ id: String(101 + index), caption: `c${index}` }));

/** The `media` field of `business_discovery` in a request's `fields`, with the URL. */
function requestFor(fields: string) {
  const url = new URL('https://graph.test/v25.0/17841?');
  url.searchParams.set('fields', fields);
  const requested = requestedFields(fields);
  const edge = requested[1]?.selection.find((field) => field.name === 'media');
  if (edge === undefined) throw new Error('no media edge');
  return { url, requested, edge };
}

describe('nonexistingField', () => {
  it('refuses the first unknown field with code 100, naming the node type when given', async () => {
    const allowed = new Set(['id', 'caption']);
    expect(nonexistingField(['id', 'caption'], allowed, 'IGMedia')).toBeUndefined();
    const refused = nonexistingField(['id', 'username', 'owner'], allowed, 'IGMedia');
    expect(await errorOf(refused)).toMatchObject({
      message: '(#100) Tried accessing nonexisting field (username) on node type (IGMedia)',
      code: 100,
    });
    expect((await errorOf(nonexistingField(['owner'], allowed))).message).toBe(
      '(#100) Tried accessing nonexisting field (owner)',
    );
  });

  it("answers in the error-handling guide's shape, without is_transient", async () => {
    // https://developers.facebook.com/docs/graph-api/guides/error-handling: message, type, code,
    // (error_subcode, error_user_title, error_user_msg,) fbtrace_id.
    const refused = nonexistingField(['owner'], new Set(['id']), 'IGMedia');
    expect(Object.keys(await errorOf(refused)).sort()).toEqual(['code', 'fbtrace_id', 'message', 'type']);
  });
});

describe('expandedEdge', () => {
  it('pages a nested edge by its modifiers, with a next link that repeats the request with .limit().after()', () => {
    const { url, requested, edge } = requestFor(
      'id,business_discovery.username(rival){id,media.limit(2){caption}}',
    );
    const first = expandedEdge(items, { url, fields: requested }, edge, 'newest', (item) =>
      pick(item, edge.fields),
    ) as { data: Json[]; paging: { cursors: { after: string }; next: string } };
    expect(first.data).toEqual([
      { id: '105', caption: 'c4' },
      { id: '104', caption: 'c3' },
    ]);
    const next = new URL(first.paging.next).searchParams.get('fields') ?? '';
    expect(next).toBe(
      `id,business_discovery.username(rival){id,media.limit(2).after(${first.paging.cursors.after}){caption}}`,
    );
    // The link's fields page on from where the first page ended.
    const again = requestFor(next);
    const second = expandedEdge(
      items,
      { url: again.url, fields: again.requested },
      again.edge,
      'newest',
      (item) => pick(item, again.edge.fields),
    ) as { data: Json[] };
    expect(second.data.map((item) => item.id)).toEqual(['103', '102']);
  });

  it('gives no next link on the last page, {data: []} past the end, and the 400 of a bad limit', async () => {
    const { url, requested, edge } = requestFor('id,business_discovery.username(rival){media.limit(10){id}}');
    const all = expandedEdge(items, { url, fields: requested }, edge, 'oldest', (item) => ({
      id: item.id,
    })) as Json;
    expect(all).toEqual({
      data: items.map((item) => ({ id: item.id })),
      paging: { cursors: { before: expect.any(String), after: expect.any(String) } },
    });
    expect(expandedEdge([], { url, fields: requested }, edge, 'newest', () => ({}))).toEqual({ data: [] });
    const bad = requestFor('id,business_discovery.username(rival){media.limit(-1){id}}');
    const refused = expandedEdge(items, { url, fields: bad.requested }, bad.edge, 'newest', () => ({}));
    expect((await errorOf(refused)).message).toBe('(#100) Invalid limit: -1');
  });

  it('answers .limit(0) with no items and no paging, as `comments.limit(0).summary(true)` reads a count alone', () => {
    // `limit` is "the maximum number of objects that may be returned" (https://developers.facebook.com/docs/graph-api/results).
    const none = requestFor('id,business_discovery.username(rival){media.limit(0){id}}');
    expect(
      expandedEdge(items, { url: none.url, fields: none.requested }, none.edge, 'newest', () => ({})),
    ).toEqual({
      data: [],
    });
  });
});

describe('graphTime', () => {
  it("writes Graph's +0000 timestamps without milliseconds", () => {
    expect(graphTime(Date.parse('2026-11-22T12:00:00.250Z'))).toBe('2026-11-22T12:00:00+0000');
    expect(graphTime(0)).toBe('1970-01-01T00:00:00+0000');
  });
});
