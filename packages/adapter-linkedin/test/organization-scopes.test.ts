import { type Engagement, SmmkitError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, media, useLinkedIn } from './support/harness.js';

// LinkedIn grants writing as a member (`w_member_social`) and as an organization
// (`w_organization_social`) apart: "Post, comment and react on posts on behalf of an
// organization" is the organization scope's alone
// (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api,
// https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/reactions-api).
const h = useLinkedIn();

describe('writing as an organization', () => {
  it('is refused to an admin whose token has the member write scope only, and names the scope', async () => {
    const solo = h.linkedin.addMember('solo', {
      scopes: ['w_member_social', 'r_member_social', 'r_organization_social'],
    });
    const org = h.linkedin.addOrganization('Solo Co', [solo.account.id], 10);
    const post = h.linkedin.addPost(org, 'Our news');
    h.linkedin.seedComments(post, 1);
    const context = h.context({}, solo);
    const asOrg = h.adapter({ author: org });
    const items: Engagement[] = [];
    for await (const page of asOrg.listEngagements({ kinds: ['comment'] }, context))
      items.push(...page.items);
    const comment = items[0] as Engagement;

    const refusals = [
      asOrg.like(comment, true, context),
      asOrg.reply(comment, 'Thanks!', context),
      asOrg.publish({ text: 'With a picture', media: [media('image', 'image/png')] }, context),
    ];
    for (const refused of refusals) {
      const error = await failureOf(refused, h.linkedin);
      expect(SmmkitError.isInstance(error) && error.code).toBe('auth_missing_scope');
      expect(error.message).toContain('w_organization_social');
    }
    expect(h.linkedin.reactionsOn(comment.id)).toEqual([]);

    // The same token may still write as the member.
    await h.adapter().like(comment, true, context);
    expect(h.linkedin.reactionsOn(comment.id).map((reaction) => reaction.actor)).toEqual([solo.account.id]);
  });

  it('reports a video refused for the member\u2019s role as a refusal that names the role, not a scope', async () => {
    const outsider = h.linkedin.addMember('outsider', {
      scopes: ['w_member_social', 'w_organization_social', 'r_organization_social'],
    });
    const error = await failureOf(
      h
        .adapter({ author: h.acme })
        .publish(
          { text: 'Our launch film', media: [media('video', 'video/mp4', 2_048)] },
          h.context({}, outsider),
        ),
      h.linkedin,
    );
    expect(SmmkitError.isInstance(error) && error.code).toBe('platform_refused');
    expect(error.message).toContain('Accessing this video resource is forbidden');
    expect(error.hint).toMatch(
      /ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER or CONTENT_ADMINISTRATOR role .* super admin of the Page/,
    );

    // Without the organization scope as well, the scope is what is missing first, and is named.
    const stranger = h.linkedin.addMember('stranger', { scopes: ['w_member_social'] });
    const scopeless = await failureOf(
      h
        .adapter({ author: h.acme })
        .publish(
          { text: 'Our launch film', media: [media('video', 'video/mp4', 2_048)] },
          h.context({}, stranger),
        ),
      h.linkedin,
    );
    expect(SmmkitError.isInstance(scopeless) && scopeless.code).toBe('auth_missing_scope');
    expect(scopeless.message).toContain('w_organization_social');
  });
});
