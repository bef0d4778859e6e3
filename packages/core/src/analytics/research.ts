import type { AudienceBreakdown } from '../models/audience-breakdown.js';
import type { PublicAccount } from '../models/public-account.js';
import { type AudienceFilter, type AudienceSplit, AudienceStore } from './audience.js';
import { type BenchmarkOptions, benchmarkAccounts, type CompetitorBenchmark } from './competitors.js';
import { PublicAccountStore } from './public-account-store.js';
import { checkWindow, parseAudienceBreakdowns, parsePublicAccounts } from './research-inputs.js';
import type { SampleStore } from './sample-store.js';

/**
 * The aggregator's view beyond the app's own posts: other accounts (competitors, influencers)
 * and the audience's demographics. Part of `Analytics`.
 */
export interface ResearchAnalytics {
  /**
   * Adds snapshots of other accounts (`lookupPublicAccount`'s answers), looked up now and then:
   * their follower counts become a history, their recent posts and the posts' public metrics are
   * kept (latest value per post and metric). They are kept apart from the app's own accounts, so
   * they never count in rollups, top posts or the report's own figures; `benchmark` compares
   * them, `publicAccounts()` gives them back for `rankInfluencers` and `trackInfluencerPosts`.
   * A snapshot of the same account and `observedAt` replaces the earlier one.
   *
   * @throws ValidationError when a snapshot is invalid (nothing of the batch is ingested)
   *
   * @example
   * ```ts
   * const rival = await x.lookupPublicAccount({ handle: 'rivalcoffee' }, context);
   * analytics.ingestPublicAccounts([rival]);
   * ```
   */
  ingestPublicAccounts(
    snapshots: Iterable<PublicAccount>,
    options?: {
      /** Skip validation (as `IngestOptions.trusted`): the caller vouches they are parsed models. */
      readonly trusted?: boolean | undefined;
    },
  ): void;
  /** Every snapshot ingested: account by account in the order first seen, oldest first; read-only. */
  publicAccounts(): readonly PublicAccount[];
  /**
   * Compares the app's own accounts with the tracked ones over a period: follower growth (first
   * and last reading inside it), posts per week, interactions and engagement rate per post.
   * Formulas: docs/analytics.md, "Competitor benchmarking".
   *
   * @throws ValidationError when `since` or `until` is missing or invalid, or not in order
   *
   * @example
   * ```ts
   * const { rows } = analytics.benchmark({ since: new Date('2026-05-01Z'), until: new Date('2026-06-01Z') });
   * rows.map((row) => [row.label, row.postsPerWeek, row.engagementRatePerPost]);
   * ```
   */
  benchmark(options: BenchmarkOptions): CompetitorBenchmark;
  /**
   * Adds audience breakdowns (`getAudience`'s answers), kept per (platform, account, dimension)
   * with one per `observedAt`.
   *
   * @throws ValidationError when a breakdown is invalid (nothing of the batch is ingested)
   */
  ingestAudience(
    breakdowns: Iterable<AudienceBreakdown>,
    options?: {
      /** Skip validation (as `IngestOptions.trusted`): the caller vouches they are parsed models. */
      readonly trusted?: boolean | undefined;
    },
  ): void;
  /**
   * The latest split per (platform, account, dimension), with each bucket's share of the split's
   * total; breakdown names, raw names and bucket keys as the platform gave them.
   *
   * @throws ValidationError when `until` is an invalid `Date`
   *
   * @example
   * ```ts
   * const [byAge] = analytics.audience({ platforms: ['instagram'], dimensions: ['age'] });
   * byAge?.buckets[0]; // { key: '25-34', value: 1210, share: 0.44 }
   * ```
   */
  audience(filter?: AudienceFilter): AudienceSplit[];
}

/** The {@link ResearchAnalytics} methods over the aggregator's own sample store. */
export function researchAnalytics(own: SampleStore): ResearchAnalytics {
  const tracked = new PublicAccountStore();
  const audience = new AudienceStore();
  return {
    ingestPublicAccounts(snapshots, options = {}) {
      const list = options.trusted === true ? [...snapshots] : parsePublicAccounts(snapshots);
      for (const snapshot of list) tracked.put(snapshot);
    },
    publicAccounts: () => tracked.snapshots(),
    benchmark: (options) => benchmarkAccounts(own, tracked, options),
    ingestAudience(breakdowns, options = {}) {
      const list = options.trusted === true ? [...breakdowns] : parseAudienceBreakdowns(breakdowns);
      for (const breakdown of list) audience.put(breakdown);
    },
    audience(filter = {}) {
      checkWindow({ until: filter.until }, 'audience filter');
      return audience.latest(filter);
    },
  };
}
