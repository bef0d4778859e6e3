/** A facet of the follower statistics, as the answer names it. */
export type FollowerFacet =
  | 'followerCountsByAssociationType'
  | 'followerCountsBySeniority'
  | 'followerCountsByIndustry'
  | 'followerCountsByFunction'
  | 'followerCountsByStaffCountRange'
  | 'followerCountsByGeoCountry'
  | 'followerCountsByGeo';

/**
 * The 7 demographic facets of an organization's lifetime follower statistics, and the key that
 * names a bucket in each
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/follower-statistics).
 */
export const FOLLOWER_FACETS: Readonly<Record<FollowerFacet, string>> = {
  followerCountsByAssociationType: 'associationType',
  followerCountsBySeniority: 'seniority',
  followerCountsByIndustry: 'industry',
  followerCountsByFunction: 'function',
  followerCountsByStaffCountRange: 'staffCountRange',
  followerCountsByGeoCountry: 'geo',
  followerCountsByGeo: 'geo',
};

/** An organization's followers per bucket of each facet, keyed as LinkedIn keys them (`urn:li:seniority:4`, `SIZE_11_TO_50`). */
export type FollowerStatistics = Readonly<Record<FollowerFacet, Readonly<Record<string, number>>>>;

/** "The results for any individual facet are limited to the top 100 results" (follower statistics page). */
export const FACET_TOP = 100;

/**
 * Typical shares of each bucket among an organization's followers, and how many of them the facet
 * covers (members without the attribute, or beyond a top list, are in no bucket). Seniority 1–10,
 * job functions 1–26 and industries are LinkedIn's standardized URNs; geo URNs are countries
 * (`103644278` United States, `101165590` United Kingdom, `101282230` Germany, `105015875` France,
 * `101174742` Canada, `102713980` India, `102890719` Netherlands, `105646813` Spain) and, for
 * `followerCountsByGeo`, metropolitan areas.
 */
const SHARES: Readonly<Record<FollowerFacet, Readonly<Record<string, number>>>> = {
  followerCountsByAssociationType: { EMPLOYEE: 0.03 },
  followerCountsBySeniority: {
    'urn:li:seniority:3': 0.27,
    'urn:li:seniority:4': 0.31,
    'urn:li:seniority:5': 0.12,
    'urn:li:seniority:6': 0.07,
    'urn:li:seniority:7': 0.03,
    'urn:li:seniority:8': 0.04,
    'urn:li:seniority:2': 0.04,
    'urn:li:seniority:10': 0.03,
    'urn:li:seniority:9': 0.01,
    'urn:li:seniority:1': 0.01,
  },
  followerCountsByIndustry: {
    'urn:li:industry:4': 0.18,
    'urn:li:industry:6': 0.11,
    'urn:li:industry:96': 0.09,
    'urn:li:industry:43': 0.07,
    'urn:li:industry:11': 0.06,
    'urn:li:industry:80': 0.05,
    'urn:li:industry:137': 0.04,
    'urn:li:industry:27': 0.03,
    'urn:li:industry:44': 0.02,
  },
  followerCountsByFunction: {
    'urn:li:function:8': 0.24,
    'urn:li:function:25': 0.12,
    'urn:li:function:15': 0.1,
    'urn:li:function:4': 0.09,
    'urn:li:function:13': 0.08,
    'urn:li:function:19': 0.06,
    'urn:li:function:18': 0.06,
    'urn:li:function:12': 0.05,
    'urn:li:function:10': 0.04,
    'urn:li:function:6': 0.03,
  },
  followerCountsByStaffCountRange: {
    SIZE_1: 0.04,
    SIZE_2_TO_10: 0.09,
    SIZE_11_TO_50: 0.12,
    SIZE_51_TO_200: 0.13,
    SIZE_201_TO_500: 0.09,
    SIZE_501_TO_1000: 0.07,
    SIZE_1001_TO_5000: 0.13,
    SIZE_5001_TO_10000: 0.07,
    SIZE_10001_OR_MORE: 0.2,
  },
  followerCountsByGeoCountry: {
    'urn:li:geo:103644278': 0.38,
    'urn:li:geo:101165590': 0.11,
    'urn:li:geo:102713980': 0.1,
    'urn:li:geo:101282230': 0.08,
    'urn:li:geo:105015875': 0.06,
    'urn:li:geo:101174742': 0.05,
    'urn:li:geo:102890719': 0.04,
    'urn:li:geo:105646813': 0.03,
  },
  followerCountsByGeo: {
    'urn:li:geo:90000070': 0.12,
    'urn:li:geo:90009496': 0.08,
    'urn:li:geo:90000084': 0.06,
    'urn:li:geo:90000049': 0.05,
    'urn:li:geo:90009626': 0.04,
    'urn:li:geo:90009659': 0.03,
  },
};

/** A number from 0.8 to 1.2, the same for the same organization and bucket in every run. */
function jitter(seed: string): number {
  let hash = 2166136261;
  for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return 0.8 + ((hash >>> 0) % 401) / 1000;
}

/**
 * Plausible follower statistics of an organization with `followers` followers: each facet's
 * typical shares, jittered per organization, in whole followers.
 */
export function defaultFollowerStatistics(org: string, followers: number): FollowerStatistics {
  const spread = (facet: FollowerFacet) =>
    Object.fromEntries(
      Object.entries(SHARES[facet])
        .map(
          ([key, share]) => [key, Math.floor(followers * share * jitter(`${org}:${facet}:${key}`))] as const,
        )
        .filter(([, value]) => value > 0),
    );
  return Object.fromEntries(
    (Object.keys(FOLLOWER_FACETS) as FollowerFacet[]).map((facet) => [facet, spread(facet)]),
  ) as FollowerStatistics;
}

/**
 * One organization's lifetime element: each facet's top 100 buckets, largest first (ASSUMED
 * order), `{<key>: bucket, followerCounts:{organicFollowerCount, paidFollowerCount}}`. The
 * bucket's total is in `organicFollowerCount`, as LinkedIn rolls demographics up; the simulator
 * puts a small made-up figure in `paidFollowerCount`, which LinkedIn says not to use for
 * demographics.
 */
export function followerStatisticsElement(
  org: string,
  statistics: FollowerStatistics,
): Record<string, unknown> {
  const facets = (Object.keys(FOLLOWER_FACETS) as FollowerFacet[]).map((facet) => {
    const key = FOLLOWER_FACETS[facet];
    const buckets = Object.entries(statistics[facet])
      .filter(([, value]) => value > 0)
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .slice(0, FACET_TOP)
      .map(([bucket, value]) => ({
        [key]: bucket,
        followerCounts: { organicFollowerCount: value, paidFollowerCount: Math.floor(value / 50) },
      }));
    return [facet, buckets] as const;
  });
  return { organizationalEntity: org, ...Object.fromEntries(facets) };
}
