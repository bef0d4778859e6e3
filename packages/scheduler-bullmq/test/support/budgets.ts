import type { Adapter } from '@smmkit/core';
import type { RateBudget } from '@smmkit/core/adapter-kit';

/**
 * The adapter with other declared budgets: tests declare small, short ones so that a whole run of
 * windows passes in seconds, and leave the simulator's own (reported) limits far above them, so
 * that only the shared ledger holds the workers back.
 *
 * @param adapter - the adapter
 * @param budgets - its declared budgets from now on
 * @returns a copy that declares `budgets`
 */
export function withBudgets(adapter: Adapter, budgets: readonly RateBudget[]): Adapter {
  const { capabilities } = adapter;
  return {
    ...adapter,
    capabilities: { ...capabilities, rateLimits: { ...capabilities.rateLimits, budgets: [...budgets] } },
  };
}

/**
 * Requests per fixed window, windows as X counts them
 * (https://docs.x.com/x-api/fundamentals/rate-limits): the first request opens a window that
 * ends `windowMs` later, and the first request after that opens the next.
 *
 * @param times - request times, epoch ms, any order
 * @param windowMs - window length
 * @returns the count of each window, oldest first
 */
export function fixedWindowCounts(times: readonly number[], windowMs: number): number[] {
  const counts: number[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const at of [...times].sort((a, b) => a - b)) {
    if (at >= end) {
      counts.push(0);
      end = at + windowMs;
    }
    counts[counts.length - 1] = (counts.at(-1) ?? 0) + 1;
  }
  return counts;
}

/**
 * The most requests any window of `windowMs` holds, windows sliding over every request: what a
 * rolling budget (`resets: 'rolling'`) may never exceed.
 *
 * @param times - request times, epoch ms, any order
 * @param windowMs - window length
 * @returns the largest count of requests in (t - windowMs, t] over every request time t
 */
export function busiestRollingWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last += 1) {
    while ((sorted[first] ?? 0) <= (sorted[last] ?? 0) - windowMs) first += 1;
    busiest = Math.max(busiest, last - first + 1);
  }
  return busiest;
}
