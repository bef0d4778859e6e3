import { PlatformError, type PublicAccountQuery, ValidationError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import type { InstagramAdapter } from '../src/index.js';
import { DAY, failureOf, ROUTES, START, useInstagram } from './support/harness.js';

const h = useInstagram();
const { ig } = h;

/** The adapter's `lookupPublicAccount`, which the facebook host declares. */
function lookup(query: PublicAccountQuery, adapter: InstagramAdapter = h.adapter()) {
  const method = adapter.lookupPublicAccount;
  if (method === undefined) throw new Error('expected lookupPublicAccount');
  return method.call(adapter, query, h.context());
}

/** The `fields` parameter of each Graph node read, in order. */
const fieldsSent = () => h.queries(ROUTES.node).map((query) => query.get('fields'));

describe('lookupPublicAccount (business discovery)', () => {
  it('reads a business account’s counts and recent media as samples of that account', async () => {
    const rival = ig.addBusinessAccount('rivalcoffee', {
      name: 'Rival Coffee',
      followers: 5400,
      follows: 120,
      posts: 3,
      commentsPerPost: 2,
    });
    const account = await lookup({ handle: '@rivalcoffee' });

    expect(account).toMatchObject({
      platform: 'instagram',
      accountId: rival.id,
      handle: 'rivalcoffee',
      name: 'Rival Coffee',
      observedAt: new Date(START),
    });
    const accountSamples = account.samples.filter((sample) => sample.scope === 'account');
    expect(accountSamples.map((sample) => [sample.metric, sample.rawName, sample.value])).toEqual([
      ['followers', 'followers_count', 5400],
      ['following', 'follows_count', 120],
      ['posts_count', 'media_count', 3],
    ]);
    // Newest first, with caption, time and permalink; each post's likes and comments are samples of the rival.
    expect(account.posts.map((post) => post.text)).toEqual([
      'Rival Coffee: post 3',
      'Rival Coffee: post 2',
      'Rival Coffee: post 1',
    ]);
    expect(account.posts.map((post) => post.createdAt)).toEqual([
      new Date(START),
      new Date(START - DAY),
      new Date(START - 2 * DAY),
    ]);
    expect(account.posts[0]?.url).toMatch(/^https:\/\/www\.instagram\.com\/p\/[A-Z0-9]+\/$/);
    const oldest = account.posts[2]?.platformPostId;
    const postSamples = account.samples.filter((sample) => sample.platformPostId === oldest);
    expect(postSamples.map((sample) => [sample.metric, sample.rawName, sample.accountId])).toEqual([
      ['likes', 'like_count', rival.id],
      ['comments', 'comments_count', rival.id],
    ]);
    expect(postSamples[0]?.value).toBeGreaterThan(0);
    expect(postSamples[1]?.value).toBe(2);
    // One request, asked of the app's own account, with the username written into the field.
    expect(h.requests(ROUTES.node).map((entry) => new URL(entry.url).pathname)).toEqual([
      `/v26.0/${h.ana.account.id}`,
    ]);
    expect(fieldsSent()).toEqual([
      'business_discovery.username(rivalcoffee){id,username,name,followers_count,follows_count,media_count,media.limit(25){id,caption,timestamp,like_count,comments_count,permalink,media_type}}',
    ]);
  });

  it('pages the media with after cursors up to the limit', async () => {
    ig.addBusinessAccount('rivalcoffee', { posts: 120, postEveryMs: 60_000 });
    const account = await lookup({ handle: 'rivalcoffee', limit: 110 });

    expect(account.posts).toHaveLength(110);
    const times = account.posts.map((post) => post.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(account.posts.map((post) => post.platformPostId)).size).toBe(110);
    const sent = fieldsSent();
    expect(sent).toHaveLength(3);
    expect(sent[1]).toMatch(
      /^business_discovery\.username\(rivalcoffee\)\{media\.after\([\w-]+\)\.limit\(50\)\{/,
    );
    expect(sent[2]).toMatch(/media\.after\([\w-]+\)\.limit\(10\)/);
    // The account's counts are read once.
    expect(account.samples.filter((sample) => sample.scope === 'account')).toHaveLength(3);
  });

  it('stops at the first media older than since, and at the last page', async () => {
    ig.addBusinessAccount('rivalcoffee', { posts: 10 });
    const recent = await lookup({ handle: 'rivalcoffee', since: new Date(START - 3 * DAY) });
    expect(recent.posts).toHaveLength(4);
    expect(h.requests(ROUTES.node)).toHaveLength(1);

    const all = await lookup({ handle: 'rivalcoffee', limit: 500 });
    expect(all.posts).toHaveLength(10);
    expect(h.requests(ROUTES.node)).toHaveLength(2);
  });

  it('says no Business or Creator account has the username, for a personal account or nobody', async () => {
    ig.sim.addAccount({ handle: 'ana_friend', followers: 80 });
    for (const handle of ['ana_friend', 'nobody_here']) {
      const error = await failureOf(lookup({ handle }), ig);
      expect(PlatformError.isInstance(error) && error.code).toBe('not_found');
      expect(error.message).toContain(`@${handle}`);
      expect(error.message).toContain('Business or Creator');
      expect(error.platformError).toMatchObject({ code: 110, subcode: 2207013 });
    }
  });

  it('refuses a handle that cannot be an Instagram username before any request', async () => {
    for (const handle of ['', '@', 'rival){id}', 'has space', 'a'.repeat(31)]) {
      const error = await failureOf(lookup({ handle }), ig);
      expect(ValidationError.isInstance(error) && error.problems[0]?.rule, handle).toBe('handle.invalid');
    }
    expect(ig.sim.log.entries).toHaveLength(0);
  });

  it('is declared and offered with Facebook Login only', () => {
    const facebook = h.adapter();
    expect(facebook.capabilities.research).toMatchObject({ publicAccounts: true });
    const instagram = h.adapter({ host: 'instagram' });
    expect(instagram.lookupPublicAccount).toBeUndefined();
    expect(instagram.capabilities.research?.publicAccounts).toBe(false);
    expect(instagram.capabilities.research?.unavailable?.publicAccounts).toMatch(
      /Facebook Login \(https:\/\/developers\.facebook\.com\//,
    );
    expect(facebook.capabilities.rateLimits.operations?.research).toEqual(['graph']);
  });
});
