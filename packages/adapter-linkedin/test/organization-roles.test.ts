import { AuthError, type Engagement, PlatformError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import type { OrganizationRole } from '../src/mocks/index.js';
import { failureOf, media, useLinkedIn } from './support/harness.js';

// A token's scopes are the app's permission; a role on the LinkedIn Page is the member's, and each
// operation for the Page takes its own roles (Posts, Comments, Reactions and share statistics
// pages; roles from https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role).
// A refusal for a missing role is a typed refusal that names the roles that would allow it and
// says a super admin of the Page grants them.

const h = useLinkedIn();
const ORG_SCOPES = ['w_organization_social', 'r_organization_social', 'rw_organization_admin'];
const SUPER_ADMIN = /super admin of the Page \(its ADMINISTRATOR\) grants? it/i;

/** A member with every organization scope and `roles` on Acme, and the adapter bound to Acme. */
function memberWith(handle: string, roles: readonly OrganizationRole[]) {
  const member = h.linkedin.addMember(handle, { scopes: ORG_SCOPES });
  h.linkedin.setOrganizationRoles(h.acme, member.account.id, roles);
  return { context: h.context({}, member), adapter: h.adapter({ author: h.acme }) };
}

/** A comment on one of Acme's posts, as Acme's administrator (ana) lists it. */
async function acmeComment() {
  const post = await h.adapter({ author: h.acme }).publish({ text: 'Our news' }, h.context());
  h.linkedin.seedComments(post.ref.platformPostId, 1);
  const items: Engagement[] = [];
  const listing = h
    .adapter({ author: h.acme })
    .listEngagements({ post: post.ref, kinds: ['comment'] }, h.context());
  for await (const page of listing) items.push(...page.items);
  return { post, comment: items[0] as Engagement };
}

describe('a member’s role on the organization', () => {
  it('refuses an analyst’s post as the Page, naming the roles that may post and who grants them', async () => {
    const analyst = memberWith('analyst', ['ANALYST']);
    for (const post of [
      { text: 'Quarterly results' },
      { text: 'With a chart', media: [media('image', 'image/png')] },
    ]) {
      const error = await failureOf(analyst.adapter.publish(post, analyst.context), h.linkedin);
      expect(PlatformError.isInstance(error) && error.code).toBe('platform_refused');
      expect(error.hint).toContain(
        'needs the ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER or CONTENT_ADMINISTRATOR role on the organization (LinkedIn Page) to post as it',
      );
      expect(error.hint).toMatch(SUPER_ADMIN);
      expect(error.hint).toContain('the token may lack the organization scopes');
    }
    expect(h.linkedin.sim.posts.filter((post) => post.accountId === h.acme)).toEqual([]);
  });

  it('lets a content administrator post as the Page, and says its statistics take the ADMINISTRATOR role', async () => {
    const contentAdmin = memberWith('content_admin', ['CONTENT_ADMINISTRATOR']);
    const published = await contentAdmin.adapter.publish(
      { text: 'Posted by our content admin' },
      contentAdmin.context,
    );
    expect(h.linkedin.postOf(published.ref.platformPostId)?.author).toBe(h.acme);

    const refusals = [
      contentAdmin.adapter.getPostMetrics([published.ref], contentAdmin.context),
      contentAdmin.adapter.getAudience(contentAdmin.context),
    ];
    for (const refused of refusals) {
      const error = await failureOf(refused, h.linkedin);
      expect(PlatformError.isInstance(error) && error.code).toBe('platform_refused');
      expect(error.hint).toContain(
        'needs the ADMINISTRATOR role on the organization (LinkedIn Page) to read its statistics',
      );
      expect(error.hint).toMatch(SUPER_ADMIN);
    }
  });

  it('refuses a content administrator’s comment as the Page, which the Comments API gives other roles', async () => {
    const { comment } = await acmeComment();
    const contentAdmin = memberWith('content_admin', ['CONTENT_ADMINISTRATOR']);
    const error = await failureOf(
      contentAdmin.adapter.reply(comment, 'Thanks!', contentAdmin.context),
      h.linkedin,
    );
    expect(PlatformError.isInstance(error) && error.code).toBe('platform_refused');
    expect(error.hint).toContain(
      'needs the ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER or RECRUITING_POSTER role on the organization (LinkedIn Page) to comment and react as it',
    );
  });

  it('lets a recruiting poster comment and react as the Page, but not read its comments', async () => {
    const { post, comment } = await acmeComment();
    const recruiter = memberWith('recruiter', ['RECRUITING_POSTER']);
    await recruiter.adapter.reply(comment, 'We are hiring!', recruiter.context);
    await recruiter.adapter.like(comment, true, recruiter.context);
    expect(h.linkedin.reactionsOn(comment.id).map((reaction) => reaction.actor)).toEqual([h.acme]);

    const listing = recruiter.adapter.listEngagements(
      { post: post.ref, kinds: ['comment'] },
      recruiter.context,
    );
    const error = await failureOf(
      (async () => {
        for await (const _ of listing);
      })(),
      h.linkedin,
    );
    expect(PlatformError.isInstance(error) && error.code).toBe('platform_refused');
    expect(error.message).toContain(`Not enough permissions to access ${post.ref.platformPostId}`);
    expect(error.hint).toContain(
      'needs the ADMINISTRATOR or DIRECT_SPONSORED_CONTENT_POSTER role on the organization (LinkedIn Page) to read the comments and reactions on its posts',
    );

    // Finding the Page's posts answers a missing role as it answers a missing scope: the hint says both.
    const recent = await failureOf(
      recruiter.adapter.findRecentPosts?.({ since: new Date(0) }, recruiter.context),
      h.linkedin,
    );
    expect(AuthError.isInstance(recent) && recent.code).toBe('auth_missing_scope');
    expect(recent.hint).toMatch(/^Re-authorize the account asking for r_organization_social /);
    expect(recent.hint).toContain(
      'If the token already has r_organization_social, the other possibility is a missing role',
    );
    expect(recent.hint).toContain(
      'ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER or CONTENT_ADMINISTRATOR role',
    );
  });
});
