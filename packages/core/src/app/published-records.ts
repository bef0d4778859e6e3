import type { ConnectedAccount } from '../accounts/account-store.js';
import type { MetricsPost } from '../analytics/collect-metrics.js';
import type { PostMeta } from '../analytics/post-meta.js';
import { publishedPosts } from '../analytics/published-posts.js';
import type { Post } from '../models/post.js';
import type { PublishOutcome } from '../publisher/outcome.js';
import type { PublishedPostRecord } from './metrics-store.js';

/**
 * The records of a publish's `published` outcomes: each post's metadata as `publishedPosts`
 * makes it, in its account's zone, with its URL and the app's id of its account.
 *
 * @param post - the post as published (its labels are read)
 * @param outcomes - the publish's outcomes
 * @param accounts - the registry, for each account's id and zone
 * @returns one record per published outcome
 */
export function publishedRecords(
  post: Pick<Post, 'campaign' | 'tags' | 'variant' | 'contentClass'>,
  outcomes: readonly PublishOutcome[],
  accounts: readonly ConnectedAccount[],
): PublishedPostRecord[] {
  return outcomes.flatMap((outcome): PublishedPostRecord[] => {
    if (outcome.status !== 'published') return [];
    const { platform, accountId } = outcome.target;
    const account = accounts.find(
      (candidate) => candidate.platform === platform && candidate.accountId === accountId,
    );
    const url = outcome.result.url;
    return publishedPosts(post, [outcome], { timeZone: account?.timeZone }).map((meta) => ({
      ...meta,
      ...(account === undefined ? {} : { account: account.id }),
      ...(url === undefined ? {} : { url }),
    }));
  });
}

/**
 * What `collectMetrics` takes of a record: its `PostMeta` when it has a publication time, else
 * its bare ref.
 *
 * @param record - a recorded post
 * @returns the post for `collectMetrics`
 */
export function metricsPostOf(record: PublishedPostRecord): MetricsPost {
  const { platform, accountId, platformPostId, publishedAt } = record;
  if (publishedAt === undefined) return { platform, accountId, platformPostId };
  const meta: PostMeta = {
    platform,
    accountId,
    platformPostId,
    publishedAt,
    ...(record.timeZone === undefined ? {} : { timeZone: record.timeZone }),
    ...(record.tags === undefined ? {} : { tags: record.tags }),
    ...(record.campaign === undefined ? {} : { campaign: record.campaign }),
    ...(record.variant === undefined ? {} : { variant: record.variant }),
    ...(record.contentClass === undefined ? {} : { contentClass: record.contentClass }),
  };
  return meta;
}

/** Whether a post for `collectMetrics` carries metadata. */
export function isPostMeta(post: MetricsPost): post is PostMeta {
  return 'publishedAt' in post && post.publishedAt !== undefined;
}
