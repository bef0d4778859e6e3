import { organizationRolePossibility } from './organization-roles.js';
import { type LinkedInActor, linkedInScopeRule } from './scopes.js';

/**
 * What to do about a 403 `ACCESS_DENIED`: first, re-authorize for the scopes the endpoint needs
 * as the request's actor (naming the page of LinkedIn's docs that lists them): a request made as
 * an organization needs the organization's scope, which the member's does not stand in for
 * (`w_organization_social`, not `w_member_social`, per the Permissions table of
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
 * Then, when the call may act as an organization, the member's role on it as the other
 * possibility, as LinkedIn answers both alike on some calls (finding an organization's posts, a
 * post or comment naming it as `/author` or `/actor`). The adapter cannot know the member's
 * roles, so the role is only offered, never said to be missing.
 *
 * @param method - HTTP method of the refused request
 * @param path - its URL path
 * @param actor - who the request acted as (`undefined`: not known, so both variants are named)
 * @param namesAuthor - whether LinkedIn's words name the author or actor (a role refusal's words)
 * @returns the hint
 *
 * @example
 * ```ts
 * missingScopeHint('POST', '/rest/posts', 'organization', false);
 * // 'Re-authorize the account asking for w_organization_social (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api): the request acts as an organization (LinkedIn Page), which w_member_social does not allow. If the token already has w_organization_social, the other possibility is a missing role: …'
 * ```
 */
export function missingScopeHint(
  method: string,
  path: string,
  actor: LinkedInActor | undefined,
  namesAuthor: boolean,
): string {
  const rule = linkedInScopeRule(method, path, actor);
  if (actor === 'organization') {
    const member = linkedInScopeRule(method, path, 'member')?.scopes;
    const reauthorize =
      rule === undefined
        ? 'Re-authorize the account asking for the organization scopes this call needs.'
        : member === rule.scopes
          ? `Re-authorize the account asking for ${rule.scopes} (${rule.docs}).`
          : `Re-authorize the account asking for ${rule.scopes} (${rule.docs}): the request acts as an organization (LinkedIn Page), which ${member} does not allow.`;
    const has = rule === undefined ? 'them' : rule.scopes;
    return `${reauthorize} If the token already has ${has}, ${organizationRolePossibility(method, path)}`;
  }
  const reauthorize =
    rule === undefined
      ? 'Re-authorize the account with the scopes this call needs.'
      : `Re-authorize the account asking for ${rule.scopes} (${rule.docs}).`;
  if (!namesAuthor) return reauthorize;
  if (actor === 'member')
    return `${reauthorize} If the token already has ${rule?.scopes ?? 'them'}, the author URN is not one the member may act as.`;
  return `${reauthorize} If the token already has them and the call acts as an organization, ${organizationRolePossibility(method, path)}`;
}
