// Which OAuth scope each endpoint needs, so a 403 ACCESS_DENIED (which names an internal
// resource, not a scope) can say which scope to ask for. From the permission tables of the
// Community Management pages on learn.microsoft.com/linkedin cited below.

/**
 * LinkedIn's scope names the adapter's endpoints need, from the Permissions tables of the
 * learn.microsoft.com/linkedin pages cited below and in capabilities.ts.
 */
export const LINKEDIN_SCOPES = Object.freeze({
  /** Post, comment and react as the member. */
  writeMemberSocial: 'w_member_social',
  /** Read the member's posts, comments and reactions. */
  readMemberSocial: 'r_member_social',
  /** The member's post analytics. */
  memberPostAnalytics: 'r_member_postAnalytics',
  /** The member's follower count. */
  memberProfileAnalytics: 'r_member_profileAnalytics',
  /** Post, comment and react as an organization. */
  writeOrganizationSocial: 'w_organization_social',
  /** Read an organization's posts, comments and reactions. */
  readOrganizationSocial: 'r_organization_social',
  /** An organization's share and follower statistics, as its administrator. */
  organizationAdmin: 'rw_organization_admin',
});

/** An endpoint family, the scopes that open it, and the page of LinkedIn's docs that lists them. */
interface ScopeRule {
  /** Matches `METHOD /path`. */
  readonly request: RegExp;
  /** What to ask for, in words: one scope, or the member and organization variants. */
  readonly scopes: string;
  /** The learn.microsoft.com page whose Permissions table lists them. */
  readonly docs: string;
}

/** The scopes an endpoint needs, and where LinkedIn documents them. */
export interface LinkedInScopeRule {
  /** What to ask for, in words: one scope, or the member and organization variants. */
  readonly scopes: string;
  /** The learn.microsoft.com page whose Permissions table lists them. */
  readonly docs: string;
}

const DOCS = 'https://learn.microsoft.com/en-us/linkedin/marketing/community-management';

const WRITE_SOCIAL = `${LINKEDIN_SCOPES.writeMemberSocial} (posts as a member) or ${LINKEDIN_SCOPES.writeOrganizationSocial} (as an organization)`;
const READ_SOCIAL = `${LINKEDIN_SCOPES.readMemberSocial} (a member) or ${LINKEDIN_SCOPES.readOrganizationSocial} (an organization)`;
// The Comments and Reactions pages list the *_social_feed variants too.
const WRITE_SOCIAL_FEED =
  'w_member_social or w_member_social_feed (a member), w_organization_social or w_organization_social_feed (an organization)';
const READ_SOCIAL_FEED =
  'r_member_social or r_member_social_feed (a member), r_organization_social or r_organization_social_feed (an organization)';

const RULES: readonly ScopeRule[] = [
  // Posts, Images, Videos, Documents APIs (the Posts API page's Permissions table,
  // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
  {
    request: /^(POST|DELETE) \/rest\/(posts|images|videos|documents)\b/,
    scopes: WRITE_SOCIAL,
    docs: `${DOCS}/shares/posts-api`,
  },
  {
    request: /^GET \/rest\/(posts|images|videos|documents)\b/,
    scopes: READ_SOCIAL,
    docs: `${DOCS}/shares/posts-api`,
  },
  // Comments API (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api).
  {
    request: /^(POST|DELETE) \/rest\/socialActions\b/,
    scopes: WRITE_SOCIAL_FEED,
    docs: `${DOCS}/shares/comments-api`,
  },
  { request: /^GET \/rest\/socialActions\b/, scopes: READ_SOCIAL_FEED, docs: `${DOCS}/shares/comments-api` },
  // Reactions API (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/reactions-api).
  {
    request: /^(POST|DELETE) \/rest\/reactions\b/,
    scopes: WRITE_SOCIAL_FEED,
    docs: `${DOCS}/shares/reactions-api`,
  },
  { request: /^GET \/rest\/reactions\b/, scopes: READ_SOCIAL_FEED, docs: `${DOCS}/shares/reactions-api` },
  // Share statistics, follower statistics and follower counts need an organization admin's scope
  // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics,
  // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/follower-statistics).
  // ASSUMED: the follower count (`networkSizes`) takes the same scope; its page, the Organization
  // Lookup API's, is where LinkedIn documents the endpoint.
  {
    request: /^GET \/rest\/organizationalEntityShareStatistics\b/,
    scopes: LINKEDIN_SCOPES.organizationAdmin,
    docs: `${DOCS}/organizations/share-statistics`,
  },
  {
    request: /^GET \/rest\/organizationalEntityFollowerStatistics\b/,
    scopes: LINKEDIN_SCOPES.organizationAdmin,
    docs: `${DOCS}/organizations/follower-statistics`,
  },
  {
    request: /^GET \/rest\/networkSizes\b/,
    scopes: LINKEDIN_SCOPES.organizationAdmin,
    docs: `${DOCS}/organizations/organization-lookup-api`,
  },
  // Member post analytics
  // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/post-statistics).
  {
    request: /^GET \/rest\/memberCreatorPostAnalytics\b/,
    scopes: LINKEDIN_SCOPES.memberPostAnalytics,
    docs: `${DOCS}/members/post-statistics`,
  },
  // Member follower count
  // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/follower-statistics).
  {
    request: /^GET \/rest\/memberFollowersCount\b/,
    scopes: LINKEDIN_SCOPES.memberProfileAnalytics,
    docs: `${DOCS}/members/follower-statistics`,
  },
];

/**
 * The scopes the request needs, in words, and the page of LinkedIn's docs that lists them, when
 * the adapter knows the endpoint.
 *
 * @param method - HTTP method
 * @param path - URL path
 * @returns the scopes and their page, or `undefined` for an endpoint the table does not list
 *
 * @example
 * ```ts
 * linkedInScopeRule('GET', '/rest/organizationalEntityShareStatistics');
 * // { scopes: 'rw_organization_admin', docs: 'https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics' }
 * ```
 */
export function linkedInScopeRule(method: string, path: string): LinkedInScopeRule | undefined {
  const request = `${method.toUpperCase()} ${path}`;
  const rule = RULES.find((candidate) => candidate.request.test(request));
  return rule === undefined ? undefined : { scopes: rule.scopes, docs: rule.docs };
}

/**
 * The scope (or scopes) the request needs, in words, when the adapter knows it.
 *
 * @param method - HTTP method
 * @param path - URL path
 * @returns e.g. `rw_organization_admin`, or `undefined` for an endpoint the table does not list
 *
 * @example
 * ```ts
 * requiredLinkedInScopes('GET', '/rest/organizationalEntityShareStatistics'); // 'rw_organization_admin'
 * ```
 */
export function requiredLinkedInScopes(method: string, path: string): string | undefined {
  return linkedInScopeRule(method, path)?.scopes;
}
