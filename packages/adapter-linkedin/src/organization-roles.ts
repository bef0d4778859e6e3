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
 * What to tell the member when LinkedIn refused a request for the member's role on the
 * organization: which role types would allow it, and that a super admin of the Page (its
 * ADMINISTRATOR, the only role that adds admins, per
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role)
 * grants it, since a new authorization would not help.
 *
 * @param method - HTTP method of the refused request
 * @param path - its URL path
 * @param besideScopeAdvice - whether the hint follows advice to re-authorize, so it leaves out that
 *   a new authorization will not help
 * @returns the hint, naming the roles and the page of LinkedIn's docs that lists them when the
 *   adapter knows the endpoint, else the page of every role
 *
 * @example
 * ```ts
 * organizationRoleHint('POST', '/rest/posts');
 * // 'The signed-in member needs the ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER or CONTENT_ADMINISTRATOR role on the organization (LinkedIn Page) to post as it (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api). …'
 * ```
 */
export function organizationRoleHint(method: string, path: string, besideScopeAdvice = false): string {
  const request = `${method.toUpperCase()} ${path}`;
  const rule = RULES.find((candidate) => candidate.request.test(request));
  const needs =
    rule === undefined
      ? `The signed-in member has no role on the organization (LinkedIn Page) that allows this call (roles: ${ROLES_DOCS}).`
      : `The signed-in member needs the ${anyOf(rule.roles)} role on the organization (LinkedIn Page) to ${rule.does} (${rule.docs}).`;
  const ask =
    "Ask a super admin of the Page (its ADMINISTRATOR) to grant it in the Page's admin tools, then try again";
  // Beside advice to re-authorize (LinkedIn answers both alike), it cannot say that would not help.
  return besideScopeAdvice ? `${needs} ${ask}.` : `${needs} ${ask}; a new authorization will not help.`;
}

/** `A`, `A or B`, `A, B or C`. */
function anyOf(roles: readonly string[]): string {
  return roles.length < 2 ? (roles[0] ?? '') : `${roles.slice(0, -1).join(', ')} or ${roles.at(-1)}`;
}

/**
 * What to tell the member when LinkedIn's refusal names the author or actor (or "Not enough
 * permissions to access urn:li:…") for a call made as an organization: most likely a missing
 * role, but LinkedIn answers a token without the organization scopes alike, so the hint says both.
 *
 * @param method - HTTP method of the refused request
 * @param path - its URL path
 * @returns the role hint, then the scope advice
 */
export function roleOrScopeHint(method: string, path: string): string {
  const scope = linkedInScopeRule(method, path);
  const needs =
    scope === undefined
      ? '(w_organization_social and the others capabilities.auth.scopes lists)'
      : `(this call needs ${scope.scopes}: ${scope.docs})`;
  return `${organizationRoleHint(method, path, true)} If the member has the role, the token may lack the organization scopes ${needs}: re-authorize asking for them.`;
}
