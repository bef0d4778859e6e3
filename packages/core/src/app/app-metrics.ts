import type { AccountStore } from '../accounts/account-store.js';
import type { Adapter } from '../adapter/adapter.js';
import type { Analytics } from '../analytics/analytics.js';
import {
  type CollectMetricsOptions,
  type CollectMetricsResult,
  collectMetrics,
  type MetricSampleSink,
} from '../analytics/collect-metrics.js';
import { parseMetricSamples } from '../analytics/validate-inputs.js';
import type { Post } from '../models/post.js';
import type { PublishOutcome } from '../publisher/outcome.js';
import type { Publisher } from '../publisher/publisher.js';
import { accountsWithMetrics, collectAccountMetrics, type MetricsAccount } from './account-metrics.js';
import type { MetricsStore, PublishedPostRecord } from './metrics-store.js';
import { postsSince } from './metrics-window.js';
import { isPostMeta, metricsPostOf, publishedRecords } from './published-records.js';

/** What the facade's metrics are made of. */
export interface AppMetricsOptions {
  readonly adapters: readonly Adapter[];
  readonly accounts: AccountStore;
  readonly store: MetricsStore;
  readonly analytics: Analytics;
}

/** What one collection read, and which posts and accounts it read. */
export interface AppCollection {
  readonly result: CollectMetricsResult;
  /** The posts whose metrics it read (those of the window). */
  readonly posts: readonly PublishedPostRecord[];
  /** The accounts whose own metrics (followers) it read. */
  readonly accounts: readonly MetricsAccount[];
}

/** Options of {@link AppMetrics.collect}. */
export interface AppCollectOptions extends Pick<CollectMetricsOptions, 'concurrency' | 'signal'> {
  /**
   * The oldest publication time whose posts are read (posts without one are read too);
   * `undefined` reads every post.
   */
  readonly since: Date | undefined;
}

/** The facade's metrics: published posts and samples in the store, mirrored into the aggregator. */
export interface AppMetrics {
  /** Records the published outcomes of a publish; never rejects (a failed write is retried later). */
  record(post: Post, outcomes: readonly PublishOutcome[]): Promise<void>;
  /** Reads every post and sample of the store into the aggregator (again: latest wins). */
  load(): Promise<void>;
  /**
   * Reads, through `publisher`, into the store and the aggregator: the metrics of the store's
   * posts published since `options.since`, then each connected account's own metrics (followers),
   * once each; of `platforms`, or all.
   */
  collect(
    publisher: Publisher,
    options: AppCollectOptions,
    platforms?: ReadonlySet<string>,
  ): Promise<AppCollection>;
}

/**
 * Wires the metrics store to the aggregator: every published post is recorded in both, every
 * collected sample is validated once and kept in both, and `load` fills the aggregator from the
 * store (after a restart, or with what other processes wrote).
 *
 * @param options - adapters, registry, metrics store and aggregator
 * @returns the facade's metrics
 */
export function appMetrics(options: AppMetricsOptions): AppMetrics {
  const { store, analytics } = options;
  /** Records whose write failed, written again before the next read. */
  let unsaved: PublishedPostRecord[] = [];

  const flush = async (): Promise<void> => {
    if (unsaved.length === 0) return;
    const pending = unsaved;
    unsaved = [];
    try {
      await store.recordPosts(pending);
    } catch (error) {
      unsaved = [...pending, ...unsaved];
      throw error;
    }
  };

  const mirror = (records: readonly PublishedPostRecord[]): void => {
    analytics.ingestPostMeta(records.map(metricsPostOf).filter(isPostMeta), { trusted: true });
  };

  return {
    record: async (post, outcomes) => {
      if (!outcomes.some((outcome) => outcome.status === 'published')) return;
      // A registry that cannot be read costs the zone and account id, never the outcome.
      const accounts = await options.accounts.list().catch(() => []);
      const records = publishedRecords(post, outcomes, accounts);
      mirror(records);
      unsaved.push(...records);
      await flush().catch(() => undefined);
    },
    load: async () => {
      await flush();
      mirror(await store.posts());
      analytics.ingestSamples(await store.samples(), { trusted: true });
    },
    collect: async (publisher, { since, ...collectOptions }, platforms) => {
      await flush();
      const wanted = (platform: string): boolean => platforms === undefined || platforms.has(platform);
      // The stores list every post (none filters by time), so the window is applied here: what
      // it saves is the platforms' budget, not the store's read.
      const posts = postsSince(await store.posts(), since).filter((post) => wanted(post.platform));
      const accounts = (await options.accounts.list()).filter((account) => wanted(account.platform));
      const writes: Promise<void>[] = [];
      let failedWrite: { readonly error: unknown } | undefined;
      const sink: MetricSampleSink = {
        ingestSamples: (samples) => {
          // Validated once (a bad batch is that batch's failure), then trusted by both.
          const parsed = parseMetricSamples(samples);
          analytics.ingestSamples(parsed, { trusted: true });
          writes.push(
            store.recordSamples(parsed).catch((error: unknown) => {
              failedWrite ??= { error };
            }),
          );
        },
        ingestPostMeta: (metas) => analytics.ingestPostMeta(metas, { trusted: true }),
      };
      const read = async (): Promise<CollectMetricsResult> => {
        const ofPosts = await collectMetrics(options.adapters, posts.map(metricsPostOf), undefined, {
          ...collectOptions,
          via: publisher,
          into: sink,
        });
        const ofAccounts = await collectAccountMetrics(options.adapters, accounts, {
          ...collectOptions,
          via: publisher,
          into: sink,
        });
        return {
          samples: [...ofPosts.samples, ...ofAccounts.samples],
          failures: [...ofPosts.failures, ...ofAccounts.failures],
        };
      };
      const result = await read().finally(() => Promise.all(writes));
      // The samples are in the aggregator but not kept: say so rather than lose them on restart.
      if (failedWrite !== undefined) throw failedWrite.error;
      return { result, posts, accounts: accountsWithMetrics(options.adapters, accounts) };
    },
  };
}
