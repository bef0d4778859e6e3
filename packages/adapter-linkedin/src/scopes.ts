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

/**
 * Who a request acts as: a member (`urn:li:person:…`) or an organization (`urn:li:organization:…`,
 * a LinkedIn Page). LinkedIn grants the two apart: writing as an organization takes
 * `w_organization_social` and `w_member_social` does not serve for it (the Permissions table of
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
 */
export type LinkedInActor = 'member' | 'organization';

/** An endpoint family, the scopes that open it for each actor, and the page of LinkedIn's docs that lists them. */
interface ScopeRule {
  /** Matches `METHOD /path`. */
  readonly request: RegExp;
  /** What a request made as a member needs, in words. */
  readonly member: string;
  /** What a request made as an organization needs, in words. */
  readonly organization: string;
  /** The learn.microsoft.com page whose Permissions table lists them. */
  readonly docs: string;
}

/** The scopes an endpoint needs, and where LinkedIn documents them. */
export interface LinkedInScopeRule {
  /**
   * What to ask for, in words: the scope of the actor the request was made as, or, when that is
   * not known, the member and organization variants.
   */
  readonly scopes: string;
  /** The learn.microsoft.com page whose Permissions table lists them. */
  readonly docs: string;
}

const DOCS = 'https://learn.microsoft.com/en-us/linkedin/marketing/community-management';
const S = LINKEDIN_SCOPES;

/** An endpoint only one kind of actor calls: the same scope whoever the request names. */
const either = (scope: string) => ({ member: scope, organization: scope });

const RULES: readonly ScopeRule[] = [
  // Posts, Images, Videos, Documents APIs: w_member_social posts "on behalf of an authenticated
  // member", w_organization_social "on behalf of an organization"; r_member_social and
  // r_organization_social read them (the Posts API page's Permissions table,
  // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
  {
    request: /^(POST|DELETE) \/rest\/(posts|images|videos|documents)\b/,
    member: S.writeMemberSocial,
    organization: S.writeOrganizationSocial,
    docs: `${DOCS}/shares/posts-api`,
  },
  {
    request: /^GET \/rest\/(posts|images|videos|documents)\b/,
    member: S.readMemberSocial,
    organization: S.readOrganizationSocial,
    docs: `${DOCS}/shares/posts-api`,
  },
  // Comments API (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api);
  // its page lists the *_social_feed variants too.
  {
    request: /^(POST|DELETE) \/rest\/socialActions\b/,
    member: 'w_member_social or w_member_social_feed',
    organization: 'w_organization_social or w_organization_social_feed',
    docs: `${DOCS}/shares/comments-api`,
  },
  {
    request: /^GET \/rest\/socialActions\b/,
    member: 'r_member_social or r_member_social_feed',
    organization: 'r_organization_social or r_organization_social_feed',
    docs: `${DOCS}/shares/comments-api`,
  },
  // Reactions API (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/reactions-api),
  // with the same *_social_feed variants.
  {
    request: /^(POST|DELETE) \/rest\/reactions\b/,
    member: 'w_member_social or w_member_social_feed',
    organization: 'w_organization_social or w_organization_social_feed',
    docs: `${DOCS}/shares/reactions-api`,
  },
  {
    request: /^GET \/rest\/reactions\b/,
    member: 'r_member_social or r_member_social_feed',
    organization: 'r_organization_social or r_organization_social_feed',
    docs: `${DOCS}/shares/reactions-api`,
  },
  // Share statistics, follower statistics and follower counts need an organization admin's scope
  // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics,
  // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/follower-statistics).
  // ASSUMED: the follower count (`networkSizes`) takes the same scope; its page, the Organization
  // Lookup API's, is where LinkedIn documents the endpoint.
  {
    request: /^GET \/rest\/organizationalEntityShareStatistics\b/,
    ...either(S.organizationAdmin),
    docs: `${DOCS}/organizations/share-statistics`,
  },
  {
    request: /^GET \/rest\/organizationalEntityFollowerStatistics\b/,
    ...either(S.organizationAdmin),
    docs: `${DOCS}/organizations/follower-statistics`,
  },
  {
    request: /^GET \/rest\/networkSizes\b/,
    ...either(S.organizationAdmin),
    docs: `${DOCS}/organizations/organization-lookup-api`,
  },
  // Member post analytics
  // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/post-statistics).
  {
    request: /^GET \/rest\/memberCreatorPostAnalytics\b/,
    ...either(S.memberPostAnalytics),
    docs: `${DOCS}/members/post-statistics`,
  },
  // Member follower count
  // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/follower-statistics).
  {
    request: /^GET \/rest\/memberFollowersCount\b/,
    ...either(S.memberProfileAnalytics),
    docs: `${DOCS}/members/follower-statistics`,
  },
];

/**
 * The scopes the request needs, in words, and the page of LinkedIn's docs that lists them, when
 * the adapter knows the endpoint.
 *
 * @param method - HTTP method
 * @param path - URL path
 * @param actor - who the request acts as; when not known, both variants are named
 * @returns the scopes and their page, or `undefined` for an endpoint the table does not list
 *
 * @example
 * ```ts
 * linkedInScopeRule('POST', '/rest/posts', 'organization');
 * // { scopes: 'w_organization_social', docs: 'https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api' }
 * ```
 */
export function linkedInScopeRule(
  method: string,
  path: string,
  actor?: LinkedInActor,
): LinkedInScopeRule | undefined {
  const request = `${method.toUpperCase()} ${path}`;
  const rule = RULES.find((candidate) => candidate.request.test(request));
  if (rule === undefined) return undefined;
  return { scopes: scopesFor(rule, actor), docs: rule.docs };
}

/**
 * The scope (or scopes) the request needs, in words, when the adapter knows it.
 *
 * @param method - HTTP method
 * @param path - URL path
 * @param actor - who the request acts as; when not known, both variants are named
 * @returns e.g. `rw_organization_admin`, or `undefined` for an endpoint the table does not list
 *
 * @example
 * ```ts
 * requiredLinkedInScopes('GET', '/rest/organizationalEntityShareStatistics'); // 'rw_organization_admin'
 * requiredLinkedInScopes('POST', '/rest/posts', 'member'); // 'w_member_social'
 * ```
 */
export function requiredLinkedInScopes(
  method: string,
  path: string,
  actor?: LinkedInActor,
): string | undefined {
  return linkedInScopeRule(method, path, actor)?.scopes;
}

/** The rule's scopes for `actor`, or both variants, each labelled, when the actor is not known. */
function scopesFor(rule: ScopeRule, actor: LinkedInActor | undefined): string {
  if (actor !== undefined) return rule[actor];
  if (rule.member === rule.organization) return rule.member;
  return `${rule.member} (as a member) or ${rule.organization} (as an organization)`;
}
