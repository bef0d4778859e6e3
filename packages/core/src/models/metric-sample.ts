import * as z from 'zod/mini';
import { NonEmptyStringSchema, PlatformIdSchema } from './ids.js';
import { InstantSchema } from './instant.js';
import { CanonicalMetricSchema } from './metric-vocabulary.js';

/** A post-scoped sample must name its post; reads defensively because it also runs on half-parsed input. */
function postScopeHasPostId(sample: {
  readonly scope?: unknown;
  readonly platformPostId?: unknown;
}): boolean {
  return sample.scope !== 'post' || sample.platformPostId !== undefined;
}

/**
 * One observed value of one metric, for a post or an account. Samples are snapshots: the
 * analytics keep the latest per post and metric, so a lifetime count read twice is not added up.
 *
 * `period` says what the value covers: `lifetime` (since the post or account began) or `day`
 * (the day starting at `periodStart`, as Facebook `page_daily_follows`; shared platform facts).
 *
 * @example
 * ```ts
 * const sample = parseMetricSample({
 *   platform: 'x', accountId: '2244994945', scope: 'post', platformPostId: '1850000000000000000',
 *   metric: 'impressions', rawName: 'public_metrics.impression_count', value: 1234,
 *   observedAt: '2026-05-02T09:00:00Z', period: 'lifetime',
 * });
 * ```
 */
export const MetricSampleSchema = /* @__PURE__ */ (() =>
  z
    .object({
      /** Platform id (`x`, `linkedin`, …). */
      platform: PlatformIdSchema,
      /** The account the metric belongs to. */
      accountId: NonEmptyStringSchema,
      /** Whether the value is about one post or the whole account. */
      scope: z.enum(['post', 'account']),
      /** The post, required when `scope` is `post`. */
      platformPostId: z.optional(NonEmptyStringSchema),
      /** The canonical metric name; see `CANONICAL_METRIC_DESCRIPTIONS`. */
      metric: CanonicalMetricSchema,
      /** The platform's own name for the metric (`impression_count`, `post_media_view`, …). */
      rawName: NonEmptyStringSchema,
      /** The value; a finite, non-negative number. */
      value: z.number().check(z.nonnegative()),
      /** When the value was read from the platform. */
      observedAt: InstantSchema,
      /** What span the value covers. */
      period: z.enum(['lifetime', 'day']),
      /** Start of the span for `day` values. */
      periodStart: z.optional(InstantSchema),
    })
    .check(
      z.refine(postScopeHasPostId, {
        error: 'a post-scoped sample needs platformPostId',
        path: ['platformPostId'],
        // Also run when other fields are broken, so every problem is reported at once.
        when: (payload) => typeof payload.value === 'object' && payload.value !== null,
      }),
    ))();

/** A metric sample as parsed (instants as `Date`). */
export interface MetricSample extends z.output<typeof MetricSampleSchema> {}

/** A metric sample as an adapter or a store may write it (instants as `Date` or ISO string). */
export interface MetricSampleInput extends z.input<typeof MetricSampleSchema> {}
