import { AuthError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, useLinkedIn } from '../support/harness.js';

// GET /rest/posts?q=author (Posts API, "Find Posts by Authors",
// https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api):
// an organization's posts need r_organization_social and a role on it; a member's, r_member_social
// and being that member. Anything else is LinkedIn's 403 ACCESS_DENIED.

const h = useLinkedIn();
const API = 'https://api.linkedin.com/rest';

/** GETs the posts of `author` with `token` (ana's unless given), with the headers LinkedIn requires. */
async function findByAuthor(author: string, token = h.ana.accessToken, query = '') {
  const response = await fetch(`${API}/posts?q=author&author=${encodeURIComponent(author)}${query}`, {
    headers: {
      authorization: `Bearer ${token}`,
      'linkedin-version': '202610',
      'x-restli-protocol-version': '2.0.0',
    },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** POSTs a post to the Posts API as ana: `fields` on top of a public main-feed post by `author`. */
async function createAs(author: string, fields: Record<string, unknown>) {
  const response = await fetch(`${API}/posts`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${h.ana.accessToken}`,
      'content-type': 'application/json',
      'linkedin-version': '202610',
      'x-restli-protocol-version': '2.0.0',
    },
    body: JSON.stringify({
      author,
      commentary: '',
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      ...fields,
    }),
  });
  return { status: response.status, id: response.headers.get('x-restli-id') ?? '' };
}

const ids = (body: Record<string, unknown>) => (body.elements as { id: string }[]).map((post) => post.id);

const DENIED = {
  status: 403,
  serviceErrorCode: 100,
  code: 'ACCESS_DENIED',
  message: 'Not enough permissions to access: partnerApiPostsExternal.FINDER-author',
};

describe('find posts by author', () => {
  it('lists the member’s own posts with r_member_social, and refuses a token without it', async () => {
    const post = h.linkedin.addPost(h.ana.account.id, 'Mine');
    const own = await findByAuthor(h.ana.account.id);
    expect(own.status).toBe(200);
    expect(ids(own.body)).toEqual([post]);

    const writer = h.linkedin.addMember('writer', { scopes: ['w_member_social', 'r_organization_social'] });
    h.linkedin.addPost(writer.account.id, 'Written, not readable');
    const refused = await findByAuthor(writer.account.id, writer.accessToken);
    expect(refused).toEqual({ status: 403, body: DENIED });
  });

  it('refuses another member’s posts, even with r_member_social', async () => {
    const other = h.linkedin.addMember('other');
    h.linkedin.addPost(other.account.id, 'Not yours');
    expect(await findByAuthor(other.account.id)).toEqual({ status: 403, body: DENIED });
    // The seeded fans' too: LinkedIn lets no app read a stranger's posts.
    const [fanPost] = h.linkedin.sim.seedFanPosts(1);
    expect(await findByAuthor(h.linkedin.postOf(fanPost?.id ?? '')?.author ?? '')).toEqual({
      status: 403,
      body: DENIED,
    });
  });

  it('lists an organization’s posts for a member with a role on it and r_organization_social', async () => {
    const post = h.linkedin.addPost(h.acme, 'Company news');
    const admin = await findByAuthor(h.acme);
    expect(admin.status).toBe(200);
    expect(ids(admin.body)).toEqual([post]);

    // An admin whose token has no r_organization_social (writing as the page, reading as themself).
    const poster = h.linkedin.addMember('poster', { scopes: ['w_organization_social', 'r_member_social'] });
    const org = h.linkedin.addOrganization('Posters Inc', [poster.account.id]);
    h.linkedin.addPost(org, 'Posted, not readable');
    expect(await findByAuthor(org, poster.accessToken)).toEqual({ status: 403, body: DENIED });

    // The scope without a role on the organization.
    const outsider = h.linkedin.addMember('outsider', { scopes: ['r_organization_social'] });
    expect(await findByAuthor(h.acme, outsider.accessToken)).toEqual({ status: 403, body: DENIED });
    // An organization nobody administers.
    expect(await findByAuthor('urn:li:organization:999999999')).toEqual({ status: 403, body: DENIED });
  });

  it('pages with start and count, at most 100 a page, and refuses what Rest.li refuses', async () => {
    const posts = Array.from({ length: 3 }, (_, index) => {
      h.clock.advance(1_000);
      return h.linkedin.addPost(h.ana.account.id, `Post ${index}`);
    }).reverse();
    const page = await findByAuthor(h.ana.account.id, undefined, '&start=1&count=1');
    expect(page.status).toBe(200);
    expect(ids(page.body)).toEqual([posts[1]]);
    expect(page.body.paging).toEqual({ start: 1, count: 1, total: 3 });
    // Defaults 0 and 10 when absent or blank; 100 is the documented maximum; 0 is a page of none.
    expect((await findByAuthor(h.ana.account.id, undefined, '&start=&count=')).body.paging).toEqual({
      start: 0,
      count: 10,
      total: 3,
    });
    expect((await findByAuthor(h.ana.account.id, undefined, '&count=100')).status).toBe(200);
    const none = await findByAuthor(h.ana.account.id, undefined, '&count=0');
    expect([none.status, ids(none.body)]).toEqual([200, []]);
    // Past the end: no elements, still the total.
    const past = await findByAuthor(h.ana.account.id, undefined, '&start=50');
    expect([past.status, ids(past.body), past.body.paging]).toEqual([
      200,
      [],
      { start: 50, count: 10, total: 3 },
    ]);

    const refused = async (query: string) => (await findByAuthor(h.ana.account.id, undefined, query)).body;
    const badRequest = (message: string) => ({ status: 400, serviceErrorCode: 100, message });
    expect(await refused('&count=101')).toEqual(badRequest('count must not exceed 100'));
    for (const query of ['&start=-1', '&count=-5'])
      expect(await refused(query)).toEqual(badRequest('start/count parameters must be non-negative'));
    for (const query of ['&count=ten', '&start=1.5', '&count=1e2', '&start=99999999999'])
      expect(await refused(query)).toEqual(badRequest('Invalid (non-integer) start/count parameters'));
    // A caller without the permission is refused before its paging is read.
    const writer = h.linkedin.addMember('writer', { scopes: ['w_member_social'] });
    expect((await findByAuthor(writer.account.id, writer.accessToken, '&count=500')).status).toBe(403);
  });

  it('keeps a reshare with its parent and the root of the chain, and refuses one of nothing', async () => {
    const original = h.linkedin.addPost(h.ana.account.id, 'Our launch');
    const first = await createAs(h.ana.account.id, { reshareContext: { parent: original } });
    const second = await createAs(h.ana.account.id, { reshareContext: { parent: first.id } });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(h.linkedin.postOf(second.id)?.reshareContext).toEqual({ parent: first.id, root: original });
    expect(h.linkedin.postOf(original)?.reshareContext).toBeUndefined();
    const bad = await createAs(h.ana.account.id, { reshareContext: { parent: 'urn:li:activity:1' } });
    expect(bad.status).toBe(400);
  });

  it('never takes a reshare without commentary for a lost post without text', async () => {
    // smmkit creates no reshares; one shows no text, as a media-only post does.
    const original = h.linkedin.addPost(h.ana.account.id, 'Our launch');
    h.clock.advance(60_000);
    const since = new Date(h.clock.now() - 1_000);
    const reshare = await createAs(h.ana.account.id, { reshareContext: { parent: original } });
    expect(reshare.status).toBe(201);
    const found = await h.adapter().findRecentPosts({ since, text: '' }, h.context());
    expect(found).toEqual([]);
  });

  it('lets the adapter find recent posts with the read scope, and names the scope it lacks', async () => {
    const adapter = h.adapter({ author: h.acme });
    const published = await adapter.publish({ text: 'As Acme' }, h.context());
    const found = await adapter.findRecentPosts({ since: new Date(h.clock.now() - 60_000) }, h.context());
    expect(found.map((post) => post.ref.platformPostId)).toEqual([published.ref.platformPostId]);

    const writer = h.linkedin.addMember('writer', { scopes: ['w_member_social'] });
    const error = await failureOf(
      h.adapter().findRecentPosts({ since: new Date(h.clock.now() - 60_000) }, h.context({}, writer)),
      h.linkedin,
    );
    expect(AuthError.isInstance(error) && error.code).toBe('auth_missing_scope');
    expect(`${error.message} ${error.hint ?? ''}`).toContain('r_member_social');
  });
});
