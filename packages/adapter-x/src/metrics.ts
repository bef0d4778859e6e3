import type { CanonicalMetric, MetricSample, PostRef, RequestContext } from '@smmkit/core';
import { type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import { pickXPostMetrics } from './metric-mapping.js';
import { MeResponseSchema, PostListResponseSchema, type XPostList, type XUser } from './schemas.js';
import { createdTime } from './x-time.js';

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
 * Non-public and organic metrics exist only for posts created in the last 30 days ("Non-public,
 * organic, and promoted metrics are only available for Posts created within the last 30 days":
 * https://docs.x.com/x-api/fundamentals/metrics).
 */
const PRIVATE_METRICS_MAX_AGE_MS = 30 * 24 * 60 * 60_000;
/** Every metric object: for the account's own posts of the last 30 days. */
const ALL_METRIC_FIELDS = 'public_metrics,non_public_metrics,organic_metrics';
/** The metrics every post has, whoever asks and however old it is. */
const PUBLIC_METRIC_FIELDS = 'public_metrics';
/**
 * The `type`s of the problem X reports for a field the caller may not read
 * (`NotAuthorizedForFieldProblem` and `FieldUnauthorizedProblem` in https://api.x.com/2/openapi.json).
 */
const FIELD_REFUSED = /\/(not-authorized-for-field|field-unauthorized)$/;

/**
 * Lifetime metrics of the given posts, up to 100 per `GET /2/tweets?ids=…`
 * (https://docs.x.com/x-api/posts/lookup/introduction), with the posts' media
 * (`expansions=attachments.media_keys&media.fields=public_metrics`) for video views.
 *
 * Posts whose id (a Snowflake: https://docs.x.com/fundamentals/x-ids) says they were created in the
 * last 30 days, by the context's clock, are asked for
 * `tweet.fields=public_metrics,non_public_metrics,organic_metrics`; older ones for `public_metrics`
 * only, in requests of their own: non-public and organic metrics exist only for the account's own
 * posts of the last 30 days (https://docs.x.com/x-api/fundamentals/metrics), and X answers a post
 * asked for fields it may not read with no `data` entry, only errors ("only Posts that are authored
 * by the authenticated user will be returned, all other Posts will receive an error message":
 * https://docs.x.com/x-api/posts/timelines/integrate). A post X refuses that way (someone else's,
 * or one just over 30 days old) is asked again for `public_metrics` only.
 *
 * Each canonical metric is emitted once per post, from the first source that has it:
 * `public_metrics`, then `non_public_metrics`, then `organic_metrics` (metric-mapping.ts says
 * why); `rawName` names the field (`public_metrics.retweet_count`). `video_views` is the sum of
 * `view_count` over the post's media (`media.public_metrics.view_count`).
 *
 * A post X no longer has (reported in `errors[]`) has no metrics and is skipped.
 *
 * @param http - the adapter's HTTP client
 * @param refs - the posts
 * @param context - tokens, signal, clock (for the posts' age and `observedAt`) and rate-limit listener
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
  const now = new Date(clock.now());
  const ids = [...new Set(refs.map((ref) => ref.platformPostId))];
  // An id that is no Snowflake tells no age (createdTime falls back to now): asked as recent.
  const recent = new Set(
    ids.filter(
      (id) => now.getTime() - createdTime(undefined, id, now).getTime() <= PRIVATE_METRICS_MAX_AGE_MS,
    ),
  );
  const samples: MetricSample[] = [];
  const refused: string[] = [];
  const lookUp = async (batch: readonly string[], fields: string): Promise<XPostList> => {
    const { data } = await http.request({
      method: 'GET',
      path: '/2/tweets',
      operation: 'read post metrics',
      searchParams: {
        ids: batch.join(','),
        'tweet.fields': fields,
        expansions: 'attachments.media_keys',
        'media.fields': 'public_metrics',
      },
      schema: PostListResponseSchema,
      context,
    });
    samples.push(...xPostSamples(data, context.account.accountId, new Date(clock.now())));
    return data;
  };
  for (const batch of batches([...recent])) {
    refused.push(...refusedPrivateFields(await lookUp(batch, ALL_METRIC_FIELDS), batch));
  }
  for (const batch of batches([...ids.filter((id) => !recent.has(id)), ...refused])) {
    await lookUp(batch, PUBLIC_METRIC_FIELDS);
  }
  return samples;
}

/** `ids` in lookups of at most 100. */
function batches(ids: readonly string[]): string[][] {
  const all: string[][] = [];
  for (let start = 0; start < ids.length; start += MAX_IDS_PER_REQUEST) {
    all.push(ids.slice(start, start + MAX_IDS_PER_REQUEST));
  }
  return all;
}

/**
 * The ids of `asked` that X left out of `page.data` because a field could not be read for them:
 * each has a field-authorization problem naming it in `resource_id` (or `value`), as
 * `NotAuthorizedForFieldProblem` in https://api.x.com/2/openapi.json does.
 */
function refusedPrivateFields(page: XPostList, asked: readonly string[]): string[] {
  const answered = new Set((page.data ?? []).map((post) => post.id));
  const refused = new Set<string>();
  for (const problem of page.errors ?? []) {
    const refusedField =
      FIELD_REFUSED.test(problem.type ?? '') || problem.title === 'Field Authorization Error';
    const id = [problem.resource_id, problem.value].find((value) => typeof value === 'string');
    if (refusedField && typeof id === 'string' && !answered.has(id)) refused.add(id);
  }
  return asked.filter((id) => refused.has(id));
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
