// Which role on a LinkedIn Page (an organization) lets a member do what. The roles are the ACL's
// role types (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role);
// each operation's roles are those its API page lists for the scope it needs.

/**
 * The role types a member may hold on an organization (`organizationAcls`), as the Organization
 * Access Control page lists them: ADMINISTRATOR (a Page super admin: posts, edits the Page, adds
 * admins, views analytics), DIRECT_SPONSORED_CONTENT_POSTER, RECRUITING_POSTER,
 * LEAD_CAPTURE_ADMINISTRATOR, LEAD_GEN_FORMS_MANAGER, ANALYST (analytics tab only), CURATOR
 * (recommended content, Page analytics) and CONTENT_ADMINISTRATOR (creates and manages Page content)
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role).
 */
export const ORGANIZATION_ROLES = [
  'ADMINISTRATOR',
  'DIRECT_SPONSORED_CONTENT_POSTER',
  'RECRUITING_POSTER',
  'LEAD_CAPTURE_ADMINISTRATOR',
  'LEAD_GEN_FORMS_MANAGER',
  'ANALYST',
  'CURATOR',
  'CONTENT_ADMINISTRATOR',
] as const;

/** A role type on an organization (see {@link ORGANIZATION_ROLES}). */
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

/** What a member does for an organization, grouped by the roles LinkedIn lets do it. */
export type OrganizationOperation =
  | 'writePosts'
  | 'readPosts'
  | 'writeSocialActions'
  | 'readSocialActions'
  | 'readStatistics';

/**
 * The roles each operation takes, from the Permissions table of its API page:
 *
 * - `writePosts` (create and delete posts; upload the images, videos and documents they carry) and
 *   `readPosts` (find the organization's posts): `w_organization_social` and
 *   `r_organization_social` are "restricted to organizations where the authenticated member has one
 *   of the following company page roles: ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER,
 *   CONTENT_ADMIN" (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
 *   ASSUMED: the page's CONTENT_ADMIN is the ACL role CONTENT_ADMINISTRATOR (the ACL has no other);
 *   the upload APIs list no roles of their own, so they take the Posts API's.
 * - `writeSocialActions` (comment, react, take a reaction back): ADMINISTRATOR,
 *   DIRECT_SPONSORED_CONTENT_POSTER or RECRUITING_POSTER; `readSocialActions` (list comments and
 *   reactions on the organization's posts): ADMINISTRATOR or DIRECT_SPONSORED_CONTENT_POSTER
 *   (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api,
 *   https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/reactions-api).
 * - `readStatistics` (share and follower statistics): `rw_organization_admin` is "restricted to
 *   organizations in which the authenticated member has the role type ADMINISTRATOR"
 *   (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics,
 *   https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role).
 */
export const ROLES_FOR: Readonly<Record<OrganizationOperation, readonly OrganizationRole[]>> = {
  writePosts: ['ADMINISTRATOR', 'DIRECT_SPONSORED_CONTENT_POSTER', 'CONTENT_ADMINISTRATOR'],
  readPosts: ['ADMINISTRATOR', 'DIRECT_SPONSORED_CONTENT_POSTER', 'CONTENT_ADMINISTRATOR'],
  writeSocialActions: ['ADMINISTRATOR', 'DIRECT_SPONSORED_CONTENT_POSTER', 'RECRUITING_POSTER'],
  readSocialActions: ['ADMINISTRATOR', 'DIRECT_SPONSORED_CONTENT_POSTER'],
  readStatistics: ['ADMINISTRATOR'],
};

/**
 * Whether a member holding `held` on an organization may do `operation` for it.
 *
 * @param held - the member's approved roles on the organization
 * @param operation - what the member does
 * @returns whether one of the roles allows it
 *
 * @example
 * ```ts
 * rolesAllow(new Set(['ANALYST']), 'writePosts'); // false
 * ```
 */
export function rolesAllow(held: ReadonlySet<OrganizationRole>, operation: OrganizationOperation): boolean {
  return ROLES_FOR[operation].some((role) => held.has(role));
}
