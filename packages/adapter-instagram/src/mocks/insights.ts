import { graphError } from '@smmkit/graph-api/mocks';
import type { SimulatedPost } from '@smmkit/testkit';
import { growingCount } from '@smmkit/testkit/simulator-kit';
import type { InstagramContext } from './context.js';
import { INSIGHTS_PER_HOUR } from './entities.js';

/** Metrics Meta removed (https://developers.facebook.com/docs/instagram-api/reference/ig-media/insights; https://developers.facebook.com/docs/graph-api/changelog). */
export const REMOVED_METRICS: ReadonlySet<string> = new Set([
  'impressions',
  'plays',
  'video_views',
  'engagement',
  'clips_replays_count',
  'ig_reels_aggregated_all_plays_count',
]);

/** Metrics whose values stay empty until the data arrives (https://developers.facebook.com/docs/instagram-api/reference/ig-media/insights). */
const DELAYED: ReadonlySet<string> = new Set(['reach', 'views']);

/** The title and description of each media metric the simulator serves, in the order Meta lists them. */
const TITLES = {
  reach: ['Accounts reached', 'The number of unique accounts that have seen this media at least once.'],
  views: ['Views', 'The number of times this media was played or displayed.'],
  likes: ['Likes', 'The number of likes on this media.'],
  comments: ['Comments', 'The number of comments on this media.'],
  shares: ['Shares', 'The number of shares of this media.'],
  saved: ['Saved', 'The number of saves of this media.'],
  total_interactions: [
    'Interactions',
    'The number of likes, saves, comments and shares on this media, minus unlikes, unsaves and deleted comments.',
  ],
} as const;

/** A media metric the simulator serves. */
type MediaMetric = keyof typeof TITLES;

/** Media metrics the simulator serves (https://developers.facebook.com/docs/instagram-api/reference/ig-media/insights). */
export const MEDIA_METRICS = Object.keys(TITLES) as readonly MediaMetric[];

const isMetric = (name: string): name is MediaMetric => Object.hasOwn(TITLES, name);

/** Metrics a story does not have (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights). */
const NOT_FOR_STORIES: ReadonlySet<string> = new Set(['likes', 'comments', 'saved']);

/**
 * `GET /{ig-media-id}/insights?metric=…` (https://developers.facebook.com/docs/instagram-api/reference/ig-media/insights):
 * `{data:[{name, period:'lifetime', values:[{value}], title, description, id}]}`. Values grow
 * with simulated time (testkit `growingCount`); `reach` and `views` come back with empty
 * `values` until `insightsDelayMs` after publishing. A removed metric is Graph error 100 with the
 * v22 wording ("Starting from version 22 and above, the impressions metric is no longer
 * supported…", quoted in gitroomhq/postiz-app#622 for users; the media wording is ASSUMED); an
 * unknown metric gets "metric[i] must be one of the following values: …".
 */
export function mediaInsights(
  context: InstagramContext,
  post: SimulatedPost,
  metrics: readonly string[],
  now: number,
): Response {
  if (metrics.length === 0)
    return graphError({ message: '(#100) The parameter metric is required', code: 100 });
  for (const [index, name] of metrics.entries()) {
    if (REMOVED_METRICS.has(name))
      return graphError({
        message: `(#100) Starting from version 22 and above, the ${name} metric is no longer supported for the queried media. Please refer to the documentation at https://developers.facebook.com/docs/instagram-api/reference/ig-media/insights for a list of supported metrics.`,
        code: 100,
      });
    if (!isMetric(name))
      return graphError({
        message: `(#100) metric[${index}] must be one of the following values: ${MEDIA_METRICS.join(', ')}`,
        code: 100,
      });
  }
  // A story has no likes, comments or saves to count (the media insights reference lists metrics
  // per media product type; the wording is ASSUMED, as developers quote it).
  const unsupported =
    post.extra.productType === 'STORY' ? metrics.find((name) => NOT_FOR_STORIES.has(name)) : undefined;
  if (unsupported !== undefined)
    return graphError({
      message: `(#100) The Media Insights API does not support the ${unsupported} metric for this media product type.`,
      code: 100,
    });
  const age = now - post.createdAt;
  const count = (metric: string) => growingCount(post.id, metric, age, INSIGHTS_PER_HOUR[metric] ?? 0);
  const comments = context.comments.on(post.id).length;
  const interactions = count('likes') + count('shares') + count('saved') + comments;
  const value = (name: MediaMetric) =>
    name === 'comments' ? comments : name === 'total_interactions' ? interactions : count(name);
  const data = metrics.filter(isMetric).map((name) => {
    const [title, description] = TITLES[name];
    return {
      name,
      period: 'lifetime',
      values: age < context.insightsDelayMs && DELAYED.has(name) ? [] : [{ value: value(name) }],
      title,
      description,
      id: `${post.id}/insights/${name}/lifetime`,
    };
  });
  return Response.json({ data });
}
