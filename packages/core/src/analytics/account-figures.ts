import { addPresent, at, METRIC_COUNT, SLOT } from './metric-slots.js';
import type { SampleStore } from './sample-store.js';

/** Counts that describe the account at a moment (read as of the period's end), not flows to sum. */
const POINT_IN_TIME: ReadonlySet<number> = new Set([SLOT.followers, SLOT.following, SLOT.postsCount]);

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
 * the sum of the days starting inside the period; any other metric is its latest `lifetime`
 * reading before `end`.
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
        const value =
          !POINT_IN_TIME.has(slot) && series.hasDayValues()
            ? series.sumDays(start, end)
            : series.valueAt(endIndex);
        metrics[slot] = addPresent(at(metrics, slot), value);
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
