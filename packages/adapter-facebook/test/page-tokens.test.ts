import { AuthError, PlatformError, staticTokenProvider, ValidationError } from '@smmkit/core';
import { graphError } from '@smmkit/graph-api/mocks';
import { failureOf } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { discoverFacebookPages, facebookPageTokens } from '../src/index.js';
import { photo, ROUTES, useFacebook } from './support/harness.js';

const h = useFacebook();
const ACCOUNTS = 'GET /:version/:userId/accounts';
const PERMISSIONS = 'GET /:version/:userId/permissions';
const acmeId = h.acme.account.id;
const otherId = h.other.account.id;
// ana administers acme; on other she may only read insights and moderate.
const ana = h.facebook.addUser('ana', {
  pages: [{ pageId: acmeId }, { pageId: otherId, tasks: ['ANALYZE', 'MODERATE'] }],
});
// bo has a role on acme but declined pages_manage_posts in the Login dialog.
const bo = h.facebook.addUser('bo', {
  pages: [{ pageId: acmeId }],
  granted: ['pages_show_list', 'pages_read_engagement'],
  declined: ['pages_manage_posts'],
});
const secrets = () => h.facebook.sim.tokens.allIssued();

/** A provider of ana's (or another user's) Page token for `pageId` on the simulator. */
const pageTokens = (
  pageId = acmeId,
  userAccessToken: Parameters<typeof facebookPageTokens>[0]['userAccessToken'] = ana.accessToken,
  extra: Partial<Parameters<typeof facebookPageTokens>[0]> = {},
) => facebookPageTokens({ pageId, userAccessToken, baseUrl: h.facebook.baseUrl, ...extra });

describe('facebookPageTokens', () => {
  it('finds the Page token with the user token, posts with it, and keeps it for later calls', async () => {
    const tokens = pageTokens();
    const adapter = h.adapter();
    const first = await adapter.publish(
      { text: 'Posted with a discovered Page token' },
      h.context({ tokens }),
    );
    await adapter.publish({ text: 'And again' }, h.context({ tokens }));
    expect(h.facebook.sim.posts.get(first.ref.platformPostId)?.accountId).toBe(acmeId);
    // The feed takes only acme's own token: the provider hands out a Page token, not ana's user token.
    const token = await tokens.getAccessToken();
    expect(h.facebook.sim.tokens.check(token)).toMatchObject({ status: 'valid', accountId: acmeId });
    expect(token).not.toBe(ana.accessToken);
    // One discovery: /me/accounts and /me/permissions once each for both posts.
    expect(h.facebook.sim.log.forRoute(ACCOUNTS)).toHaveLength(1);
    expect(h.facebook.sim.log.forRoute(PERMISSIONS)).toHaveLength(1);
    const query = new URL(h.facebook.sim.log.forRoute(ACCOUNTS)[0]?.url ?? '').searchParams;
    expect(query.get('fields')).toBe('id,name,access_token,tasks');
    expect(query.has('access_token')).toBe(false);
  });

  it('shares one discovery among concurrent callers', async () => {
    const tokens = pageTokens();
    const all = await Promise.all([
      tokens.getAccessToken(),
      tokens.getAccessToken(),
      tokens.getAccessToken(),
    ]);
    expect(new Set(all).size).toBe(1);
    expect(h.facebook.sim.log.forRoute(ACCOUNTS)).toHaveLength(1);
  });

  it('reads on through the pages of /me/accounts until it finds the Page', async () => {
    const many = Array.from({ length: 27 }, (_, index) => h.facebook.addPage(`shop-${index}`).account.id);
    const manager = h.facebook.addUser('cy', { pages: many.map((pageId) => ({ pageId })) });
    const last = many.at(-1) ?? '';
    const token = await pageTokens(last, manager.accessToken).getAccessToken();
    expect(h.facebook.sim.tokens.check(token)).toMatchObject({ status: 'valid', accountId: last });
    const requests = h.facebook.sim.log.forRoute(ACCOUNTS);
    expect(requests).toHaveLength(2);
    expect(new URL(requests[1]?.url ?? '').searchParams.get('after')).not.toBeNull();
  });

  it('takes the user token from a provider too', async () => {
    const token = await pageTokens(acmeId, { getAccessToken: async () => ana.accessToken }).getAccessToken();
    expect(h.facebook.sim.tokens.check(token)).toMatchObject({ status: 'valid', accountId: acmeId });
  });

  it('refuses a Page the user does not manage, saying to log in again and select it; nothing is posted', async () => {
    const stranger = h.facebook.addPage('stranger').account.id;
    const error = await failureOf(
      h.adapter().publish({ text: 'Not mine' }, h.context({ tokens: pageTokens(stranger) })),
      { secrets },
    );
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.code).toBe('auth_missing_scope');
    expect(error.platform).toBe('facebook');
    expect(error.message).toContain(`Facebook Page ${stranger} is not among the Pages`);
    expect(error.message).toContain('lists 2 other Pages');
    expect(error.hint).toMatch(/role on .* and choose it in the Facebook Login dialog/);
    expect(h.facebook.sim.log.forRoute(ROUTES.feed)).toHaveLength(0);
  });

  it('refuses a Page on which the user lacks CREATE_CONTENT, naming the task and the tasks they have', async () => {
    const error = await failureOf(pageTokens(otherId).getAccessToken(), { secrets });
    expect(error.code).toBe('auth_missing_scope');
    expect(error.message).toBe(
      `Cannot use Facebook Page "other" (${otherId}): the user lacks the task CREATE_CONTENT on it (they have: ANALYZE, MODERATE). To fix it, a Page admin must give the user a role with CREATE_CONTENT.`,
    );
  });

  it('refuses when the app was not granted pages_manage_posts, saying it was declined', async () => {
    const error = await failureOf(pageTokens(acmeId, bo.accessToken).getAccessToken(), { secrets });
    expect(error.code).toBe('auth_missing_scope');
    expect(error.message).toContain('the app was not granted pages_manage_posts (declined)');
    expect(error.hint).toBe('To fix it, the user must log in again and grant pages_manage_posts.');
  });

  it('names every missing task and permission at once', async () => {
    const error = await failureOf(
      pageTokens(otherId, ana.accessToken, {
        requiredPermissions: ['pages_manage_posts', 'business_management'],
      }).getAccessToken(),
      { secrets },
    );
    expect(error.message).toContain('the user lacks the task CREATE_CONTENT on it');
    expect(error.message).toContain('the app was not granted business_management');
    expect(error.message).not.toContain('pages_manage_posts');
  });

  it('checks only what it is told to: no tasks and no permissions skip both checks', async () => {
    const token = await pageTokens(otherId, ana.accessToken, {
      requiredTasks: [],
      requiredPermissions: [],
    }).getAccessToken();
    expect(h.facebook.sim.tokens.check(token)).toMatchObject({ status: 'valid', accountId: otherId });
    expect(h.facebook.sim.log.forRoute(PERMISSIONS)).toHaveLength(0);
  });

  it('passes on Meta’s refusal of the user token with what the user must do, and tries again next time', async () => {
    const dan = h.facebook.addUser('dan', { pages: [{ pageId: acmeId }] });
    h.facebook.sim.tokens.revoke({ accessToken: dan.accessToken });
    const tokens = pageTokens(acmeId, dan.accessToken);
    const error = await failureOf(tokens.getAccessToken(), { secrets });
    expect(error.code).toBe('auth_revoked');
    expect(error.platformError).toMatchObject({ code: 190, subcode: 460 });
    expect(error.message).toContain('changed their Facebook password');
    await failureOf(tokens.getAccessToken(), { secrets });
    expect(h.facebook.sim.log.forRoute(ACCOUNTS)).toHaveLength(2);
  });

  it('rediscovers the Page token once after Meta rejects it as expired, and posts', async () => {
    const tokens = pageTokens();
    const before = await tokens.getAccessToken();
    h.facebook.sim.tokens.expire(before);
    const result = await h.adapter().publish({ text: 'After a new Page token' }, h.context({ tokens }));
    expect(h.facebook.sim.posts.get(result.ref.platformPostId)).toBeDefined();
    const after = await tokens.getAccessToken();
    expect(after).not.toBe(before);
    expect(h.facebook.sim.log.forRoute(ACCOUNTS)).toHaveLength(2);
  });

  it('says to log in again when /me/accounts gives back the very token Meta rejected', async () => {
    const tokens = pageTokens();
    // Meta rejects every feed post as expired; the Page token itself stays listed.
    const rejecting: typeof fetch = async (input, init) =>
      String(input instanceof Request ? input.url : input).includes('/feed')
        ? graphError({ message: 'Error validating access token', code: 190 })
        : fetch(input, init);
    const error = await failureOf(
      h.adapter({ fetch: rejecting }).publish({ text: 'x' }, h.context({ tokens })),
      {
        secrets,
      },
    );
    expect(error.code).toBe('auth_expired');
    expect(error.message).toContain('gives the same token again');
    expect(error.hint).toContain('log in to the app again');
  });

  it('is refused by Graph when given a Page token instead of a user token', async () => {
    const error = await failureOf(pageTokens(acmeId, h.acme.accessToken).getAccessToken(), { secrets });
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error.platformError).toMatchObject({ code: 100 });
    expect(error.message).toContain('Tried accessing nonexisting field (accounts) on node type (Page)');
  });

  it('is what posting needs: the user token itself is refused by the feed and photos as Meta does (#200)', async () => {
    const context = h.context({ tokens: staticTokenProvider(ana.accessToken) });
    for (const post of [{ text: 'Posted with the user token' }, { media: [photo('loaf')] }]) {
      const error = await failureOf(h.adapter().publish(post, context), { secrets });
      expect(AuthError.isInstance(error)).toBe(true);
      expect(error.code).toBe('auth_missing_scope');
      expect(error.platformError).toMatchObject({ code: 200, type: 'OAuthException' });
      expect(error.message).toContain('pages_manage_posts permission with page token');
    }
    expect(h.facebook.sim.posts.filter(() => true)).toHaveLength(0);
  });

  it('stops a caller whose signal aborts, without cancelling the shared discovery', async () => {
    const tokens = pageTokens();
    const controller = new AbortController();
    const waiting = tokens.getAccessToken({ signal: controller.signal });
    const other = tokens.getAccessToken();
    controller.abort(new Error('caller gave up'));
    await expect(waiting).rejects.toThrow('caller gave up');
    expect(h.facebook.sim.tokens.check(await other)).toMatchObject({ status: 'valid', accountId: acmeId });
  });

  it('refuses a blank Page id and an empty user token when made', () => {
    expect(() => pageTokens(' ')).toThrow(ValidationError);
    expect(() => pageTokens(acmeId, '')).toThrow(AuthError);
    expect(() => pageTokens(acmeId, ana.accessToken, { graphVersion: 'latest' })).toThrow(/graphVersion/);
  });
});

describe('discoverFacebookPages', () => {
  it('lists the user’s Pages with their Page tokens and tasks', async () => {
    const pages = await discoverFacebookPages({
      userAccessToken: ana.accessToken,
      baseUrl: h.facebook.baseUrl,
    });
    expect(pages.map(({ pageId, name, tasks }) => ({ pageId, name, tasks }))).toEqual([
      {
        pageId: acmeId,
        name: 'acme',
        tasks: ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE'],
      },
      { pageId: otherId, name: 'other', tasks: ['ANALYZE', 'MODERATE'] },
    ]);
    for (const page of pages)
      expect(h.facebook.sim.tokens.check(page.pageAccessToken)).toMatchObject({
        status: 'valid',
        accountId: page.pageId,
      });
  });

  it('gives the same Page token each time while it is valid', async () => {
    const options = { userAccessToken: ana.accessToken, baseUrl: h.facebook.baseUrl };
    const [first] = await discoverFacebookPages(options);
    const [again] = await discoverFacebookPages(options);
    expect(again?.pageAccessToken).toBe(first?.pageAccessToken);
  });

  it('reports an expired user token as auth_expired, saying to log in again, quoting no token', async () => {
    const eve = h.facebook.addUser('eve', { pages: [{ pageId: acmeId }] });
    h.facebook.sim.tokens.expire(eve.accessToken);
    const error = await failureOf(
      discoverFacebookPages({ userAccessToken: eve.accessToken, baseUrl: h.facebook.baseUrl }),
      { secrets },
    );
    expect(error.code).toBe('auth_expired');
    expect(error.platformError).toMatchObject({ code: 190, subcode: 463 });
    expect(error.message).toContain('log in to the app again');
  });
});
