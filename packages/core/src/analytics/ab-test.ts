import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';

/** What one variant achieved on a rate KPI: `successes` out of `trials` (e.g. engagements out of impressions). */
export interface VariantCounts {
  /** Trials that succeeded (engagements, clicks, …); a whole number from 0 to `trials`. */
  readonly successes: number;
  /** Trials observed (impressions, reach, …); a whole number, at least 1. */
  readonly trials: number;
}

/** The two variants to compare; `b` is the challenger measured against `a`. */
export interface VariantPair {
  /** The baseline (control). */
  readonly a: VariantCounts;
  /** The challenger. */
  readonly b: VariantCounts;
}

/** Options for {@link compareVariants}. */
export interface CompareVariantsOptions {
  /** Confidence level for `significant` and the interval, strictly between 0 and 1 (default 0.95). */
  readonly confidence?: number | undefined;
}

/** Why a comparison should be read with care. */
export interface AbTestWarning {
  /**
   * `few_trials` (under 30 trials), `few_successes` / `few_failures` (under 10), or `no_variation`
   * (every trial in both variants had the same outcome, so there is nothing to test).
   */
  readonly code: 'few_trials' | 'few_successes' | 'few_failures' | 'no_variation';
  /** The variant concerned; absent for `no_variation`. */
  readonly variant?: 'a' | 'b';
  /** A sentence a person can act on. */
  readonly message: string;
}

/** The outcome of {@link compareVariants}; rates are fractions (0.05 = 5 %). */
export interface VariantComparison {
  /** pA = successesA ÷ trialsA. */
  readonly rateA: number;
  /** pB = successesB ÷ trialsB. */
  readonly rateB: number;
  /** pB − pA. */
  readonly difference: number;
  /** (pB − pA) ÷ pA, relative change of B over A; `null` when pA = 0. */
  readonly lift: number | null;
  /** The two-proportion z statistic with pooled standard error; `null` when there is no variation. */
  readonly z: number | null;
  /** Two-sided p-value 2·(1 − Φ(|z|)); `null` when `z` is. */
  readonly pValue: number | null;
  /** The confidence level used. */
  readonly confidence: number;
  /** Interval for pB − pA: (pB − pA) ± z₍₁₋α/2₎ · SEunpooled. */
  readonly interval: {
    /** Lower bound of pB − pA. */
    readonly lower: number;
    /** Upper bound of pB − pA. */
    readonly upper: number;
  };
  /** `pValue < 1 − confidence`. */
  readonly significant: boolean;
  /** Reasons to distrust the normal approximation; empty when none. */
  readonly warnings: readonly AbTestWarning[];
}

/** Below these the normal approximation behind the z-test is a poor guide (a common rule of thumb). */
const MIN_TRIALS = 30;
const MIN_OUTCOMES = 10;

/**
 * Compares two variants on a rate KPI (engagement rate, CTR, …) with a two-proportion z-test.
 *
 * Formulas, with pA = sA ÷ nA, pB = sB ÷ nB:
 * - pooled rate p = (sA + sB) ÷ (nA + nB); SEpooled = √(p·(1 − p)·(1/nA + 1/nB))
 * - z = (pB − pA) ÷ SEpooled; two-sided p-value = 2·(1 − Φ(|z|))
 * - lift = (pB − pA) ÷ pA (`null` when pA = 0)
 * - SEunpooled = √(pA(1 − pA)/nA + pB(1 − pB)/nB); interval = (pB − pA) ± z₍₁₋α/2₎·SEunpooled,
 *   with α = 1 − confidence (Wald interval)
 * - significant when p-value < α
 *
 * Warnings (the test still runs): a variant with fewer than 30 trials, or with fewer than 10
 * successes (n·p̂ < 10) or 10 failures (n·(1 − p̂) < 10); and `no_variation` when both variants
 * are all successes or all failures (SEpooled = 0, so `z` and `pValue` are `null`).
 *
 * @param pair - successes and trials of each variant
 * @param options - see {@link CompareVariantsOptions}
 * @returns rates, lift, z, p-value, interval, significance and warnings
 * @throws ValidationError when counts are not whole numbers, negative, successes exceed trials,
 *   trials are 0, or `confidence` is not strictly between 0 and 1
 *
 * @example
 * ```ts
 * const result = compareVariants({ a: { successes: 200, trials: 10_000 }, b: { successes: 260, trials: 10_000 } });
 * result.lift; // ≈ 0.3 (B is 30 % better)
 * result.significant; // true (p ≈ 0.005)
 * ```
 */
export function compareVariants(pair: VariantPair, options: CompareVariantsOptions = {}): VariantComparison {
  const confidence = options.confidence ?? 0.95;
  validate(pair, confidence);
  const { a, b } = pair;
  const rateA = a.successes / a.trials;
  const rateB = b.successes / b.trials;
  const difference = rateB - rateA;

  const pooled = (a.successes + b.successes) / (a.trials + b.trials);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials));
  const z = pooledSe > 0 ? difference / pooledSe : null;
  const pValue = z === null ? null : Math.min(1, 2 * normalUpperTail(Math.abs(z)));

  const unpooledSe = Math.sqrt((rateA * (1 - rateA)) / a.trials + (rateB * (1 - rateB)) / b.trials);
  const critical = normalQuantile(1 - (1 - confidence) / 2);

  return {
    rateA,
    rateB,
    difference,
    lift: rateA === 0 ? null : difference / rateA,
    z,
    pValue,
    confidence,
    interval: { lower: difference - critical * unpooledSe, upper: difference + critical * unpooledSe },
    significant: pValue !== null && pValue < 1 - confidence,
    warnings: [...sampleWarnings('a', a), ...sampleWarnings('b', b), ...variationWarning(pooledSe)],
  };
}

function sampleWarnings(variant: 'a' | 'b', counts: VariantCounts): AbTestWarning[] {
  const warnings: AbTestWarning[] = [];
  const failures = counts.trials - counts.successes;
  if (counts.trials < MIN_TRIALS) {
    warnings.push({
      code: 'few_trials',
      variant,
      message: `Variant ${variant} has ${counts.trials} trials; under ${MIN_TRIALS} the z-test is unreliable.`,
    });
  }
  if (counts.successes < MIN_OUTCOMES) {
    warnings.push({
      code: 'few_successes',
      variant,
      message: `Variant ${variant} has ${counts.successes} successes; under ${MIN_OUTCOMES} the z-test is unreliable.`,
    });
  }
  if (failures < MIN_OUTCOMES) {
    warnings.push({
      code: 'few_failures',
      variant,
      message: `Variant ${variant} has ${failures} failures; under ${MIN_OUTCOMES} the z-test is unreliable.`,
    });
  }
  return warnings;
}

function variationWarning(pooledSe: number): AbTestWarning[] {
  if (pooledSe > 0) return [];
  return [
    {
      code: 'no_variation',
      message: 'Every trial in both variants had the same outcome; there is no difference to test.',
    },
  ];
}

function validate(pair: VariantPair, confidence: number): void {
  const problems: ValidationProblem[] = [];
  for (const variant of ['a', 'b'] as const) {
    const { successes, trials } = pair[variant];
    if (!Number.isSafeInteger(trials) || trials < 1) {
      problems.push({
        path: [variant, 'trials'],
        rule: 'ab_test.trials',
        message: 'must be a whole number of at least 1',
        ...(Number.isFinite(trials) ? { actual: trials } : {}),
      });
    }
    if (!Number.isSafeInteger(successes) || successes < 0) {
      problems.push({
        path: [variant, 'successes'],
        rule: 'ab_test.successes',
        message: 'must be a whole number of at least 0',
        ...(Number.isFinite(successes) ? { actual: successes } : {}),
      });
    } else if (successes > trials) {
      problems.push({
        path: [variant, 'successes'],
        rule: 'ab_test.successes_le_trials',
        message: `must not exceed trials (${trials})`,
        limit: trials,
        actual: successes,
      });
    }
  }
  if (!(confidence > 0 && confidence < 1)) {
    problems.push({
      path: ['confidence'],
      rule: 'ab_test.confidence',
      message: 'must be strictly between 0 and 1',
      ...(Number.isFinite(confidence) ? { actual: confidence } : {}),
    });
  }
  if (problems.length > 0) throw new ValidationError(problems, 'A/B comparison');
}

/** Coefficients of Abramowitz & Stegun 26.2.17. */
const AS_P = 0.2316419;
const AS_B = [0.31938153, -0.356563782, 1.781477937, -1.821255978, 1.330274429] as const;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** Q(x) = 1 − Φ(x) for x ≥ 0, by A&S 26.2.17; computed directly so small tails keep their digits. */
function normalUpperTail(x: number): number {
  const t = 1 / (1 + AS_P * x);
  const [b1, b2, b3, b4, b5] = AS_B;
  const poly = t * (b1 + t * (b2 + t * (b3 + t * (b4 + t * b5))));
  return INV_SQRT_2PI * Math.exp((-x * x) / 2) * poly;
}

/**
 * Φ(x), the standard normal cumulative distribution function.
 *
 * Uses Abramowitz & Stegun, Handbook of Mathematical Functions (1964), formula 26.2.17:
 * Φ(x) = 1 − φ(x)·(b₁t + b₂t² + b₃t³ + b₄t⁴ + b₅t⁵) for x ≥ 0, with t = 1 ÷ (1 + 0.2316419·x),
 * φ(x) = e^(−x²/2) ÷ √(2π), and Φ(−x) = 1 − Φ(x). Absolute error below 7.5·10⁻⁸.
 *
 * @param x - any real number
 * @returns the probability that a standard normal variable is at most `x`
 *
 * @example
 * ```ts
 * normalCdf(1.96); // ≈ 0.975
 * ```
 */
export function normalCdf(x: number): number {
  return x >= 0 ? 1 - normalUpperTail(x) : normalUpperTail(-x);
}

/** Coefficients of Acklam's rational approximations (central region a/b, tails c/d). */
const ACKLAM_A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
] as const;
const ACKLAM_B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
] as const;
const ACKLAM_C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
] as const;
const ACKLAM_D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const ACKLAM_LOW = 0.02425;

/**
 * Φ⁻¹(p), the standard normal quantile (e.g. 1.959964 for p = 0.975), by Peter J. Acklam's
 * rational approximation ("An algorithm for computing the inverse normal cumulative distribution
 * function", 2003), relative error below 1.15·10⁻⁹.
 *
 * @param p - a probability strictly between 0 and 1
 * @returns x such that Φ(x) = p; −∞ / +∞ for p = 0 / 1, NaN outside [0, 1]
 *
 * @example
 * ```ts
 * normalQuantile(0.975); // ≈ 1.959964
 * ```
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const [a1, a2, a3, a4, a5, a6] = ACKLAM_A;
  const [b1, b2, b3, b4, b5] = ACKLAM_B;
  const [c1, c2, c3, c4, c5, c6] = ACKLAM_C;
  const [d1, d2, d3, d4] = ACKLAM_D;
  if (p < ACKLAM_LOW || p > 1 - ACKLAM_LOW) {
    const q = Math.sqrt(-2 * Math.log(p < ACKLAM_LOW ? p : 1 - p));
    const x =
      (((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) /
      ((((d1 * q + d2) * q + d3) * q + d4) * q + 1);
    return p < ACKLAM_LOW ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a1 * r + a2) * r + a3) * r + a4) * r + a5) * r + a6) * q) /
    (((((b1 * r + b2) * r + b3) * r + b4) * r + b5) * r + 1)
  );
}
