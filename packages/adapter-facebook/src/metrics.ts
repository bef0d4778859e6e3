import { type MetricSample, PlatformError, type PostRef, type RequestContext } from '@smmkit/core';
import {
  type CountSamplesTarget,
  countSamples,
  type HttpClient,
  systemClock,
} from '@smmkit/core/adapter-kit';
import { GraphIdSchema, type GraphInsight, parseGraphTime, readGraphInsights } from '@smmkit/graph-api';
import * as z from 'zod/mini';
import {
  FACEBOOK_PAGE_FOLLOWERS_FIELD,
  FACEBOOK_PAGE_INSIGHTS,
  FACEBOOK_POST_COUNTS,
  FACEBOOK_POST_INSIGHTS,
  FACEBOOK_REACTIONS_BY_TYPE,
  type MetricPair,
} from './metric-mapping.js';

/** `{summary: {total_count}}` of an edge read with `.summary(true)` (https://developers.facebook.com/docs/graph-api/reference/post/). */
const SummarySchema = z.optional(
  z.looseObject({ summary: z.optional(z.looseObject({ total_count: z.optional(z.number()) })) }),
);

/** The counts of a post: `shares{count}`, `comments.summary(true)`, `reactions.summary(true)`. */
const PostCountsSchema = z.looseObject({
  shares: z.optional(z.looseObject({ count: z.optional(z.number()) })),
  comments: SummarySchema,
  reactions: SummarySchema,
});

/** A video's Page post, once it has one. */
const VideoPostSchema = z.looseObject({ post_id: z.optional(GraphIdSchema) });

/** The Page's follower count (https://developers.facebook.com/docs/graph-api/reference/page/: `followers_count`). */
const PageCountsSchema = z.looseObject({ followers_count: z.optional(z.number()) });

/** One day, the span of a `period=day` value that ends at its `end_time`. */
const DAY_MS = 86_400_000;

/**
 * Metrics of each post, two reads per post (three for a video or reel, whose ref is its video id:
 * first its Page post id, `post_id`, which the two reads are made on; one without a Page post yet
 * has no samples, and a reel may have none at all, as Graph's Page feed leaves reels out):
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
    try {
      const postId = await pagePostIdOf(http, ref.platformPostId, context);
      // A video still processing, scheduled or unpublished has no Page post yet: no samples.
      if (postId === undefined) continue;
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
      const target = {
        platform: 'facebook',
        accountId: ref.accountId,
        platformPostId: ref.platformPostId,
        observedAt: new Date(clock.now()),
      };
      samples.push(
        ...countSamples(counts, FACEBOOK_POST_COUNTS, target),
        ...lifetimeSamples(insights, target),
      );
    } catch (error) {
      if (PlatformError.isInstance(error) && error.code === 'not_found') continue;
      throw error;
    }
  }
  return samples;
}

/**
 * The Page post a ref's metrics are read on. A post's ref is its Page post id,
 * `{page-id}_{post-id}`. A video's or reel's ref is the video id (what publishing answers), and a
 * Video node has no `shares` field nor `insights` edge: its Page post is its `post_id`
 * (`GET /{video-id}?fields=post_id`; https://developers.facebook.com/docs/graph-api/reference/video/),
 * `undefined` until it has one.
 */
async function pagePostIdOf(
  http: HttpClient,
  refId: string,
  context: RequestContext,
): Promise<string | undefined> {
  if (refId.includes('_')) return refId;
  const { data } = await http.request({
    method: 'GET',
    path: `/${encodeURIComponent(refId)}`,
    operation: 'read video post id',
    searchParams: { fields: 'post_id' },
    schema: VideoPostSchema,
    context,
  });
  return data.post_id;
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
  const values: Record<string, unknown> = {};
  for (const insight of insights) {
    // No values: no data yet, not 0.
    const [first] = insight.values ?? [];
    if (first === undefined) continue;
    if (insight.name !== FACEBOOK_REACTIONS_BY_TYPE.metric) values[insight.name] = first.value;
    else if (typeof first.value === 'object' && first.value !== null)
      values[FACEBOOK_REACTIONS_BY_TYPE.rawName] =
        (first.value as Record<string, unknown>)[FACEBOOK_REACTIONS_BY_TYPE.type] ?? 0;
  }
  const byType: MetricPair = [FACEBOOK_REACTIONS_BY_TYPE.rawName, FACEBOOK_REACTIONS_BY_TYPE.canonical];
  return countSamples(values, [...FACEBOOK_POST_INSIGHTS, byType], target);
}

/**
 * The Page's daily metrics: `GET /{page-id}/insights?metric=page_follows,page_media_view,page_total_media_view_unique,page_post_engagements&period=day`
 * (https://developers.facebook.com/docs/graph-api/reference/insights) → `followers`,
 * `impressions`, `reach`, `engagements`, one `day` sample per value (the day ending at its
 * `end_time`, as many days as Meta answers). An insight with no values is no sample. When
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

/** One `day` sample per value of each daily insight that has an `end_time`. */
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
          periodStart: new Date(end - DAY_MS),
        }),
      );
    });
  });
}
