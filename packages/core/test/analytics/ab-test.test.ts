import normalReference from '@stdlib/stats-base-dists-normal-cdf';
import { describe, expect, it } from 'vitest';
import { compareVariants } from '../../src/analytics/ab-test.js';
import { ValidationError } from '../../src/errors/validation-error.js';

describe('compareVariants', () => {
  it('reproduces the OpenStax two-proportion example (hives medication, p-value 0.1404)', () => {
    // OpenStax Introductory Statistics, "Comparing two independent population proportions":
    // 20 of 200 on medication A, 12 of 200 on medication B; pooled p = 0.08, p-value ≈ 0.1404.
    const result = compareVariants({ a: { successes: 20, trials: 200 }, b: { successes: 12, trials: 200 } });
    expect(result.rateA).toBe(0.1);
    expect(result.rateB).toBe(0.06);
    expect(result.z).toBeCloseTo(-1.4744, 4);
    expect(result.pValue).toBeCloseTo(0.1404, 4);
    expect(result.significant).toBe(false);
    expect(result.lift).toBeCloseTo(-0.4, 12);
    expect(result.warnings).toEqual([]);
  });

  it('computes z, p-value and the unpooled interval with the documented formulas', () => {
    const [sA, nA, sB, nB] = [200, 10_000, 260, 10_000];
    const pA = sA / nA;
    const pB = sB / nB;
    const pooled = (sA + sB) / (nA + nB);
    const z = (pB - pA) / Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
    const se = Math.sqrt((pA * (1 - pA)) / nA + (pB * (1 - pB)) / nB);

    const result = compareVariants({ a: { successes: sA, trials: nA }, b: { successes: sB, trials: nB } });

    expect(result.z).toBeCloseTo(z, 12);
    expect(result.pValue).toBeCloseTo(2 * normalReference(-Math.abs(z), 0, 1), 14);
    expect(result.pValue).toBeCloseTo(0.00469, 4);
    expect(result.difference).toBeCloseTo(0.006, 12);
    expect(result.lift).toBeCloseTo(0.3, 12);
    expect(result.interval.lower).toBeCloseTo(0.006 - 1.959963984540054 * se, 8);
    expect(result.interval.upper).toBeCloseTo(0.006 + 1.959963984540054 * se, 8);
    expect(result.significant).toBe(true);
  });

  it('gives the verdict the exact p-value gives a hair above α (A&S 26.2.17 called it significant)', () => {
    // z = 1.9599635112…, p = 0.0500000553… (to 20 digits in 200-bit arithmetic: 0.050000055324025102538).
    // An approximation of Φ off by 1.4e-7 here, as Abramowitz & Stegun 26.2.17 is, gives p < 0.05.
    const result = compareVariants({
      a: { successes: 92, trials: 1100 },
      b: { successes: 116, trials: 1070 },
    });
    expect(result.pValue).toBeGreaterThan(0.05);
    expect(Math.abs((result.pValue ?? 0) - 0.0500000553240251)).toBeLessThan(1e-15);
    expect(result.significant).toBe(false);
  });

  it('keeps the digits of tiny p-values, matching a statistics library', () => {
    // Large samples make |z| large: the p-value is then a far tail of the normal, computed directly.
    const pairs = [
      { a: { successes: 1_000, trials: 100_000 }, b: { successes: 1_400, trials: 100_000 } },
      { a: { successes: 10_000, trials: 1_000_000 }, b: { successes: 14_000, trials: 1_000_000 } },
      { a: { successes: 10_000, trials: 1_000_000 }, b: { successes: 15_500, trials: 1_000_000 } },
    ];
    for (const pair of pairs) {
      const { z, pValue } = compareVariants(pair);
      if (z === null || pValue === null) throw new Error('expected a z and a p-value');
      const expected = 2 * normalReference(-Math.abs(z), 0, 1);
      expect(expected).toBeGreaterThan(0);
      // The reference rounds z/√2, which its erfc amplifies by z²: allow for that, not for more.
      expect(Math.abs(pValue - expected) / expected).toBeLessThan(2e-15 + z * z * 2 ** -51);
    }
  });

  it('applies the chosen confidence level to significance and the interval', () => {
    const pair = { a: { successes: 100, trials: 1000 }, b: { successes: 125, trials: 1000 } };
    const at95 = compareVariants(pair);
    const at99 = compareVariants(pair, { confidence: 0.99 });
    // z ≈ 1.77, p ≈ 0.077: not significant at 95 % either; at 90 % it is.
    expect(at95.significant).toBe(false);
    expect(compareVariants(pair, { confidence: 0.9 }).significant).toBe(true);
    expect(at99.interval.upper - at99.interval.lower).toBeGreaterThan(
      at95.interval.upper - at95.interval.lower,
    );
    const width95 = at95.interval.upper - at95.interval.lower;
    const width99 = at99.interval.upper - at99.interval.lower;
    expect(width99 / width95).toBeCloseTo(2.5758293035489004 / 1.959963984540054, 8);
  });

  it('reports a null lift when the baseline rate is 0', () => {
    const result = compareVariants({ a: { successes: 0, trials: 500 }, b: { successes: 20, trials: 500 } });
    expect(result.lift).toBeNull();
    expect(result.pValue).not.toBeNull();
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'few_successes', variant: 'a' }));
  });

  it('warns about small samples with the documented rule', () => {
    const result = compareVariants({ a: { successes: 5, trials: 20 }, b: { successes: 25, trials: 30 } });
    expect(result.warnings.map((w) => [w.code, w.variant])).toEqual([
      ['few_trials', 'a'],
      ['few_successes', 'a'],
      ['few_failures', 'b'],
    ]);
  });

  it('returns null z and p-value with a warning when there is no variation', () => {
    const result = compareVariants({ a: { successes: 0, trials: 100 }, b: { successes: 0, trials: 100 } });
    expect(result.z).toBeNull();
    expect(result.pValue).toBeNull();
    expect(result.significant).toBe(false);
    expect(result.interval).toEqual({ lower: 0, upper: 0 });
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'no_variation' }));
  });

  it('rejects impossible counts and confidence levels, listing every problem', () => {
    const attempt = () =>
      compareVariants(
        { a: { successes: 11, trials: 10 }, b: { successes: -1, trials: 0 } },
        { confidence: 1.5 },
      );
    expect(attempt).toThrow(ValidationError);
    try {
      attempt();
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      const rules = (error as ValidationError).problems.map((p) => `${p.path.join('.')}:${p.rule}`);
      expect(rules).toEqual([
        'a.successes:ab_test.successes_le_trials',
        'b.trials:ab_test.trials',
        'b.successes:ab_test.successes',
        'confidence:ab_test.confidence',
      ]);
    }
    expect(() =>
      compareVariants({ a: { successes: 1.5, trials: 10 }, b: { successes: 1, trials: 10 } }),
    ).toThrow(ValidationError);
  });
});
