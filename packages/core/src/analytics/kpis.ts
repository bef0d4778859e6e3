import type { CanonicalMetric } from '../models/metric-vocabulary.js';
import { addPresent, at, SLOT } from './metric-slots.js';

/**
 * The KPIs a post has on its own. Formulas (every value is "no data", `null`, when an input is
 * missing or a denominator is 0 — never a silent 0):
 *
 * - `engagementCount` = the platform's `engagements` metric when the post has it, otherwise
 *   `likeCount + comments + shares + saves` over the parts the post has (null when it has none),
 *   where `likeCount` = `reactions` when present (LinkedIn and Facebook count every reaction kind
 *   there, likes included, so adding `likes` too would count them twice), else `likes`.
 *   `quotes`, clicks and views are not engagements here.
 * - `engagementRateByImpressions` = engagementCount ÷ impressions
 * - `engagementRateByReach` = engagementCount ÷ reach
 * - `engagementRateByFollowers` = engagementCount ÷ followers, followers being the account's
 *   `followers` at the end of the period (its latest reading at or before the period's end,
 *   from account-scoped samples)
 * - `ctr` = clicks ÷ impressions, clicks = `link_clicks` when present, else `clicks`
 * - `shareRate` = shares ÷ impressions, or shares ÷ reach when the post has no impressions
 * - `saveRate` = saves ÷ reach
 */
export const POST_KPIS = [
  'engagementCount',
  'engagementRateByImpressions',
  'engagementRateByReach',
  'engagementRateByFollowers',
  'ctr',
  'shareRate',
  'saveRate',
] as const;

/** One of {@link POST_KPIS}. */
export type PostKpi = (typeof POST_KPIS)[number];

/**
 * Every KPI a rollup row can carry: the {@link POST_KPIS} taken over the row's posts, plus the
 * account and cadence figures below.
 *
 * Over a group of posts a rate is a ratio of sums over the posts that have both inputs, the
 * denominator above 0 (impression-weighted, not an average of per-post rates):
 * `engagementRateByImpressions` = Σ engagementCount ÷ Σ impressions over the posts with both;
 * likewise for reach, CTR, share rate (each post contributing its own denominator: impressions
 * above 0, else reach) and save rate. `engagementCount` is the sum over the posts that have one.
 * `engagementRateByFollowers` = Σ engagementCount of the posts whose account has a follower
 * reading above 0 ÷ Σ followers at the end of the period over those accounts (each account
 * counted once).
 *
 * Account figures, summed over the row's accounts (the accounts of its posts; for rows grouped
 * only by platform, account and time, every known account matching the row):
 * - `followersEnd` = followers at the end of the period (latest reading placed before its end)
 * - `followersStart` = followers at the start (latest reading before it, else the first reading
 *   inside the period)
 * - `followerGrowth` = Σ (followers_end − followers_start), absolute
 * - `followerGrowthRate` = Σ (followers_end − followers_start) ÷ Σ followers_start
 *
 *   Both growth figures sum only over accounts that have a start reading and an end reading
 *   inside the period, later than the start one; with none, growth is null rather than 0.
 *   Followers are read at the end of the bucket in the rollup's zone; a reading is placed at its
 *   `observedAt` (`lifetime` samples) or its `periodStart` (`day` samples).
 *
 * Cadence, over the row's posts that have a publication time:
 * - `postsPerDay` = posts ÷ calendar days in the period (a time bucket: 1 for a day even when DST
 *   makes it 23 or 25 hours long, 7 for a week, the month's length for a month, 1/24 for an hour;
 *   without a time bucket: the `since`–`until` window in local days of the zone, so
 *   March in Berlin is 31 days although one is 23 hours long, else the calendar days from the first to
 *   the last publication among all rolled-up posts, both included)
 * - `postsPerWeek` = postsPerDay × 7
 */
export const KPIS = [
  ...POST_KPIS,
  'followersStart',
  'followersEnd',
  'followerGrowth',
  'followerGrowthRate',
  'postsPerDay',
  'postsPerWeek',
] as const;

/** One of {@link KPIS}. */
export type Kpi = (typeof KPIS)[number];

/** What a post can be ranked or charted by: a canonical metric or a per-post KPI. */
export type PostMeasure = CanonicalMetric | PostKpi;

const POST_KPI_NAMES: ReadonlySet<string> = new Set(POST_KPIS);

/** True when `measure` is a per-post KPI rather than a raw metric. */
export function isPostKpi(measure: string): measure is PostKpi {
  return POST_KPI_NAMES.has(measure);
}

/** `numerator ÷ denominator`, or `NaN` (no data) when either is missing or the denominator is 0. */
export function ratio(numerator: number, denominator: number): number {
  if (Number.isNaN(numerator) || Number.isNaN(denominator) || denominator === 0) return Number.NaN;
  return numerator / denominator;
}

/** `a` when it has data, else `b`. */
function firstPresent(a: number, b: number): number {
  return Number.isNaN(a) ? b : a;
}

/**
 * `a` when it can divide (data above 0), else `b`: a denominator of 0 is no data (X reports 0
 * impressions for old posts, Instagram 0 reach while insights are pending).
 */
function firstDivisor(a: number, b: number): number {
  return a > 0 ? a : b;
}

/** Engagement count of one post's metric row; see {@link POST_KPIS}. `NaN` when none of its parts exist. */
function engagementCountOf(values: Float64Array): number {
  const reported = at(values, SLOT.engagements);
  if (!Number.isNaN(reported)) return reported;
  let sum = addPresent(Number.NaN, firstPresent(at(values, SLOT.reactions), at(values, SLOT.likes)));
  sum = addPresent(sum, at(values, SLOT.comments));
  sum = addPresent(sum, at(values, SLOT.shares));
  sum = addPresent(sum, at(values, SLOT.saves));
  return sum;
}

/** A per-post KPI that is a ratio: every one of {@link POST_KPIS} but `engagementCount`. */
export type RateKpi = Exclude<PostKpi, 'engagementCount'>;

/** The numerator and the denominator of a {@link RateKpi}, `NaN` where the post lacks one. */
export type RateTerms = [numerator: number, denominator: number];

/**
 * The numerator and denominator of a rate KPI of one post, written into `out`: the one place the
 * rate formulas on {@link POST_KPIS} live, so a post's own value, a group's pairwise sums and an
 * A/B test's successes and trials always count the same things.
 *
 * @param values - the post's metric row (`NaN` for no data)
 * @param followers - its account's followers (`NaN` when unknown)
 * @param out - where to write, reused so a caller reading many posts allocates nothing
 * @param engagements - the post's engagement count when the caller already has it
 */
export function rateTermsOf(
  kpi: RateKpi,
  values: Float64Array,
  followers: number,
  out: RateTerms,
  engagements?: number,
): RateTerms {
  switch (kpi) {
    case 'engagementRateByImpressions':
      out[0] = engagements ?? engagementCountOf(values);
      out[1] = at(values, SLOT.impressions);
      break;
    case 'engagementRateByReach':
      out[0] = engagements ?? engagementCountOf(values);
      out[1] = at(values, SLOT.reach);
      break;
    case 'engagementRateByFollowers':
      out[0] = engagements ?? engagementCountOf(values);
      out[1] = followers;
      break;
    case 'ctr':
      out[0] = firstPresent(at(values, SLOT.linkClicks), at(values, SLOT.clicks));
      out[1] = at(values, SLOT.impressions);
      break;
    case 'shareRate':
      out[0] = at(values, SLOT.shares);
      out[1] = firstDivisor(at(values, SLOT.impressions), at(values, SLOT.reach));
      break;
    case 'saveRate':
      out[0] = at(values, SLOT.saves);
      out[1] = at(values, SLOT.reach);
      break;
  }
  return out;
}

/** Scratch terms for {@link postKpiOf}. */
const TERMS: RateTerms = [Number.NaN, Number.NaN];

/**
 * One per-post KPI (formulas on {@link POST_KPIS}) from the post's metric row and its account's
 * followers (`NaN` when unknown). Returns `NaN` for no data.
 */
export function postKpiOf(kpi: PostKpi, values: Float64Array, followers: number): number {
  if (kpi === 'engagementCount') return engagementCountOf(values);
  const terms = rateTermsOf(kpi, values, followers, TERMS);
  return ratio(terms[0], terms[1]);
}

/** The rates a group sums pairwise, in the order of its sums. */
const SUMMED_RATES = [
  'engagementRateByImpressions',
  'engagementRateByReach',
  'ctr',
  'shareRate',
  'saveRate',
] as const satisfies readonly RateKpi[];

/**
 * Sums a group's post KPIs pairwise: a post adds to a rate only when it has the numerator and a
 * denominator above 0, so a platform without a metric never drags a rate towards 0, and a post
 * whose denominator is 0 (no data yet, as for one post on its own) never pushes it up.
 */
export class PostKpiSums {
  /** Σ numerator (even index) and Σ denominator (odd index) per rate of `SUMMED_RATES`. */
  private readonly sums = new Float64Array(SUMMED_RATES.length * 2);
  private readonly terms: RateTerms = [Number.NaN, Number.NaN];
  /** Σ engagementCount over posts that have one; `NaN` until one does. */
  engagementCount = Number.NaN;

  /** Adds one post's metric row; returns its engagement count (`NaN` when none). */
  add(values: Float64Array): number {
    const engagements = engagementCountOf(values);
    this.engagementCount = addPresent(this.engagementCount, engagements);
    let index = 0;
    for (const rate of SUMMED_RATES) {
      const terms = rateTermsOf(rate, values, Number.NaN, this.terms, engagements);
      if (!Number.isNaN(terms[0]) && terms[1] > 0) {
        this.sums[index] = at(this.sums, index) + terms[0];
        this.sums[index + 1] = at(this.sums, index + 1) + terms[1];
      }
      index += 2;
    }
    return engagements;
  }

  /**
   * The group value of a post KPI other than `engagementRateByFollowers` (which needs the
   * accounts' followers; see {@link KPIS}). `NaN` for no data.
   */
  value(kpi: Exclude<PostKpi, 'engagementRateByFollowers'>): number {
    if (kpi === 'engagementCount') return this.engagementCount;
    const index = SUMMED_RATES.indexOf(kpi);
    return ratio(at(this.sums, index * 2), at(this.sums, index * 2 + 1));
  }
}
