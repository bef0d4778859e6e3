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

/** An endpoint family and the scopes that open it. */
interface ScopeRule {
  /** Matches `METHOD /path`. */
  readonly request: RegExp;
  /** What to ask for, in words: one scope, or the member and organization variants. */
  readonly scopes: string;
}

const WRITE_SOCIAL = `${LINKEDIN_SCOPES.writeMemberSocial} (posts as a member) or ${LINKEDIN_SCOPES.writeOrganizationSocial} (as an organization)`;

const RULES: readonly ScopeRule[] = [
  // Posts, Images, Videos, Documents APIs
  // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
  { request: /^(POST|DELETE) \/rest\/(posts|images|videos|documents)\b/, scopes: WRITE_SOCIAL },
  {
    request: /^GET \/rest\/(posts|images|videos|documents)\b/,
    scopes: `${LINKEDIN_SCOPES.readMemberSocial} (a member) or ${LINKEDIN_SCOPES.readOrganizationSocial} (an organization)`,
  },
  // Comments and Reactions APIs list the *_social_feed variants too
  // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api).
  {
    request: /^(POST|DELETE) \/rest\/(socialActions|reactions)\b/,
    scopes:
      'w_member_social or w_member_social_feed (a member), w_organization_social or w_organization_social_feed (an organization)',
  },
  {
    request: /^GET \/rest\/(socialActions|reactions)\b/,
    scopes:
      'r_member_social or r_member_social_feed (a member), r_organization_social or r_organization_social_feed (an organization)',
  },
  // Share statistics, follower statistics and follower counts need an organization admin's scope
  // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics,
  // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/follower-statistics).
  {
    request:
      /^GET \/rest\/(organizationalEntityShareStatistics|organizationalEntityFollowerStatistics|networkSizes)\b/,
    scopes: LINKEDIN_SCOPES.organizationAdmin,
  },
  // Member post analytics
  // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/post-statistics).
  { request: /^GET \/rest\/memberCreatorPostAnalytics\b/, scopes: LINKEDIN_SCOPES.memberPostAnalytics },
  // Member follower count
  // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/follower-statistics).
  { request: /^GET \/rest\/memberFollowersCount\b/, scopes: LINKEDIN_SCOPES.memberProfileAnalytics },
];

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
  const request = `${method.toUpperCase()} ${path}`;
  return RULES.find((rule) => rule.request.test(request))?.scopes;
}
