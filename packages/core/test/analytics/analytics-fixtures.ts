import type { PostMeta } from '../../src/analytics/post-meta.js';
import type { MetricSampleInput } from '../../src/models/metric-sample.js';
import type { CanonicalMetric } from '../../src/models/metric-vocabulary.js';

/** A post metric sample; lifetime, observed at `observedAt` (default 2026-05-02T09:00Z). */
export function postSample(
  post: string,
  metric: CanonicalMetric,
  value: number,
  extra: Partial<MetricSampleInput> = {},
): MetricSampleInput {
  return {
    platform: 'x',
    accountId: 'acc-1',
    scope: 'post',
    platformPostId: post,
    metric,
    rawName: metric,
    value,
    observedAt: '2026-05-02T09:00:00Z',
    period: 'lifetime',
    ...extra,
  };
}

/** An account metric sample. */
export function accountSample(
  metric: CanonicalMetric,
  value: number,
  observedAt: string,
  extra: Partial<MetricSampleInput> = {},
): MetricSampleInput {
  const { platformPostId: _none, ...rest } = postSample('unused', metric, value, { observedAt, ...extra });
  return { ...rest, scope: 'account' };
}

/** Post metadata for post `post` of `acc-1` on X. */
export function meta(post: string, publishedAt: string, extra: Partial<PostMeta> = {}): PostMeta {
  return {
    platform: 'x',
    accountId: 'acc-1',
    platformPostId: post,
    publishedAt: new Date(publishedAt),
    ...extra,
  };
}
