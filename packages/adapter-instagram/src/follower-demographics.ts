import { type AudienceBreakdown, PlatformError, type RequestContext } from '@smmkit/core';
import { type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import { FollowerDemographicsSchema } from './schemas.js';

/**
 * The breakdowns of `follower_demographics`, in the order they are read: "age, city, country,
 * gender" (https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights).
 */
export const INSTAGRAM_AUDIENCE_BREAKDOWNS = ['age', 'gender', 'country', 'city'] as const;

/** The insights metric read. */
const METRIC = 'follower_demographics';

/**
 * The account's followers by age, gender, country and city, from
 * `GET /{ig-user-id}/insights?metric=follower_demographics&period=lifetime&metric_type=total_value&breakdown={breakdown}`,
 * one request per breakdown, with Meta's keys kept (`18-24`, `F`/`M`/`U`, `US`, `London, England`)
 * and each result's `value` as the bucket's followers, largest first
 * (https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights).
 * `timeframe` is not sent: it chooses the window of the engaged-audience metrics, and followers
 * are counted as they are now (ASSUMED: Meta's examples of this metric go without it).
 *
 * Meta's limits show in what comes back: "Demographic metrics only return the top 45 performers"
 * (so cities and countries are the 45 largest), "Only viewers for whom we have demographic data
 * are used" (buckets may sum to fewer than the followers), and data "may be delayed up to 48
 * hours". A breakdown Meta returns no data for ("an empty data set instead of 0") comes back with
 * no buckets, so every breakdown of `INSTAGRAM_AUDIENCE_BREAKDOWNS` is always there.
 *
 * @param http - the adapter's HTTP client
 * @param context - the account (its IG user id), tokens, signal and clock
 * @returns one breakdown per dimension, `rawName` `follower_demographics/{breakdown}`
 * @throws PlatformError (`platform_refused`) when Meta refuses the metric, which it does for
 *   accounts with fewer than 100 followers; the hint says so
 * @throws AuthError (`auth_missing_scope`) without `instagram_manage_insights` (Facebook Login) or
 *   `instagram_business_manage_insights` (Instagram Login)
 *
 * @example
 * ```ts
 * const [byAge] = await getInstagramAudience(http, ctx);
 * byAge?.buckets[0]; // { key: '25-34', value: 1210 }
 * ```
 */
export async function getInstagramAudience(
  http: HttpClient,
  context: RequestContext,
): Promise<AudienceBreakdown[]> {
  const { accountId } = context.account;
  const breakdowns: AudienceBreakdown[] = [];
  for (const breakdown of INSTAGRAM_AUDIENCE_BREAKDOWNS) {
    let data: Awaited<ReturnType<typeof read>>;
    try {
      data = await read(http, breakdown, context);
    } catch (error) {
      throw tooFewFollowers(error, accountId) ?? error;
    }
    const results = data.data?.find((item) => item.name === undefined || item.name === METRIC)?.total_value
      ?.breakdowns?.[0]?.results;
    const buckets = (results ?? []).flatMap((result) => {
      const key = result.dimension_values?.[0];
      const value = result.value;
      return key === undefined || key === '' || value === undefined || !Number.isFinite(value) || value < 0
        ? []
        : [{ key, value }];
    });
    buckets.sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    breakdowns.push({
      platform: 'instagram',
      accountId,
      dimension: breakdown,
      rawName: `${METRIC}/${breakdown}`,
      observedAt: new Date((context.clock ?? systemClock).now()),
      buckets,
    });
  }
  return breakdowns;
}

async function read(http: HttpClient, breakdown: string, context: RequestContext) {
  const { data } = await http.request({
    method: 'GET',
    path: `/${encodeURIComponent(context.account.accountId)}/insights`,
    operation: 'read follower demographics',
    searchParams: { metric: METRIC, period: 'lifetime', metric_type: 'total_value', breakdown },
    schema: FollowerDemographicsSchema,
    context,
  });
  return data;
}

/**
 * Meta's refusal of the metric (Graph code 100) with the likely reason added: demographics are
 * "not available on IG Users with fewer than 100 followers"
 * (https://developers.facebook.com/docs/instagram-api/reference/ig-user/insights, Limitations).
 * `undefined` for any other error.
 */
function tooFewFollowers(error: unknown, accountId: string): PlatformError | undefined {
  if (
    !PlatformError.isInstance(error) ||
    error.code !== 'platform_refused' ||
    error.platformError?.code !== 100
  )
    return undefined;
  return new PlatformError(
    'platform_refused',
    `read Instagram follower demographics of ${accountId}: Meta refused them (${error.platformError.message ?? 'code 100'}); Instagram reports follower demographics only for accounts with at least 100 followers.`,
    {
      platform: 'instagram',
      status: error.status,
      platformError: error.platformError,
      hint: 'If the account has fewer than 100 followers, its demographics become available once it has 100 (https://developers.facebook.com/docs/instagram-api/reference/ig-user/insights).',
      cause: error,
    },
  );
}
