import { RestliClient } from 'linkedin-api-client';
import { describe, expect, it } from 'vitest';
import { postBody, useLinkedIn } from './support/harness.js';

// The simulator must take requests exactly as LinkedIn's own client sends them: Rest.li 2.0
// encoding of path keys, `X-RestLi-Method`, `LinkedIn-Version`, and the created id read from
// `x-restli-id` (npm `linkedin-api-client`, the official JavaScript client).

const h = useLinkedIn();
const versionString = '202610';

describe('the official linkedin-api-client against the simulator', () => {
  const client = new RestliClient();

  it('creates a post, reads it, comments on it and deletes it', async () => {
    const accessToken = h.ana.accessToken;
    const created = await client.create({
      resourcePath: '/posts',
      entity: postBody(h.ana.account.id, 'Posted with the official client \\(really\\)'),
      accessToken,
      versionString,
    });
    expect(created.status).toBe(201);
    const urn = String(created.createdEntityId);
    expect(urn).toMatch(/^urn:li:share:\d+$/);
    expect(h.linkedin.sim.posts.get(urn)?.text).toBe('Posted with the official client (really)');

    const read = await client.get({
      resourcePath: '/posts/{id}',
      pathKeys: { id: urn },
      accessToken,
      versionString,
    });
    expect(read.data).toMatchObject({ id: urn, author: h.ana.account.id, visibility: 'PUBLIC' });

    const comment = await client.create({
      resourcePath: '/socialActions/{id}/comments',
      pathKeys: { id: urn },
      entity: { actor: h.ana.account.id, object: urn, message: { text: 'First!' } },
      accessToken,
      versionString,
    });
    expect(comment.status).toBe(201);
    expect(String(comment.createdEntityId)).toMatch(/^urn:li:comment:\(urn:li:share:\d+,\d+\)$/);
    expect(comment.data).toMatchObject({ actor: h.ana.account.id, object: urn, message: { text: 'First!' } });
    expect(h.linkedin.sim.posts.get(String(comment.createdEntityId))?.inReplyToId).toBe(urn);

    const deleted = await client.delete({
      resourcePath: '/posts/{id}',
      pathKeys: { id: urn },
      accessToken,
      versionString,
    });
    expect(deleted.status).toBe(204);
    expect(h.linkedin.sim.posts.get(urn)).toBeUndefined();

    // Every call went through the simulator's checks: the client's headers were accepted.
    const methods = h.linkedin.sim.log.entries.map((entry) => [
      entry.route,
      entry.headers['x-restli-method'],
      entry.status,
    ]);
    expect(methods).toEqual([
      ['POST /rest/posts', 'create', 201],
      ['GET /rest/posts/:urn', 'get', 200],
      ['POST /rest/socialActions/:target/comments', 'create', 201],
      ['DELETE /rest/posts/:urn', 'delete', 204],
    ]);
  });

  it('likes a comment and takes the like back', async () => {
    const accessToken = h.ana.accessToken;
    const actor = h.ana.account.id;
    const post = h.linkedin.addPost(actor, 'A post with a comment');
    const [comment] = h.linkedin.seedComments(post, 1);
    const root = comment?.id ?? '';

    const created = await client.create({
      resourcePath: '/reactions',
      queryParams: { actor },
      entity: { root, reactionType: 'LIKE' },
      accessToken,
      versionString,
    });
    expect(created.status).toBe(201);
    expect(String(created.createdEntityId)).toBe(`urn:li:reaction:(${actor},${root})`);
    expect(h.linkedin.reactionsOn(root)).toMatchObject([{ actor, reactionType: 'LIKE' }]);

    const deleted = await client.delete({
      resourcePath: '/reactions/{id}',
      pathKeys: { id: { actor, entity: root } },
      accessToken,
      versionString,
    });
    expect(deleted.status).toBe(204);
    expect(h.linkedin.reactionsOn(root)).toEqual([]);
  });

  it('finds the member’s posts by author, and gets the refusal for another member’s', async () => {
    const older = h.linkedin.addPost(h.ana.account.id, 'Older');
    const newer = h.linkedin.addPost(h.ana.account.id, 'Newer');
    const found = await client.finder({
      resourcePath: '/posts',
      finderName: 'author',
      queryParams: { author: h.ana.account.id, start: 0, count: 5, sortBy: 'LAST_MODIFIED' },
      accessToken: h.ana.accessToken,
      versionString,
    });
    expect(found.status).toBe(200);
    expect(found.data.elements.map((post) => post.id)).toEqual([newer, older]);
    expect(found.data.paging).toMatchObject({ start: 0, count: 5, total: 2 });

    const other = h.linkedin.addMember('other');
    const error: unknown = await client
      .finder({
        resourcePath: '/posts',
        finderName: 'author',
        queryParams: { author: other.account.id },
        accessToken: h.ana.accessToken,
        versionString,
      })
      .catch((caught: unknown) => caught);
    expect((error as { response?: { status?: number; data?: unknown } }).response).toMatchObject({
      status: 403,
      data: { code: 'ACCESS_DENIED', serviceErrorCode: 100 },
    });
  });

  it('posts as the Page for a content administrator, and gets the refusal for an analyst', async () => {
    const scopes = ['w_organization_social', 'r_organization_social'];
    const contentAdmin = h.linkedin.addMember('content_admin', { scopes });
    const analyst = h.linkedin.addMember('analyst', { scopes });
    h.linkedin.setOrganizationRoles(h.acme, contentAdmin.account.id, ['CONTENT_ADMINISTRATOR']);
    h.linkedin.setOrganizationRoles(h.acme, analyst.account.id, ['ANALYST']);

    const created = await client.create({
      resourcePath: '/posts',
      entity: postBody(h.acme, 'From our content admin'),
      accessToken: contentAdmin.accessToken,
      versionString,
    });
    expect(created.status).toBe(201);
    expect(h.linkedin.postOf(String(created.createdEntityId))?.author).toBe(h.acme);

    const error: unknown = await client
      .create({
        resourcePath: '/posts',
        entity: postBody(h.acme, 'From our analyst'),
        accessToken: analyst.accessToken,
        versionString,
      })
      .catch((caught: unknown) => caught);
    expect((error as { response?: { status?: number; data?: unknown } }).response).toMatchObject({
      status: 403,
      data: {
        code: 'ACCESS_DENIED',
        serviceErrorCode: 100,
        message: expect.stringContaining('processing fields [/author]'),
      },
    });
  });

  it('gets LinkedIn’s error answers through the client', async () => {
    const error: unknown = await client
      .get({
        resourcePath: '/posts/{id}',
        pathKeys: { id: 'urn:li:share:1' },
        accessToken: h.ana.accessToken,
        versionString: '202301',
      })
      .catch((caught: unknown) => caught);
    expect((error as { response?: { status?: number; data?: unknown } }).response).toMatchObject({
      status: 426,
      data: { code: 'NONEXISTENT_VERSION' },
    });
  });
});

describe('share statistics through the official linkedin-api-client', () => {
  const client = new RestliClient();

  it('reads the lists as the client encodes them, and refuses time-bound statistics, which it does not simulate', async () => {
    const accessToken = h.ana.accessToken;
    const share = h.linkedin.addPost(h.acme, 'An organization post');
    const base = { organizationalEntity: h.acme, shares: [share] };
    const lifetime = await client.finder({
      resourcePath: '/organizationalEntityShareStatistics',
      finderName: 'organizationalEntity',
      queryParams: base,
      accessToken,
      versionString,
    });
    expect(lifetime.data.elements).toMatchObject([{ share, totalShareStatistics: { commentCount: 0 } }]);

    const error: unknown = await client
      .finder({
        resourcePath: '/organizationalEntityShareStatistics',
        finderName: 'organizationalEntity',
        queryParams: {
          ...base,
          timeIntervals: {
            timeRange: { start: 1_700_000_000_000, end: 1_700_086_400_000 },
            timeGranularityType: 'DAY',
          },
        },
        accessToken,
        versionString,
      })
      .catch((caught: unknown) => caught);
    expect((error as { response?: { status?: number; data?: unknown } }).response).toMatchObject({
      status: 400,
      data: { message: expect.stringContaining('/timeIntervals') },
    });
    const [, timeBound] = h.linkedin.sim.log.forRoute('GET /rest/organizationalEntityShareStatistics');
    // Rest.li 2.0's object notation, as the client writes it.
    expect(timeBound?.url).toContain(
      'timeIntervals=(timeRange:(start:1700000000000,end:1700086400000),timeGranularityType:DAY)',
    );
  });

  it('refuses a post the organization did not publish, naming its place in the list', async () => {
    const own = h.linkedin.addPost(h.acme, 'An organization post');
    const members = h.linkedin.addPost(h.ana.account.id, 'A member post');
    const error: unknown = await client
      .finder({
        resourcePath: '/organizationalEntityShareStatistics',
        finderName: 'organizationalEntity',
        queryParams: { organizationalEntity: h.acme, shares: [own, members] },
        accessToken: h.ana.accessToken,
        versionString,
      })
      .catch((caught: unknown) => caught);
    expect((error as { response?: { status?: number; data?: unknown } }).response).toMatchObject({
      status: 403,
      data: { code: 'ACCESS_DENIED', message: expect.stringContaining('[/shares[1]]') },
    });
  });
});
