import type { CanonicalMetric } from '@smmkit/core';

/**
 * The media insights requested and the canonical metric each one is (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights;
 * names and meanings from core's metric-vocabulary.ts):
 *
 * - `views` → `impressions`: the vocabulary defines impressions as "times the content was shown,
 *   counting repeat views … Instagram `views` (Meta replaced impressions with views)";
 * - `reach` → `reach`; `likes` → `likes`; `comments` → `comments`; `shares` → `shares`;
 * - `saved` → `saves`; `total_interactions` → `engagements` (the platform's own total).
 *
 * `impressions`, `plays`, `video_views` and the other removed metrics are never requested
 * (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights).
 */
export const INSTAGRAM_MEDIA_METRICS: readonly (readonly [string, CanonicalMetric])[] = Object.freeze([
  ['reach', 'reach'],
  ['views', 'impressions'],
  ['likes', 'likes'],
  ['comments', 'comments'],
  ['shares', 'shares'],
  ['saved', 'saves'],
  ['total_interactions', 'engagements'],
] as const);

/** Account fields and their canonical metrics (IGUser.json: `followers_count`, `media_count`). */
export const INSTAGRAM_ACCOUNT_METRICS: readonly (readonly [string, CanonicalMetric])[] = Object.freeze([
  ['followers_count', 'followers'],
  ['media_count', 'posts_count'],
] as const);
