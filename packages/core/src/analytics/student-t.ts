/**
 * Student's t distribution with a whole number of degrees of freedom, for the prediction
 * intervals of goal projections (a least-squares line through n points leaves n − 2).
 *
 * The CDF uses the exact finite series of Abramowitz & Stegun, Handbook of Mathematical
 * Functions, 26.7.3 and 26.7.4, in θ = arctan(t/√ν), which hold for every whole ν:
 * - ν = 1: A(t|ν) = 2θ/π;
 * - ν odd: A(t|ν) = (2/π)·(θ + sin θ·(cos θ + (2/3)cos³θ + … + (2·4···(ν−3))/(1·3···(ν−2))·cos^(ν−2)θ));
 * - ν even: A(t|ν) = sin θ·(1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + … + (1·3···(ν−3))/(2·4···(ν−2))·cos^(ν−2)θ);
 *
 * where A(t|ν) = P(|T| ≤ t), so P(T ≤ t) = ½ + ½·A(t|ν) for t ≥ 0. The quantile inverts it with
 * Newton steps kept inside a bisection bracket.
 */

/** A whole number of degrees of freedom, at least 1. */
function isDegrees(df: number): boolean {
  return Number.isInteger(df) && df >= 1;
}

/** A(t|ν) = P(|T| ≤ |t|), by the series above. */
function centralProbability(t: number, df: number): number {
  const theta = Math.atan(Math.abs(t) / Math.sqrt(df));
  const sin = Math.sin(theta);
  const cos = Math.cos(theta);
  const cos2 = cos * cos;
  if (df % 2 === 1) {
    if (df === 1) return (2 / Math.PI) * theta;
    let term = cos;
    let sum = cos;
    for (let j = 1; 2 * j + 1 <= df - 2; j++) {
      term *= (cos2 * (2 * j)) / (2 * j + 1);
      sum += term;
    }
    return (2 / Math.PI) * (theta + sin * sum);
  }
  let term = 1;
  let sum = 1;
  for (let j = 1; 2 * j <= df - 2; j++) {
    term *= (cos2 * (2 * j - 1)) / (2 * j);
    sum += term;
  }
  return sin * sum;
}

/**
 * P(T ≤ t) for Student's t with `df` degrees of freedom.
 *
 * @param t - any real number
 * @param df - degrees of freedom, a whole number ≥ 1
 * @returns the probability; NaN for NaN or a `df` that is not a whole number ≥ 1
 */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !isDegrees(df)) return Number.NaN;
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const half = centralProbability(t, df) / 2;
  return t >= 0 ? 0.5 + half : 0.5 - half;
}

/**
 * The density's constant Γ((ν+1)/2) / (√(νπ)·Γ(ν/2)), by the recursion
 * c(ν + 2) = c(ν)·((ν + 1)/ν)·√(ν/(ν + 2)) from c(1) = 1/π and c(2) = 1/(2√2).
 */
function densityConstant(df: number): number {
  let nu = df % 2 === 1 ? 1 : 2;
  let c = nu === 1 ? 1 / Math.PI : 1 / (2 * Math.SQRT2);
  while (nu < df) {
    c *= ((nu + 1) / nu) * Math.sqrt(nu / (nu + 2));
    nu += 2;
  }
  return c;
}

/**
 * The quantile t such that P(T ≤ t) = p, for Student's t with `df` degrees of freedom (e.g.
 * 2.2281388519649385 for p = 0.975 and 10 degrees of freedom).
 *
 * @param p - a probability
 * @param df - degrees of freedom, a whole number ≥ 1
 * @returns the quantile; −∞ / +∞ for p = 0 / 1; NaN outside [0, 1] or for a bad `df`
 */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !isDegrees(df)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  // Solve for the upper half and mirror: the distribution is symmetric about 0.
  const upper = p > 0.5 ? p : 1 - p;
  const c = densityConstant(df);
  let low = 0;
  let high = 1;
  while (studentTCdf(high, df) < upper) {
    low = high;
    high *= 2;
  }
  let t = (low + high) / 2;
  for (let i = 0; i < 200; i++) {
    const error = studentTCdf(t, df) - upper;
    if (error === 0) break;
    if (error > 0) high = t;
    else low = t;
    const density = c * (1 + (t * t) / df) ** (-(df + 1) / 2);
    const newton = t - error / density;
    // Take the Newton step when it stays inside the bracket, else bisect.
    const next = newton > low && newton < high ? newton : (low + high) / 2;
    if (Math.abs(next - t) <= 1e-15 * Math.max(1, Math.abs(t))) {
      t = next;
      break;
    }
    t = next;
  }
  return p > 0.5 ? t : -t;
}
