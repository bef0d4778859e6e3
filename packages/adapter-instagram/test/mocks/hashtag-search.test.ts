import { describe, expect, it } from 'vitest';
import type { InstagramSimulatorAccount } from '../../src/mocks/index.js';
import { graphGet, type Json, useInstagramSimulators } from './support.js';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
let ana: InstagramSimulatorAccount;
let bob: InstagramSimulatorAccount;
const { clock, ig, igLogin } = useInstagramSimulators(() => {
  ana = ig.addAccount('ana');
  bob = ig.addAccount('bob');
});

/** A GET with ana's token (or `as`'s) in a Bearer header. */
const get = (path: string, params: Record<string, string> = {}, as = ana, base = ig.baseUrl) =>
  graphGet(path, params, as, base);
const lookup = (q: string, as = ana) => get('/ig_hashtag_search', { user_id: as.account.id, q }, as);
const idOf = async (q: string) => ((await lookup(q)).body.data as Json[])[0]?.id as string;
const recent = (id: string, params: Record<string, string> = {}, as = ana) =>
  get(`/${id}/recent_media`, { user_id: as.account.id, ...params }, as);

describe('ig_hashtag_search', () => {
  it('answers the same static id for a hashtag whatever its case, and nothing for an unused one', async () => {
    ig.seedHashtagMedia('#AcmeCoffee', 1);
    const first = await lookup('acmecoffee');
    expect(first).toEqual({ status: 200, body: { data: [{ id: expect.stringMatching(/^\d{17}$/) }] } });
    expect(await idOf('AcmeCoffee')).toBe(await idOf('acmecoffee'));
    expect((await lookup('acmecoffee', bob)).body).toEqual(first.body);
    expect((await lookup('neverused')).body).toEqual({ data: [] });
  });

  it('needs user_id and q, and user_id must be the token’s user', async () => {
    ig.seedHashtagMedia('#acme', 1);
    expect((await get('/ig_hashtag_search', { q: 'acme' })).status).toBe(400);
    expect((await get('/ig_hashtag_search', { user_id: ana.account.id })).status).toBe(400);
    const other = await get('/ig_hashtag_search', { user_id: bob.account.id, q: 'acme' });
    expect(other.status).toBe(400);
    expect((other.body.error as Json).code).toBe(100);
  });

  it('counts 30 unique hashtags per 7 days: repeats are free, the 31st is refused until the first expires', async () => {
    const names = Array.from({ length: 31 }, (_, index) => `tag${index}`);
    for (const name of names) ig.seedHashtagMedia(`#${name}`, 1);
    for (const name of names.slice(0, 30)) expect((await lookup(name)).status).toBe(200);
    expect((await lookup('tag0')).status).toBe(200);
    expect((await lookup('tag5')).status).toBe(200);
    const refused = await lookup('tag30');
    expect(refused.status).toBe(400);
    expect((refused.body.error as Json).code).toBe(100);
    // Bob's 30 are his own.
    expect((await lookup('tag30', bob)).status).toBe(200);
    expect(ig.searchedHashtags(ana.account.id)).toEqual(names.slice(0, 30));
    // A repeat did not restart the first query's 7 days.
    clock.advance(7 * DAY);
    expect((await lookup('tag30')).status).toBe(200);
  });

  it('lists the hashtags queried in the last 7 days on recently_searched_hashtags', async () => {
    ig.seedHashtagMedia('#acme', 1);
    ig.seedHashtagMedia('#acmecoffee', 1);
    await lookup('acme');
    ig.seedSearchedHashtags(ana.account.id, ['#acmecoffee']);
    const listed = await get(`/${ana.account.id}/recently_searched_hashtags`, {
      fields: 'id,name',
      limit: '30',
    });
    expect(listed.body.data).toEqual(
      [
        { id: await idOf('acme'), name: 'acme' },
        { id: await idOf('acmecoffee'), name: 'acmecoffee' },
      ].sort((a, b) => b.id.localeCompare(a.id)),
    );
    expect((await get(`/${bob.account.id}/recently_searched_hashtags`)).status).toBe(400);
  });

  it('is not offered with Instagram Login (graph.instagram.com)', async () => {
    const cat = igLogin.addAccount('cat');
    igLogin.seedHashtagMedia('#acme', 1);
    const refused = await get(
      '/ig_hashtag_search',
      { user_id: cat.account.id, q: 'acme' },
      cat,
      igLogin.baseUrl,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });
});

describe('recent_media', () => {
  it('pages the last 24 hours of public media with the hashtag, newest first, with an after cursor only', async () => {
    const old = ig.seedHashtagMedia('#acme', 2);
    const before = await recent(await idOf('acme'));
    expect((before.body.data as Json[]).map((media) => media.id)).toEqual(
      old.map((post) => post.id).reverse(),
    );
    clock.advance(DAY);
    const fresh = ig.seedHashtagMedia('#ACME', 3);
    ig.seedHashtagMedia('#other', 2);
    const id = await idOf('acme');
    const first = await recent(id, {
      fields: 'id,caption,timestamp,like_count,comments_count,permalink,media_type',
      limit: '2',
    });
    const data = first.body.data as Json[];
    expect(data.map((media) => media.id)).toEqual([fresh[2]?.id, fresh[1]?.id]);
    expect(data[0]).toMatchObject({ caption: 'Post 3 about #ACME from fan_3', media_type: 'IMAGE' });
    expect(data[0]).not.toHaveProperty('username');
    const paging = first.body.paging as { cursors: Json; next?: string };
    expect(Object.keys(paging.cursors)).toEqual(['after']);
    expect(paging).not.toHaveProperty('previous');
    const second = await recent(id, { fields: 'id', limit: '2', after: String(paging.cursors.after) });
    expect((second.body.data as Json[]).map((media) => media.id)).toEqual([fresh[0]?.id]);
    // The day-old media are past the 24 hours: nothing comes after the fresh ones.
    expect(second.body.paging).not.toHaveProperty('next');
  });

  it('refuses username and other fields it does not return, and pages at most 50', async () => {
    ig.seedHashtagMedia('#acme', 60);
    const id = await idOf('acme');
    expect((await recent(id, { fields: 'id,username' })).status).toBe(400);
    expect((await recent(id, { fields: 'id,owner' })).status).toBe(400);
    expect(((await recent(id, { limit: '100' })).body.data as Json[]).length).toBe(50);
    expect(((await recent(id)).body.data as Json[])[0]).toEqual({ id: expect.any(String) });
  });

  it('counts the hashtag it reads against the 30 of the user', async () => {
    ig.seedHashtagMedia('#acme', 1);
    const id = await idOf('acme');
    ig.seedSearchedHashtags(
      bob.account.id,
      Array.from({ length: 30 }, (_, index) => `tag${index}`),
    );
    expect((await recent(id, {}, bob)).status).toBe(400);
    expect((await recent('17800000000000000')).status).toBe(400);
  });
});
