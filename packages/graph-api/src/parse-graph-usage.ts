import type { RateLimitInfo, RateLimitScope } from '@smmkit/core';
import type { RateLimitParser } from '@smmkit/core/adapter-kit';

/**
 * The bucket every Graph call's usage headers are booked against. Meta counts usage per app,
 * user and Business Use Case, not per endpoint
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting), so one bucket stands
 * for all of it; a Graph adapter's `capabilities.rateLimits.operations` lists it for every operation.
 *
 * @example
 * ```ts
 * const operations = { publish: ['media_publish', GRAPH_USAGE_BUCKET], metrics: [GRAPH_USAGE_BUCKET] };
 * ```
 */
export const GRAPH_USAGE_BUCKET = 'graph';

/** One usage report: percentages of the budget. */
interface Usage {
  readonly percent: number;
  readonly regainMinutes: number | undefined;
  readonly scope: RateLimitScope;
}

/**
 * Reads Meta's usage headers (https://developers.facebook.com/docs/graph-api/overview/rate-limiting):
 *
 * - `X-App-Usage: {"call_count","total_cputime","total_time"}`, each a percentage of the app's
 *   (or, for user tokens, the user's) budget;
 * - `X-Business-Use-Case-Usage: {"<object-id>":[{"type","call_count","total_cputime","total_time",
 *   "estimated_time_to_regain_access"}]}`, the Page and Instagram budgets (the last in minutes).
 *
 * `usedFraction` is the highest percentage of any header, object and dimension ÷ 100 (throttling
 * starts when any value reaches 100), and `scope` is where it was seen (`app` or `business`).
 * `resetAt` is now plus the largest `estimated_time_to_regain_access` when one is above 0; Meta
 * gives no reset time otherwise. Unreadable headers are ignored. The bucket is
 * {@link GRAPH_USAGE_BUCKET}.
 *
 * @returns the usage, or `undefined` when neither header is present and readable
 *
 * @example
 * ```ts
 * parseGraphUsage(new Headers({ 'x-app-usage': '{"call_count":12,"total_cputime":3,"total_time":40}' }), Date.now());
 * // { usedFraction: 0.4, scope: 'app', bucket: 'graph' }
 * ```
 */
export const parseGraphUsage: RateLimitParser = (headers, now) => {
  const usages = [
    ...appUsage(headers.get('x-app-usage')),
    ...businessUsage(headers.get('x-business-use-case-usage')),
  ];
  if (usages.length === 0) return undefined;
  let top = usages[0] as Usage;
  for (const usage of usages) if (usage.percent > top.percent) top = usage;
  const regain = Math.max(0, ...usages.map((usage) => usage.regainMinutes ?? 0));
  const info: RateLimitInfo = {
    usedFraction: Math.min(Math.max(top.percent, 0), 100) / 100,
    scope: top.scope,
    bucket: GRAPH_USAGE_BUCKET,
    ...(regain > 0 ? { resetAt: new Date(now + regain * 60_000) } : {}),
  };
  return info;
};

function appUsage(header: string | null): Usage[] {
  const record = jsonRecord(header);
  if (record === undefined) return [];
  const percent = maxPercent(record);
  return percent === undefined ? [] : [{ percent, regainMinutes: undefined, scope: 'app' }];
}

function businessUsage(header: string | null): Usage[] {
  const record = jsonRecord(header);
  if (record === undefined) return [];
  const usages: Usage[] = [];
  for (const entries of Object.values(record)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      if (typeof entry !== 'object' || entry === null) continue;
      const fields = entry as Record<string, unknown>;
      const percent = maxPercent(fields);
      const regain = fields.estimated_time_to_regain_access;
      if (percent === undefined && typeof regain !== 'number') continue;
      usages.push({
        percent: percent ?? 0,
        regainMinutes: typeof regain === 'number' && Number.isFinite(regain) ? regain : undefined,
        scope: 'business',
      });
    }
  }
  return usages;
}

/** The highest of `call_count`, `total_cputime`, `total_time` (numbers or numeric strings). */
function maxPercent(fields: Record<string, unknown>): number | undefined {
  const values = ['call_count', 'total_cputime', 'total_time']
    .map((name) => fields[name])
    .map((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
    .filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  return values.length === 0 ? undefined : Math.max(...values);
}

function jsonRecord(header: string | null): Record<string, unknown> | undefined {
  if (header === null || header.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(header);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
