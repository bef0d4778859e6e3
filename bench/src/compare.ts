/** One (platform, day) row of the benchmark's rollup, as both engines report it. */
export interface BenchRow {
  readonly platform: string;
  /** UTC day of publication, `YYYY-MM-DD`. */
  readonly day: string;
  /** Posts published that day (with `PostMeta`). */
  readonly posts: number;
  /** Σ of each metric over the posts that have it; `null` when none has it. */
  readonly metrics: Readonly<Record<string, number | null>>;
  /** Σ engagementCount ÷ Σ impressions over the posts with both; `null` when none or Σ = 0. */
  readonly engagementRate: number | null;
}

function sameNumber(a: number | null, b: number | null, tolerance: number): boolean {
  if (a === null || b === null) return a === b;
  if (a === b) return true;
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Compares two rollups row by row (matched by platform and day): post counts, every metric sum
 * and the engagement rate, numbers within relative `tolerance`, `null` only equal to `null`.
 *
 * @returns one line per difference (empty when they agree)
 */
export function compareRollups(
  left: readonly BenchRow[],
  right: readonly BenchRow[],
  metrics: readonly string[],
  tolerance = 1e-9,
): string[] {
  const problems: string[] = [];
  const keyOf = (row: BenchRow): string => `${row.platform} ${row.day}`;
  const rightByKey = new Map(right.map((row) => [keyOf(row), row]));
  const leftKeys = new Set(left.map(keyOf));
  for (const row of right) {
    if (!leftKeys.has(keyOf(row))) problems.push(`${keyOf(row)}: only in DuckDB`);
  }
  for (const row of left) {
    const key = keyOf(row);
    const other = rightByKey.get(key);
    if (other === undefined) {
      problems.push(`${key}: only in smmkit`);
      continue;
    }
    if (row.posts !== other.posts) problems.push(`${key}: posts ${row.posts} vs ${other.posts}`);
    for (const metric of metrics) {
      const a = row.metrics[metric] ?? null;
      const b = other.metrics[metric] ?? null;
      if (!sameNumber(a, b, tolerance)) problems.push(`${key}: ${metric} ${a} vs ${b}`);
    }
    if (!sameNumber(row.engagementRate, other.engagementRate, tolerance)) {
      problems.push(`${key}: engagementRateByImpressions ${row.engagementRate} vs ${other.engagementRate}`);
    }
  }
  return problems;
}
