import { ValidationError } from '../../errors/validation-error.js';
import type { VariantCounts } from '../ab-test.js';
import { compareVariants } from '../ab-test.js';
import type { Analytics } from '../analytics.js';
import type { BestTimeOptions } from '../best-time.js';
import { auditContentMix, type ContentMixOptions, type ContentMixPost } from '../content-mix.js';
import { type EngagementSlaOptions, engagementSla } from '../engagement-sla.js';
import { unknownKpiProblems } from '../kpi-problems.js';
import { isPostKpi, type Kpi, type PostKpi, rateTermsOf } from '../kpis.js';
import { metricRow } from '../metric-slots.js';
import { CompiledPostFilter, type PostFilter } from '../post-filter.js';
import type { PostSummary } from '../top-posts.js';
import { buildOutcomesInput, type OutcomesReportOptions } from './build-outcomes-input.js';
import { buildResearchInput, type ResearchReportOptions } from './build-research-input.js';
import { measureLabel } from './format.js';
import type { ReportAbTest, ReportBreakdownDimension, ReportInput } from './report-input.js';

/** The rate KPIs an A/B test can compare: each is successes ÷ trials counted per post. */
export type AbTestRate =
  | 'engagementRateByImpressions'
  | 'engagementRateByReach'
  | 'ctr'
  | 'shareRate'
  | 'saveRate';

/** Which A/B test {@link buildReportInput} runs. */
export interface ReportAbTestOptions {
  /** `PostMeta.variant` of the baseline (A). */
  readonly a: string;
  /** `PostMeta.variant` of the challenger (B). */
  readonly b: string;
  /** The rate to compare (default: the report's `kpi` when it is one, else `engagementRateByImpressions`). */
  readonly rate?: AbTestRate | undefined;
  /** Confidence level (default 0.95), as `compareVariants`. */
  readonly confidence?: number | undefined;
}

/** Options of {@link buildReportInput}; the `PostFilter` fields narrow every part of the report. */
export interface BuildReportInputOptions<K extends Kpi = Kpi>
  extends PostFilter,
    ResearchReportOptions,
    OutcomesReportOptions {
  /** The KPI charted over time and across platforms. */
  readonly kpi: K;
  /** IANA zone of the days (default UTC). */
  readonly timeZone?: string | undefined;
  /**
   * Heatmap options. Default measure: `kpi` when it is a per-post KPI, else the aggregator's
   * default; default zone: each post's own, as `Analytics.bestTime`.
   */
  readonly bestTime?: Pick<BestTimeOptions, 'kpi' | 'minSamples' | 'timeZone'> | undefined;
  /** Post labels to break `kpi` down by, one bar chart each (e.g. `['campaign', 'tag']`). */
  readonly breakdowns?: readonly ReportBreakdownDimension[] | undefined;
  /** An A/B test between two variants, when wanted. */
  readonly abTest?: ReportAbTestOptions | undefined;
  /**
   * Audit the content mix of the posts in the window (zone: `timeZone`), comparing classes on
   * `kpi` when it is a per-post KPI, else on engagement rate by impressions.
   */
  readonly contentMix?: Omit<ContentMixOptions, 'timeZone'> | undefined;
  /** Engagement SLA figures over the engagements created in the window, when wanted. */
  readonly sla?: EngagementSlaOptions | undefined;
}

const AB_RATES: ReadonlySet<string> = new Set([
  'engagementRateByImpressions',
  'engagementRateByReach',
  'ctr',
  'shareRate',
  'saveRate',
]);

function isAbTestRate(kpi: string): kpi is AbTestRate {
  return AB_RATES.has(kpi);
}

/**
 * A post's successes and trials for `rate`: the numerator and denominator of the KPI
 * (`rateTermsOf`); `undefined` when it lacks either or has no trials (a denominator of 0 is no
 * data, as in the group rates).
 */
function countsOf(post: PostSummary, rate: AbTestRate): VariantCounts | undefined {
  const [successes, trials] = rateTermsOf(rate, metricRow(post.metrics), Number.NaN, [
    Number.NaN,
    Number.NaN,
  ]);
  return Number.isNaN(successes) || !(trials > 0) ? undefined : { successes, trials };
}

function runAbTest(posts: readonly PostSummary[], options: ReportAbTestOptions, kpi: Kpi): ReportAbTest {
  const rate = options.rate ?? (isAbTestRate(kpi) ? kpi : 'engagementRateByImpressions');
  const sum = (variant: string): VariantCounts => {
    let successes = 0;
    let trials = 0;
    for (const post of posts) {
      if (post.meta?.variant !== variant) continue;
      const counts = countsOf(post, rate);
      if (counts === undefined) continue;
      successes += counts.successes;
      trials += counts.trials;
    }
    return { successes, trials };
  };
  const counts = { a: sum(options.a), b: sum(options.b) };
  const base = { a: options.a, b: options.b, rateLabel: measureLabel(rate) };
  if (counts.a.trials === 0 || counts.b.trials === 0) return { ...base, result: null };
  return {
    ...base,
    result: compareVariants(counts, { confidence: options.confidence }),
    counts,
  };
}

function contentMixPosts(posts: readonly PostSummary[], kpi: PostKpi): ContentMixPost[] {
  return posts.flatMap((post) =>
    post.meta === undefined
      ? []
      : [{ publishedAt: post.meta.publishedAt, contentClass: post.meta.contentClass, kpi: post.kpis[kpi] }],
  );
}

/**
 * Runs the rollups a report needs and assembles its {@link ReportInput}: `kpi` by day (in
 * `timeZone`) and by platform, the best-time heatmap, and, when asked, an A/B test, the
 * content-mix audit and SLA figures, all over the same window and filter.
 *
 * Posts without `PostMeta` cannot be placed in the window, a day or an hour: they are counted in
 * `postsWithoutMeta`, and the page says how to add their metadata.
 *
 * A/B counts: over the window's posts whose `PostMeta.variant` is `a` or `b` and that have both
 * counts of the rate (e.g. engagements and impressions), summed per variant, then
 * `compareVariants`. A variant without such posts gives a `null` result ("no data").
 *
 * @param analytics - the aggregator, with samples and post metadata ingested
 * @param options - see {@link BuildReportInputOptions}
 * @returns the report's input, ready for {@link renderReport}
 * @throws ValidationError for an unknown KPI or zone, or A/B counts `compareVariants` rejects
 *   (more successes than trials)
 *
 * @example
 * ```ts
 * const input = buildReportInput(analytics, {
 *   kpi: 'engagementRateByImpressions',
 *   timeZone: 'Europe/Berlin',
 *   since: new Date('2026-05-01T00:00:00+02:00'),
 *   until: new Date('2026-06-01T00:00:00+02:00'),
 *   abTest: { a: 'A', b: 'B' },
 * });
 * const page = renderReport(input, { title: 'May 2026' });
 * ```
 */
export function buildReportInput<K extends Kpi>(
  analytics: Analytics,
  options: BuildReportInputOptions<K>,
): ReportInput<K> {
  // Checked here, in the caller's words: the rollups would name `kpis[0]`, a key never written.
  const kpiProblems = unknownKpiProblems(options.kpi, ['kpi']);
  if (kpiProblems.length > 0) throw new ValidationError(kpiProblems, 'report options');
  const filter: PostFilter = {
    since: options.since,
    until: options.until,
    platforms: options.platforms,
    accounts: options.accounts,
  };
  const timeZone = options.timeZone ?? 'UTC';
  const kpis: readonly K[] = [options.kpi];
  const postKpi: PostKpi = isPostKpi(options.kpi) ? options.kpi : 'engagementRateByImpressions';
  const needsPosts = options.abTest !== undefined || options.contentMix !== undefined;
  const posts = needsPosts ? analytics.posts(filter) : [];
  const compiled = new CompiledPostFilter(filter);
  const postsWithoutMeta = analytics
    .posts({ platforms: options.platforms, accounts: options.accounts })
    .filter((post) => post.meta === undefined).length;
  return {
    kpi: options.kpi,
    timeZone,
    period: { since: options.since, until: options.until },
    postsWithoutMeta,
    ...buildResearchInput(analytics, options),
    ...buildOutcomesInput(analytics, options),
    engagementOverTime: analytics.rollup({ ...filter, by: ['day'], timeZone, kpis }),
    platformComparison: analytics.rollup({ ...filter, by: ['platform'], timeZone, kpis }),
    ...(options.breakdowns === undefined
      ? {}
      : {
          breakdowns: options.breakdowns.map((dimension) => ({
            dimension,
            rows: analytics.rollup({ ...filter, by: [dimension], timeZone, kpis }),
          })),
        }),
    bestTime: analytics.bestTime({
      ...filter,
      kpi: options.bestTime?.kpi ?? (isPostKpi(options.kpi) ? options.kpi : undefined),
      minSamples: options.bestTime?.minSamples,
      timeZone: options.bestTime?.timeZone,
    }),
    ...(options.abTest === undefined ? {} : { abTest: runAbTest(posts, options.abTest, options.kpi) }),
    ...(options.contentMix === undefined
      ? {}
      : {
          contentMix: auditContentMix(contentMixPosts(posts, postKpi), { ...options.contentMix, timeZone }),
          contentMixKpi: postKpi,
        }),
    ...(options.sla === undefined
      ? {}
      : {
          sla: engagementSla(
            analytics
              .engagements()
              .filter((engagement) =>
                compiled.accepts(engagement.platform, engagement.accountId, engagement.createdAt.getTime()),
              ),
            analytics.responses(),
            options.sla,
          ),
        }),
  };
}
