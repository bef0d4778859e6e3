import { describe, expect, it } from 'vitest';
import { ORGANIZATION_ROLES, type OrganizationRole } from '../../src/mocks/index.js';
import { postBody, useLinkedIn } from '../support/harness.js';

// A member's role on a LinkedIn Page decides what the member may do for it, operation by
// operation, whatever the token's scopes: the roles are those of the Organization Access Control
// page (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role),
// each operation's those its API page lists:
// posting, uploading and finding posts (Posts API, CONTENT_ADMIN being the ACL's CONTENT_ADMINISTRATOR,
// https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api),
// commenting, reacting and reading them (Comments and Reactions APIs,
// https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api),
// statistics (rw_organization_admin, ADMINISTRATOR only,
// https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics).

const h = useLinkedIn();
const API = 'https://api.linkedin.com/rest';
const ORG_SCOPES = ['w_organization_social', 'r_organization_social', 'rw_organization_admin'];

const POSTERS = ['ADMINISTRATOR', 'DIRECT_SPONSORED_CONTENT_POSTER', 'CONTENT_ADMINISTRATOR'];
const SOCIAL_WRITERS = ['ADMINISTRATOR', 'DIRECT_SPONSORED_CONTENT_POSTER', 'RECRUITING_POSTER'];
const SOCIAL_READERS = ['ADMINISTRATOR', 'DIRECT_SPONSORED_CONTENT_POSTER'];
const STATISTICS_READERS = ['ADMINISTRATOR'];

/** A request to the simulated API with `token` and the headers LinkedIn requires. */
async function call(token: string, path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${API}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'linkedin-version': '202610',
      'x-restli-protocol-version': '2.0.0',
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown> };
}

/** What each operation for Acme answers to a member holding `roles` on it, with every organization scope. */
async function answersTo(roles: readonly OrganizationRole[]) {
  const member = h.linkedin.addMember(`member_${roles.join('_') || 'none'}`, { scopes: ORG_SCOPES });
  h.linkedin.setOrganizationRoles(h.acme, member.account.id, roles);
  const token = member.accessToken;
  const org = encodeURIComponent(h.acme);
  let posts = 0;
  const post = () => h.linkedin.addPost(h.acme, `Company news ${++posts}`);
  const onPost = (urn: string) => encodeURIComponent(urn);
  const deleted = post();
  const commentedOn = post();
  return {
    post: await call(token, '/posts', { method: 'POST', body: postBody(h.acme, 'As the Page') }),
    upload: await call(token, '/images?action=initializeUpload', {
      method: 'POST',
      body: { initializeUploadRequest: { owner: h.acme } },
    }),
    find: await call(token, `/posts?q=author&author=${org}`),
    delete: await call(token, `/posts/${onPost(deleted)}`, { method: 'DELETE' }),
    comment: await call(token, `/socialActions/${onPost(commentedOn)}/comments`, {
      method: 'POST',
      body: { actor: h.acme, object: commentedOn, message: { text: 'Thanks!' } },
    }),
    react: await call(token, `/reactions?actor=${org}`, {
      method: 'POST',
      body: { root: post(), reactionType: 'LIKE' },
    }),
    readComments: await call(token, `/socialActions/${onPost(commentedOn)}/comments`),
    readReactions: await call(token, `/reactions/(entity:${onPost(commentedOn)})?q=entity`),
    shareStatistics: await call(
      token,
      `/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=${org}`,
    ),
    followerStatistics: await call(
      token,
      `/organizationalEntityFollowerStatistics?q=organizationalEntity&organizationalEntity=${org}`,
    ),
    deleted,
    commentedOn,
  };
}

describe('organization roles in the LinkedIn simulator', () => {
  const cases: readonly (readonly [string])[] = [
    ...ORGANIZATION_ROLES.map((role) => [role] as const),
    ['no role'],
  ];
  it.each(cases)('answers each operation for the Page as LinkedIn documents it for %s', async (name) => {
    const roles = name === 'no role' ? [] : [name as OrganizationRole];
    const answers = await answersTo(roles);
    const allowed = (who: readonly string[]) => who.includes(name);
    const refusedField = (opening: string, field: string) => ({
      status: 403,
      body: {
        status: 403,
        serviceErrorCode: 100,
        code: 'ACCESS_DENIED',
        message: `${opening}: Data Processing Exception while processing fields [${field}]`,
      },
    });
    const notEnough = (urn: string) => ({
      status: 403,
      body: { status: 403, message: `Not enough permissions to access ${urn}` },
    });

    expect(answers.post).toEqual(
      allowed(POSTERS)
        ? { status: 201, body: {} }
        : refusedField('Field Value validation failed in REQUEST_BODY', '/author'),
    );
    expect(answers.upload.status === 200 ? answers.upload.status : answers.upload).toEqual(
      allowed(POSTERS)
        ? 200
        : refusedField('Field Value validation failed in REQUEST_BODY', '/initializeUploadRequest/owner'),
    );
    expect(answers.find.status).toBe(allowed(POSTERS) ? 200 : 403);
    expect(answers.delete).toEqual(allowed(POSTERS) ? { status: 204, body: {} } : notEnough(answers.deleted));
    expect(answers.comment.status === 201 ? 201 : answers.comment).toEqual(
      allowed(SOCIAL_WRITERS) ? 201 : refusedField('Field Value validation failed in REQUEST_BODY', '/actor'),
    );
    expect(answers.react.status === 201 ? 201 : answers.react).toEqual(
      allowed(SOCIAL_WRITERS) ? 201 : refusedField('Unpermitted fields present in PARAMETER', '/actor'),
    );
    for (const read of [answers.readComments, answers.readReactions])
      expect(read.status === 200 ? 200 : read).toEqual(
        allowed(SOCIAL_READERS) ? 200 : notEnough(answers.commentedOn),
      );
    for (const statistics of [answers.shareStatistics, answers.followerStatistics])
      expect(statistics.status === 200 ? 200 : statistics).toEqual(
        allowed(STATISTICS_READERS)
          ? 200
          : refusedField('Unpermitted fields present in PARAMETER', '/organizationalEntity'),
      );
  });

  it('takes a role away when it is set to none, and keeps the admins of addOrganization', async () => {
    const member = h.linkedin.addMember('former', { scopes: ORG_SCOPES });
    h.linkedin.setOrganizationRoles(h.acme, member.account.id, ['CONTENT_ADMINISTRATOR']);
    const body = postBody(h.acme, 'While a content admin');
    expect((await call(member.accessToken, '/posts', { method: 'POST', body })).status).toBe(201);
    h.linkedin.setOrganizationRoles(h.acme, member.account.id, []);
    const after = postBody(h.acme, 'After the role was taken away');
    expect((await call(member.accessToken, '/posts', { method: 'POST', body: after })).status).toBe(403);
    // ana, added as Acme's admin, holds its ADMINISTRATOR role: statistics are hers to read.
    const org = encodeURIComponent(h.acme);
    const statistics = `/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=${org}`;
    expect((await call(h.ana.accessToken, statistics)).status).toBe(200);
    expect(() => h.linkedin.setOrganizationRoles('urn:li:organization:404', member.account.id, [])).toThrow(
      /no organization urn:li:organization:404/,
    );
  });
});
