import type { CanonicalMetric } from '@smmkit/core';

/** The metric objects of a post (https://docs.x.com/x-api/fundamentals/metrics). */
export type XMetricSource = 'public_metrics' | 'non_public_metrics' | 'organic_metrics';

/** One way to read a canonical metric from a post: which object and which field. */
export interface XMetricField {
  /** The canonical metric. */
  readonly metric: CanonicalMetric;
  /** The metric object it is read from. */
  readonly source: XMetricSource;
  /** The field in that object. */
  readonly field: string;
}

/**
 * How X's post metrics map onto the canonical vocabulary (https://docs.x.com/x-api/fundamentals/metrics), in
 * order of precedence: for each canonical metric the first field present wins, so a metric that several
 * objects report is emitted once, with `rawName` naming the field it came from.
 *
 * Which source wins, and why:
 * - `public_metrics` first: its counts are the totals everyone sees, available for every post
 *   (`retweet_count`, renamed `repost_count` in the newest spec: both accepted);
 * - then `non_public_metrics` (own posts of the last 30 days): the only source of
 *   `url_link_clicks`, `user_profile_clicks` and `engagements`, totals like the public ones;
 * - `organic_metrics` last, only to fill a gap: it leaves out promoted activity, so it would
 *   undercount a promoted post where a total exists.
 *
 * `video_views` comes from the post's media (`media.public_metrics.view_count`), see metrics.ts.
 */
export const X_POST_METRIC_FIELDS: readonly XMetricField[] = Object.freeze([
  { metric: 'impressions', source: 'public_metrics', field: 'impression_count' },
  { metric: 'impressions', source: 'non_public_metrics', field: 'impression_count' },
  { metric: 'impressions', source: 'organic_metrics', field: 'impression_count' },
  { metric: 'likes', source: 'public_metrics', field: 'like_count' },
  { metric: 'likes', source: 'organic_metrics', field: 'like_count' },
  { metric: 'comments', source: 'public_metrics', field: 'reply_count' },
  { metric: 'comments', source: 'organic_metrics', field: 'reply_count' },
  { metric: 'shares', source: 'public_metrics', field: 'retweet_count' },
  { metric: 'shares', source: 'public_metrics', field: 'repost_count' },
  { metric: 'shares', source: 'organic_metrics', field: 'retweet_count' },
  { metric: 'shares', source: 'organic_metrics', field: 'repost_count' },
  { metric: 'quotes', source: 'public_metrics', field: 'quote_count' },
  { metric: 'saves', source: 'public_metrics', field: 'bookmark_count' },
  { metric: 'link_clicks', source: 'non_public_metrics', field: 'url_link_clicks' },
  { metric: 'link_clicks', source: 'organic_metrics', field: 'url_link_clicks' },
  { metric: 'profile_visits', source: 'non_public_metrics', field: 'user_profile_clicks' },
  { metric: 'profile_visits', source: 'organic_metrics', field: 'user_profile_clicks' },
  { metric: 'engagements', source: 'non_public_metrics', field: 'engagements' },
] satisfies XMetricField[]);

/** A value read for a canonical metric, and the raw name it came from. */
export interface PickedXMetric {
  /** The canonical metric. */
  readonly metric: CanonicalMetric;
  /** The field it was read from (`public_metrics.retweet_count`). */
  readonly rawName: string;
  /** The value. */
  readonly value: number;
}

/**
 * The canonical metrics of one post, each once, by {@link X_POST_METRIC_FIELDS} precedence.
 * Values that are not finite, non-negative numbers are ignored.
 *
 * @param post - the post's metric objects, as X returned them
 * @returns one value per canonical metric found
 *
 * @example
 * ```ts
 * pickXPostMetrics({ public_metrics: { like_count: 3 }, organic_metrics: { like_count: 2 } });
 * // [{ metric: 'likes', rawName: 'public_metrics.like_count', value: 3 }]
 * ```
 */
export function pickXPostMetrics(
  post: Partial<Record<XMetricSource, Record<string, unknown> | undefined>>,
): PickedXMetric[] {
  const picked = new Map<CanonicalMetric, PickedXMetric>();
  for (const { metric, source, field } of X_POST_METRIC_FIELDS) {
    if (picked.has(metric)) continue;
    const value = post[source]?.[field];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
      picked.set(metric, { metric, rawName: `${source}.${field}`, value });
    }
  }
  return [...picked.values()];
}
