import type { MetricSample } from '../models/metric-sample.js';
import type { CanonicalMetric } from '../models/metric-vocabulary.js';

/** Whose counts {@link countSamples} turns into samples, and when they were read. */
export interface CountSamplesTarget {
  /** The platform id. */
  readonly platform: string;
  /** The account the counts belong to. */
  readonly accountId: string;
  /** The post, for a post's counts; absent for the account's own counts. */
  readonly platformPostId?: string | undefined;
  /** When the platform answered. */
  readonly observedAt: Date;
}

/**
 * Lifetime metric samples from the counts a platform answered with: one sample per
 * `[rawName, metric]` pair whose value is a finite, non-negative number (or numeric string).
 * A count the platform left out, or sent as something else, is no sample rather than a 0.
 * Post-scoped when `target.platformPostId` is given, account-scoped otherwise.
 *
 * @param counts - the platform's counts, keyed by its own names (`followers_count`)
 * @param names - which raw names to read, and the canonical metric each one is
 * @param target - platform, account, post and the time of the answer
 * @returns the samples, in the order of `names`
 *
 * @example
 * ```ts
 * countSamples(data, [['followers_count', 'followers'], ['media_count', 'posts_count']], {
 *   platform: 'instagram', accountId, observedAt: new Date(clock.now()),
 * });
 * ```
 */
export function countSamples(
  counts: Readonly<Record<string, unknown>>,
  names: readonly (readonly [rawName: string, metric: CanonicalMetric])[],
  target: CountSamplesTarget,
): MetricSample[] {
  const { platform, accountId, platformPostId, observedAt } = target;
  const where =
    platformPostId === undefined ? { scope: 'account' as const } : { scope: 'post' as const, platformPostId };
  return names.flatMap(([rawName, metric]) => {
    const value = countValue(counts[rawName]);
    return value === undefined
      ? []
      : [{ platform, accountId, ...where, metric, rawName, value, observedAt, period: 'lifetime' as const }];
  });
}

/** A finite, non-negative number (or numeric string), else `undefined`. */
function countValue(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : undefined;
}
