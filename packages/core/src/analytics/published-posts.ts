import type { Post } from '../models/post.js';
import type { PostRef } from '../models/post-ref.js';
import type { PublishOutcome } from '../publisher/outcome.js';
import type { PostMeta } from './post-meta.js';

/**
 * The posts a publish put on the platforms, ready for `collectMetrics`: for each `published`
 * outcome, the post's {@link PostMeta} (its ref, when it went live, and the post's `campaign`,
 * `tags`, `variant` and `contentClass`). `collectMetrics` reads their metrics and hands the
 * metadata to the aggregator with the samples, so reports can place each post in time and by
 * label without a separate `ingestPostMeta` call.
 *
 * The time is the result's `publishedAt`, or `scheduledFor` for a post the platform will publish
 * itself. An outcome with neither (an outbox record settled without a time) gives its bare
 * `PostRef`: its metrics are still read, and a report says that it lacks metadata. `failed` and
 * `unknown` outcomes give nothing. A thread counts as its first part.
 *
 * @param post - the post as given to `publisher.publish` (its labels are read)
 * @param outcomes - what `publisher.publish` returned for it
 * @param options - `timeZone`: the accounts' IANA zone, for best-time-to-post hours (default: UTC
 *   when the report asks for none)
 * @returns one entry per published outcome, in order
 *
 * @example
 * ```ts
 * const outcomes = await publisher.publish(post, targets);
 * // …a day later:
 * const analytics = createAnalytics();
 * await collectMetrics(adapters, publishedPosts(post, outcomes), undefined, { via: publisher, into: analytics });
 * const page = renderReport(buildReportInput(analytics, { kpi: 'engagementRateByImpressions', since, until }));
 * ```
 */
export function publishedPosts(
  post: Pick<Post, 'campaign' | 'tags' | 'variant' | 'contentClass'>,
  outcomes: readonly PublishOutcome[],
  options: { readonly timeZone?: string | undefined } = {},
): (PostMeta | PostRef)[] {
  return outcomes.flatMap((outcome): (PostMeta | PostRef)[] => {
    if (outcome.status !== 'published') return [];
    const { ref, publishedAt, scheduledFor } = outcome.result;
    const at = publishedAt ?? scheduledFor;
    if (at === undefined) return [ref];
    const meta: PostMeta = {
      platform: ref.platform,
      accountId: ref.accountId,
      platformPostId: ref.platformPostId,
      publishedAt: at,
      ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
      ...(post.campaign === undefined ? {} : { campaign: post.campaign }),
      ...(post.tags === undefined ? {} : { tags: post.tags }),
      ...(post.variant === undefined ? {} : { variant: post.variant }),
      ...(post.contentClass === undefined ? {} : { contentClass: post.contentClass }),
    };
    return [meta];
  });
}
