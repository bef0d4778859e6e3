import { graphError } from '@smmkit/graph-api/mocks';
import type { SimulatedPost } from '@smmkit/testkit';
import { growingCount } from '@smmkit/testkit/simulator-kit';
import { type InstagramContext, postExtra } from './context.js';
import { INSIGHTS_PER_HOUR } from './entities.js';
import { STORY_INSIGHTS_MIN_VIEWERS, STORY_LIFETIME_MS } from './limits.js';
import {
  breakdownOf,
  isMediaBreakdown,
  isMediaMetric,
  MEDIA_BREAKDOWNS,
  MEDIA_METRIC_SPECS,
  type MediaBreakdown,
  type MediaMetric,
  offeredOn,
  type ProductType,
} from './media-metrics.js';

/** Metrics Meta removed (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights; https://developers.facebook.com/docs/graph-api/changelog). */
export const REMOVED_METRICS: ReadonlySet<string> = new Set([
  'impressions',
  'plays',
  'video_views',
  'engagement',
  'clips_replays_count',
  'ig_reels_aggregated_all_plays_count',
]);

/** Media metrics the simulator serves (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights). */
export const MEDIA_METRICS = Object.keys(MEDIA_METRIC_SPECS) as readonly MediaMetric[];

/** Metrics whose values stay empty until the data arrives (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights). */
const DELAYED: ReadonlySet<string> = new Set(['reach', 'views']);

/** Simulated growth per hour of the metrics `INSIGHTS_PER_HOUR` does not set, and of each breakdown value. */
const MORE_PER_HOUR: Readonly<Record<string, number>> = {
  replies: 2,
  follows: 1,
  profile_visits: 6,
  'action_type:bio_link_clicked': 2,
  'action_type:call': 0.5,
  'action_type:direction': 0.5,
  'action_type:email': 0.5,
  'action_type:other': 1,
  'action_type:text': 0.5,
  'story_navigation_action_type:tap_forward': 120,
  'story_navigation_action_type:tap_back': 20,
  'story_navigation_action_type:tap_exit': 15,
  'story_navigation_action_type:swipe_forward': 25,
};

/** What `GET /{ig-media-id}/insights` asks: `metric` and `breakdown`, as lists. */
export interface MediaInsightsQuery {
  /** `metric`, comma-separated. */
  readonly metrics: readonly string[];
  /** `breakdown`, comma-separated; none when absent. */
  readonly breakdowns: readonly string[];
}

/**
 * `GET /{ig-media-id}/insights?metric=…&breakdown=…`
 * (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights):
 * `{data:[{name, period:'lifetime', values:[{value}], title, description, id}]}`, with
 * `total_value:{value, breakdowns:[{dimension_keys:[breakdown], results:[{dimension_values:[v], value}]}]}`
 * on a metric asked with its breakdown. Values grow with simulated time (testkit
 * `growingCount`), up to the media's seeded `viewers` for `reach` and `views`; `reach` and
 * `views` come back with empty `values` until `insightsDelayMs` after publishing. Refusals, in
 * the order checked:
 *
 * - no metric, a removed one (Graph error 100 with the v22 wording "Starting from version 22 and
 *   above, the impressions metric is no longer supported…", quoted in gitroomhq/postiz-app#622
 *   for users; the media wording is ASSUMED) or an unknown one ("metric[i] must be one of the
 *   following values: …");
 * - metrics the media's product type does not have (the reference's Metrics table): 100, "The
 *   Media Insights API does not support the likes, comments metric for this media product type."
 *   (the wording developers quote);
 * - an unknown breakdown: 100 (wording ASSUMED); a breakdown asked with a metric that does not
 *   take it: "If you request a metric that doesn't support breakdowns, the API will return an
 *   error ("An unknown error has occurred.")"
 *   (https://developers.facebook.com/docs/instagram-api/reference/ig-media/insights, Breakdown;
 *   code 1, Graph's unknown error, ASSUMED);
 * - a story seen by fewer than 5 accounts: "Story media metrics with values less than 5 return
 *   an error code 10 with the message (#10) Not enough viewers for the media to show insights"
 *   (Limitations; see `STORY_INSIGHTS_MIN_VIEWERS`).
 *
 * A story older than 24 hours, whose "metrics are only available for 24 hours", answers the
 * empty data set the reference gives for data that "does not exist or is currently unavailable"
 * (`{data: []}`; ASSUMED for this case, which Meta describes no answer for).
 *
 * @param context - the simulator's state (comments, the insights delay)
 * @param post - the media, the token's own
 * @param query - `metric` and `breakdown`
 * @param now - simulated now
 * @returns the Graph answer
 *
 * @example
 * ```ts
 * return mediaInsights(context, post, { metrics: ['navigation'], breakdowns: ['story_navigation_action_type'] }, now);
 * ```
 */
export function mediaInsights(
  context: InstagramContext,
  post: SimulatedPost,
  query: MediaInsightsQuery,
  now: number,
): Response {
  const { metrics, breakdowns } = query;
  if (metrics.length === 0)
    return graphError({ message: '(#100) The parameter metric is required', code: 100 });
  for (const [index, name] of metrics.entries()) {
    if (REMOVED_METRICS.has(name))
      return graphError({
        message: `(#100) Starting from version 22 and above, the ${name} metric is no longer supported for the queried media. Please refer to the documentation at https://developers.facebook.com/docs/instagram-api/reference/ig-media/insights for a list of supported metrics.`,
        code: 100,
      });
    if (!isMediaMetric(name))
      return graphError({
        message: `(#100) metric[${index}] must be one of the following values: ${MEDIA_METRICS.join(', ')}`,
        code: 100,
      });
  }
  const asked = metrics.filter(isMediaMetric);
  const extra = postExtra(post.extra);
  const product = productOf(extra.productType);
  const unsupported = asked.filter((name) => !offeredOn(name, product));
  if (unsupported.length > 0)
    return graphError({
      message: `(#100) The Media Insights API does not support the ${unsupported.join(', ')} metric for this media product type.`,
      code: 100,
    });
  for (const [index, name] of breakdowns.entries())
    if (!isMediaBreakdown(name))
      return graphError({
        message: `(#100) breakdown[${index}] must be one of the following values: ${Object.keys(MEDIA_BREAKDOWNS).join(', ')}`,
        code: 100,
      });
  const wanted = breakdowns.filter(isMediaBreakdown);
  if (asked.some((name) => wanted.some((breakdown) => breakdownOf(name) !== breakdown)))
    return graphError({ message: 'An unknown error has occurred.', code: 1 });

  const age = now - post.createdAt;
  const count = (metric: string) =>
    growingCount(post.id, metric, age, INSIGHTS_PER_HOUR[metric] ?? MORE_PER_HOUR[metric] ?? 0);
  const seen = (metric: 'reach' | 'views') =>
    Math.min(count(metric), extra.viewers ?? Number.POSITIVE_INFINITY);
  if (product === 'STORY') {
    if (age >= STORY_LIFETIME_MS) return Response.json({ data: [] });
    if (seen('reach') < STORY_INSIGHTS_MIN_VIEWERS)
      return graphError({ message: '(#10) Not enough viewers for the media to show insights', code: 10 });
  }

  const parts = (breakdown: MediaBreakdown) =>
    MEDIA_BREAKDOWNS[breakdown].map((key) => [key, count(`${breakdown}:${key}`)] as const);
  const comments = context.comments.on(post.id).length;
  // The reels' average watch time does not grow with age: a fixed 2–6 s per reel.
  const averageWatchMs = growingCount(post.id, 'ig_reels_avg_watch_time', 3_600_000, 4_000);
  const value = (name: MediaMetric): number => {
    switch (name) {
      case 'reach':
      case 'views':
        return seen(name);
      case 'comments':
        return comments;
      case 'total_interactions':
        // "The number of replies and shares for your story"; on a post, likes, saves, comments and shares.
        return product === 'STORY'
          ? count('replies') + count('shares')
          : count('likes') + count('shares') + count('saved') + comments;
      case 'navigation':
        return sum(parts('story_navigation_action_type'));
      case 'profile_activity':
        return sum(parts('action_type'));
      case 'ig_reels_avg_watch_time':
        return averageWatchMs;
      case 'ig_reels_video_view_total_time':
        return averageWatchMs * seen('views');
      default:
        return count(name);
    }
  };
  const data = asked.map((name) => {
    const { title, description } = MEDIA_METRIC_SPECS[name];
    const delayed = age < context.insightsDelayMs && DELAYED.has(name);
    const breakdown = breakdownOf(name);
    const total =
      breakdown === undefined || !wanted.includes(breakdown)
        ? {}
        : {
            total_value: {
              value: value(name),
              breakdowns: [
                {
                  dimension_keys: [breakdown],
                  // Buckets nobody took are left out (ASSUMED; the sample answers show none at 0).
                  results: parts(breakdown)
                    .filter(([, amount]) => amount > 0)
                    .map(([key, amount]) => ({ dimension_values: [key], value: amount })),
                },
              ],
            },
          };
    return {
      name,
      period: 'lifetime',
      values: delayed ? [] : [{ value: value(name) }],
      title,
      description,
      ...total,
      id: `${post.id}/insights/${name}/lifetime`,
    };
  });
  return Response.json({ data });
}

/** The product type of a stored media; a media stored by other tools reads as a feed post. */
function productOf(productType: string | undefined): ProductType {
  return productType === 'REELS' || productType === 'STORY' ? productType : 'FEED';
}

const sum = (parts: readonly (readonly [string, number])[]) =>
  parts.reduce((total, [, amount]) => total + amount, 0);
