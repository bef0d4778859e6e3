/**
 * smmkit analytics: roll metric samples up by platform, account, campaign, tag, variant and time
 * bucket; KPIs with documented formulas; best time to post; A/B tests; content mix; engagement
 * SLA; UTM links; goals with projections; ROI; CSV, JSON and HTML reports.
 *
 * @packageDocumentation
 */

// What ingest takes besides parsed models: samples and engagements as a store may have written them.
export type { EngagementInput } from '../models/engagement.js';
export type { MetricSampleInput } from '../models/metric-sample.js';
export type { EngagementResponse, PostMeta } from './post-meta.js';

// The aggregator: ingest, rollups, KPIs, top posts, best time to post, metric collection.

export { type Analytics, type AnalyticsStats, createAnalytics, type IngestOptions } from './analytics.js';
export type { BestTimeHeatmap, BestTimeOptions, HeatmapCell } from './best-time.js';
export {
  type CollectMetricsOptions,
  type CollectMetricsResult,
  collectMetrics,
  type MetricSampleSink,
  type MetricsBatch,
  type MetricsContext,
  type MetricsFailure,
  type MetricsPost,
  type MetricsRunner,
  type MetricsScheduler,
} from './collect-metrics.js';
export { type Dimension, POST_DIMENSIONS, type PostDimension } from './dimensions.js';
export { KPIS, type Kpi, POST_KPIS, type PostKpi, type PostMeasure } from './kpis.js';
export type { PostFilter } from './post-filter.js';
export { publishedPosts } from './published-posts.js';
export type { RollupBucket, RollupOptions, RollupRow } from './rollup.js';
export type { IngestReport } from './sample-store.js';
export { TIME_GRAINS, type TimeBucket, type TimeGrain } from './time-buckets.js';
export type { PostSummary, TopPost, TopPostsOptions } from './top-posts.js';

// Beyond the own posts: competitors, share of voice, influencers, audience. (A detached comment, so import sorting keeps this block apart.)

export type { AudienceBucket, AudienceFilter, AudienceSplit } from './audience.js';
export type { BenchmarkAccount, BenchmarkOptions, BenchmarkRow, CompetitorBenchmark } from './competitors.js';
export {
  type CampaignPostRef,
  type InfluencerCampaign,
  type MetricPoint,
  type TrackedPost,
  trackInfluencerPosts,
} from './influencer-campaign.js';
export {
  type Influencer,
  type InfluencerItem,
  type InfluencerOptions,
  rankInfluencers,
} from './influencers.js';
export type { ResearchAnalytics } from './research.js';
export {
  type BrandTerms,
  type BrandVoice,
  type ListenedItem,
  type ListenedOptions,
  type ShareOfVoice,
  shareOfVoice,
} from './share-of-voice.js';

// Outcomes: SMART goals with projections, and ROI from conversions and spend. (A detached comment, so import sorting keeps this block apart.)

export {
  type ConversionColumn,
  type ConversionsCsvOptions,
  DEFAULT_CONVERSION_HEADERS,
  parseConversionsCsv,
} from './conversions-csv.js';
export {
  GOAL_METRICS,
  type Goal,
  type GoalDay,
  type GoalKind,
  type GoalMetric,
  type GoalOptions,
  type GoalProgress,
  type GoalProjection,
  type GoalScope,
  type GoalStatus,
} from './goals.js';
export type { OutcomeAnalytics } from './outcomes.js';
export type {
  PlatformAllocation,
  RoiCampaignRow,
  RoiFigures,
  RoiPlatformRow,
  RoiPostRow,
  RoiReport,
  UnattributedConversions,
} from './roi.js';
export type { ConversionEvent, ConversionUtm, RoiLink, RoiOptions, SpendEntry } from './roi-inputs.js';

// Statistics and exports: pure functions over plain inputs. (A detached comment, so import sorting keeps this block apart.)

export {
  type AbTestWarning,
  type CompareVariantsOptions,
  compareVariants,
  type VariantComparison,
  type VariantCounts,
  type VariantPair,
} from './ab-test.js';
export {
  auditContentMix,
  type ClassPerformance,
  type ContentClass,
  type ContentMixFigures,
  type ContentMixOptions,
  type ContentMixPeriod,
  type ContentMixPeriodUnit,
  type ContentMixPost,
  type ContentMixReport,
  DEFAULT_VALUE_SHARE_TARGET,
} from './content-mix.js';
export { type CsvColumn, type CsvOptions, toCsv } from './csv.js';
export {
  type EngagementSlaOptions,
  engagementSla,
  type SlaEngagement,
  type SlaFigures,
  type SlaReport,
} from './engagement-sla.js';
export {
  JSON_REPORT_SCHEMA_VERSION,
  type JsonReportOptions,
  type JsonValue,
  toJsonReport,
} from './json-export.js';
export {
  type AddUtmOptions,
  addUtmToText,
  buildUtmUrl,
  type UtmParams,
  type UtmTarget,
  utmForTarget,
} from './utm.js';

// The HTML report: self-contained page with inline SVG charts. (A detached comment, so import sorting keeps this block apart.)

export type { OutcomesReportOptions } from './report/build-outcomes-input.js';
export {
  type AbTestRate,
  type BuildReportInputOptions,
  buildReportInput,
  type ReportAbTestOptions,
} from './report/build-report-input.js';
export type { ResearchReportOptions } from './report/build-research-input.js';
export type { OutcomesReportInput } from './report/outcomes-report-input.js';
export { type RenderReportOptions, renderReport } from './report/render-report.js';
export type {
  ReportAbTest,
  ReportBreakdown,
  ReportBreakdownDimension,
  ReportBreakdownRow,
  ReportHeatmap,
  ReportInput,
  ReportPeriod,
  ReportRow,
} from './report/report-input.js';
export type { ReportCompetitors, ResearchReportInput } from './report/research-report-input.js';
