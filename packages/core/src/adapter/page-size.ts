/**
 * How many items to ask a platform for per page: the requested count (or `defaultSize` when
 * none was given) truncated to a whole number and kept between 1 and `max`, the platform's
 * largest page. Adapters use it for `pageSize` and `limit` in their list and search calls.
 *
 * @param requested - the caller's page size or limit, when given
 * @param defaultSize - the adapter's default
 * @param max - the largest page the platform allows
 * @returns a whole number from 1 to `max`
 *
 * @example
 * ```ts
 * clampPageSize(undefined, 20, 100); // 20
 * clampPageSize(250, 20, 100); // 100
 * clampPageSize(0, 20, 100); // 1
 * ```
 */
export function clampPageSize(requested: number | undefined, defaultSize: number, max: number): number {
  return Math.min(Math.max(Math.trunc(requested ?? defaultSize), 1), max);
}
