import type { Engagement, EngagementInput } from '../models/engagement.js';
import type { MetricSample, MetricSampleInput } from '../models/metric-sample.js';
import { type BestTimeHeatmap, type BestTimeOptions, bestTimeToPost } from './best-time.js';
import type { Dimension } from './dimensions.js';
import { EngagementLog } from './engagement-log.js';
import type { Kpi } from './kpis.js';
import { type OutcomeAnalytics, outcomeAnalytics } from './outcomes.js';
import type { PostFilter } from './post-filter.js';
import type { EngagementResponse, PostMeta } from './post-meta.js';
import { type ResearchAnalytics, researchAnalytics } from './research.js';
import { type RollupOptions, type RollupRow, rollup } from './rollup.js';
import { type IngestReport, SampleStore } from './sample-store.js';
import { listPosts, type PostSummary, type TopPost, type TopPostsOptions, topPosts } from './top-posts.js';
import { checkPostMetas, checkResponses, parseEngagements, parseMetricSamples } from './validate-inputs.js';

/** Options of the ingest methods. */
export interface IngestOptions {
  /**
   * Skip validation: the caller vouches the items are valid (parsed models from smmkit's own
   * adapters or store). Makes ingesting a million samples several times faster. Default false:
   * every item is validated first and a bad batch is rejected whole.
   */
  readonly trusted?: boolean | undefined;
}

/** How much the aggregator holds. */
export interface AnalyticsStats {
  /** Distinct posts (from samples or metadata). */
  readonly posts: number;
  /** Distinct accounts. */
  readonly accounts: number;
  /** (post, metric) lifetime values kept. */
  readonly postValues: number;
  /** Engagements kept. */
  readonly engagements: number;
  /** Engagement responses kept. */
  readonly responses: number;
}

/**
 * The analytics aggregator: ingests metric samples, post metadata, engagements and responses, and
 * answers rollups, top posts and best-time heatmaps. In memory; ingest again at any time (queries
 * see everything ingested so far).
 *
 * Samples are snapshots: per (platform, account, post, metric, period, periodStart) the one with
 * the latest `observedAt` is kept, so re-reading a lifetime count never adds it twice and a
 * snapshot that arrives late never replaces a newer one. Account `lifetime` readings (a followers
 * count read daily) are kept as a history, one point per `observedAt`, for growth figures.
 */
export interface Analytics extends ResearchAnalytics, OutcomeAnalytics {
  /**
   * Adds metric samples. Validated with core's `MetricSampleSchema` unless `trusted`.
   *
   * @returns how many samples were applied and how many were stale (older than what is kept)
   * @throws ValidationError when a sample is invalid (nothing of the batch is ingested)
   */
  ingestSamples(samples: Iterable<MetricSample | MetricSampleInput>, options?: IngestOptions): IngestReport;
  /**
   * Adds or replaces post metadata (publication time, zone, tags, campaign, variant, class), before
   * or after the post's samples. Samples say which post they count, not when it was published:
   * without its metadata a post counts only in rollups without a time bucket and without
   * `since`/`until`, and reports say it lacks metadata.
   *
   * `collectMetrics` calls this by itself when given the posts as `PostMeta` (what
   * `publishedPosts(post, outcomes)` makes of the publisher's outcomes); call it directly for
   * posts whose metadata you keep yourself.
   *
   * @throws ValidationError when an item is invalid (nothing of the batch is ingested)
   *
   * @example
   * ```ts
   * analytics.ingestPostMeta([
   *   { platform: 'x', accountId: '2244994945', platformPostId: '1850000000000000000',
   *     publishedAt: new Date('2026-05-04T09:00:00Z'), campaign: 'spring-26', tags: ['launch'] },
   * ]);
   * ```
   */
  ingestPostMeta(metas: Iterable<PostMeta>, options?: IngestOptions): void;
  /**
   * Adds engagements, kept by (platform, id), for the SLA figures.
   *
   * @throws ValidationError when an item is invalid (nothing of the batch is ingested)
   */
  ingestEngagements(engagements: Iterable<Engagement | EngagementInput>, options?: IngestOptions): void;
  /**
   * Adds the team's responses to engagements, for the SLA figures.
   *
   * @throws ValidationError when an item is invalid (nothing of the batch is ingested)
   */
  ingestResponses(responses: Iterable<EngagementResponse>, options?: IngestOptions): void;

  /** Every engagement ingested (one per platform and id), read-only. */
  engagements(): readonly Engagement[];
  /** Every response ingested, read-only. */
  responses(): readonly EngagementResponse[];
  /** The metadata of a post, when given. */
  postMeta(ref: {
    readonly platform: string;
    readonly accountId: string;
    readonly platformPostId: string;
  }): PostMeta | undefined;

  /**
   * Rolls up by any combination of dimensions (`platform`, `account`, `campaign`, `tag`,
   * `variant`, `contentClass`, and one time bucket `hour` | `day` | `week` | `month` in
   * `timeZone`, DST-correct). KPI formulas are documented on `KPIS`.
   *
   * Post metrics are each post's latest values, placed in time by the post's `publishedAt`: a
   * post without `PostMeta` appears only in rollups without a time bucket and without
   * `since`/`until`. Account metrics are placed by their period (`day` samples) or observation
   * time (`lifetime` samples). Rows are sorted by bucket start, then by dimension values in `by`
   * order (`null` last). Missing data is `null`, never 0.
   *
   * @throws ValidationError for an unknown dimension or KPI, two time buckets, or an unknown zone
   *
   * @example
   * ```ts
   * const rows = analytics.rollup({ by: ['platform', 'day'], timeZone: 'UTC', kpis: ['engagementRateByImpressions'] });
   * rows[0]?.kpis.engagementRateByImpressions; // number | null
   * ```
   */
  rollup<D extends Dimension, K extends Kpi = Kpi>(options: RollupOptions<D, K>): RollupRow<D, K>[];
  /** Every post passing `filter`, with its metrics and per-post KPIs. */
  posts(filter?: PostFilter): PostSummary[];
  /**
   * The top `n` (default 10) posts by a metric or per-post KPI. Posts without a value for it are
   * left out, not ranked as 0.
   *
   * @throws ValidationError for an unknown measure
   */
  topPosts(options: TopPostsOptions): TopPost[];
  /**
   * Best time to post: an hour-of-week heatmap (7 × 24, Monday = 0) of the mean per post of a
   * measure (default engagement rate by impressions), in each post's zone or `timeZone`; cells
   * with fewer than `minSamples` posts report `null`; `topSlots(n)` recommends the best cells.
   *
   * @throws ValidationError for an unknown measure, a bad `minSamples`, or an unknown zone
   */
  bestTime(options?: BestTimeOptions): BestTimeHeatmap;
  /** How much is held. */
  stats(): AnalyticsStats;
}

/**
 * Creates an empty in-memory aggregator. Fill it with `collectMetrics(adapters,
 * publishedPosts(post, outcomes), …, { into: analytics })`, which brings the posts' metadata
 * along with their samples, or with the ingest methods.
 *
 * @example
 * ```ts
 * const analytics = createAnalytics();
 * analytics.ingestSamples(samplesFromMyStore, { trusted: true });
 * analytics.ingestPostMeta(postMetasFromMyStore);
 * const byPlatformDay = analytics.rollup({ by: ['platform', 'day'], timeZone: 'Europe/Berlin' });
 * const best = analytics.topPosts({ by: 'engagementRateByImpressions', n: 5 });
 * const slots = analytics.bestTime({ minSamples: 5 }).topSlots(3);
 * ```
 */
export function createAnalytics(): Analytics {
  const store = new SampleStore();
  const log = new EngagementLog();
  return {
    ...researchAnalytics(store),
    ...outcomeAnalytics(store),
    ingestSamples(samples, options = {}) {
      return store.ingest(options.trusted === true ? samples : parseMetricSamples(samples));
    },
    ingestPostMeta(metas, options = {}) {
      for (const meta of options.trusted === true ? metas : checkPostMetas(metas)) store.putMeta(meta);
    },
    ingestEngagements(engagements, options = {}) {
      const list =
        options.trusted === true ? (engagements as Iterable<Engagement>) : parseEngagements(engagements);
      for (const engagement of list) log.putEngagement(engagement);
    },
    ingestResponses(responses, options = {}) {
      for (const response of options.trusted === true ? responses : checkResponses(responses)) {
        log.putResponse(response);
      }
    },
    engagements: () => log.engagements(),
    responses: () => log.responses(),
    postMeta(ref) {
      const post = store.findPost(ref.platform, ref.accountId, ref.platformPostId);
      return post < 0 ? undefined : store.postMeta[post];
    },
    rollup: (options) => rollup(store, options),
    posts: (filter = {}) => listPosts(store, filter),
    topPosts: (options) => topPosts(store, options),
    bestTime: (options = {}) => bestTimeToPost(store, options),
    stats: () => ({
      posts: store.postCount,
      accounts: store.accountCount,
      postValues: store.keptPostValues(),
      engagements: log.engagements().length,
      responses: log.responses().length,
    }),
  };
}
