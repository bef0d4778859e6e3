import type { MetricSample, RequestContext } from '@smmkit/core';
import { type CountSamplesTarget, countSamples, type HttpClient } from '@smmkit/core/adapter-kit';
import { GraphInsightSchema } from '@smmkit/graph-api';
import * as z from 'zod/mini';
import { lifetimeInsightValues } from './insight-values.js';
import {
  FACEBOOK_REEL_COUNTS,
  FACEBOOK_REEL_INSIGHTS,
  FACEBOOK_REEL_SHARES,
  type MetricPair,
} from './metric-mapping.js';
import { EdgeSummarySchema } from './schemas.js';

/** A Video node's `comments` and `likes` edges read with `.summary(true)`. */
const ReelCountsSchema = z.looseObject({ comments: EdgeSummarySchema, likes: EdgeSummarySchema });

/** `GET /{video-id}/video_insights` → `{data: [{name, period, values: [{value}], title, description, id}]}`. */
const VideoInsightsSchema = z.looseObject({ data: z.optional(z.array(GraphInsightSchema)) });

/**
 * The metrics of a reel that is live but has no Page post (its Video node gives no `post_id`),
 * read on the reel's video id, two reads:
 *
 * - counts, `GET /{video-id}?fields=comments.summary(true),likes.summary(true)`
 *   (https://developers.facebook.com/docs/graph-api/reference/video/, Edges) → `comments`,
 *   `likes` ({@link FACEBOOK_REEL_COUNTS});
 * - lifetime Reels insights, `GET /{video-id}/video_insights?metric=blue_reels_play_count,post_video_social_actions&period=lifetime`
 *   (https://developers.facebook.com/docs/graph-api/reference/video/video_insights/) →
 *   `video_views` and `shares` ({@link FACEBOOK_REEL_INSIGHTS}, {@link FACEBOOK_REEL_SHARES}).
 *
 * A count Meta leaves out or an insight with no values is no sample, never a 0.
 *
 * @param http - the adapter's HTTP client
 * @param videoId - the reel's video id
 * @param target - the samples' platform, Page, post and time
 * @param context - the Page, its token and signal
 * @returns the samples, `rawName` Meta's own name
 *
 * @example
 * ```ts
 * const samples = await getFacebookReelSamples(http, ref.platformPostId, target, ctx);
 * ```
 */
export async function getFacebookReelSamples(
  http: HttpClient,
  videoId: string,
  target: CountSamplesTarget,
  context: RequestContext,
): Promise<MetricSample[]> {
  const path = `/${encodeURIComponent(videoId)}`;
  const counts = await http.request({
    method: 'GET',
    path,
    operation: 'read reel counts',
    searchParams: { fields: 'comments.summary(true),likes.summary(true)' },
    schema: ReelCountsSchema,
    context,
  });
  const insights = await http.request({
    method: 'GET',
    path: `${path}/video_insights`,
    operation: 'read reel insights',
    searchParams: {
      metric: [...FACEBOOK_REEL_INSIGHTS.map(([name]) => name), FACEBOOK_REEL_SHARES.metric].join(','),
      period: 'lifetime',
    },
    schema: VideoInsightsSchema,
    context,
  });
  const values = {
    comments: counts.data.comments?.summary?.total_count,
    likes: counts.data.likes?.summary?.total_count,
    ...lifetimeInsightValues(insights.data.data ?? [], FACEBOOK_REEL_SHARES),
  };
  const shares: MetricPair = [FACEBOOK_REEL_SHARES.rawName, FACEBOOK_REEL_SHARES.canonical];
  return countSamples(values, [...FACEBOOK_REEL_COUNTS, ...FACEBOOK_REEL_INSIGHTS, shares], target);
}
