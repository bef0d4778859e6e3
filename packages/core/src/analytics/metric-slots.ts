import { CANONICAL_METRICS, type CanonicalMetric } from '../models/metric-vocabulary.js';

/**
 * Numeric slots for the canonical metrics, so the store keeps a post's values in one row of a
 * `Float64Array` instead of an object per sample. Internally `NaN` means "no data"; it becomes
 * `null` only at the public edge, so arithmetic on missing values can never produce a silent 0.
 */

/** How many canonical metrics there are: the width of one row of metric values. */
export const METRIC_COUNT: number = CANONICAL_METRICS.length;

const SLOT_BY_NAME: ReadonlyMap<string, number> = new Map(
  CANONICAL_METRICS.map((name, slot) => [name, slot]),
);

/** The slot of `metric`, or -1 when the name is not a canonical metric. */
export function metricSlot(metric: string): number {
  return SLOT_BY_NAME.get(metric) ?? -1;
}

/** The slot of a metric known to be canonical. */
function slotOf(metric: CanonicalMetric): number {
  return CANONICAL_METRICS.indexOf(metric);
}

/** Slots the KPI formulas read. */
export const SLOT = Object.freeze({
  impressions: slotOf('impressions'),
  reach: slotOf('reach'),
  likes: slotOf('likes'),
  reactions: slotOf('reactions'),
  comments: slotOf('comments'),
  shares: slotOf('shares'),
  saves: slotOf('saves'),
  clicks: slotOf('clicks'),
  linkClicks: slotOf('link_clicks'),
  engagements: slotOf('engagements'),
  followers: slotOf('followers'),
  following: slotOf('following'),
  postsCount: slotOf('posts_count'),
});

/** Reads slot `slot` of `values`; `NaN` (no data) when out of range. */
export function at(values: Float64Array, slot: number): number {
  return values[slot] ?? Number.NaN;
}

/**
 * `sum + part`, where a missing part (`NaN`) adds nothing and a missing sum starts at `part`: a
 * sum over the values that have data, `NaN` until one does.
 */
export function addPresent(sum: number, part: number): number {
  if (Number.isNaN(part)) return sum;
  return Number.isNaN(sum) ? part : sum + part;
}

/** `value`, or `null` for `NaN` (no data). */
export function orNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/** A row of values from a record of canonical metrics, `NaN` where there is no data: the inverse of {@link metricRecord}. */
export function metricRow(record: Readonly<Record<CanonicalMetric, number | null>>): Float64Array {
  const values = new Float64Array(METRIC_COUNT);
  for (let slot = 0; slot < METRIC_COUNT; slot++) {
    const name = CANONICAL_METRICS[slot];
    values[slot] = (name === undefined ? null : record[name]) ?? Number.NaN;
  }
  return values;
}

/** A record of every canonical metric from a row of values, `null` where there is no data. */
export function metricRecord(values: Float64Array, offset = 0): Record<CanonicalMetric, number | null> {
  const record = {} as Record<CanonicalMetric, number | null>;
  for (let slot = 0; slot < METRIC_COUNT; slot++) {
    const name = CANONICAL_METRICS[slot];
    if (name !== undefined) record[name] = orNull(at(values, offset + slot));
  }
  return record;
}
