import { type AudienceBreakdown, type RequestContext, UnsupportedCapabilityError } from '@smmkit/core';
import { type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import { httpActingAs } from './acting-author.js';
import { resolveAuthor } from './author.js';
import { FollowerStatisticsSchema } from './schemas.js';
import { encodeUrn, isOrganizationUrn } from './urn.js';

/** The follower statistics page every rule here comes from. */
const DOCS =
  'https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/follower-statistics';

/**
 * LinkedIn's 7 demographic facets of an organization's followers: the dimension smmkit names
 * each (the facet's own name, camel-cased), the field of the answer that lists it, and the key
 * that names a bucket in it (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/follower-statistics).
 */
export const LINKEDIN_FOLLOWER_FACETS = [
  { dimension: 'seniority', field: 'followerCountsBySeniority', key: 'seniority' },
  { dimension: 'industry', field: 'followerCountsByIndustry', key: 'industry' },
  { dimension: 'function', field: 'followerCountsByFunction', key: 'function' },
  { dimension: 'geoCountry', field: 'followerCountsByGeoCountry', key: 'geo' },
  { dimension: 'geo', field: 'followerCountsByGeo', key: 'geo' },
  { dimension: 'staffCountRange', field: 'followerCountsByStaffCountRange', key: 'staffCountRange' },
  { dimension: 'associationType', field: 'followerCountsByAssociationType', key: 'associationType' },
] as const;

/**
 * An organization's followers split by seniority, industry, function, country (`geoCountry`),
 * market area (`geo`), company size (`staffCountRange`) and association (`associationType`), from
 * its lifetime follower statistics: `GET /rest/organizationalEntityFollowerStatistics?q=organizationalEntity&organizationalEntity={org}`
 * without `timeIntervals` (with them LinkedIn answers follower gains, "not segmented by facet").
 * The token needs `rw_organization_admin` and the member the organization's ADMINISTRATOR role
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/follower-statistics).
 *
 * Buckets keep LinkedIn's keys (`urn:li:seniority:4`, `urn:li:geo:103644278`, `SIZE_11_TO_50`;
 * its Standardized Data APIs name them). A bucket's followers are its `organicFollowerCount`:
 * "Demographic results are rolled up as a total of both organic and paid followers in the
 * organicFollowerCount field. Do not refer to the paidFollowerCount field for demographic
 * statistics." Each facet lists the top 100 buckets only, so buckets may sum to fewer than the
 * followers. Every facet comes back, with no buckets when LinkedIn lists none.
 *
 * Whose followers: the adapter's `author` setting, else the context's account. LinkedIn reports
 * demographics for organizations only (a member's follower statistics are counts:
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/follower-statistics),
 * so a member is refused before any request rather than answered with nothing.
 *
 * @param http - the adapter's HTTP client
 * @param author - the adapter's `author` setting, when set
 * @param context - the account, tokens, signal and clock
 * @returns one breakdown per facet, `rawName` the answer's field (`followerCountsBySeniority`)
 * @throws UnsupportedCapabilityError (`research.audience`) for a member (`urn:li:person:…`), before any request
 * @throws AuthError (`auth_missing_scope`) without `rw_organization_admin`
 *
 * @example
 * ```ts
 * const bySeniority = (await getLinkedInAudience(http, undefined, ctx))[0];
 * bySeniority?.buckets[0]; // { key: 'urn:li:seniority:4', value: 310 }
 * ```
 */
export async function getLinkedInAudience(
  http: HttpClient,
  author: string | undefined,
  context: RequestContext,
): Promise<AudienceBreakdown[]> {
  const owner = resolveAuthor(context, author);
  if (!isOrganizationUrn(owner)) {
    throw new UnsupportedCapabilityError('research.audience for a member (urn:li:person) account', {
      platform: 'linkedin',
      hint: `LinkedIn reports follower demographics for organization pages only (${DOCS}); a member's follower statistics are counts. Use the organization's URN as the account, or the adapter's author setting.`,
    });
  }
  const { data } = await httpActingAs(http, owner).request({
    method: 'GET',
    path: `/rest/organizationalEntityFollowerStatistics?q=organizationalEntity&organizationalEntity=${encodeUrn(owner)}`,
    operation: 'read follower statistics',
    schema: FollowerStatisticsSchema,
    context,
  });
  const element = data.elements.find((item) => item.organizationalEntity === owner) ?? data.elements[0];
  const observedAt = new Date((context.clock ?? systemClock).now());
  return LINKEDIN_FOLLOWER_FACETS.map(({ dimension, field, key }) => {
    const buckets = (element?.[field] ?? []).flatMap((item) => {
      const name = item[key];
      const value = item.followerCounts?.organicFollowerCount;
      return typeof name !== 'string' ||
        name === '' ||
        value === undefined ||
        !Number.isFinite(value) ||
        value < 0
        ? []
        : [{ key: name, value }];
    });
    buckets.sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return {
      platform: 'linkedin',
      accountId: context.account.accountId,
      dimension,
      rawName: field,
      observedAt,
      buckets,
    };
  });
}
