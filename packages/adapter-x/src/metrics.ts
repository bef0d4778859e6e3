import type { CanonicalMetric, MetricSample, PostRef, RequestContext } from '@smmkit/core';
import { type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import { pickXPostMetrics } from './metric-mapping.js';
import { MeResponseSchema, PostListResponseSchema, type XPostList, type XUser } from './schemas.js';

/** `GET /2/tweets?ids=…` takes up to 100 ids (https://docs.x.com/x-api/posts/lookup/introduction). */
const MAX_IDS_PER_REQUEST = 100;

/**
 * Account counts and the canonical metric each one is (`UserPublicMetrics` in
 * https://api.x.com/2/openapi.json).
 */
const ACCOUNT_METRICS = [
  ['followers', 'followers_count'],
  ['following', 'following_count'],
  // The docs say `tweet_count`, the newest spec `post_count`: both accepted.
  ['posts_count', 'tweet_count'],
  ['posts_count', 'post_count'],
] as const satisfies readonly (readonly [CanonicalMetric, string])[];

/**
 * Lifetime metrics of the given posts, up to 100 per `GET /2/tweets?ids=…`
 * (https://docs.x.com/x-api/posts/lookup/introduction), with
 * `tweet.fields=public_metrics,non_public_metrics,organic_metrics` and the posts' media
 * (`expansions=attachments.media_keys&media.fields=public_metrics`) for video views.
 *
 * Each canonical metric is emitted once per post, from the first source that has it:
 * `public_metrics`, then `non_public_metrics`, then `organic_metrics` (metric-mapping.ts says
 * why); `rawName` names the field (`public_metrics.retweet_count`). `video_views` is the sum of
 * `view_count` over the post's media (`media.public_metrics.view_count`). Non-public and organic
 * metrics exist only for the account's own posts of the last 30 days
 * (https://docs.x.com/x-api/fundamentals/metrics).
 *
 * A post X no longer has (reported in `errors[]`) has no metrics and is skipped.
 *
 * @param http - the adapter's HTTP client
 * @param refs - the posts
 * @param context - tokens, signal, clock (for `observedAt`) and rate-limit listener
 * @returns the samples of every post that still exists
 *
 * @example
 * ```ts
 * const samples = await getXPostMetrics(http, [result.ref], ctx);
 * ```
 */
export async function getXPostMetrics(
  http: HttpClient,
  refs: readonly PostRef[],
  context: RequestContext,
): Promise<MetricSample[]> {
  const clock = context.clock ?? systemClock;
  const ids = [...new Set(refs.map((ref) => ref.platformPostId))];
  const samples: MetricSample[] = [];
  for (let start = 0; start < ids.length; start += MAX_IDS_PER_REQUEST) {
    const { data } = await http.request({
      method: 'GET',
      path: '/2/tweets',
      operation: 'read post metrics',
      searchParams: {
        ids: ids.slice(start, start + MAX_IDS_PER_REQUEST).join(','),
        'tweet.fields': 'public_metrics,non_public_metrics,organic_metrics',
        expansions: 'attachments.media_keys',
        'media.fields': 'public_metrics',
      },
      schema: PostListResponseSchema,
      context,
    });
    samples.push(...xPostSamples(data, context.account.accountId, new Date(clock.now())));
  }
  return samples;
}

/**
 * The samples of a page of posts by `accountId`: each canonical metric once per post, by
 * {@link pickXPostMetrics} precedence, and `video_views` as the sum of the post's media
 * `public_metrics.view_count` when the page expanded them. Shared by the account's own post
 * metrics and the public posts of another account (`lookupPublicAccount`).
 *
 * @param page - the posts as X returned them, with `includes.media` when expanded
 * @param accountId - the author of the posts, whose samples these are
 * @param observedAt - when X answered
 * @returns the samples, post by post
 *
 * @example
 * ```ts
 * xPostSamples(data, '2244994945', new Date());
 * ```
 */
export function xPostSamples(page: XPostList, accountId: string, observedAt: Date): MetricSample[] {
  const views = new Map<string, number>();
  for (const media of page.includes?.media ?? []) {
    const count = media.public_metrics?.view_count;
    if (media.media_key !== undefined && typeof count === 'number' && count >= 0)
      views.set(media.media_key, count);
  }
  return (page.data ?? []).flatMap((post) => {
    const sample = (metric: CanonicalMetric, rawName: string, value: number): MetricSample => ({
      platform: 'x',
      accountId,
      scope: 'post',
      platformPostId: post.id,
      metric,
      rawName,
      value,
      observedAt,
      period: 'lifetime',
    });
    const samples = pickXPostMetrics(post).map(({ metric, rawName, value }) =>
      sample(metric, rawName, value),
    );
    const keys = (post.attachments?.media_keys ?? []).filter((key) => views.has(key));
    if (keys.length > 0) {
      const total = keys.reduce((sum, key) => sum + (views.get(key) ?? 0), 0);
      samples.push(sample('video_views', 'media.public_metrics.view_count', total));
    }
    return samples;
  });
}

/**
 * Counts of the context's account: `GET /2/users/me?user.fields=public_metrics` (`UserPublicMetrics`
 * in https://api.x.com/2/openapi.json): followers ← `followers_count`, following ← `following_count`,
 * posts_count ← `tweet_count` (or `post_count`, the newest spec's name).
 *
 * @param http - the adapter's HTTP client
 * @param context - the account, tokens, signal, clock and rate-limit listener
 * @returns one sample per count X reported
 *
 * @example
 * ```ts
 * const samples = await getXAccountMetrics(http, ctx);
 * ```
 */
export async function getXAccountMetrics(http: HttpClient, context: RequestContext): Promise<MetricSample[]> {
  const clock = context.clock ?? systemClock;
  const { data } = await http.request({
    method: 'GET',
    path: '/2/users/me',
    operation: 'read account metrics',
    searchParams: { 'user.fields': 'public_metrics' },
    schema: MeResponseSchema,
    context,
  });
  return xAccountSamples(data.data, context.account.accountId, new Date(clock.now()));
}

/**
 * The samples of a user's `public_metrics` (`UserPublicMetrics` in https://api.x.com/2/openapi.json):
 * followers ← `followers_count`, following ← `following_count`, posts_count ← `tweet_count` (or
 * `post_count`, the newest spec's name), each once. Counts X left out, or sent as something other
 * than a finite, non-negative number, give no sample. Shared by the account's own metrics and
 * another account's (`lookupPublicAccount`).
 *
 * @param user - the user as X returned it, with `public_metrics` when asked for
 * @param accountId - whose counts they are
 * @param observedAt - when X answered
 * @returns one sample per count X reported
 *
 * @example
 * ```ts
 * xAccountSamples({ id: '2244994945', public_metrics: { followers_count: 42 } }, '2244994945', new Date());
 * ```
 */
export function xAccountSamples(user: XUser, accountId: string, observedAt: Date): MetricSample[] {
  const counts = user.public_metrics ?? {};
  const seen = new Set<CanonicalMetric>();
  const samples: MetricSample[] = [];
  for (const [metric, field] of ACCOUNT_METRICS) {
    const value = counts[field];
    if (seen.has(metric) || typeof value !== 'number' || !Number.isFinite(value) || value < 0) continue;
    seen.add(metric);
    samples.push({
      platform: 'x',
      accountId,
      scope: 'account',
      metric,
      rawName: `public_metrics.${field}`,
      value,
      observedAt,
      period: 'lifetime',
    });
  }
  return samples;
}
