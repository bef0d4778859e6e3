import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from '../../src/analytics/student-t.js';

/** Closed forms of the quantile (Hill 1970; the t distribution for ν = 1, 2, 4). */
const closedForm: Readonly<Record<number, (p: number) => number>> = {
  // Cauchy: tan(π(p − ½)).
  1: (p) => Math.tan(Math.PI * (p - 0.5)),
  // (2p − 1)·√(2 / (4p(1 − p))).
  2: (p) => (2 * p - 1) * Math.sqrt(2 / (4 * p * (1 - p))),
  // α = 4p(1 − p), q = cos(arccos(√α)/3)/√α, t = sign(p − ½)·2√(q − 1).
  4: (p) => {
    const alpha = 4 * p * (1 - p);
    const q = Math.cos(Math.acos(Math.sqrt(alpha)) / 3) / Math.sqrt(alpha);
    return Math.sign(p - 0.5) * 2 * Math.sqrt(q - 1);
  },
};

describe('Student t quantile', () => {
  it('matches the closed forms for 1, 2 and 4 degrees of freedom', () => {
    for (const df of [1, 2, 4]) {
      for (const p of [0.6, 0.9, 0.95, 0.975, 0.995, 0.025, 0.2]) {
        const expected = closedForm[df]?.(p) ?? Number.NaN;
        expect(
          Math.abs(studentTQuantile(p, df) - expected) / Math.abs(expected),
          `df ${df}, p ${p}`,
        ).toBeLessThan(1e-12);
      }
    }
  });

  it('matches the printed table of two-sided 95 % critical values', () => {
    // t₀.₉₇₅,ν as statistical tables print them (to 3 decimals).
    const table: Record<number, number> = {
      3: 3.182,
      5: 2.571,
      8: 2.306,
      10: 2.228,
      20: 2.086,
      30: 2.042,
      120: 1.98,
    };
    for (const [df, value] of Object.entries(table)) {
      expect(studentTQuantile(0.975, Number(df))).toBeCloseTo(value, 3);
    }
    // Large ν tends to the normal quantile 1.959964.
    expect(studentTQuantile(0.975, 100_000)).toBeCloseTo(1.959964, 4);
  });

  it('is inverted by the CDF and symmetric', () => {
    for (const df of [1, 3, 7, 12, 29]) {
      for (const p of [0.55, 0.8, 0.99]) {
        const t = studentTQuantile(p, df);
        expect(studentTCdf(t, df)).toBeCloseTo(p, 13);
        expect(studentTQuantile(1 - p, df)).toBeCloseTo(-t, 12);
      }
    }
  });

  it('gives 0 at ½, infinities at 0 and 1, and NaN for bad input', () => {
    expect(studentTQuantile(0.5, 5)).toBe(0);
    expect(studentTQuantile(0, 5)).toBe(Number.NEGATIVE_INFINITY);
    expect(studentTQuantile(1, 5)).toBe(Number.POSITIVE_INFINITY);
    expect(studentTQuantile(1.2, 5)).toBeNaN();
    expect(studentTQuantile(0.9, 0)).toBeNaN();
    expect(studentTQuantile(0.9, 2.5)).toBeNaN();
    expect(studentTCdf(Number.NaN, 3)).toBeNaN();
  });
});

describe('Student t CDF', () => {
  it('matches closed forms: ν = 1 (Cauchy) and ν = 2', () => {
    for (const t of [-30, -2, -0.5, 0, 0.7, 3, 12]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 14);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 14);
    }
  });

  it('is 0 and 1 at the infinities and ½ at 0', () => {
    expect(studentTCdf(0, 9)).toBe(0.5);
    expect(studentTCdf(Number.POSITIVE_INFINITY, 9)).toBe(1);
    expect(studentTCdf(Number.NEGATIVE_INFINITY, 9)).toBe(0);
  });
});
