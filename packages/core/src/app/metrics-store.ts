import type { MetricSample } from '../models/metric-sample.js';

/**
 * A post published through smmkit, as the metrics store keeps it: which post it is, where it went
 * live, when, and how the team labelled it. `createSmmkit` records one for every `published`
 * outcome, direct or scheduled; its fields besides the URL and the app's account id are an
 * analytics `PostMeta`.
 *
 * @example
 * ```ts
 * const record: PublishedPostRecord = {
 *   platform: 'x', accountId: '2244994945', platformPostId: '1850000000000000000',
 *   account: 'brand-x', url: 'https://x.com/brand/status/1850000000000000000',
 *   publishedAt: new Date('2026-11-20T16:00:00Z'), timeZone: 'Europe/Berlin',
 *   campaign: 'spring-26', tags: ['launch'], variant: 'A', contentClass: 'promotion',
 * };
 * ```
 */
export interface PublishedPostRecord {
  /** Platform id. */
  readonly platform: string;
  /** The platform's id of the account that published it. */
  readonly accountId: string;
  /** The platform's id of the post (matches `MetricSample.platformPostId`). */
  readonly platformPostId: string;
  /** The app's id of the connected account (`brand-x`), when it was published through one. */
  readonly account?: string | undefined;
  /** The post's public URL, when the platform gave one. */
  readonly url?: string | undefined;
  /**
   * When it went live (or when the platform will publish it itself); absent for an outcome that
   * settled without a time. Without it a report counts the post only where no time is asked.
   */
  readonly publishedAt?: Date | undefined;
  /** The account's IANA zone, for hour-of-week figures. */
  readonly timeZone?: string | undefined;
  /** The campaign it belongs to. */
  readonly campaign?: string | undefined;
  /** Tags the team gave it. */
  readonly tags?: readonly string[] | undefined;
  /** The A/B variant it carried. */
  readonly variant?: string | undefined;
  /** Value content or promotion, for the 80/20 mix audit. */
  readonly contentClass?: 'value' | 'promotion' | undefined;
}

/**
 * Where `createSmmkit` keeps what analytics needs across restarts: the posts published through
 * it, with their metadata, and the metric samples collected for them and their accounts.
 * `memoryMetricsStore()` (`@smmkit/core/app`) and `sqliteMetricsStore(path)`
 * (`@smmkit/core/sqlite`) are ones; `describeMetricsStore` in `@smmkit/testkit/conformance`
 * checks yours.
 *
 * Samples are snapshots and the store keeps, per key, the one with the latest `observedAt` (of
 * two with the same `observedAt`, the one recorded last): a lifetime count read every hour costs
 * one row per post and metric, not one per reading. The key is (platform, accountId, scope,
 * platformPostId, metric, period, periodStart), and, for account-scoped `lifetime` readings (a
 * followers count), also `observedAt`: those are a history that growth figures read.
 *
 * The store trusts its input: callers hand it parsed posts and samples.
 *
 * @example
 * ```ts
 * const metrics = memoryMetricsStore();
 * await metrics.recordPosts([{ platform: 'x', accountId: '2244994945', platformPostId: '1850…' }]);
 * await metrics.recordSamples(samples);
 * (await metrics.samples()).length;
 * ```
 */
export interface MetricsStore {
  /**
   * Adds posts, or replaces the record kept for the same (platform, accountId, platformPostId)
   * whole (a field absent from the new record is gone).
   */
  recordPosts(posts: readonly PublishedPostRecord[]): Promise<void>;
  /** Every post recorded, once each, in no particular order. */
  posts(): Promise<PublishedPostRecord[]>;
  /** Adds samples, keeping per key the latest (see the store’s description above). */
  recordSamples(samples: readonly MetricSample[]): Promise<void>;
  /** Every sample kept, in no particular order, instants as `Date`s. */
  samples(): Promise<MetricSample[]>;
  /** Releases what the store holds open (a connection); optional. */
  close?(): Promise<void>;
}
