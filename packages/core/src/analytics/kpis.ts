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
 * Over a group of posts a rate is a ratio of sums over the posts that have both inputs
 * (impression-weighted, not an average of per-post rates): `engagementRateByImpressions` =
 * Σ engagementCount ÷ Σ impressions over the posts with both; likewise for reach, CTR, share
 * rate (each post contributing its own denominator: impressions, else reach) and save rate.
 * `engagementCount` is the sum over the posts that have one. `engagementRateByFollowers` =
 * Σ engagementCount of the posts whose account has a follower reading ÷ Σ followers at the end of
 * the period over those accounts (each account counted once).
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
 *   without a time bucket: the `since`–`until` window, else the calendar days from the first to
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

/** Engagement count of one post's metric row; see {@link POST_KPIS}. `NaN` when none of its parts exist. */
export function engagementCountOf(values: Float64Array): number {
  const reported = at(values, SLOT.engagements);
  if (!Number.isNaN(reported)) return reported;
  let sum = addPresent(Number.NaN, firstPresent(at(values, SLOT.reactions), at(values, SLOT.likes)));
  sum = addPresent(sum, at(values, SLOT.comments));
  sum = addPresent(sum, at(values, SLOT.shares));
  sum = addPresent(sum, at(values, SLOT.saves));
  return sum;
}

/** Clicks of one post for CTR: `link_clicks`, else `clicks`; `NaN` when neither exists. */
export function clickCountOf(values: Float64Array): number {
  return firstPresent(at(values, SLOT.linkClicks), at(values, SLOT.clicks));
}

/** The share-rate denominator of one post: impressions, else reach. */
export function shareBaseOf(values: Float64Array): number {
  return firstPresent(at(values, SLOT.impressions), at(values, SLOT.reach));
}

/**
 * One per-post KPI (formulas on {@link POST_KPIS}) from the post's metric row and its account's
 * followers (`NaN` when unknown). Returns `NaN` for no data.
 */
export function postKpiOf(kpi: PostKpi, values: Float64Array, followers: number): number {
  switch (kpi) {
    case 'engagementCount':
      return engagementCountOf(values);
    case 'engagementRateByImpressions':
      return ratio(engagementCountOf(values), at(values, SLOT.impressions));
    case 'engagementRateByReach':
      return ratio(engagementCountOf(values), at(values, SLOT.reach));
    case 'engagementRateByFollowers':
      return ratio(engagementCountOf(values), followers);
    case 'ctr':
      return ratio(clickCountOf(values), at(values, SLOT.impressions));
    case 'shareRate':
      return ratio(at(values, SLOT.shares), shareBaseOf(values));
    case 'saveRate':
      return ratio(at(values, SLOT.saves), at(values, SLOT.reach));
  }
}

/** Indexes of the numerator/denominator pairs a group accumulates. */
const PAIR = { erImpressions: 0, erReach: 1, ctr: 2, share: 3, save: 4 } as const;
const PAIR_COUNT = 5;

/**
 * Sums a group's post KPIs pairwise: a post adds to a rate only when it has both the numerator
 * and the denominator, so a platform without a metric never drags a rate towards 0.
 */
export class PostKpiSums {
  /** Σ numerator per pair (even index) and Σ denominator per pair (odd index). */
  private readonly sums = new Float64Array(PAIR_COUNT * 2);
  /** Σ engagementCount over posts that have one; `NaN` until one does. */
  engagementCount = Number.NaN;

  /** Adds one post's metric row; returns its engagement count (`NaN` when none). */
  add(values: Float64Array): number {
    const engagements = engagementCountOf(values);
    const impressions = at(values, SLOT.impressions);
    const reach = at(values, SLOT.reach);
    this.engagementCount = addPresent(this.engagementCount, engagements);
    this.pair(PAIR.erImpressions, engagements, impressions);
    this.pair(PAIR.erReach, engagements, reach);
    this.pair(PAIR.ctr, clickCountOf(values), impressions);
    this.pair(PAIR.share, at(values, SLOT.shares), shareBaseOf(values));
    this.pair(PAIR.save, at(values, SLOT.saves), reach);
    return engagements;
  }

  private pair(index: number, numerator: number, denominator: number): void {
    if (Number.isNaN(numerator) || Number.isNaN(denominator)) return;
    this.sums[index * 2] = at(this.sums, index * 2) + numerator;
    this.sums[index * 2 + 1] = at(this.sums, index * 2 + 1) + denominator;
  }

  private rate(index: number): number {
    return ratio(at(this.sums, index * 2), at(this.sums, index * 2 + 1));
  }

  /**
   * The group value of a post KPI other than `engagementRateByFollowers` (which needs the
   * accounts' followers; see {@link KPIS}). `NaN` for no data.
   */
  value(kpi: Exclude<PostKpi, 'engagementRateByFollowers'>): number {
    switch (kpi) {
      case 'engagementCount':
        return this.engagementCount;
      case 'engagementRateByImpressions':
        return this.rate(PAIR.erImpressions);
      case 'engagementRateByReach':
        return this.rate(PAIR.erReach);
      case 'ctr':
        return this.rate(PAIR.ctr);
      case 'shareRate':
        return this.rate(PAIR.share);
      case 'saveRate':
        return this.rate(PAIR.save);
    }
  }
}
