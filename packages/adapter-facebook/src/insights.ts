import type { RequestContext } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';

/** One value of an insight: `value` (a number, or an object of counts for breakdowns) and, per period, `end_time`. */
const InsightValueSchema = z.looseObject({
  value: z.optional(z.unknown()),
  end_time: z.optional(z.string()),
});

/**
 * `GET /{object-id}/insights?metric=…&period=…` →
 * `{data:[{name, period, values:[{value, end_time?}], title, description, id}]}`
 * (https://developers.facebook.com/docs/graph-api/reference/insights). A metric without data
 * comes back with empty `values`, or not at all.
 */
const InsightsResponseSchema = z.looseObject({
  data: z.optional(
    z.array(
      z.looseObject({
        name: z.string(),
        period: z.optional(z.string()),
        values: z.optional(z.array(InsightValueSchema)),
      }),
    ),
  ),
});

/** One insight as read. */
export type Insight = NonNullable<z.output<typeof InsightsResponseSchema>['data']>[number];

/**
 * Reads insights of a Page or a Page post: `GET /{object-id}/insights?metric=a,b&period=…`
 * (https://developers.facebook.com/docs/graph-api/reference/insights). Only the metrics named
 * are asked for, so a removed metric is never requested by accident.
 *
 * @param http - the adapter's HTTP client
 * @param objectId - the Page or post
 * @param request - the metrics, the period and the operation's name for errors
 * @param context - the Page, its token, signal and rate-limit listener
 * @returns the insights Meta answered, in its order
 *
 * @example
 * ```ts
 * const insights = await readInsights(http, postId, { metrics: ['post_media_view'], period: 'lifetime', operation: 'read post insights' }, ctx);
 * ```
 */
export async function readInsights(
  http: HttpClient,
  objectId: string,
  request: {
    readonly metrics: readonly string[];
    readonly period: 'lifetime' | 'day';
    readonly operation: string;
  },
  context: RequestContext,
): Promise<Insight[]> {
  const { data } = await http.request({
    method: 'GET',
    path: `/${encodeURIComponent(objectId)}/insights`,
    operation: request.operation,
    searchParams: { metric: request.metrics.join(','), period: request.period },
    schema: InsightsResponseSchema,
    context,
  });
  return data.data ?? [];
}
