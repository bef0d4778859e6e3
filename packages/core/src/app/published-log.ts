import type { AccountStore } from '../accounts/account-store.js';
import type { MetricsPost } from '../analytics/collect-metrics.js';
import { publishedPosts } from '../analytics/published-posts.js';
import type { Post } from '../models/post.js';
import type { PublishOutcome } from '../publisher/outcome.js';
import type { Publisher } from '../publisher/publisher.js';

/** The posts published through a publisher, with their metadata, for `collectMetrics`. */
export interface PublishedLog {
  /** The publisher that records what it publishes. */
  readonly publisher: Publisher;
  /** Every post recorded, once each. */
  posts(): MetricsPost[];
}

/**
 * Wraps a publisher so that each published outcome is recorded with `publishedPosts`, in the zone
 * of its account, as the analytics docs do by hand. The publisher itself is unchanged: the same
 * events, queues and outcomes.
 *
 * @param publisher - the publisher
 * @param accounts - the registry, for each account's zone
 * @returns the wrapped publisher and the log
 */
export function publishedLog(publisher: Publisher, accounts: AccountStore): PublishedLog {
  const recorded = new Map<string, MetricsPost>();

  const record = async (post: Post, outcomes: readonly PublishOutcome[]): Promise<void> => {
    if (!outcomes.some((outcome) => outcome.status === 'published')) return;
    // A registry that cannot be read costs the zone (reports fall back to UTC), never the outcome.
    const connected = await accounts.list().catch(() => []);
    for (const outcome of outcomes) {
      const { platform, accountId } = outcome.target;
      const timeZone = connected.find(
        (account) => account.platform === platform && account.accountId === accountId,
      )?.timeZone;
      for (const meta of publishedPosts(post, [outcome], { timeZone })) {
        recorded.set(`${meta.platform}/${meta.accountId}/${meta.platformPostId}`, meta);
      }
    }
  };

  return {
    publisher: {
      events: publisher.events,
      run: (account, operation, task, options) => publisher.run(account, operation, task, options),
      shutdown: (options) => publisher.shutdown(options),
      publish: async (post, targets, options) => {
        const outcomes = await publisher.publish(post, targets, options);
        await record(post, outcomes);
        return outcomes;
      },
    },
    posts: () => [...recorded.values()],
  };
}
