/** Small statistics the benchmarks share. */

/**
 * The middle item of `items` ordered by `keyOf` (of an even count, the upper of the two
 * middle ones), so a figure and the run it came from stay together.
 *
 * @example
 * ```ts
 * const run = medianBy(runs, (r) => r.ms); // the run with the median time
 * ```
 */
export function medianBy<T>(items: readonly T[], keyOf: (item: T) => number): T {
  const sorted = [...items].sort((a, b) => keyOf(a) - keyOf(b));
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (middle === undefined) throw new Error('no median of nothing');
  return middle;
}

/**
 * The median of `values` (of an even count, the upper of the two middle ones).
 *
 * @example
 * ```ts
 * median([30, 10, 20]); // 20
 * ```
 */
export function median(values: readonly number[]): number {
  return medianBy(values, (value) => value);
}
