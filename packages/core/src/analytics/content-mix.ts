import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import { isValidTimeZone } from '../models/time-zone.js';
import { timeBucket } from './time-buckets.js';
import { isValidDate } from './validate-inputs.js';

/** How a post was labelled for the 80/20 rule: `value` (helps, teaches, entertains) or `promotion` (sells). */
export type ContentClass = 'value' | 'promotion';

/** The length of one period of the content-mix audit. */
export type ContentMixPeriodUnit = 'day' | 'week' | 'month';

/** One published post as the content-mix audit needs it; `PostMeta` plus a KPI fits. */
export interface ContentMixPost {
  /** When it was published. */
  readonly publishedAt: Date;
  /** Its class; absent means the team did not label it (unclassified). */
  readonly contentClass?: ContentClass | undefined;
  /** The KPI to compare classes on (e.g. engagement rate); `null` or absent when there is no data. */
  readonly kpi?: number | null | undefined;
}

/** Options for {@link auditContentMix}. */
export interface ContentMixOptions {
  /** Period length (default `week`). */
  readonly period?: ContentMixPeriodUnit | undefined;
  /** IANA zone in which days, weeks and months are counted (default `UTC`). */
  readonly timeZone?: string | undefined;
  /** Smallest acceptable value share, from 0 to 1 (default {@link DEFAULT_VALUE_SHARE_TARGET}). */
  readonly targetValueShare?: number | undefined;
}

/** How one class of posts performs: its post count and mean KPI. */
export interface ClassPerformance {
  /** Posts of this class. */
  readonly posts: number;
  /** Posts of this class that have a KPI. */
  readonly postsWithKpi: number;
  /** Arithmetic mean of the KPIs: Σ kpi ÷ postsWithKpi; `null` when no post has one. */
  readonly meanKpi: number | null;
}

/** Content-mix figures for a set of posts (one period, or all of them). */
export interface ContentMixFigures {
  /** All posts, unclassified included. */
  readonly posts: number;
  /** Posts labelled `value`. */
  readonly value: number;
  /** Posts labelled `promotion`. */
  readonly promotion: number;
  /** Posts without a label; left out of the shares. */
  readonly unclassified: number;
  /** value ÷ (value + promotion); `null` when no post is classified. */
  readonly valueShare: number | null;
  /** promotion ÷ (value + promotion); `null` when no post is classified. */
  readonly promotionShare: number | null;
  /** `valueShare ≥ targetValueShare`; `null` when no post is classified. */
  readonly meetsTarget: boolean | null;
  /** How each class performs. */
  readonly performance: {
    /** Posts labelled `value`. */
    readonly value: ClassPerformance;
    /** Posts labelled `promotion`. */
    readonly promotion: ClassPerformance;
    /** Posts without a label. */
    readonly unclassified: ClassPerformance;
  };
}

/** The figures of one period. */
export interface ContentMixPeriod extends ContentMixFigures {
  /**
   * The period's key, the same as the aggregator's time buckets: `YYYY-MM-DD` for a day,
   * `YYYY-Www` for an ISO 8601 week (Monday start, ISO week-year), `YYYY-MM` for a month.
   */
  readonly period: string;
  /** The first instant of the period (local midnight in the zone). */
  readonly start: Date;
  /** The first instant after the period. */
  readonly end: Date;
}

/** The result of {@link auditContentMix}. */
export interface ContentMixReport {
  /** The target used. */
  readonly targetValueShare: number;
  /** The period length used. */
  readonly periodUnit: ContentMixPeriodUnit;
  /** The zone used. */
  readonly timeZone: string;
  /** One entry per period that has posts, oldest first (periods without posts are not listed). */
  readonly periods: readonly ContentMixPeriod[];
  /** The figures over all posts. */
  readonly overall: ContentMixFigures;
}

/** The 80/20 rule: at least 80 % of classified posts should be value content, at most 20 % promotion. */
export const DEFAULT_VALUE_SHARE_TARGET = 0.8;

/**
 * Audits the value-vs-promotion mix (the 80/20 rule) per period and overall, and compares how
 * each class performs on a KPI.
 *
 * Shares are taken over classified posts only: valueShare = value ÷ (value + promotion) and
 * promotionShare = promotion ÷ (value + promotion). Unclassified posts are counted apart and
 * neither help nor hurt the rule; a period with no classified post has `null` shares and
 * `meetsTarget`. Mean KPI per class = Σ kpi ÷ (posts with a KPI), `null` without data.
 *
 * @param posts - published posts with their class and KPI
 * @param options - see {@link ContentMixOptions}
 * @returns per-period and overall figures
 * @throws ValidationError for an unknown zone, a target outside [0, 1], an invalid `publishedAt`,
 *   a non-finite KPI or an unknown class
 *
 * @example
 * ```ts
 * const report = auditContentMix(posts, { period: 'month', timeZone: 'Europe/Berlin' });
 * for (const p of report.periods) console.log(p.period, p.valueShare, p.meetsTarget);
 * report.overall.performance.value.meanKpi; // mean engagement rate of value posts
 * ```
 */
export function auditContentMix(
  posts: readonly ContentMixPost[],
  options: ContentMixOptions = {},
): ContentMixReport {
  const periodUnit = options.period ?? 'week';
  const timeZone = options.timeZone ?? 'UTC';
  const targetValueShare = options.targetValueShare ?? DEFAULT_VALUE_SHARE_TARGET;
  validate(posts, periodUnit, timeZone, targetValueShare);

  const groups = new Map<string, { start: number; end: number; posts: ContentMixPost[] }>();
  for (const post of posts) {
    const bucket = timeBucket(periodUnit, post.publishedAt.getTime(), timeZone);
    const group = groups.get(bucket.key);
    if (group === undefined) groups.set(bucket.key, { start: bucket.start, end: bucket.end, posts: [post] });
    else group.posts.push(post);
  }
  const periods = [...groups.entries()]
    .sort(([, left], [, right]) => left.start - right.start)
    .map(([period, group]) => ({
      period,
      start: new Date(group.start),
      end: new Date(group.end),
      ...figures(group.posts, targetValueShare),
    }));
  return { targetValueShare, periodUnit, timeZone, periods, overall: figures(posts, targetValueShare) };
}

function figures(posts: readonly ContentMixPost[], target: number): ContentMixFigures {
  const value = performance(posts.filter((p) => p.contentClass === 'value'));
  const promotion = performance(posts.filter((p) => p.contentClass === 'promotion'));
  const unclassified = performance(posts.filter((p) => p.contentClass === undefined));
  const classified = value.posts + promotion.posts;
  const valueShare = classified === 0 ? null : value.posts / classified;
  return {
    posts: posts.length,
    value: value.posts,
    promotion: promotion.posts,
    unclassified: unclassified.posts,
    valueShare,
    promotionShare: classified === 0 ? null : promotion.posts / classified,
    meetsTarget: valueShare === null ? null : valueShare >= target,
    performance: { value, promotion, unclassified },
  };
}

function performance(posts: readonly ContentMixPost[]): ClassPerformance {
  const kpis = posts.flatMap((p) => (typeof p.kpi === 'number' ? [p.kpi] : []));
  const sum = kpis.reduce((total, kpi) => total + kpi, 0);
  return {
    posts: posts.length,
    postsWithKpi: kpis.length,
    meanKpi: kpis.length === 0 ? null : sum / kpis.length,
  };
}

const UNITS: readonly string[] = ['day', 'week', 'month'];

function validate(posts: readonly ContentMixPost[], unit: string, timeZone: string, target: number): void {
  const problems: ValidationProblem[] = [];
  if (!UNITS.includes(unit)) {
    problems.push({
      path: ['period'],
      rule: 'content_mix.period',
      message: 'must be one of: day, week, month',
    });
  }
  if (!isValidTimeZone(timeZone)) {
    problems.push({ path: ['timeZone'], rule: 'content_mix.time_zone', message: 'unknown time zone' });
  }
  if (!(target >= 0 && target <= 1)) {
    problems.push({ path: ['targetValueShare'], rule: 'content_mix.target', message: 'must be from 0 to 1' });
  }
  posts.forEach((post, i) => {
    if (!isValidDate(post.publishedAt)) {
      problems.push({
        path: ['posts', i, 'publishedAt'],
        rule: 'content_mix.date',
        message: 'must be a valid Date',
      });
    }
    const kpi: unknown = post.kpi;
    if (kpi !== null && kpi !== undefined && (typeof kpi !== 'number' || !Number.isFinite(kpi))) {
      problems.push({
        path: ['posts', i, 'kpi'],
        rule: 'content_mix.kpi',
        message: 'must be a finite number or null',
      });
    }
    const contentClass: unknown = post.contentClass;
    if (contentClass !== undefined && contentClass !== 'value' && contentClass !== 'promotion') {
      problems.push({
        path: ['posts', i, 'contentClass'],
        rule: 'content_mix.class',
        message: 'must be value or promotion',
      });
    }
  });
  if (problems.length > 0) throw new ValidationError(problems, 'content mix audit');
}
