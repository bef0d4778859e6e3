import type { CanonicalMetric } from '@smmkit/core';

/** A platform metric's raw name and the canonical metric it is. */
export type MetricPair = readonly [rawName: string, metric: CanonicalMetric];

/**
 * The counts a post read gives (`GET /{post-id}?fields=shares,comments.summary(true),reactions.summary(true)`;
 * https://developers.facebook.com/docs/graph-api/reference/post/): `shares{count}`, the
 * `total_count` of the comments and of the reactions of every kind. A post no one has shared has
 * no `shares` field, read as 0 shares when the other counts came back (see metrics.ts).
 */
export const FACEBOOK_POST_COUNTS: readonly MetricPair[] = Object.freeze([
  ['shares', 'shares'],
  ['comments', 'comments'],
  ['reactions', 'reactions'],
] as const);

/**
 * The post insights read with `period=lifetime` (https://developers.facebook.com/docs/graph-api/reference/insights,
 * Page Post metrics), with the names in force after Meta removed the impressions metrics
 * (post_impressions* gone by 15 June 2026, "Alternative: post_total_media_view_unique";
 * https://developers.facebook.com/documentation/pages-api/platforminsights/page/deprecated-metrics):
 *
 * - `post_total_media_view_unique` → `reach` (unique viewers);
 * - `post_media_view` → `impressions` (views, repeat views counted; Meta replaced impressions with views:
 *   https://developers.facebook.com/blog/post/2025/08/15/page-insights-api-updates/);
 * - `post_clicks` → `clicks` (clicks anywhere in the post).
 *
 * `post_reactions_by_type_total` is read too: see {@link FACEBOOK_REACTIONS_BY_TYPE}.
 */
export const FACEBOOK_POST_INSIGHTS: readonly MetricPair[] = Object.freeze([
  ['post_total_media_view_unique', 'reach'],
  ['post_media_view', 'impressions'],
  ['post_clicks', 'clicks'],
] as const);

/**
 * `post_reactions_by_type_total`, an object of counts by reaction type (`{like, love, wow, haha,
 * sorry, anger}`): its `like` count is the canonical `likes` (the "like" kind only), kept with the
 * raw name `post_reactions_by_type_total.like`. All kinds together are `reactions`, read from
 * `reactions.summary(true)` ({@link FACEBOOK_POST_COUNTS}) so it does not need insights. Breakdown
 * metrics only return non-zero values (https://developers.facebook.com/docs/graph-api/reference/insights,
 * Limitations), so a value without `like` means no likes, 0.
 */
export const FACEBOOK_REACTIONS_BY_TYPE = {
  /** The insight's name. */
  metric: 'post_reactions_by_type_total',
  /** The reaction type read. */
  type: 'like',
  /** The raw name its sample carries. */
  rawName: 'post_reactions_by_type_total.like',
  /** The canonical metric it is. */
  canonical: 'likes',
} as const;

/**
 * The Page insights read with `period=day` (https://developers.facebook.com/docs/graph-api/reference/insights,
 * Page metrics), one sample per day:
 *
 * - `page_follows` → `followers` (people following the Page; it replaced page_fans, removed
 *   15 November 2025: https://developers.facebook.com/documentation/pages-api/platforminsights/page/deprecated-metrics);
 * - `page_media_view` → `impressions`; `page_total_media_view_unique` → `reach` (they replaced
 *   page_impressions and page_impressions_unique, same page);
 * - `page_post_engagements` → `engagements` (Meta's own total of interactions with the Page's posts).
 */
export const FACEBOOK_PAGE_INSIGHTS: readonly MetricPair[] = Object.freeze([
  ['page_follows', 'followers'],
  ['page_media_view', 'impressions'],
  ['page_total_media_view_unique', 'reach'],
  ['page_post_engagements', 'engagements'],
] as const);

/** The Page's `followers_count` field (https://developers.facebook.com/docs/graph-api/reference/page/), read when `page_follows` has no data. */
export const FACEBOOK_PAGE_FOLLOWERS_FIELD: MetricPair = ['followers_count', 'followers'];

/**
 * A reel's counts when it has no Page post (no `post_id`), read on its Video node's own edges
 * with `.summary(true)`: `comments` and `likes` (https://developers.facebook.com/docs/graph-api/reference/video/,
 * Edges; the `summary.total_count` of https://developers.facebook.com/docs/graph-api/reference/object/comments
 * and https://developers.facebook.com/docs/graph-api/reference/object/likes). The likes edge
 * counts the people who like the reel, the "like" kind only (ASSUMED: the reference does not
 * name reactions there), so it is the canonical `likes`. The Video reference lists no
 * `reactions` edge, so a reel without a Page post has no `reactions` sample.
 */
export const FACEBOOK_REEL_COUNTS: readonly MetricPair[] = Object.freeze([
  ['comments', 'comments'],
  ['likes', 'likes'],
] as const);

/**
 * The Reels metrics of a video's `video_insights` edge read with `period=lifetime`
 * (https://developers.facebook.com/docs/graph-api/reference/video/video_insights/, Available
 * Metrics, Reels Metrics; every one is `lifetime` only), where the meaning matches a canonical
 * metric:
 *
 * - `blue_reels_play_count` → `video_views`: "the number of times your reel starts to play after
 *   an impression is already counted … 1 millisecond or more of playback … excludes replays",
 *   Facebook's own definition of a play.
 *
 * `post_video_social_actions` is read too: see {@link FACEBOOK_REEL_SHARES}. Not read:
 * `post_video_avg_time_watched` and `post_video_view_time` (watch time, no canonical metric),
 * `post_video_likes_by_reaction_type` (likes come from the likes edge, {@link FACEBOOK_REEL_COUNTS},
 * whose shape Meta documents), and `post_impressions_unique`, which the same table lists for a
 * reel's reach but which Meta removed from Page insights for all versions ("The API will return
 * an invalid metric error": https://developers.facebook.com/documentation/pages-api/platforminsights/page/deprecated-metrics),
 * so it is never asked for (ASSUMED: the removal holds on `video_insights` too; asking for it
 * would risk the whole request).
 */
export const FACEBOOK_REEL_INSIGHTS: readonly MetricPair[] = Object.freeze([
  ['blue_reels_play_count', 'video_views'],
] as const);

/**
 * `post_video_social_actions`, "the number of comments on your reel and the number of times your
 * reel was shared" (https://developers.facebook.com/docs/graph-api/reference/video/video_insights/,
 * Reels Metrics): its share count is the canonical `shares`, kept with the raw name
 * `post_video_social_actions.SHARE`. Meta does not document the value's shape; it is read as
 * Graph clients report it, an object of counts by action, `{COMMENT: n, SHARE: n}` (ASSUMED),
 * and, as for every breakdown ("Breakdown metrics only return non-zero values":
 * https://developers.facebook.com/docs/graph-api/reference/insights, Limitations), an object
 * without `SHARE` is 0 shares. Any other value is no sample.
 */
export const FACEBOOK_REEL_SHARES = {
  /** The insight's name. */
  metric: 'post_video_social_actions',
  /** The action read. */
  type: 'SHARE',
  /** The raw name its sample carries. */
  rawName: 'post_video_social_actions.SHARE',
  /** The canonical metric it is. */
  canonical: 'shares',
} as const;
