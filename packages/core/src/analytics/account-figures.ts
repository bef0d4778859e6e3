import type { AccountSeries } from './account-series.js';
import { addPresent, at, METRIC_COUNT, SLOT } from './metric-slots.js';
import type { SampleStore } from './sample-store.js';

/** Counts that describe the account at a moment (read as of the period's end), not flows to sum. */
const POINT_IN_TIME: ReadonlySet<number> = new Set([SLOT.followers, SLOT.following, SLOT.postsCount]);

/**
 * Counts of unique people, which daily values do not add up to: someone reached on Monday and
 * on Tuesday is one person in the two days' reach. Meta: "Unique impression insights values are
 * calculated independently" (https://developers.facebook.com/docs/graph-api/reference/insights).
 */
const UNIQUE_PER_DAY: ReadonlySet<number> = new Set([SLOT.reach]);

/** The account-scoped value of one metric for `[start, end)`; see {@link accountFigures}. */
function periodValue(
  series: AccountSeries,
  slot: number,
  start: number,
  end: number,
  endIndex: number,
): number {
  if (POINT_IN_TIME.has(slot) || !series.hasDayValues()) return series.valueAt(endIndex);
  return UNIQUE_PER_DAY.has(slot) ? series.singleDay(start, end) : series.sumDays(start, end);
}

/** The account's followers as of `end` (its latest reading placed before `end`), `NaN` when unknown. */
export function followersAt(store: SampleStore, account: number, end: number): number {
  const series = store.accountSeries(account, SLOT.followers);
  if (series === undefined) return Number.NaN;
  return series.valueAt(series.latestBefore(end));
}

/** Account figures of a set of accounts over `[start, end)`; `NaN` means no data. */
export interface AccountFigures {
  /** Σ followers at the start, over accounts that have a start reading. */
  readonly followersStart: number;
  /** Σ followers at the end, over accounts that have an end reading. */
  readonly followersEnd: number;
  /** Σ (end − start) over accounts with a start reading and a later end reading inside the period. */
  readonly followerGrowth: number;
  /** {@link followerGrowth} ÷ Σ start over the same accounts. */
  readonly followerGrowthRate: number;
  /** Per canonical metric slot: Σ over the accounts of the account-scoped value for the period. */
  readonly metrics: Float64Array;
}

/**
 * Account figures of `accounts` over `[start, end)` (−∞/+∞ for an open period).
 *
 * Account metric values: a point-in-time count (`followers`, `following`, `posts_count`) is the
 * latest reading before `end`; a metric with `day` values (daily impressions, daily follows) is
 * the sum of the days starting inside the period, except `reach` (unique people), which is the
 * one day's value when the period holds exactly one day and `NaN` (no data) when it holds
 * several, as daily reach cannot be added up; any other metric is its latest `lifetime` reading
 * before `end`.
 *
 * Followers: `start` is the latest reading before `start`, else the first reading inside the
 * period; `end` the latest reading before `end`. Growth counts only accounts whose end reading
 * lies inside the period and after the start reading, so no readings means null, not 0.
 */
export function accountFigures(
  store: SampleStore,
  accounts: Iterable<number>,
  start: number,
  end: number,
): AccountFigures {
  const metrics = new Float64Array(METRIC_COUNT).fill(Number.NaN);
  let followersStart = Number.NaN;
  let followersEnd = Number.NaN;
  let growth = Number.NaN;
  let growthBase = Number.NaN;
  const slots = store.accountSlots;
  for (const account of accounts) {
    for (const slot of slots) {
      const series = store.accountSeries(account, slot);
      if (series === undefined) continue;
      const endIndex = series.latestBefore(end);
      if (slot !== SLOT.followers) {
        metrics[slot] = addPresent(at(metrics, slot), periodValue(series, slot, start, end, endIndex));
        continue;
      }
      const before = series.latestBefore(start);
      const startIndex = before >= 0 ? before : series.firstIn(start, end);
      const endValue = series.valueAt(endIndex);
      const startValue = series.valueAt(startIndex);
      metrics[slot] = addPresent(at(metrics, slot), endValue);
      followersEnd = addPresent(followersEnd, endValue);
      followersStart = addPresent(followersStart, startValue);
      const endTime = series.timeAt(endIndex);
      if (startIndex >= 0 && endTime >= start && endTime > series.timeAt(startIndex)) {
        growth = addPresent(growth, endValue - startValue);
        growthBase = addPresent(growthBase, startValue);
      }
    }
  }
  return {
    followersStart,
    followersEnd,
    followerGrowth: growth,
    followerGrowthRate: Number.isNaN(growthBase) || growthBase === 0 ? Number.NaN : growth / growthBase,
    metrics,
  };
}
