import { ValidationError } from '../errors/validation-error.js';
import type { PostMeasure } from './kpis.js';
import type { PostFilter } from './post-filter.js';
import type { SampleStore } from './sample-store.js';
import { zoneCalendar } from './time-buckets.js';
import { checkMeasure, forEachPost, measureOf } from './top-posts.js';

/** Options of `Analytics.bestTime`. */
export interface BestTimeOptions extends PostFilter {
  /** What to chart, per post (default `engagementRateByImpressions`). */
  readonly kpi?: PostMeasure | undefined;
  /**
   * The zone whose weekday and hour a post's publication is read in. Default: each post's own
   * `PostMeta.timeZone` (the account's zone), else UTC.
   */
  readonly timeZone?: string | undefined;
  /** Cells with fewer posts report `null` and are never recommended (default 3). */
  readonly minSamples?: number | undefined;
}

/** One hour of the week. */
export interface HeatmapCell {
  /** Day of the week, Monday = 0 … Sunday = 6. */
  readonly weekday: number;
  /** Local hour, 0–23. */
  readonly hour: number;
  /** Mean of the measure over the cell's posts; `null` below `minSamples`. */
  readonly value: number | null;
  /** Posts in the cell that have a value of the measure. */
  readonly samples: number;
}

/** An hour-of-week heatmap of a per-post measure. */
export interface BestTimeHeatmap {
  /** The measure charted. */
  readonly kpi: PostMeasure;
  /** The zone used, or `null` when each post's own zone was used. */
  readonly timeZone: string | null;
  /** The sample threshold. */
  readonly minSamples: number;
  /** `cells[weekday][hour]`, 7 × 24, Monday first. */
  readonly cells: readonly (readonly HeatmapCell[])[];
  /**
   * The best `n` cells that meet the threshold, highest value first (ties: more samples first,
   * then earlier in the week).
   */
  topSlots(n?: number): HeatmapCell[];
}

const HOURS_PER_WEEK = 7 * 24;

/**
 * The best `n` cells that have a value: highest value first, then more samples, then earlier in
 * the week. Both `BestTimeHeatmap.topSlots` and the report's heatmap rank cells this way.
 */
export function rankCells<C extends HeatmapCell>(cells: readonly C[], n: number): C[] {
  return cells
    .filter((cell) => cell.value !== null)
    .sort(
      (a, b) =>
        (b.value ?? 0) - (a.value ?? 0) ||
        b.samples - a.samples ||
        a.weekday * 24 + a.hour - (b.weekday * 24 + b.hour),
    )
    .slice(0, Math.max(0, n));
}

/**
 * Best time to post: the mean per post of a measure (default engagement rate by impressions)
 * for each hour of the week in which posts were published. Posts without `PostMeta` (no
 * publication time) or without a value of the measure are left out.
 *
 * @throws ValidationError for an unknown measure, a bad `minSamples`, or an unknown zone
 *
 * @example
 * ```ts
 * const heatmap = analytics.bestTime({ minSamples: 5 });
 * for (const slot of heatmap.topSlots(3)) console.log(slot.weekday, slot.hour, slot.value);
 * ```
 */
export function bestTimeToPost(store: SampleStore, options: BestTimeOptions = {}): BestTimeHeatmap {
  const kpi = options.kpi ?? 'engagementRateByImpressions';
  checkMeasure(kpi, 'kpi');
  const minSamples = options.minSamples ?? 3;
  if (!Number.isInteger(minSamples) || minSamples < 1) {
    throw new ValidationError(
      [{ path: ['minSamples'], rule: 'analytics.min_samples', message: 'must be a positive integer' }],
      'analytics options',
    );
  }
  const fixedZone = options.timeZone === undefined ? undefined : zoneCalendar(options.timeZone);
  const sums = new Float64Array(HOURS_PER_WEEK);
  const counts = new Int32Array(HOURS_PER_WEEK);
  forEachPost(
    store,
    options,
    (post, metrics, followers, published) => {
      const value = measureOf(kpi, metrics, followers);
      if (Number.isNaN(value)) return;
      const calendar = fixedZone ?? zoneCalendar(store.postMeta[post]?.timeZone ?? 'UTC');
      const { weekday, hour } = calendar.local(published);
      const cell = weekday * 24 + hour;
      sums[cell] = (sums[cell] ?? 0) + value;
      counts[cell] = (counts[cell] ?? 0) + 1;
    },
    true,
  );
  const cells: HeatmapCell[][] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    const row: HeatmapCell[] = [];
    for (let hour = 0; hour < 24; hour++) {
      const samples = counts[weekday * 24 + hour] ?? 0;
      const sum = sums[weekday * 24 + hour] ?? 0;
      row.push({ weekday, hour, value: samples >= minSamples ? sum / samples : null, samples });
    }
    cells.push(row);
  }
  return {
    kpi,
    timeZone: fixedZone?.timeZone ?? null,
    minSamples,
    cells,
    topSlots(n = 3) {
      return rankCells(cells.flat(), n);
    },
  };
}
