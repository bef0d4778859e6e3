import type { MetricSample } from '../models/metric-sample.js';
import type { PublishedPostRecord } from './metrics-store.js';

/** The key a metrics store keeps one post record under. */
export function postKey(
  post: Pick<PublishedPostRecord, 'platform' | 'accountId' | 'platformPostId'>,
): string {
  return JSON.stringify([post.platform, post.accountId, post.platformPostId]);
}

/**
 * The key a metrics store keeps one sample under: per key the latest `observedAt` wins.
 * Account-scoped lifetime readings are a history, so their key includes `observedAt`.
 */
export function sampleKey(sample: MetricSample): string {
  const history = sample.scope === 'account' && sample.period === 'lifetime';
  return JSON.stringify([
    sample.platform,
    sample.accountId,
    sample.scope,
    sample.platformPostId ?? '',
    sample.metric,
    sample.period,
    sample.periodStart?.getTime() ?? '',
    history ? sample.observedAt.getTime() : '',
  ]);
}

/** A copy of a post record that shares nothing with `post` (its tags, its date). */
export function copyPost(post: PublishedPostRecord): PublishedPostRecord {
  return {
    ...post,
    ...(post.publishedAt === undefined ? {} : { publishedAt: new Date(post.publishedAt.getTime()) }),
    ...(post.tags === undefined ? {} : { tags: [...post.tags] }),
  };
}

/** A copy of a sample that shares nothing with `sample` (its dates). */
export function copySample(sample: MetricSample): MetricSample {
  return {
    ...sample,
    observedAt: new Date(sample.observedAt.getTime()),
    ...(sample.periodStart === undefined ? {} : { periodStart: new Date(sample.periodStart.getTime()) }),
  };
}
