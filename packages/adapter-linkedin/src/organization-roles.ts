// Which role on a LinkedIn Page (an organization) the member behind a token needs for each of
// the adapter's endpoints, so a refusal for a missing role can say which role to ask for and who
// grants it. A scope is the app's permission; a role is the member's on the Page: a new
// authorization gives the first, only a Page super admin the second.

import { linkedInScopeRule } from './scopes.js';

/** An endpoint family, the roles that open it, what it does, in words, and where LinkedIn lists the roles. */
interface RoleRule {
  /** Matches `METHOD /path`. */
  readonly request: RegExp;
  /** The role types that allow it, any one of them. */
  readonly roles: readonly string[];
  /** What the member does with it, completing "needs … to". */
  readonly does: string;
  /** The learn.microsoft.com page whose Permissions table lists the roles. */
  readonly docs: string;
}

const DOCS = 'https://learn.microsoft.com/en-us/linkedin/marketing/community-management';
/** LinkedIn's page of the roles a member may hold on an organization, and what each allows. */
const ROLES_DOCS = `${DOCS}/organizations/organization-access-control-by-role`;

/**
 * Posting (and uploading what a post carries) and reading the organization's posts:
 * `w_organization_social` and `r_organization_social` are restricted to members with "ADMINISTRATOR,
 * DIRECT_SPONSORED_CONTENT_POSTER, CONTENT_ADMIN"
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api);
 * the Organization Access Control page names the last CONTENT_ADMINISTRATOR
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role).
 * ASSUMED: the Images, Videos and Documents pages list no roles of their own; they take the Posts API's.
 */
const POST_ROLES = ['ADMINISTRATOR', 'DIRECT_SPONSORED_CONTENT_POSTER', 'CONTENT_ADMINISTRATOR'];
/**
 * Comments and Reactions APIs: writing as the organization takes ADMINISTRATOR,
 * DIRECT_SPONSORED_CONTENT_POSTER or RECRUITING_POSTER; reading ADMINISTRATOR or
 * DIRECT_SPONSORED_CONTENT_POSTER
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api,
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/reactions-api).
 */
const WRITE_ENGAGEMENT_ROLES = ['ADMINISTRATOR', 'DIRECT_SPONSORED_CONTENT_POSTER', 'RECRUITING_POSTER'];
/** See {@link WRITE_ENGAGEMENT_ROLES}. */
const READ_ENGAGEMENT_ROLES = ['ADMINISTRATOR', 'DIRECT_SPONSORED_CONTENT_POSTER'];

const RULES: readonly RoleRule[] = [
  {
    request: /^(POST|DELETE) \/rest\/(posts|images|videos|documents)\b/,
    roles: POST_ROLES,
    does: 'post as it',
    docs: `${DOCS}/shares/posts-api`,
  },
  {
    request: /^GET \/rest\/(posts|images|videos|documents)\b/,
    roles: POST_ROLES,
    does: 'read its posts',
    docs: `${DOCS}/shares/posts-api`,
  },
  {
    request: /^(POST|DELETE) \/rest\/socialActions\b/,
    roles: WRITE_ENGAGEMENT_ROLES,
    does: 'comment and react as it',
    docs: `${DOCS}/shares/comments-api`,
  },
  {
    request: /^GET \/rest\/socialActions\b/,
    roles: READ_ENGAGEMENT_ROLES,
    does: 'read the comments and reactions on its posts',
    docs: `${DOCS}/shares/comments-api`,
  },
  {
    request: /^(POST|DELETE) \/rest\/reactions\b/,
    roles: WRITE_ENGAGEMENT_ROLES,
    does: 'comment and react as it',
    docs: `${DOCS}/shares/reactions-api`,
  },
  {
    request: /^GET \/rest\/reactions\b/,
    roles: READ_ENGAGEMENT_ROLES,
    does: 'read the comments and reactions on its posts',
    docs: `${DOCS}/shares/reactions-api`,
  },
  // Share and follower statistics: rw_organization_admin is "restricted to organizations in which
  // the authenticated member has the role type ADMINISTRATOR"
  // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics,
  // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/follower-statistics,
  // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role).
  {
    request: /^GET \/rest\/organizationalEntityShareStatistics\b/,
    roles: ['ADMINISTRATOR'],
    does: 'read its statistics',
    docs: `${DOCS}/organizations/share-statistics`,
  },
  {
    request: /^GET \/rest\/organizationalEntityFollowerStatistics\b/,
    roles: ['ADMINISTRATOR'],
    does: 'read its statistics',
    docs: `${DOCS}/organizations/follower-statistics`,
  },
];

/**
 * Which roles on the organization allow the request, as a clause: "the signed-in member needs the
 * ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER or CONTENT_ADMINISTRATOR role on the organization
 * (LinkedIn Page) to post as it (<the page listing them>)", else, for an endpoint the table does
 * not list, "… needs a role on the organization (LinkedIn Page) that allows this call (roles: …)".
 *
 * @param method - HTTP method of the request
 * @param path - its URL path
 * @returns the clause, lower-case first
 *
 * @example
 * ```ts
 * organizationRoleNeeded('GET', '/rest/organizationalEntityShareStatistics');
 * // 'the signed-in member needs the ADMINISTRATOR role on the organization (LinkedIn Page) to read its statistics (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics)'
 * ```
 */
export function organizationRoleNeeded(method: string, path: string): string {
  const request = `${method.toUpperCase()} ${path}`;
  const rule = RULES.find((candidate) => candidate.request.test(request));
  return rule === undefined
    ? `the signed-in member needs a role on the organization (LinkedIn Page) that allows this call (roles: ${ROLES_DOCS})`
    : `the signed-in member needs the ${anyOf(rule.roles)} role on the organization (LinkedIn Page) to ${rule.does} (${rule.docs})`;
}

/**
 * Who grants a role on a LinkedIn Page: a super admin of the Page (its ADMINISTRATOR, the only
 * role that adds admins, per
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role).
 */
const SUPER_ADMIN = 'a super admin of the Page (its ADMINISTRATOR)';

/**
 * What to tell the member when LinkedIn refused a request for a reason it documents as the
 * member's role on the organization (the Videos API's 403): which role types would allow it, and
 * that a super admin of the Page grants it, since a new authorization would not help.
 *
 * @param method - HTTP method of the refused request
 * @param path - its URL path
 * @returns the hint, naming the roles and the page of LinkedIn's docs that lists them when the
 *   adapter knows the endpoint, else the page of every role
 *
 * @example
 * ```ts
 * organizationRoleHint('POST', '/rest/videos');
 * // 'The signed-in member needs the ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER or CONTENT_ADMINISTRATOR role on the organization (LinkedIn Page) to post as it (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api). Ask a super admin …'
 * ```
 */
export function organizationRoleHint(method: string, path: string): string {
  return `${capitalized(organizationRoleNeeded(method, path))}. Ask a super admin of the Page (its ADMINISTRATOR) to grant it in the Page's admin tools, then try again; a new authorization will not help.`;
}

/**
 * A missing role offered as the other possibility, after advice to re-authorize for a scope: the
 * adapter cannot know whether the member has the role, so nothing here says the member lacks it.
 *
 * @param method - HTTP method of the refused request
 * @param path - its URL path
 * @returns a clause ending the sentence, lower-case first: "the other possibility is a missing role: …."
 *
 * @example
 * ```ts
 * `If the token already has w_organization_social, ${organizationRolePossibility('POST', '/rest/posts')}`;
 * ```
 */
export function organizationRolePossibility(method: string, path: string): string {
  return `the other possibility is a missing role: ${organizationRoleNeeded(method, path)}, which ${SUPER_ADMIN} grants in the Page's admin tools (or the author URN is not one the member may act as).`;
}

/** `A`, `A or B`, `A, B or C`. */
function anyOf(roles: readonly string[]): string {
  return roles.length < 2 ? (roles[0] ?? '') : `${roles.slice(0, -1).join(', ')} or ${roles.at(-1)}`;
}

/** The text with its first letter upper-case. */
function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/**
 * What to tell the member when LinkedIn's refusal names the author or actor (or "Not enough
 * permissions to access urn:li:…") for a call made as an organization: most likely a missing
 * role, but LinkedIn answers a token without the organization scopes alike, so the hint says both,
 * each as a possibility (the adapter cannot know whether the member has the role), naming the
 * organization's scope only: a member's scope does not serve a request made as an organization
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
 *
 * @param method - HTTP method of the refused request
 * @param path - its URL path
 * @returns the role hint, then the scope advice
 *
 * @example
 * ```ts
 * roleOrScopeHint('POST', '/rest/posts');
 * // 'The signed-in member needs the … role … to post as it (…); if the member lacks it, a super admin … grants it … If the member has the role, the token may lack the organization scopes (this call needs w_organization_social: …): re-authorize asking for them.'
 * ```
 */
export function roleOrScopeHint(method: string, path: string): string {
  const scope = linkedInScopeRule(method, path, 'organization');
  const needs =
    scope === undefined
      ? '(w_organization_social and the others capabilities.auth.scopes lists)'
      : `(this call needs ${scope.scopes}: ${scope.docs})`;
  return `${capitalized(organizationRoleNeeded(method, path))}; if the member lacks it, ${SUPER_ADMIN} grants it in the Page's admin tools. If the member has the role, the token may lack the organization scopes ${needs}: re-authorize asking for them.`;
}
