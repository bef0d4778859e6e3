import type { RateWindow } from '@smmkit/testkit/simulator-kit';
import type { GraphUseCase } from './use-cases.js';

/**
 * A window's use as a whole percentage of its budget: usage headers are percentages
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
 */
function usagePercent(window: RateWindow): number {
  if (window.limit <= 0) return 100;
  return Math.min(100, Math.floor(((window.limit - Math.max(0, window.remaining)) * 100) / window.limit));
}

/** The three figures of a usage header. `total_cputime` and `total_time` are ASSUMED to follow call_count (halved). */
function usageFigures(window: RateWindow) {
  const calls = usagePercent(window);
  return { call_count: calls, total_cputime: Math.floor(calls / 2), total_time: Math.floor(calls / 2) };
}

/** `X-App-Usage: {"call_count","total_cputime","total_time"}` (https://developers.facebook.com/docs/graph-api/overview/rate-limiting). */
export function appUsageHeader(window: RateWindow): Record<string, string> {
  return { 'x-app-usage': JSON.stringify(usageFigures(window)) };
}

/**
 * `X-Business-Use-Case-Usage: {"<object-id>":[{type, call_count, total_cputime, total_time,
 * estimated_time_to_regain_access}]}` (https://developers.facebook.com/docs/graph-api/overview/rate-limiting;
 * the last in minutes, 0 while the budget is not used up).
 */
export function businessUseCaseHeader(
  objectId: string,
  useCase: GraphUseCase,
  window: RateWindow,
  now: number,
): Record<string, string> {
  const figures = usageFigures(window);
  const regain = figures.call_count >= 100 ? Math.max(1, Math.ceil((window.resetAt - now) / 60_000)) : 0;
  return {
    'x-business-use-case-usage': JSON.stringify({
      [objectId]: [{ type: useCase.type, ...figures, estimated_time_to_regain_access: regain }],
    }),
  };
}
