import { type MetricSample, PlatformError, type PostRef, type RequestContext } from '@smmkit/core';
import {
  type CountSamplesTarget,
  countSamples,
  type HttpClient,
  systemClock,
} from '@smmkit/core/adapter-kit';
import { GraphIdSchema, type GraphInsight, parseGraphTime, readGraphInsights } from '@smmkit/graph-api';
import * as z from 'zod/mini';
import { lifetimeInsightValues } from './insight-values.js';
import { insightsDayStartBefore } from './insights-day.js';
import {
  FACEBOOK_PAGE_FOLLOWERS_FIELD,
  FACEBOOK_PAGE_INSIGHTS,
  FACEBOOK_POST_COUNTS,
  FACEBOOK_POST_INSIGHTS,
  FACEBOOK_REACTIONS_BY_TYPE,
  type MetricPair,
} from './metric-mapping.js';
import { VideoStatusSchema } from './publish-schemas.js';
import { getFacebookReelSamples } from './reel-metrics.js';
import { EdgeSummarySchema } from './schemas.js';
import { videoPagePostId } from './video-post-id.js';

/** The counts of a post: `shares{count}`, `comments.summary(true)`, `reactions.summary(true)`. */
const PostCountsSchema = z.looseObject({
  shares: z.optional(z.looseObject({ count: z.optional(z.number()) })),
  comments: EdgeSummarySchema,
  reactions: EdgeSummarySchema,
});

/** A video's Page post, once it has one, and its status. */
const VideoPostSchema = z.extend(VideoStatusSchema, { post_id: z.optional(GraphIdSchema) });

/** The Page's follower count (https://developers.facebook.com/docs/graph-api/reference/page/: `followers_count`). */
const PageCountsSchema = z.looseObject({ followers_count: z.optional(z.number()) });

/**
 * Metrics of each post, two reads per post. A Page post id (`{page-id}_{post-id}`, a live video's
 * ref too) is read as below. A video's or reel's ref taken before it had a Page post (scheduled,
 * still processing) or of a reel without one is its video id: its Video node is read first
 * (`post_id` and `status`), then
 *
 * - with a Page post (`post_id`, made `{page-id}_{post-id}` by `videoPagePostId` when Graph
 *   writes the post id alone), the post's two reads below, made on that post;
 * - without one but live (a reel, which may have no Page post: the Page feed leaves reels out),
 *   the reel's counts and its Reels insights on the video id (see `getFacebookReelSamples`:
 *   `comments`, `likes`, `video_views`, `shares`);
 * - otherwise (still processing, scheduled, a draft) no samples.
 *
 * A post's two reads:
 *
 * - counts, `GET /{post-id}?fields=shares,comments.summary(true),reactions.summary(true)`
 *   (https://developers.facebook.com/docs/graph-api/reference/post/) → `shares`, `comments`,
 *   `reactions`;
 * - lifetime insights, `GET /{post-id}/insights?metric=post_total_media_view_unique,post_media_view,post_clicks,post_reactions_by_type_total&period=lifetime`
 *   (https://developers.facebook.com/docs/graph-api/reference/insights) → `reach`,
 *   `impressions`, `clicks` and `likes`, mapped as metric-mapping.ts says. No removed metric
 *   (post_impressions* and the rest:
 *   https://developers.facebook.com/documentation/pages-api/platforminsights/page/deprecated-metrics)
 *   is ever asked for.
 *
 * A post no one has shared has no `shares` field: next to its other counts that is 0 shares. Any
 * other count Meta leaves out, or an insight with no values (insights lag up to a day, and Pages
 * under 100 likes get none: https://developers.facebook.com/docs/graph-api/reference/insights,
 * Limitations), is no sample, never a 0. A post that no longer exists is skipped; other errors
 * are thrown.
 *
 * @param http - the adapter's HTTP client
 * @param refs - the posts
 * @param context - the Page, its token, signal and clock
 * @returns one sample per value Meta reported, `rawName` its own name
 *
 * @example
 * ```ts
 * const samples = await getFacebookPostMetrics(http, [result.ref], ctx);
 * ```
 */
export async function getFacebookPostMetrics(
  http: HttpClient,
  refs: readonly PostRef[],
  context: RequestContext,
): Promise<MetricSample[]> {
  const clock = context.clock ?? systemClock;
  const samples: MetricSample[] = [];
  const posts = new Map(refs.map((ref) => [ref.platformPostId, ref]));
  for (const ref of posts.values()) {
    const target = {
      platform: 'facebook',
      accountId: ref.accountId,
      platformPostId: ref.platformPostId,
      observedAt: new Date(clock.now()),
    };
    try {
      if (ref.platformPostId.includes('_')) {
        samples.push(...(await postSamples(http, ref.platformPostId, target, context)));
        continue;
      }
      const video = await readVideoNode(http, ref.platformPostId, context);
      if (video.post_id !== undefined) {
        const postId = videoPagePostId(video.post_id, ref.accountId);
        samples.push(...(await postSamples(http, postId, target, context)));
      } else if (isPublished(video))
        samples.push(...(await getFacebookReelSamples(http, ref.platformPostId, target, context)));
      // Still processing, scheduled or a draft: nothing to count yet.
    } catch (error) {
      if (PlatformError.isInstance(error) && error.code === 'not_found') continue;
      throw error;
    }
  }
  return samples;
}

/** The samples of one Page post: its counts and its lifetime insights. */
async function postSamples(
  http: HttpClient,
  postId: string,
  target: CountSamplesTarget,
  context: RequestContext,
): Promise<MetricSample[]> {
  const counts = await readPostCounts(http, postId, context);
  const insights = await readGraphInsights(
    http,
    postId,
    {
      metrics: [...FACEBOOK_POST_INSIGHTS.map(([name]) => name), FACEBOOK_REACTIONS_BY_TYPE.metric],
      period: 'lifetime',
      operation: 'read post insights',
    },
    context,
  );
  return [...countSamples(counts, FACEBOOK_POST_COUNTS, target), ...lifetimeSamples(insights, target)];
}

/**
 * A video's or reel's Video node, `GET /{video-id}?fields=post_id,status`
 * (https://developers.facebook.com/docs/graph-api/reference/video/). A Video node has no
 * `shares` field nor `insights` edge: its Page post, once it has one, is its `post_id`.
 */
async function readVideoNode(
  http: HttpClient,
  videoId: string,
  context: RequestContext,
): Promise<z.output<typeof VideoPostSchema>> {
  const { data } = await http.request({
    method: 'GET',
    path: `/${encodeURIComponent(videoId)}`,
    operation: 'read video post id',
    searchParams: { fields: 'post_id,status' },
    schema: VideoPostSchema,
    context,
  });
  return data;
}

/**
 * Whether a video is live: its publishing phase is `complete` or its `publish_status` is
 * `published` (the status a published reel reaches:
 * https://developers.facebook.com/docs/video-api/guides/reels-publishing, Step 4).
 */
function isPublished(video: z.output<typeof VideoPostSchema>): boolean {
  const publishing = video.status?.publishing_phase;
  return publishing?.status === 'complete' || publishing?.publish_status === 'published';
}

/** The counts of one post by raw name (`shares`, `comments`, `reactions`). */
async function readPostCounts(
  http: HttpClient,
  postId: string,
  context: RequestContext,
): Promise<Record<string, number | undefined>> {
  const { data } = await http.request({
    method: 'GET',
    path: `/${encodeURIComponent(postId)}`,
    operation: 'read post counts',
    searchParams: { fields: 'shares,comments.summary(true),reactions.summary(true)' },
    schema: PostCountsSchema,
    context,
  });
  const comments = data.comments?.summary?.total_count;
  const reactions = data.reactions?.summary?.total_count;
  // `shares` is "The shares count of this post" (https://developers.facebook.com/docs/graph-api/reference/post/),
  // and Graph leaves the field out of a post no one has shared rather than writing `{count: 0}`
  // (ASSUMED: the reference does not say so; it is what Graph answers). So when the same answer
  // carries the other counts, the post was read and a missing `shares` is 0 shares. Without them
  // nothing was counted, and a `shares` without `count` is no sample either.
  const answered = comments !== undefined || reactions !== undefined;
  const shares = data.shares === undefined ? (answered ? 0 : undefined) : data.shares.count;
  return { shares, comments, reactions };
}

/** Samples of lifetime insights: the one value of each, the `like` count of the reactions by type. */
function lifetimeSamples(insights: readonly GraphInsight[], target: CountSamplesTarget): MetricSample[] {
  const values = lifetimeInsightValues(insights, FACEBOOK_REACTIONS_BY_TYPE);
  const byType: MetricPair = [FACEBOOK_REACTIONS_BY_TYPE.rawName, FACEBOOK_REACTIONS_BY_TYPE.canonical];
  return countSamples(values, [...FACEBOOK_POST_INSIGHTS, byType], target);
}

/**
 * The Page's daily metrics: `GET /{page-id}/insights?metric=page_follows,page_media_view,page_total_media_view_unique,page_post_engagements&period=day`
 * (https://developers.facebook.com/docs/graph-api/reference/insights) → `followers`,
 * `impressions`, `reach`, `engagements`, one `day` sample per value (the Pacific-time day ending
 * at its `end_time`, 23 or 25 hours long on US daylight-saving changes: see insights-day.ts; as
 * many days as Meta answers). An insight with no values is no sample. When
 * `page_follows` has no data (Pages under 100 likes get no insights), the Page's
 * `followers_count` (`GET /{page-id}?fields=followers_count`;
 * https://developers.facebook.com/docs/graph-api/reference/page/) is the `followers` sample.
 *
 * @param http - the adapter's HTTP client
 * @param context - the Page, its token, signal and clock
 * @returns the samples
 *
 * @example
 * ```ts
 * const samples = await getFacebookAccountMetrics(http, ctx);
 * ```
 */
export async function getFacebookAccountMetrics(
  http: HttpClient,
  context: RequestContext,
): Promise<MetricSample[]> {
  const clock = context.clock ?? systemClock;
  const pageId = context.account.accountId;
  const insights = await readGraphInsights(
    http,
    pageId,
    { metrics: FACEBOOK_PAGE_INSIGHTS.map(([name]) => name), period: 'day', operation: 'read Page insights' },
    context,
  );
  const target = { platform: 'facebook', accountId: pageId, observedAt: new Date(clock.now()) };
  const samples = daySamples(insights, target);
  if (samples.some((sample) => sample.metric === 'followers')) return samples;
  const { data } = await http.request({
    method: 'GET',
    path: `/${encodeURIComponent(pageId)}`,
    operation: 'read Page followers',
    searchParams: { fields: FACEBOOK_PAGE_FOLLOWERS_FIELD[0] },
    schema: PageCountsSchema,
    context,
  });
  return [...samples, ...countSamples(data, [FACEBOOK_PAGE_FOLLOWERS_FIELD], target)];
}

/** One `day` sample per value of each daily insight that has an `end_time`, starting at the day's Pacific midnight. */
function daySamples(insights: readonly GraphInsight[], target: CountSamplesTarget): MetricSample[] {
  const names = new Map(FACEBOOK_PAGE_INSIGHTS);
  return insights.flatMap((insight) => {
    const metric = names.get(insight.name);
    if (metric === undefined) return [];
    return (insight.values ?? []).flatMap((value) => {
      const end = parseGraphTime(value.end_time)?.getTime();
      if (end === undefined) return [];
      return countSamples({ [insight.name]: value.value }, [[insight.name, metric]], target).map(
        (sample) => ({
          ...sample,
          period: 'day' as const,
          periodStart: new Date(insightsDayStartBefore(end)),
        }),
      );
    });
  });
}
