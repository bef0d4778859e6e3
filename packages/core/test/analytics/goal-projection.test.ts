import { describe, expect, it } from 'vitest';
import { fitLine, projectGoal } from '../../src/analytics/goal-projection.js';

/** The worked example of docs/analytics.md: five days of impressions. */
const DAYS = [800, 1000, 900, 1200, 1100].map((value, day) => ({ day, value }));
/** t₀.₉₇₅ with 3 degrees of freedom. */
const T3 = 3.182446305284263;

describe('least-squares line', () => {
  it('fits the worked example by hand: a = 840, b = 80, s² = 12,000', () => {
    // t̄ = 2, ȳ = 1000, Sxx = 10, Sxy = 800 → b = 80, a = 1000 − 80·2 = 840;
    // residuals −40, 80, −100, 120, −60 → SSE = 36,000, s² = 36,000 / 3.
    const fit = fitLine(DAYS);
    expect(fit?.n).toBe(5);
    expect(fit?.slope).toBeCloseTo(80, 10);
    expect(fit?.intercept).toBeCloseTo(840, 10);
    expect(fit?.meanDay).toBe(2);
    expect(fit?.sxx).toBe(10);
    expect(fit?.residualSd).toBeCloseTo(Math.sqrt(12_000), 10);
  });

  it('needs three points on two days at least', () => {
    expect(fitLine(DAYS.slice(0, 2))).toBeUndefined();
    expect(
      fitLine([
        { day: 3, value: 1 },
        { day: 3, value: 2 },
        { day: 3, value: 4 },
      ]),
    ).toBeUndefined();
  });
});

describe('projectGoal', () => {
  const base = { points: DAYS, elapsedDays: 5, deadlineDay: 9, target: 10_000, confidence: 0.95 } as const;

  it('projects a total: what came so far plus the trend over the days left', () => {
    // h = 5 days left (5…9), t̄F = 7: Ŝ = 5·(840 + 80·7) = 7,000; projection 5,000 + 7,000.
    // SE = s·√(5 + 25·(1/5 + (7 − 2)²/10)) = √12,000·√72.5.
    const projection = projectGoal({ ...base, kind: 'total', current: 5_000 });
    const se = Math.sqrt(12_000) * Math.sqrt(72.5);
    expect(projection?.value).toBeCloseTo(12_000, 8);
    expect(projection?.lower).toBeCloseTo(12_000 - T3 * se, 6);
    expect(projection?.upper).toBeCloseTo(12_000 + T3 * se, 6);
    expect(se).toBeCloseTo(932.738, 3);
    expect(projection?.lower).toBeCloseTo(9031.61, 2);
    expect(projection?.slopePerDay).toBeCloseTo(80, 10);
    expect(projection?.points).toBe(5);
    // P(T₃ ≥ (10,000 − 12,000)/SE) = T₃(2.14423…).
    expect(projection?.chance).toBeCloseTo(0.9393, 4);
  });

  it('projects a level: the line at the deadline, with the one-point prediction interval', () => {
    // ŷ(9) = 840 + 80·9 = 1,560; SE = s·√(1 + 1/5 + (9 − 2)²/10) = √12,000·√6.1.
    const projection = projectGoal({ ...base, kind: 'level', current: 1_100, target: 1_500 });
    const se = Math.sqrt(12_000) * Math.sqrt(6.1);
    expect(projection?.value).toBeCloseTo(1_560, 8);
    expect(projection?.lower).toBeCloseTo(1_560 - T3 * se, 6);
    expect(projection?.upper).toBeCloseTo(1_560 + T3 * se, 6);
  });

  it('projects a rate as the day-weighted mean of the rate so far and the trend of the days left', () => {
    // Daily rates 0.8 %, 1.0 %, 0.9 %, 1.2 %, 1.1 %: the example divided by 100,000.
    const points = DAYS.map(({ day, value }) => ({ day, value: value / 100_000 }));
    // Ŝ = 0.07 over 5 days; window rate so far 1.05 %: (5·0.0105 + 0.07) / 10 = 0.01225.
    const projection = projectGoal({ ...base, points, kind: 'rate', current: 0.0105, target: 0.012 });
    const se = (Math.sqrt(0.12e-4 * 0.1) * Math.sqrt(72.5)) / 10;
    expect(projection?.value).toBeCloseTo(0.01225, 12);
    expect(projection?.upper).toBeCloseTo(0.01225 + T3 * se, 10);
  });

  it('never projects a total below what came so far, nor a rate below 0', () => {
    const falling = [900, 600, 300, 100].map((value, day) => ({ day, value }));
    const total = projectGoal({ ...base, points: falling, elapsedDays: 4, kind: 'total', current: 1_900 });
    expect(total?.value).toBe(1_900);
    expect(total?.lower).toBe(1_900);
    const rate = projectGoal({ ...base, points: falling, elapsedDays: 4, kind: 'rate', current: 0 });
    expect(rate?.lower).toBe(0);
  });

  it('has no projection from fewer than three days', () => {
    expect(projectGoal({ ...base, points: DAYS.slice(0, 2), kind: 'total', current: 1_800 })).toBeNull();
  });

  it('gives a certain answer when the days lie on a line (no spread, no interval)', () => {
    const line = [100, 200, 300].map((value, day) => ({ day, value }));
    const at = (target: number) =>
      projectGoal({
        ...base,
        points: line,
        elapsedDays: 3,
        deadlineDay: 4,
        kind: 'level',
        current: 300,
        target,
      });
    expect(at(450)?.value).toBeCloseTo(500, 10);
    expect(at(450)?.lower).toBeCloseTo(500, 10);
    expect(at(450)?.upper).toBeCloseTo(500, 10);
    expect(at(450)?.chance).toBe(1);
    expect(at(550)?.chance).toBe(0);
  });
});
