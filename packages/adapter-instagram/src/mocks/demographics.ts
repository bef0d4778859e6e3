import type { SimulatedAccount } from '@smmkit/testkit';

/** One breakdown of `follower_demographics`: `age`, `gender`, `country` or `city`. */
export type DemographicBreakdown = 'age' | 'gender' | 'country' | 'city';

/** The breakdowns of `follower_demographics` (https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights). */
export const DEMOGRAPHIC_BREAKDOWNS: readonly DemographicBreakdown[] = ['age', 'gender', 'country', 'city'];

/**
 * An account's followers per bucket of each breakdown, in Meta's keys: age ranges (`18-24`),
 * gender `F`, `M`, `U`, ISO country codes (`US`) and cities as `City, Region` (`London, England`).
 */
export type FollowerDemographics = Readonly<Record<DemographicBreakdown, Readonly<Record<string, number>>>>;

/** "Demographic metrics only return the top 45 performers" (insights reference, Limitations). */
export const DEMOGRAPHICS_TOP = 45;

/**
 * Accounts below 100 followers get no demographics (https://developers.facebook.com/docs/instagram-api/reference/ig-user/insights,
 * Limitations: "not available on IG Users with fewer than 100 followers").
 */
export const DEMOGRAPHICS_MIN_FOLLOWERS = 100;

/**
 * Share of followers Meta has demographic data for: "Only viewers for whom we have demographic
 * data are used … Summing demographic metric values may result in a value less than the follower
 * count" (insights reference). The simulator knows 92 % of them.
 */
const KNOWN_SHARE = 0.92;

/** Typical shares of each bucket among the followers Meta knows, before each account's own jitter. */
const SHARES: Readonly<Record<DemographicBreakdown, Readonly<Record<string, number>>>> = {
  age: {
    '13-17': 0.03,
    '18-24': 0.22,
    '25-34': 0.36,
    '35-44': 0.21,
    '45-54': 0.1,
    '55-64': 0.05,
    '65+': 0.03,
  },
  gender: { F: 0.54, M: 0.43, U: 0.03 },
  // The long tail beyond these countries and cities is left out, as Meta's top 45 leaves it out.
  country: {
    US: 0.31,
    GB: 0.12,
    DE: 0.09,
    FR: 0.07,
    CA: 0.06,
    AU: 0.05,
    ES: 0.04,
    IT: 0.04,
    NL: 0.03,
    BR: 0.03,
    IN: 0.03,
    MX: 0.02,
    SE: 0.02,
  },
  city: {
    'New York, New York': 0.06,
    'London, England': 0.05,
    'Los Angeles, California': 0.04,
    'Berlin, Berlin': 0.03,
    'Paris, Île-de-France': 0.03,
    'Toronto, Ontario': 0.025,
    'Chicago, Illinois': 0.02,
    'Sydney, New South Wales': 0.02,
    'Madrid, Comunidad de Madrid': 0.015,
    'Amsterdam, North Holland': 0.015,
    'Manchester, England': 0.012,
    'Munich, Bavaria': 0.012,
  },
};

/** A number from 0.8 to 1.2, the same for the same account and bucket in every run. */
function jitter(seed: string): number {
  let hash = 2166136261;
  for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return 0.8 + ((hash >>> 0) % 401) / 1000;
}

/**
 * Plausible demographics for `account`: its known followers (92 %) spread over each breakdown's
 * typical shares, jittered per account, in whole followers. Countries and cities cover part of
 * them only, as a top list does.
 */
export function defaultDemographics(account: SimulatedAccount): FollowerDemographics {
  const known = Math.round(account.followers * KNOWN_SHARE);
  const spread = (breakdown: DemographicBreakdown): Record<string, number> => {
    const shares = Object.entries(SHARES[breakdown]).map(
      ([key, share]) => [key, share * jitter(`${account.id}:${breakdown}:${key}`)] as const,
    );
    const typical = Object.values(SHARES[breakdown]).reduce((sum, share) => sum + share, 0);
    const total = shares.reduce((sum, [, share]) => sum + share, 0);
    // Whole breakdowns (age, gender) add up to the known followers; top lists keep their coverage.
    const scale = (known * Math.min(typical, 1)) / total;
    return Object.fromEntries(
      shares
        .map(([key, share]) => [key, Math.floor(share * scale)] as const)
        .filter(([, value]) => value > 0),
    );
  };
  return { age: spread('age'), gender: spread('gender'), country: spread('country'), city: spread('city') };
}

/**
 * The results of one breakdown as Meta lists them: `{dimension_values:[key], value}`, largest
 * first (ASSUMED order), the top 45 only.
 */
export function demographicResults(
  buckets: Readonly<Record<string, number>>,
): { dimension_values: string[]; value: number }[] {
  return Object.entries(buckets)
    .filter(([, value]) => value > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, DEMOGRAPHICS_TOP)
    .map(([key, value]) => ({ dimension_values: [key], value }));
}
