import { organizationRoleHint } from './organization-roles.js';
import { linkedInScopeRule } from './scopes.js';

/**
 * What to do about a 403 `ACCESS_DENIED`: re-authorize for the scopes the endpoint needs (naming
 * the page of LinkedIn's docs that lists them); and, when the call may act as an organization,
 * or else have the member's missing role granted, as LinkedIn answers both alike on some calls
 * (finding an organization's posts, a post or comment naming it as `/author` or `/actor`).
 *
 * @param method - HTTP method of the refused request
 * @param path - its URL path
 * @param mayBeRole - whether a missing role on an organization may be the cause: LinkedIn's words
 *   name the author or actor, or the request was made as an organization
 * @returns the hint
 *
 * @example
 * ```ts
 * missingScopeHint('GET', '/rest/organizationalEntityShareStatistics', false);
 * // 'Re-authorize the account asking for rw_organization_admin (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics).'
 * ```
 */
export function missingScopeHint(method: string, path: string, mayBeRole: boolean): string {
  const rule = linkedInScopeRule(method, path);
  const reauthorize =
    rule === undefined
      ? 'Re-authorize the account with the scopes this call needs.'
      : `Re-authorize the account asking for ${rule.scopes} (${rule.docs}).`;
  if (!mayBeRole) return reauthorize;
  return `${reauthorize} If the token already has them and the call acts as an organization, the member's role on it is what is missing (or the author URN is not one the member may act as). ${organizationRoleHint(method, path, true)}`;
}
