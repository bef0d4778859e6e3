import type { MetricSample, PostRef, RequestContext } from '@smmkit/core';
import { countSamples, type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';

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

/** The counts a post read gives, by raw name, and the canonical metric each is. */
const POST_COUNTS = [
  ['shares', 'shares'],
  ['comments', 'comments'],
  ['reactions', 'reactions'],
] as const;

/** The Page's follower count (https://developers.facebook.com/docs/graph-api/reference/page/: `followers_count`). */
const PageCountsSchema = z.looseObject({ followers_count: z.optional(z.number()) });

/**
 * Counts of each post: `GET /{post-id}?fields=shares,comments.summary(true),reactions.summary(true)`
 * (https://developers.facebook.com/docs/graph-api/reference/post/) → `shares`, `comments`,
 * `reactions`. A count Meta leaves out (no shares yet) is no sample, not 0.
 *
 * @param http - the adapter's HTTP client
 * @param refs - the posts
 * @param context - the Page, its token, signal and clock
 * @returns one sample per count Meta reported
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
  for (const ref of refs) {
    const { data } = await http.request({
      method: 'GET',
      path: `/${encodeURIComponent(ref.platformPostId)}`,
      operation: 'read post counts',
      searchParams: { fields: 'shares,comments.summary(true),reactions.summary(true)' },
      schema: PostCountsSchema,
      context,
    });
    const counts = {
      shares: data.shares?.count,
      comments: data.comments?.summary?.total_count,
      reactions: data.reactions?.summary?.total_count,
    };
    samples.push(
      ...countSamples(counts, POST_COUNTS, {
        platform: 'facebook',
        accountId: ref.accountId,
        platformPostId: ref.platformPostId,
        observedAt: new Date(clock.now()),
      }),
    );
  }
  return samples;
}

/**
 * The Page's followers: `GET /{page-id}?fields=followers_count`
 * (https://developers.facebook.com/docs/graph-api/reference/page/).
 *
 * @param http - the adapter's HTTP client
 * @param context - the Page, its token, signal and clock
 * @returns the followers sample, or none when Meta gives no count
 *
 * @example
 * ```ts
 * const [followers] = await getFacebookAccountMetrics(http, ctx);
 * ```
 */
export async function getFacebookAccountMetrics(
  http: HttpClient,
  context: RequestContext,
): Promise<MetricSample[]> {
  const clock = context.clock ?? systemClock;
  const { data } = await http.request({
    method: 'GET',
    path: `/${encodeURIComponent(context.account.accountId)}`,
    operation: 'read Page followers',
    searchParams: { fields: 'followers_count' },
    schema: PageCountsSchema,
    context,
  });
  return countSamples(data, [['followers_count', 'followers']], {
    platform: 'facebook',
    accountId: context.account.accountId,
    observedAt: new Date(clock.now()),
  });
}
