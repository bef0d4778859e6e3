import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { MetricSampleInput } from '../../src/models/metric-sample.js';
import { CANONICAL_METRIC_DESCRIPTIONS, CANONICAL_METRICS } from '../../src/models/metric-vocabulary.js';
import { parseMetricSample } from '../../src/parse/parse-models.js';

const sample: MetricSampleInput = {
  platform: 'x',
  accountId: '2244994945',
  scope: 'post',
  platformPostId: '1850000000000000000',
  metric: 'impressions',
  rawName: 'public_metrics.impression_count',
  value: 1234,
  observedAt: '2026-05-02T09:00:00Z',
  period: 'lifetime',
};

describe('parseMetricSample', () => {
  it('parses a post sample with observedAt as a Date', () => {
    expect(parseMetricSample(sample)).toEqual({ ...sample, observedAt: new Date('2026-05-02T09:00:00Z') });
  });

  it('accepts an account sample without a post id', () => {
    const { platformPostId: _omit, ...rest } = sample;
    const parsed = parseMetricSample({
      ...rest,
      scope: 'account',
      metric: 'followers',
      rawName: 'followers_count',
    });
    expect(parsed.scope).toBe('account');
  });

  it("rejects a post-scoped sample without platformPostId at ['platformPostId']", () => {
    const { platformPostId: _omit, ...rest } = sample;
    try {
      parseMetricSample(rest);
      expect.unreachable();
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      if (ValidationError.isInstance(error)) {
        expect(error.problems).toEqual([
          {
            path: ['platformPostId'],
            rule: 'schema.custom',
            message: 'a post-scoped sample needs platformPostId',
          },
        ]);
      }
    }
  });

  it('rejects metrics outside the vocabulary and negative or infinite values', () => {
    for (const bad of [{ metric: 'views' }, { value: -1 }, { value: Number.POSITIVE_INFINITY }]) {
      expect(() => parseMetricSample({ ...sample, ...bad })).toThrow(ValidationError);
    }
  });
});

describe('canonical metric vocabulary', () => {
  it('describes every metric, and nothing else', () => {
    expect(Object.keys(CANONICAL_METRIC_DESCRIPTIONS).sort()).toEqual([...CANONICAL_METRICS].sort());
    for (const metric of CANONICAL_METRICS) {
      expect(CANONICAL_METRIC_DESCRIPTIONS[metric].length).toBeGreaterThan(20);
    }
  });

  it('has no duplicate names', () => {
    expect(new Set(CANONICAL_METRICS).size).toBe(CANONICAL_METRICS.length);
  });
});
