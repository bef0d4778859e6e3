import {
  type CanonicalMetric,
  type MetricSample,
  PlatformError,
  type PostRef,
  RateLimitError,
  type RequestContext,
} from '@smmkit/core';
import { countSamples, type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import { isTikTokPublicId } from './post-ref.js';
import { fetchPublishStatus, publicIdsOf } from './publish-status.js';
import { UserInfoSchema, VideoPageSchema } from './schemas.js';

/** Ids one `POST /v2/video/query/` takes. */
export const VIDEO_QUERY_MAX_IDS = 20;

/**
 * The Display API's video counts and the canonical metric each is
 * (https://developers.tiktok.com/doc/tiktok-api-v2-video-object).
 */
const VIDEO_METRICS: readonly (readonly [string, CanonicalMetric])[] = [
  ['view_count', 'video_views'],
  ['like_count', 'likes'],
  ['comment_count', 'comments'],
  ['share_count', 'shares'],
];

/**
 * The Display API's user counts and the canonical metric each is
 * (https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info; scope `user.info.stats`).
 */
const USER_METRICS: readonly (readonly [string, CanonicalMetric])[] = [
  ['follower_count', 'followers'],
  ['following_count', 'following'],
  ['likes_count', 'likes'],
  ['video_count', 'posts_count'],
];

const VIDEO_FIELDS = ['id', ...VIDEO_METRICS.map(([name]) => name)].join(',');
const USER_FIELDS = ['open_id', 'display_name', ...USER_METRICS.map(([name]) => name)].join(',');

/**
 * Views, likes, comments and shares of published posts, from the Display API:
 * `POST /v2/video/query/?fields=…` with `{filters:{video_ids}}`, 20 ids at a time
 * (https://developers.tiktok.com/doc/tiktok-api-v2-video-query; scope `video.list`). Each count
 * is a lifetime sample with TikTok's name kept as `rawName`.
 *
 * A reference that still holds a publish id (a result with the warning `public_id_pending`) is
 * looked up (`status/fetch`), after the others; its samples are reported under the reference's
 * own id, so they match the post as the app stored it. One that is still not public has no
 * samples, nor has a publish id TikTok no longer knows, nor a post the Display API does not
 * return (deleted, or not public). TikTok allows 30 status reads a minute: once they are used up,
 * the references left have no samples from this call (store the public ref that
 * `adapter.getPublishStatus` gives to spare the lookups).
 *
 * @param http - the adapter's HTTP client
 * @param refs - the posts
 * @param context - the request context (the creator's token)
 * @returns the samples
 *
 * @example
 * ```ts
 * const samples = await getTikTokPostMetrics(http, [result.ref], ctx);
 * ```
 */
export async function getTikTokPostMetrics(
  http: HttpClient,
  refs: readonly PostRef[],
  context: RequestContext,
): Promise<MetricSample[]> {
  const clock = context.clock ?? systemClock;
  const byPublicId = new Map<string, PostRef[]>();
  const add = (id: string, ref: PostRef) => byPublicId.set(id, [...(byPublicId.get(id) ?? []), ref]);
  const pending: PostRef[] = [];
  for (const ref of refs) {
    if (isTikTokPublicId(ref.platformPostId)) add(ref.platformPostId, ref);
    else pending.push(ref);
  }
  for (const ref of pending) {
    const lookup = await publicIdOfPublish(http, ref.platformPostId, context);
    // TikTok's status reads are used up for this minute: the rest wait for the next call.
    if (lookup === 'rate_limited') break;
    if (lookup.id !== undefined) add(lookup.id, ref);
  }
  const ids = [...byPublicId.keys()];
  const samples: MetricSample[] = [];
  for (let start = 0; start < ids.length; start += VIDEO_QUERY_MAX_IDS) {
    const { data } = await http.request({
      method: 'POST',
      path: '/v2/video/query/',
      operation: 'query video metrics',
      searchParams: { fields: VIDEO_FIELDS },
      json: { filters: { video_ids: ids.slice(start, start + VIDEO_QUERY_MAX_IDS) } },
      schema: VideoPageSchema,
      context,
    });
    const observedAt = new Date(clock.now());
    for (const video of data.data.videos) {
      for (const ref of byPublicId.get(String(video.id)) ?? []) {
        samples.push(
          ...countSamples(video, VIDEO_METRICS, {
            platform: 'tiktok',
            accountId: ref.accountId,
            platformPostId: ref.platformPostId,
            observedAt,
          }),
        );
      }
    }
  }
  return samples;
}

/** The status fetch's codes for a publish id this token cannot read. */
const UNKNOWN_PUBLISH: ReadonlySet<string> = new Set([
  'invalid_publish_id',
  'token_not_authorized_for_specified_publish_id',
]);

/**
 * The public post id of a publish, from its status: `{ id: undefined }` while there is none, or
 * when TikTok does not know the publish id for this token (400 `invalid_publish_id` or
 * `token_not_authorized_for_specified_publish_id`: nothing to read for that ref alone);
 * `rate_limited` once TikTok's status reads (30 a minute) are used up
 * (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status). Any other
 * failure is thrown.
 */
async function publicIdOfPublish(
  http: HttpClient,
  publishId: string,
  context: RequestContext,
): Promise<{ readonly id: string | undefined } | 'rate_limited'> {
  try {
    return { id: publicIdsOf(await fetchPublishStatus(http, publishId, context))[0] };
  } catch (error) {
    if (RateLimitError.isInstance(error) && error.code === 'rate_limited') return 'rate_limited';
    if (PlatformError.isInstance(error) && UNKNOWN_PUBLISH.has(String(error.platformError?.code)))
      return { id: undefined };
    throw error;
  }
}

/**
 * Followers, following, likes received and videos of the context's creator, from the Display
 * API: `GET /v2/user/info/?fields=…` (https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info;
 * the counts need the scope `user.info.stats`). Lifetime samples, TikTok's names kept.
 *
 * @param http - the adapter's HTTP client
 * @param context - the request context (the creator's token)
 * @returns the samples
 *
 * @example
 * ```ts
 * const samples = await getTikTokAccountMetrics(http, ctx);
 * ```
 */
export async function getTikTokAccountMetrics(
  http: HttpClient,
  context: RequestContext,
): Promise<MetricSample[]> {
  const clock = context.clock ?? systemClock;
  const { data } = await http.request({
    method: 'GET',
    path: '/v2/user/info/',
    operation: 'read account metrics',
    searchParams: { fields: USER_FIELDS },
    schema: UserInfoSchema,
    context,
  });
  return countSamples(data.data.user, USER_METRICS, {
    platform: 'tiktok',
    accountId: context.account.accountId,
    observedAt: new Date(clock.now()),
  });
}
