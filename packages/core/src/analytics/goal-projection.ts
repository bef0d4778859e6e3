import { studentTCdf, studentTQuantile } from './student-t.js';

/**
 * The projection of a goal to its deadline from the trend of its daily series: an ordinary
 * least-squares line through the days, and a prediction interval from Student's t with n − 2
 * degrees of freedom. Formulas (documented with a worked example in docs/analytics.md):
 *
 * Points (tᵢ, yᵢ), i = 1…n, tᵢ the day's index from the goal's first day (0):
 * t̄ = Σtᵢ/n, ȳ = Σyᵢ/n, Sxx = Σ(tᵢ − t̄)², slope b = Σ(tᵢ − t̄)(yᵢ − ȳ)/Sxx, intercept a = ȳ − b·t̄,
 * s² = Σ(yᵢ − a − b·tᵢ)²/(n − 2), q = t₍(1+c)/2, n−2₎ for the confidence c (two-sided).
 *
 * - level (followers): ŷ = a + b·D at the deadline's day D; SE = s·√(1 + 1/n + (D − t̄)²/Sxx)
 * - total (impressions, posts): the days left are F = {E, …, D} (E = days elapsed), h = D − E + 1,
 *   t̄F = (E + D)/2; Ŝ = h·(a + b·t̄F) is the trend's sum over them and
 *   SE(Ŝ) = s·√(h + h²·(1/n + (t̄F − t̄)²/Sxx)) (h new days' own noise plus the line's uncertainty
 *   at their mean); projection = current + Ŝ
 * - rate (engagement rate): the remaining days are assumed to bring as much denominator per day
 *   as the days so far, so the window's rate is a day-weighted mean: projection =
 *   (E·current + Ŝ)/(E + h), with Ŝ and SE(Ŝ) as for a total over the daily rates, divided by E + h
 *
 * Interval: projection ± q·SE, clipped to what can happen (a total never below its current
 * value, a rate never below 0). Chance of reaching the target: 1 − T₍n−2₎((target − projection)/SE)
 * (1 or 0 when SE = 0).
 */

/** How a goal's metric adds up over its days. */
export type GoalKind = 'total' | 'level' | 'rate';

/** One day of a goal's series: its index from the goal's first day (0) and its value. */
export interface TrendPoint {
  /** Days since the goal's first day. */
  readonly day: number;
  /** The day's value. */
  readonly value: number;
}

/** A least-squares line through a series. */
export interface LineFit {
  /** Points fitted. */
  readonly n: number;
  /** a: the line's value at day 0. */
  readonly intercept: number;
  /** b: change per day. */
  readonly slope: number;
  /** t̄: mean day index. */
  readonly meanDay: number;
  /** Sxx = Σ(tᵢ − t̄)². */
  readonly sxx: number;
  /** s = √(Σ residual² / (n − 2)). */
  readonly residualSd: number;
}

/**
 * The least-squares line through `points`, or undefined with fewer than 3 points (an interval
 * needs n − 2 ≥ 1 degrees of freedom) or all on one day. Centred sums, so large day indexes
 * lose no digits.
 */
export function fitLine(points: readonly TrendPoint[]): LineFit | undefined {
  const n = points.length;
  if (n < 3) return undefined;
  let sumT = 0;
  let sumY = 0;
  for (const point of points) {
    sumT += point.day;
    sumY += point.value;
  }
  const meanDay = sumT / n;
  const meanY = sumY / n;
  let sxx = 0;
  let sxy = 0;
  for (const point of points) {
    const dt = point.day - meanDay;
    sxx += dt * dt;
    sxy += dt * (point.value - meanY);
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanDay;
  let sse = 0;
  for (const point of points) {
    const residual = point.value - intercept - slope * point.day;
    sse += residual * residual;
  }
  return { n, intercept, slope, meanDay, sxx, residualSd: Math.sqrt(sse / (n - 2)) };
}

/** A projected value with its prediction interval. */
export interface GoalProjection {
  /** The projected value of the goal's metric at the deadline. */
  readonly value: number;
  /** Lower end of the prediction interval. */
  readonly lower: number;
  /** Upper end of the prediction interval. */
  readonly upper: number;
  /** The interval's confidence level (0.95 by default). */
  readonly confidence: number;
  /** The trend of the daily series: change per day (of the daily value, or of the level). */
  readonly slopePerDay: number;
  /** Days fitted. */
  readonly points: number;
  /**
   * The chance that the value at the deadline reaches the target under the fitted line's
   * t distribution, 0 to 1.
   */
  readonly chance: number;
}

/** What {@link projectGoal} needs. */
export interface ProjectionInput {
  /** How the metric adds up. */
  readonly kind: GoalKind;
  /** The daily series so far. */
  readonly points: readonly TrendPoint[];
  /** The goal's value so far (total, level or window rate). */
  readonly current: number;
  /** E: days elapsed (the series' days are 0 … E − 1). */
  readonly elapsedDays: number;
  /** D: index of the deadline's day (the goal's last day). */
  readonly deadlineDay: number;
  /** The target. */
  readonly target: number;
  /** Confidence of the interval, in (0, 1). */
  readonly confidence: number;
}

/** The projection to the deadline (formulas above), or null with too few points to fit. */
export function projectGoal(input: ProjectionInput): GoalProjection | null {
  const fit = fitLine(input.points);
  if (fit === undefined) return null;
  const { kind, current, elapsedDays: elapsed, deadlineDay: deadline } = input;
  const { n, intercept, slope, meanDay, sxx, residualSd: s } = fit;
  let value: number;
  let se: number;
  if (kind === 'level') {
    value = intercept + slope * deadline;
    se = s * Math.sqrt(1 + 1 / n + (deadline - meanDay) ** 2 / sxx);
  } else {
    const left = Math.max(0, deadline - elapsed + 1);
    const futureMean = (elapsed + deadline) / 2;
    const sum = left === 0 ? 0 : left * (intercept + slope * futureMean);
    const sumSe =
      left === 0 ? 0 : s * Math.sqrt(left + left * left * (1 / n + (futureMean - meanDay) ** 2 / sxx));
    if (kind === 'total') {
      value = current + sum;
      se = sumSe;
    } else {
      value = (elapsed * current + sum) / (elapsed + left);
      se = sumSe / (elapsed + left);
    }
  }
  const quantile = studentTQuantile((1 + input.confidence) / 2, n - 2);
  const floor = kind === 'total' ? current : kind === 'rate' ? 0 : Number.NEGATIVE_INFINITY;
  const chance = se > 0 ? 1 - studentTCdf((input.target - value) / se, n - 2) : value >= input.target ? 1 : 0;
  const projection: GoalProjection = {
    value: Math.max(floor, value),
    lower: Math.max(floor, value - quantile * se),
    upper: Math.max(floor, value + quantile * se),
    confidence: input.confidence,
    slopePerDay: slope,
    points: n,
    chance,
  };
  const numbers = [projection.value, projection.lower, projection.upper, slope, chance];
  return numbers.every(Number.isFinite) ? projection : null;
}
