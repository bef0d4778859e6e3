import { graphError, invalidParameter, listParam, unsupportedRequest } from '@smmkit/graph-api/mocks';
import type { InstagramContext } from '../context.js';
import {
  DEMOGRAPHIC_BREAKDOWNS,
  DEMOGRAPHICS_MIN_FOLLOWERS,
  type DemographicBreakdown,
  defaultDemographics,
  demographicResults,
} from '../demographics.js';
import { INSIGHTS, requireLoginPermissions } from '../permissions.js';

/** The windows of the demographic metrics (v20.0 dropped `last_14_days`, `last_30_days`, `last_90_days`, `prev_month`). */
const TIMEFRAMES: ReadonlySet<string> = new Set(['this_week', 'this_month']);

const isBreakdown = (value: string): value is DemographicBreakdown =>
  (DEMOGRAPHIC_BREAKDOWNS as readonly string[]).includes(value);

/**
 * `GET /{v}/{ig-user-id}/insights?metric=follower_demographics&period=lifetime&metric_type=total_value&breakdown={age|city|country|gender}`
 * (https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights),
 * on either host, for the token's own account only, with the permissions of `INSIGHTS`:
 * `{data:[{name, period:'lifetime', title, description, total_value:{breakdowns:[{dimension_keys:[breakdown],
 * results:[{dimension_values:[key], value}]}]}, id}]}` — the top 45 buckets, largest first, from the
 * account's seeded demographics or plausible ones made from its follower count.
 *
 * The simulator serves this metric only (Meta has many more on this edge); another one is a 100
 * that says so. The refusals are Graph's code 100, their wording ASSUMED: a period other than
 * `lifetime`, a `metric_type` other than `total_value`, no breakdown or another one, a `timeframe`
 * other than `this_week` or `this_month` (optional here), and an account with fewer than 100
 * followers ("not available on IG Users with fewer than 100 followers",
 * https://developers.facebook.com/docs/instagram-api/reference/ig-user/insights; developers report
 * a 400 with code 100).
 *
 * Declared after the media routes: `GET /{v}/{id}/insights` is one shape, and the media route
 * passes on an id that is no media.
 *
 * @param context - the simulator's state and route registrar
 *
 * @example
 * ```ts
 * registerUserInsightsRoutes(context);
 * ```
 */
export function registerUserInsightsRoutes(context: InstagramContext): void {
  const { sim } = context;
  context.route('GET', '/:version/:igUserId/insights', {}, (request) => {
    const { path, params, accountId } = request;
    const id = path.igUserId ?? '';
    const account = sim.accounts.get(id);
    if (account === undefined || id !== accountId) return unsupportedRequest('GET', id);
    requireLoginPermissions(context, request, INSIGHTS);
    const metrics = listParam(params, 'metric');
    if (metrics.length === 0) return invalidParameter('The parameter metric is required');
    if (metrics.some((metric) => metric !== 'follower_demographics'))
      return invalidParameter(
        `The simulator serves only follower_demographics on IG User insights, not ${metrics.join(',')}`,
      );
    if (params.get('period') !== 'lifetime')
      return invalidParameter('follower_demographics only supports period=lifetime');
    if (params.get('metric_type') !== 'total_value')
      return invalidParameter('follower_demographics requires metric_type=total_value');
    const [breakdown, ...others] = listParam(params, 'breakdown');
    if (others.length > 0 || breakdown === undefined || !isBreakdown(breakdown))
      return invalidParameter('breakdown must be one of the following values: age, city, country, gender');
    const timeframe = params.get('timeframe');
    if (timeframe !== undefined && !TIMEFRAMES.has(timeframe))
      return invalidParameter(`timeframe must be one of the following values: this_week, this_month`);
    if (account.followers < DEMOGRAPHICS_MIN_FOLLOWERS)
      return graphError({
        message: `(#100) Not enough followers: follower_demographics is available for accounts with at least ${DEMOGRAPHICS_MIN_FOLLOWERS} followers`,
        code: 100,
      });
    const demographics = context.demographics.get(id) ?? defaultDemographics(account);
    return Response.json({
      data: [
        {
          name: 'follower_demographics',
          period: 'lifetime',
          title: 'Follower demographics',
          description:
            'The demographic characteristics of followers, including countries, cities and gender distribution.',
          total_value: {
            breakdowns: [
              { dimension_keys: [breakdown], results: demographicResults(demographics[breakdown]) },
            ],
          },
          id: `${id}/insights/follower_demographics/lifetime`,
        },
      ],
    });
  });
}
