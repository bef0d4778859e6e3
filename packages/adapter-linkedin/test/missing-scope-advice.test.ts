import { AuthError, PlatformError } from '@smmkit/core';
import type { AccountWithTokens } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { failureOf, useLinkedIn } from './support/harness.js';

// LinkedIn grants a member's and an organization's permissions apart: posting as an organization
// takes w_organization_social and reading its posts r_organization_social; w_member_social and
// r_member_social serve the member's own requests only (Permissions table of
// https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
// A refusal names the scope of who the request acted as, asks for it first, and offers the
// member's role on the Page only as the other possibility: the adapter cannot know the roles.

const h = useLinkedIn();
const POSTS_API =
  'https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api';

/** An administrator of Acme whose token has the member scopes only (the simulator's usual grant). */
function adminWithMemberScopes(): AccountWithTokens {
  const member = h.linkedin.addMember('admin', { scopes: ['w_member_social', 'r_member_social'] });
  h.linkedin.setOrganizationRoles(h.acme, member.account.id, ['ADMINISTRATOR']);
  return member;
}

describe('a missing scope of a request made as an organization', () => {
  const publishedAsAcme = {
    'the adapter bound to it': (member: AccountWithTokens) =>
      h.adapter({ author: h.acme }).publish({ text: 'Q3' }, h.context({}, member)),
    'its URN as the account id': (member: AccountWithTokens) =>
      h
        .adapter()
        .publish({ text: 'Q3' }, h.context({ account: { platform: 'linkedin', accountId: h.acme } }, member)),
    'the post’s own author option': (member: AccountWithTokens) =>
      h.adapter().publish({ text: 'Q3', options: { linkedin: { author: h.acme } } }, h.context({}, member)),
  };

  it.each(Object.entries(publishedAsAcme))(
    'names w_organization_social alone to an administrator whose token has w_member_social, with %s',
    async (_, publish) => {
      const error = await failureOf(publish(adminWithMemberScopes()), h.linkedin);
      expect(AuthError.isInstance(error) && error.code).toBe('auth_missing_scope');
      expect(error.message).toMatch(/\(the token needs w_organization_social\)$/);
      expect(error.message).not.toContain('w_member_social');
      // The scope first, as what to do; the member's scope is said not to serve.
      expect(error.hint).toMatch(
        /^Re-authorize the account asking for w_organization_social \(https:\/\/learn\.microsoft\.com\/en-us\/linkedin\/marketing\/community-management\/shares\/posts-api\): the request acts as an organization \(LinkedIn Page\), which w_member_social does not allow\. /,
      );
      expect(h.linkedin.sim.posts.filter((post) => post.accountId === h.acme)).toEqual([]);
    },
  );

  it('offers the role only as the other possibility, never telling an administrator to get it granted', async () => {
    const error = await failureOf(
      publishedAsAcme['the adapter bound to it'](adminWithMemberScopes()),
      h.linkedin,
    );
    const hint = error.hint ?? '';
    const role = hint.indexOf('ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER or CONTENT_ADMINISTRATOR role');
    expect(role).toBeGreaterThan(hint.indexOf('Re-authorize the account asking for w_organization_social'));
    expect(hint).toContain(
      `If the token already has w_organization_social, the other possibility is a missing role: the signed-in member needs the ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER or CONTENT_ADMINISTRATOR role on the organization (LinkedIn Page) to post as it (${POSTS_API}), which a super admin of the Page (its ADMINISTRATOR) grants`,
    );
    expect(hint).not.toMatch(/Ask a super admin/i);
  });

  it('names r_organization_social for finding the organization’s posts with a member’s read scope', async () => {
    const error = await failureOf(
      h
        .adapter({ author: h.acme })
        .findRecentPosts({ since: new Date(0) }, h.context({}, adminWithMemberScopes())),
      h.linkedin,
    );
    expect(AuthError.isInstance(error) && error.code).toBe('auth_missing_scope');
    expect(error.message).toMatch(/\(the token needs r_organization_social\)$/);
    expect(error.hint).toMatch(
      /^Re-authorize the account asking for r_organization_social .*which r_member_social does not allow\./,
    );
  });

  it('names the organization’s scope alone beside a role refusal, offering each as a possibility', async () => {
    const analyst = h.linkedin.addMember('analyst', {
      scopes: ['w_organization_social', 'r_organization_social', 'rw_organization_admin'],
    });
    h.linkedin.setOrganizationRoles(h.acme, analyst.account.id, ['ANALYST']);
    const error = await failureOf(publishedAsAcme['the adapter bound to it'](analyst), h.linkedin);
    expect(PlatformError.isInstance(error) && error.code).toBe('platform_refused');
    expect(error.message).toMatch(/\(the token needs w_organization_social\)$/);
    expect(error.hint).toContain(
      'if the member lacks it, a super admin of the Page (its ADMINISTRATOR) grants it',
    );
    expect(error.hint).toContain(
      `If the member has the role, the token may lack the organization scopes (this call needs w_organization_social: ${POSTS_API})`,
    );
    expect(error.hint).not.toContain('w_member_social');
  });
});

describe('a missing scope of a request made as a member', () => {
  it('names w_member_social alone, and no role on an organization', async () => {
    const reader = h.linkedin.addMember('reader', { scopes: ['r_member_social', 'w_organization_social'] });
    const error = await failureOf(h.adapter().publish({ text: 'Hi' }, h.context({}, reader)), h.linkedin);
    expect(AuthError.isInstance(error) && error.code).toBe('auth_missing_scope');
    expect(error.message).toMatch(/\(the token needs w_member_social\)$/);
    expect(error.hint).toBe(`Re-authorize the account asking for w_member_social (${POSTS_API}).`);
  });
});
