import { describe, expect, it } from 'vitest';
import type { InstagramSimulatorAccount } from '../../src/mocks/index.js';
import { graphGet, type Json, useInstagramSimulators } from './support.js';

let ana: InstagramSimulatorAccount;
let bob: InstagramSimulatorAccount;
let brand: InstagramSimulatorAccount;
let loginBrand: InstagramSimulatorAccount;
const { ig, igLogin } = useInstagramSimulators(() => {
  ana = ig.addAccount('ana', { followers: 40 });
  bob = ig.addAccount('bob');
  brand = ig.addAccount('brand', { followers: 1200 });
  loginBrand = igLogin.addAccount('brand', { followers: 1200 });
});

/** A GET with `as`'s token in a Bearer header. */
const get = (
  path: string,
  params: Record<string, string>,
  as: InstagramSimulatorAccount,
  base = ig.baseUrl,
) => graphGet(path, params, as, base);

const DEMOGRAPHICS = { metric: 'follower_demographics', period: 'lifetime', metric_type: 'total_value' };
const demographics = (params: Record<string, string>, as = brand, base = ig.baseUrl) =>
  get(`/${as.account.id}/insights`, { ...DEMOGRAPHICS, ...params }, as, base);
const discover = (fields: string, as = ana, base = ig.baseUrl) =>
  get(`/${as.account.id}`, { fields }, as, base);
const errorOf = (body: Json) => body.error as Json;

describe('follower_demographics', () => {
  it('answers one breakdown as Meta shapes it, on either host', async () => {
    ig.seedFollowerDemographics(brand.account.id, { gender: { M: 500, F: 600, U: 20 } });
    const { status, body } = await demographics({ breakdown: 'gender' });
    expect(status).toBe(200);
    expect(body).toEqual({
      data: [
        {
          name: 'follower_demographics',
          period: 'lifetime',
          title: 'Follower demographics',
          description: expect.any(String),
          total_value: {
            breakdowns: [
              {
                dimension_keys: ['gender'],
                results: [
                  { dimension_values: ['F'], value: 600 },
                  { dimension_values: ['M'], value: 500 },
                  { dimension_values: ['U'], value: 20 },
                ],
              },
            ],
          },
          id: `${brand.account.id}/insights/follower_demographics/lifetime`,
        },
      ],
    });
    const login = await demographics(
      { breakdown: 'age', timeframe: 'this_month' },
      loginBrand,
      igLogin.baseUrl,
    );
    expect(login.status).toBe(200);
  });

  it('refuses what the metric does not take with a 100', async () => {
    for (const params of [
      { breakdown: 'age', period: 'day' },
      { breakdown: 'age', metric_type: 'time_series' },
      { breakdown: 'age', timeframe: 'last_30_days' },
      { breakdown: 'age,gender' },
      { breakdown: 'language' },
      {},
      { breakdown: 'age', metric: 'reach' },
    ]) {
      const { status, body } = await demographics(params);
      expect([status, errorOf(body).code], JSON.stringify(params)).toEqual([400, 100]);
    }
  });

  it('has nothing for an account under 100 followers, and shows no other account’s', async () => {
    const small = await demographics({ breakdown: 'age' }, ana);
    expect([small.status, errorOf(small.body).code]).toEqual([400, 100]);
    expect(errorOf(small.body).message).toContain('100 followers');
    const other = await get(`/${brand.account.id}/insights`, { ...DEMOGRAPHICS, breakdown: 'age' }, bob);
    expect([other.status, errorOf(other.body).error_subcode]).toEqual([400, 33]);
  });
});

describe('business_discovery', () => {
  it('answers the target’s public fields beside the asking account’s own id', async () => {
    const rival = ig.addBusinessAccount('rival', { name: 'Rival', followers: 900, follows: 12 });
    const { status, body } = await discover(
      'business_discovery.username(rival){username,name,followers_count,follows_count,media_count}',
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      id: ana.account.id,
      business_discovery: {
        id: rival.id,
        username: 'rival',
        name: 'Rival',
        followers_count: 900,
        follows_count: 12,
        media_count: 0,
      },
    });
  });

  it('pages the media newest first with cursors and a next link that repeats the request', async () => {
    ig.addBusinessAccount('rival', { posts: 5, postEveryMs: 60_000 });
    const first = await discover(
      'business_discovery.username(rival){media.limit(2){id,timestamp,like_count}}',
    );
    const media = (first.body.business_discovery as Json).media as Json;
    const data = media.data as Json[];
    expect(data.map((item) => item.timestamp)).toEqual([
      '2026-11-22T12:00:00+0000',
      '2026-11-22T11:59:00+0000',
    ]);
    const paging = media.paging as { cursors: { after: string }; next: string };
    expect(new URL(paging.next).searchParams.get('fields')).toBe(
      `business_discovery.username(rival){media.limit(2).after(${paging.cursors.after}){id,timestamp,like_count}}`,
    );
    const last = await discover(
      `business_discovery.username(rival){media.after(${paging.cursors.after}).limit(5){id}}`,
    );
    const rest = (last.body.business_discovery as Json).media as Json as { data: Json[]; paging: Json };
    expect(rest.data).toHaveLength(3);
    expect(rest.paging.next).toBeUndefined();
  });

  it('answers 110 / 2207013 for a personal account and an unknown username', async () => {
    ig.sim.addAccount({ handle: 'a_fan', followers: 3 });
    for (const username of ['a_fan', 'nobody']) {
      const { status, body } = await discover(`business_discovery.username(${username}){followers_count}`);
      expect(status).toBe(400);
      expect(errorOf(body)).toMatchObject({
        message: 'Invalid user id',
        code: 110,
        error_subcode: 2207013,
        error_user_title: 'Cannot find User',
      });
    }
  });

  it('refuses fields that are not public, another account’s node, and Instagram Login', async () => {
    ig.addBusinessAccount('rival', { posts: 1 });
    for (const fields of [
      'business_discovery.username(rival){shopping_product_tag_eligibility}',
      'business_discovery.username(rival){media{insights}}',
      'business_discovery{followers_count}',
    ]) {
      const { status, body } = await discover(fields);
      expect([status, errorOf(body).code], fields).toEqual([400, 100]);
    }
    const other = await get(`/${ana.account.id}`, { fields: 'business_discovery.username(rival){id}' }, bob);
    expect(errorOf(other.body).error_subcode).toBe(33);
    const login = await discover('business_discovery.username(brand){id}', loginBrand, igLogin.baseUrl);
    expect([login.status, errorOf(login.body).code]).toEqual([400, 100]);
  });
});
