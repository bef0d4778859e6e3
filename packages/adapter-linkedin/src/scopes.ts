// Which OAuth scope each endpoint needs, so a 403 ACCESS_DENIED (which names an internal
// resource, not a scope) can say which scope to ask for. From the permission tables of the
// Community Management pages on learn.microsoft.com/linkedin cited below.

/** An endpoint family and the scopes that open it. */
interface ScopeRule {
  /** Matches `METHOD /path`. */
  readonly request: RegExp;
  /** What to ask for, in words: one scope, or the member and organization variants. */
  readonly scopes: string;
}

const WRITE_SOCIAL = 'w_member_social (posts as a member) or w_organization_social (as an organization)';

const RULES: readonly ScopeRule[] = [
  // Posts, Images, Videos, Documents APIs
  // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
  { request: /^(POST|DELETE) \/rest\/(posts|images|videos|documents)\b/, scopes: WRITE_SOCIAL },
  {
    request: /^GET \/rest\/(posts|images|videos|documents)\b/,
    scopes: 'r_member_social (a member) or r_organization_social (an organization)',
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
    scopes: 'rw_organization_admin',
  },
  // Member post analytics
  // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/post-statistics).
  { request: /^GET \/rest\/memberCreatorPostAnalytics\b/, scopes: 'r_member_postAnalytics' },
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
