/**
 * The standard normal distribution for the A/B test: Φ, its upper tail and its quantile, to
 * about 1e-15.
 *
 * Φ(x) = ½·erfc(−x/√2). The rational Chebyshev approximations are W. J. Cody's ("Rational
 * Chebyshev approximations for the error function", Math. Comp. 23 (1969) 631–637), in the form
 * of his ANORM routine (SPECFUN, ACM TOMS Algorithm 715, 1993), which evaluates them in x itself:
 * computing x/√2 first would round x, and the tails amplify that rounding by x² (a relative
 * 1.5e-13 at |x| = 37). Three ranges:
 * - |x| ≤ 0.67449 (Φ⁻¹(¾)): Φ(x) = ½ + x·R₁(x²), R₁ a (4, 4) rational function;
 * - 0.67449 < |x| ≤ √32: the smaller tail Φ(−|x|) = e^(−x²/2)·R₂(|x|), R₂ of degree (8, 8);
 * - √32 < |x| < 37.5193: Φ(−|x|) = e^(−x²/2)·(1/√(2π) − R₃(1/x²)/x²)/|x|, R₃ of degree (4, 4);
 *   beyond, the tail is below the smallest normal double (Φ is 0 or 1).
 *
 * e^(−x²/2) is computed as e^(−s²/2)·e^(−(x − s)(x + s)/2) with s = x truncated to a multiple of
 * 1/16, so s² is exact and the large exponent loses no digits (Cody's device).
 *
 * The coefficients are Cody's 20-digit values, each written as the shortest literal of the
 * double nearest to it (the same double the 20 digits would give).
 */

/** Central range, numerator (a₁…a₅ of ANORM). */
const CENTRAL_NUM = [
  2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356, 0.06568233791820745,
] as const;
/** Central range, denominator (b₁…b₄). */
const CENTRAL_DEN = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673] as const;
/** Middle range, numerator (c₁…c₉). */
const MIDDLE_NUM = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735, 9842.714838383978, 1.0765576773720192e-8,
] as const;
/** Middle range, denominator (d₁…d₈). */
const MIDDLE_DEN = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327, 19685.429676859992,
] as const;
/** Far range, numerator (p₁…p₆). */
const FAR_NUM = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934,
  0.000029112874951168793, 0.023073441764940174,
] as const;
/** Far range, denominator (q₁…q₅). */
const FAR_DEN = [
  1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824, 0.00007297515550839662,
] as const;

/** Φ⁻¹(¾), where the central range ends. */
const CENTRAL_END = 0.67448975;
/** √32, where the middle range ends. */
const MIDDLE_END = 5.656854249492381;
/** Beyond this |x| the smaller tail underflows (below the smallest normal double). */
const FAR_END = 37.5193;
/** 1 / √(2π). */
const INV_SQRT_2PI = 0.3989422804014327;

/** e^(−x²/2) without losing digits to the rounding of x². */
function gaussian(x: number): number {
  const s = Math.trunc(x * 16) / 16;
  return Math.exp((-s * s) / 2) * Math.exp((-(x - s) * (x + s)) / 2);
}

/** Φ(−y) for y > CENTRAL_END: the smaller tail, with full relative accuracy. */
function smallerTail(y: number): number {
  if (y <= MIDDLE_END) {
    let num = MIDDLE_NUM[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + (MIDDLE_NUM[i] ?? 0)) * y;
      den = (den + (MIDDLE_DEN[i] ?? 0)) * y;
    }
    return gaussian(y) * ((num + MIDDLE_NUM[7]) / (den + MIDDLE_DEN[7]));
  }
  if (y >= FAR_END) return 0;
  const inv = 1 / (y * y);
  let num = FAR_NUM[5] * inv;
  let den = inv;
  for (let i = 0; i < 4; i++) {
    num = (num + (FAR_NUM[i] ?? 0)) * inv;
    den = (den + (FAR_DEN[i] ?? 0)) * inv;
  }
  const rational = (inv * (num + FAR_NUM[4])) / (den + FAR_DEN[4]);
  return (gaussian(y) * (INV_SQRT_2PI - rational)) / y;
}

/** x·R₁(x²) for |x| ≤ CENTRAL_END, so that Φ(x) = ½ + it. */
function centralOffset(x: number): number {
  const square = x * x;
  let num = CENTRAL_NUM[4] * square;
  let den = square;
  for (let i = 0; i < 3; i++) {
    num = (num + (CENTRAL_NUM[i] ?? 0)) * square;
    den = (den + (CENTRAL_DEN[i] ?? 0)) * square;
  }
  return (x * (num + CENTRAL_NUM[3])) / (den + CENTRAL_DEN[3]);
}

/**
 * Φ(x), the standard normal cumulative distribution function, to about 1e-15 (relative error of
 * a few units in the last place for x ≤ 0, where the values get small).
 *
 * @param x - any real number
 * @returns the probability that a standard normal variable is at most `x`; NaN for NaN
 *
 * @example
 * ```ts
 * normalCdf(1.96); // 0.9750021048517795
 * ```
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y <= CENTRAL_END) return 0.5 + centralOffset(x);
  const tail = smallerTail(y);
  return x < 0 ? tail : 1 - tail;
}

/**
 * Q(x) = 1 − Φ(x) = Φ(−x), the upper tail, computed directly so that small tails (large x) keep
 * their digits instead of vanishing in 1 − Φ(x).
 *
 * @param x - any real number
 * @returns the probability that a standard normal variable exceeds `x`; NaN for NaN
 */
export function normalUpperTail(x: number): number {
  return normalCdf(-x);
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

/** Acklam's approximation of Φ⁻¹(p) for 0 < p < 1, relative error below 1.15·10⁻⁹. */
function acklam(p: number): number {
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

/**
 * Φ⁻¹(p), the standard normal quantile (e.g. 1.959963984540054 for p = 0.975): Peter J.
 * Acklam's rational approximation ("An algorithm for computing the inverse normal cumulative
 * distribution function", 2003; relative error below 1.15·10⁻⁹), refined by one step of
 * Halley's method on {@link normalCdf} as Acklam suggests, which brings it to about 1e-15.
 *
 * @param p - a probability strictly between 0 and 1
 * @returns x such that Φ(x) = p; −∞ / +∞ for p = 0 / 1, NaN outside [0, 1]
 *
 * @example
 * ```ts
 * normalQuantile(0.975); // 1.959963984540054
 * ```
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  const x = acklam(p);
  // Halley: u = (Φ(x) − p)/φ(x); x ← x − u/(1 + x·u/2). In the upper half the error is taken on
  // the upper tail, where the digits are.
  const error = p < 0.5 ? normalCdf(x) - p : 1 - p - normalUpperTail(x);
  const u = error / (INV_SQRT_2PI * gaussian(x));
  // Near p = 5e-324, φ(x) underflows too: keep Acklam's value there.
  return Number.isFinite(u) ? x - u / (1 + (x * u) / 2) : x;
}
