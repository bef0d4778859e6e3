import type { MetricSample } from '../models/metric-sample.js';
import { copyPost, copySample, postKey, sampleKey } from './metrics-keys.js';
import type { MetricsStore, PublishedPostRecord } from './metrics-store.js';

/**
 * A {@link MetricsStore} in memory, for tests and for apps that may lose their metrics on
 * restart. Use `sqliteMetricsStore(path)` (`@smmkit/core/sqlite`) to keep them.
 *
 * @returns an empty store
 *
 * @example
 * ```ts
 * const metrics = memoryMetricsStore();
 * await metrics.recordSamples(samples);
 * ```
 */
export function memoryMetricsStore(): MetricsStore {
  const posts = new Map<string, PublishedPostRecord>();
  const samples = new Map<string, MetricSample>();
  return {
    recordPosts: async (records) => {
      for (const post of records) posts.set(postKey(post), copyPost(post));
    },
    posts: async () => [...posts.values()].map(copyPost),
    recordSamples: async (records) => {
      for (const sample of records) {
        const key = sampleKey(sample);
        const kept = samples.get(key);
        if (kept !== undefined && sample.observedAt.getTime() < kept.observedAt.getTime()) continue;
        samples.set(key, copySample(sample));
      }
    },
    samples: async () => [...samples.values()].map(copySample),
    close: async () => {},
  };
}
