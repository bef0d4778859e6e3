import type { GraphInsight } from '@smmkit/graph-api';

/** An insight whose value is an object of counts by type, and the one type read from it. */
export interface InsightByType {
  /** Meta's metric name (`post_reactions_by_type_total`). */
  readonly metric: string;
  /** The type counted (`like`). */
  readonly type: string;
  /** The raw name its value is kept under (`post_reactions_by_type_total.like`). */
  readonly rawName: string;
}

/**
 * The one lifetime value of each insight by raw name, for `countSamples`: an insight with no
 * values is left out (no data yet, not 0), and `byType`'s object of counts gives the count of its
 * one type (0 when the type is missing from it).
 *
 * @param insights - lifetime insights, as Graph answers them
 * @param byType - the insight counted by type
 * @returns the values by raw name
 *
 * @example
 * ```ts
 * lifetimeInsightValues(insights, FACEBOOK_REACTIONS_BY_TYPE); // { post_impressions_unique: 120, 'post_reactions_by_type_total.like': 9 }
 * ```
 */
export function lifetimeInsightValues(
  insights: readonly GraphInsight[],
  byType: InsightByType,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const insight of insights) {
    const [first] = insight.values ?? [];
    if (first === undefined) continue;
    if (insight.name !== byType.metric) values[insight.name] = first.value;
    else if (typeof first.value === 'object' && first.value !== null)
      values[byType.rawName] = (first.value as Record<string, unknown>)[byType.type] ?? 0;
  }
  return values;
}
