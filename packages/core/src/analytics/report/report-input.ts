import type { VariantComparison, VariantPair } from '../ab-test.js';
import type { BestTimeHeatmap } from '../best-time.js';
import type { ContentMixReport } from '../content-mix.js';
import type { Dimension } from '../dimensions.js';
import type { SlaReport } from '../engagement-sla.js';
import type { Kpi, PostMeasure } from '../kpis.js';
import type { RollupRow } from '../rollup.js';
import type { OutcomesReportInput } from './outcomes-report-input.js';
import type { ResearchReportInput } from './research-report-input.js';

/**
 * The part of a rollup row a report reads: its dimensions, post count and KPIs. Any
 * `RollupRow` from `Analytics.rollup` fits; hand-built rows need only these fields.
 */
export type ReportRow<D extends Dimension, K extends Kpi = Kpi> = Pick<
  RollupRow<D, K>,
  'dimensions' | 'posts' | 'kpis'
>;

/** A post label a report can break its KPI down by, besides platform. */
export type ReportBreakdownDimension = 'account' | 'campaign' | 'tag' | 'variant' | 'contentClass';

/** One group of a breakdown; any `RollupRow` grouped by the breakdown's dimension fits. */
export interface ReportBreakdownRow<K extends Kpi = Kpi> {
  /** The group's label under the breakdown's dimension; `null` for posts without one. */
  readonly dimensions: Readonly<Partial<Record<ReportBreakdownDimension, string | null>>>;
  /** Posts in the group. */
  readonly posts: number;
  /** The group's KPIs. */
  readonly kpis: { readonly [P in K]: number | null };
}

/** The KPI by one post label (campaign, tag, …), shown as a bar chart like the platform comparison. */
export interface ReportBreakdown<K extends Kpi = Kpi> {
  /** The label grouped by. */
  readonly dimension: ReportBreakdownDimension;
  /** Rollup rows by `dimension` (`Analytics.rollup({ by: [dimension] })`), in the order to show. */
  readonly rows: readonly ReportBreakdownRow<K>[];
}

/** The heatmap data a report reads; any `BestTimeHeatmap` from `Analytics.bestTime` fits. */
export type ReportHeatmap = Pick<BestTimeHeatmap, 'kpi' | 'timeZone' | 'minSamples' | 'cells'>;

/** An A/B comparison to show: the two variants' names and the test's outcome. */
export interface ReportAbTest {
  /** Name of the baseline variant (A), as the team labels it (`PostMeta.variant`). */
  readonly a: string;
  /** Name of the challenger variant (B). */
  readonly b: string;
  /** What was compared, for the heading (e.g. `Engagement rate (by impressions)`). */
  readonly rateLabel?: string | undefined;
  /** The outcome of `compareVariants`; `null` when a variant has no data (shown as "no data"). */
  readonly result: VariantComparison | null;
  /**
   * The counts the test ran on. When given, each rate gets its own Wald interval
   * p ± z₍₁₋α/2₎·√(p(1 − p)/n) next to the interval of the difference.
   */
  readonly counts?: VariantPair | undefined;
}

/** The window a report covers, shown in its header. */
export interface ReportPeriod {
  /** First instant included. */
  readonly since?: Date | undefined;
  /** First instant after the window (exclusive), as `PostFilter.until`. */
  readonly until?: Date | undefined;
}

/**
 * Everything an HTML report shows: plain data the caller assembles from the aggregator (or lets
 * `buildReportInput` assemble). Missing values stay `null` and are shown as "no data", never 0.
 *
 * @typeParam K - the KPIs the rollup rows carry; `kpi` is the one charted
 *
 * @example
 * ```ts
 * const input: ReportInput<'engagementRateByImpressions'> = {
 *   kpi: 'engagementRateByImpressions',
 *   timeZone: 'Europe/Berlin',
 *   engagementOverTime: analytics.rollup({ by: ['day'], timeZone: 'Europe/Berlin', kpis: ['engagementRateByImpressions'] }),
 *   platformComparison: analytics.rollup({ by: ['platform'], kpis: ['engagementRateByImpressions'] }),
 *   bestTime: analytics.bestTime({ minSamples: 3 }),
 * };
 * ```
 */
export interface ReportInput<K extends Kpi = Kpi> extends ResearchReportInput, OutcomesReportInput {
  /** The KPI charted over time and across platforms (formulas on `KPIS`). */
  readonly kpi: K;
  /** Rollup rows by `day`, oldest first; days are read from `dimensions.day` (`YYYY-MM-DD`). */
  readonly engagementOverTime: readonly ReportRow<'day', K>[];
  /** Rollup rows by `platform`, in the order to show. */
  readonly platformComparison: readonly ReportRow<'platform', K>[];
  /** More bar charts of `kpi`, one per post label (campaign, tag, …), after the platform comparison. */
  readonly breakdowns?: readonly ReportBreakdown<K>[] | undefined;
  /** The best-time-to-post heatmap (7 × 24, Monday first; `null` cells are shown empty). */
  readonly bestTime: ReportHeatmap;
  /** An A/B comparison, when there is one. */
  readonly abTest?: ReportAbTest | undefined;
  /** The 80/20 content-mix audit, when there is one. */
  readonly contentMix?: ContentMixReport | undefined;
  /**
   * The per-post measure the content-mix means were taken over (`ContentMixPost.kpi`), for its
   * label and format; default `kpi`.
   */
  readonly contentMixKpi?: PostMeasure | undefined;
  /** Engagement SLA figures, when there are some. */
  readonly sla?: SlaReport | undefined;
  /** The IANA zone the days were computed in (shown in the header; default for dates shown). */
  readonly timeZone?: string | undefined;
  /** The window covered, shown in the header. */
  readonly period?: ReportPeriod | undefined;
  /**
   * Posts with metrics but no `PostMeta` (of the report's platforms and accounts): without a
   * publication time they fit no period, day or hour, so the report names how many and how to
   * add their metadata. `buildReportInput` counts them.
   */
  readonly postsWithoutMeta?: number | undefined;
}
