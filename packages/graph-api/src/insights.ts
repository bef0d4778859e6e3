import type { RequestContext } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';

/** One value of an insight: `value` (a number, or an object of counts for breakdowns) and, per period, `end_time`. */
const GraphInsightValueSchema = z.looseObject({
  /** The count, or an object of counts for a breakdown. */
  value: z.optional(z.unknown()),
  /** The end of the day or period the value counts, for periods other than `lifetime`. */
  end_time: z.optional(z.string()),
});

/**
 * One metric of an insights answer, `{name, period, values:[{value, end_time?}], title,
 * description, id}` (https://developers.facebook.com/docs/graph-api/reference/insights); Instagram
 * also answers `total_value: {value}` for a metric read as a total
 * (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights).
 * A metric without data comes back with empty `values`, or not at all.
 *
 * @example
 * ```ts
 * const value = z.parse(GraphInsightSchema, { name: 'reach', values: [{ value: 12 }] }).values?.[0]?.value;
 * ```
 */
export const GraphInsightSchema = z.looseObject({
  /** The metric's name, as asked for (`post_media_view`, `reach`). */
  name: z.string(),
  /** The period it was read over (`lifetime`, `day`). */
  period: z.optional(z.string()),
  /** Its values, one per period; empty when Meta has no data yet. */
  values: z.optional(z.array(GraphInsightValueSchema)),
  /** Instagram's total for a metric read as one. */
  total_value: z.optional(
    z.looseObject({
      /** The total. */
      value: z.optional(z.unknown()),
    }),
  ),
});

/** One insight as read: its name, period, values and (Instagram) total. */
export type GraphInsight = z.output<typeof GraphInsightSchema>;

/** `GET /{object-id}/insights` → `{data:[…]}`; `data` may be left out. */
const GraphInsightsResponseSchema = z.looseObject({ data: z.optional(z.array(GraphInsightSchema)) });

/** What {@link readGraphInsights} asks for. */
export interface GraphInsightsRequest {
  /** The metrics, by Meta's names; only these are asked for, so a removed metric is never requested by accident. */
  readonly metrics: readonly string[];
  /** The period every metric is read over. */
  readonly period: 'lifetime' | 'day';
  /** The operation's name, for errors (`read post insights`). */
  readonly operation: string;
}

/**
 * Reads insights of a Graph object (a Page, a Page post, an Instagram media):
 * `GET /{object-id}/insights?metric=a,b&period=…`
 * (https://developers.facebook.com/docs/graph-api/reference/insights,
 * https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights).
 * Errors are the client's: a missing object is `PlatformError('not_found')`, each platform
 * decides what else to skip.
 *
 * @param http - the adapter's Graph HTTP client
 * @param objectId - the object whose insights are read
 * @param request - the metrics, the period and the operation's name for errors
 * @param context - the account, its token, signal and rate-limit listener
 * @returns the insights Meta answered, in its order (none when it left `data` out)
 *
 * @example
 * ```ts
 * const insights = await readGraphInsights(http, postId, { metrics: ['post_media_view'], period: 'lifetime', operation: 'read post insights' }, ctx);
 * ```
 */
export async function readGraphInsights(
  http: HttpClient,
  objectId: string,
  request: GraphInsightsRequest,
  context: RequestContext,
): Promise<GraphInsight[]> {
  const { data } = await http.request({
    method: 'GET',
    path: `/${encodeURIComponent(objectId)}/insights`,
    operation: request.operation,
    searchParams: { metric: request.metrics.join(','), period: request.period },
    schema: GraphInsightsResponseSchema,
    context,
  });
  return data.data ?? [];
}
