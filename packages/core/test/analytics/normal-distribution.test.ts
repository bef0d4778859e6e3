import normalReference from '@stdlib/stats-base-dists-normal-cdf';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, normalUpperTail } from '../../src/analytics/normal-distribution.js';

/** Φ by the statistics library: ½·erfc(−z/√2). */
const reference = (z: number): number => normalReference(z, 0, 1);

/**
 * How far the reference itself may be off, relatively: it rounds z/√2 (a few units of 2⁻⁵³),
 * and erfc turns a relative error δ of its argument y into 2y²·δ = z²·δ of its value.
 */
const referenceSlack = (z: number): number => z * z * 2 ** -51;

/** z from −37.5 to 37.5: every 1/16 (the ranges' joins and Cody's 1/16 split land on it), plus awkward points. */
function grid(): number[] {
  const zs: number[] = [];
  for (let k = -600; k <= 600; k++) zs.push(k / 16);
  const edges = [0.67448975, 5.656854249492381, 1.959963984540054, 37.519, 1e-300, 1e-9];
  for (const edge of edges) zs.push(edge, -edge, edge * (1 + 2 ** -40), -edge * (1 - 2 ** -40));
  // Irrational-looking points between the sixteenths, reproducibly spread.
  for (let i = 1; i <= 400; i++) zs.push((((i * 0.6180339887498949) % 1) - 0.5) * 75);
  return zs;
}

describe('normalCdf (Cody)', () => {
  it('is within 1e-15 of the statistics library everywhere', () => {
    for (const z of grid()) expect(Math.abs(normalCdf(z) - reference(z)), `z = ${z}`).toBeLessThan(1e-15);
  });

  it('keeps the relative accuracy of small tails out to |z| = 37.5', () => {
    for (const z of grid()) {
      const tail = -Math.abs(z);
      const expected = reference(tail);
      if (expected < Number.MIN_VALUE * 2 ** 52) continue; // below the normal doubles: no digits to compare
      const relative = Math.abs(normalCdf(tail) - expected) / expected;
      expect(relative, `z = ${tail}`).toBeLessThan(2e-15 + referenceSlack(tail));
      expect(normalUpperTail(-tail)).toBe(normalCdf(tail));
    }
  });

  it('is 0 and 1 beyond the smallest normal double, ½ at 0, and symmetric', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
    for (const z of [0.3, 1, 2.5, 6, 12]) expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 15);
  });
});

describe('normalQuantile', () => {
  it('inverts Φ to within the reference’s precision, tails included', () => {
    const ps = [0.5, 0.975, 0.95, 0.995, 0.01, 0.3, 0.02425, 0.97575, 1e-5, 1e-20, 1e-100, 1e-300];
    for (const p of ps) {
      const x = normalQuantile(p);
      const back = p < 0.5 ? reference(x) : 1 - reference(-x);
      const target = p < 0.5 ? p : 1 - p;
      const got = p < 0.5 ? back : 1 - back;
      expect(Math.abs(got - target) / target, `p = ${p}`).toBeLessThan(4e-15 + referenceSlack(x));
    }
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
  });

  it('gives ±∞ at 0 and 1 and NaN outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(2)).toBeNaN();
    expect(normalQuantile(-0.1)).toBeNaN();
  });
});
