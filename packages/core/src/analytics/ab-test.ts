import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import { normalQuantile, normalUpperTail } from './normal-distribution.js';

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
 * - z = (pB − pA) ÷ SEpooled; two-sided p-value = 2·(1 − Φ(|z|)), with Φ accurate to about 1e-15
 *   (W. J. Cody's rational Chebyshev approximation), so a p-value a hair from α gets the right verdict
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
