import { AuthError, type MetricSample, PlatformError, type PostRef, type RequestContext } from '@smmkit/core';
import { countSamples, type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import { type GraphInsight, readGraphInsights } from '@smmkit/graph-api';
import { INSTAGRAM_ACCOUNT_METRICS, INSTAGRAM_MEDIA_METRICS } from './metric-mapping.js';
import { AccountCountsSchema } from './schemas.js';

/**
 * The metrics every media product type has, a story included: the reference's Metrics table
 * offers `reach`, `views`, `shares` and `total_interactions` on FEED, REELS and STORY, and
 * `likes`, `comments` and `saved` on FEED and REELS only
 * (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights).
 * None of the metrics asked for takes a `breakdown`, so none is sent.
 */
const ANY_MEDIA_METRICS = ['reach', 'views', 'shares', 'total_interactions'];

/**
 * "Story media metrics with values less than 5 return an error code 10 with the message (#10)
 * Not enough viewers for the media to show insights"
 * (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights,
 * Limitations). Graph's code 10 otherwise means a missing permission
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling), which must not pass for
 * a post without data: the message tells the two apart.
 */
const NOT_ENOUGH_VIEWERS = /not enough viewers/i;

/**
 * Lifetime metrics of the given media, one
 * `GET /{ig-media-id}/insights?metric=reach,views,likes,comments,shares,saved,total_interactions&period=lifetime`
 * per post (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights), mapped as metric-mapping.ts says; `rawName` is Meta's name.
 *
 * An insight whose `values` is empty has no data yet (missing data comes back
 * empty, not 0, with up to 48 h lag; https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights): it gives no sample rather than a 0. A post that no longer
 * exists, or a story whose insights Meta withholds for having fewer than 5 viewers (code 10, "Not
 * enough viewers for the media to show insights";
 * https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights), is
 * skipped; other errors are thrown, a code 10 that says anything else (a missing permission) too.
 * A story, which has no likes, comments or saves (Graph refuses the request with code 100), is
 * asked again for reach, views, shares and total interactions, which every media has.
 *
 * @param http - the adapter's HTTP client
 * @param refs - the posts
 * @param context - tokens, signal, clock (for `observedAt`) and rate-limit listener
 * @returns the samples
 *
 * @example
 * ```ts
 * const samples = await getInstagramPostMetrics(http, [result.ref], ctx);
 * ```
 */
export async function getInstagramPostMetrics(
  http: HttpClient,
  refs: readonly PostRef[],
  context: RequestContext,
): Promise<MetricSample[]> {
  const clock = context.clock ?? systemClock;
  const names = new Map<string, (typeof INSTAGRAM_MEDIA_METRICS)[number][1]>(INSTAGRAM_MEDIA_METRICS);
  const samples: MetricSample[] = [];
  for (const mediaId of new Set(refs.map((ref) => ref.platformPostId))) {
    let insights: GraphInsight[];
    const read = (metrics: readonly string[]) =>
      readGraphInsights(
        http,
        mediaId,
        { metrics, period: 'lifetime', operation: 'read media insights' },
        context,
      );
    try {
      insights = await read(INSTAGRAM_MEDIA_METRICS.map(([name]) => name)).catch((error: unknown) => {
        // A story has no likes, comments or saves: Graph refuses the request (code 100) rather
        // than leave them out, so its metrics are asked again without them.
        if (PlatformError.isInstance(error) && error.platformError?.code === 100)
          return read(ANY_MEDIA_METRICS);
        throw error;
      });
    } catch (error) {
      if (PlatformError.isInstance(error) && error.code === 'not_found') continue;
      if (AuthError.isInstance(error) && tooFewViewers(error)) continue;
      throw error;
    }
    const observedAt = new Date(clock.now());
    for (const insight of insights) {
      const metric = names.get(insight.name);
      if (metric === undefined) continue;
      const value = numeric(insight.values?.[0]?.value) ?? numeric(insight.total_value?.value);
      if (value === undefined) continue;
      samples.push({
        platform: 'instagram',
        accountId: context.account.accountId,
        scope: 'post',
        platformPostId: mediaId,
        metric,
        rawName: insight.name,
        value,
        observedAt,
        period: 'lifetime',
      });
    }
  }
  return samples;
}

/**
 * Counts of the context's account: `GET /{ig-user-id}?fields=followers_count,media_count`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user): followers ← `followers_count`, posts_count ← `media_count`.
 *
 * @param http - the adapter's HTTP client
 * @param context - the account, tokens, signal, clock and rate-limit listener
 * @returns one sample per count Meta reported
 *
 * @example
 * ```ts
 * const samples = await getInstagramAccountMetrics(http, ctx);
 * ```
 */
export async function getInstagramAccountMetrics(
  http: HttpClient,
  context: RequestContext,
): Promise<MetricSample[]> {
  const clock = context.clock ?? systemClock;
  const { data } = await http.request({
    method: 'GET',
    path: `/${encodeURIComponent(context.account.accountId)}`,
    operation: 'read account metrics',
    searchParams: { fields: INSTAGRAM_ACCOUNT_METRICS.map(([field]) => field).join(',') },
    schema: AccountCountsSchema,
    context,
  });
  return countSamples(data, INSTAGRAM_ACCOUNT_METRICS, {
    platform: 'instagram',
    accountId: context.account.accountId,
    observedAt: new Date(clock.now()),
  });
}

/** Whether Graph withheld a story's insights for its few viewers (code 10 with that message). */
function tooFewViewers(error: AuthError): boolean {
  const graph = error.platformError;
  return graph?.code === 10 && NOT_ENOUGH_VIEWERS.test(graph.message ?? error.message);
}

/** A finite, non-negative number (or numeric string), else `undefined`. */
function numeric(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : undefined;
}
