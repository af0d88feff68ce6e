/**
 * Special functions for the customer-value models.
 *
 * - `gammaln(x)` = ln Γ(x) and `betaln(a, b)` = ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b),
 *   from stdlib (`@stdlib/math-base-special-gammaln`, a port of FreeBSD msun's lgamma;
 *   `@stdlib/math-base-special-betaln`, a port of SLATEC FNLIB's albeta, which stays accurate
 *   when one argument is large, where a difference of three log-gammas would cancel).
 * - `hyp2f1(a, b, c, z)`: the Gauss hypergeometric function
 *
 *       2F1(a, b; c; z) = Σ_{n≥0} (a)_n (b)_n / ((c)_n n!) · zⁿ     ((q)_n = q(q+1)…(q+n−1))
 *
 *   summed term by term (Abramowitz & Stegun 15.1.1), each term from the previous one by the
 *   ratio (a+n)(b+n) z / ((c+n)(n+1)). Two transformations keep the series well behaved:
 *   - Euler (A&S 15.3.3), when c − a − b < 0 and 0 ≤ z < 1:
 *         2F1(a, b; c; z) = (1 − z)^(c−a−b) · 2F1(c − a, c − b; c; z).
 *     The function then grows like (1 − z)^(c−a−b) as z → 1; the transformed series stays
 *     bounded, needs few terms when c is large (BG/NBD's c = a + b + x − 1 with many
 *     purchases x) and lets `hyp2f1TimesExp` cancel the growing factor in the exponent, as
 *     `lifetimes` does with logarithms when scipy's hyp2f1 overflows.
 *   - Pfaff (A&S 15.3.4), when z < 0:
 *         2F1(a, b; c; z) = (1 − z)^(−a) · 2F1(a, c − b; c; z / (z − 1)),
 *     which maps every z < 0 into 0 < w < 1, where all terms have one sign.
 *
 *   Domain: real a, b, c with c not 0, −1, −2, … and any z < 1 (z ≥ 1 throws). The series
 *   stops when the last term, with the geometric tail after it estimated from
 *   max(last ratio, |z|), is below `tolerance` (default 10⁻¹⁵) × |sum|. It needs about
 *   ln(1/tolerance) / (1 − |z'|) terms (z' the argument after the transformation), so the
 *   default cap of 10⁶ terms (a few ms) covers z' up to about 1 − 4·10⁻⁵, with a relative error
 *   near 10⁻¹² there; beyond the cap it throws rather than return an unconverged value. BG/NBD only uses z = t / (α + T + t) ∈ [0, 1),
 *   with 1 − z ≥ α / (α + t): far from the cap for any horizon of years.
 */
import gammalnStdlib from "@stdlib/math-base-special-gammaln";
import betalnStdlib from "@stdlib/math-base-special-betaln";

/** ln Γ(x) (stdlib). */
export const gammaln: (x: number) => number = gammalnStdlib;

/** ln B(a, b) (stdlib). */
export const betaln: (a: number, b: number) => number = betalnStdlib;

export interface Hyp2f1Options {
  /** Relative size of the last term plus estimated tail at which the series stops. */
  tolerance?: number;
  /** Most terms summed before giving up with a RangeError. */
  maxTerms?: number;
}

const DEFAULT_TOLERANCE = 1e-15;
const DEFAULT_MAX_TERMS = 1_000_000;

/** 2F1 as exp(logScale) × series, so callers that want a logarithm never overflow. */
interface ScaledValue {
  logScale: number;
  series: number;
}

function series(a: number, b: number, c: number, z: number, tolerance: number, maxTerms: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < maxTerms; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    if (term === 0) return sum; // a or b is 0, −1, −2, …: the series is a polynomial
    const tailRatio = Math.max(Math.abs(ratio), Math.abs(z));
    if (tailRatio < 1 && Math.abs(term) <= tolerance * Math.abs(sum) * (1 - tailRatio)) return sum;
  }
  throw new RangeError(`hyp2f1(${a}, ${b}; ${c}; ${z}): series not converged in ${maxTerms} terms`);
}

function scaledHyp2f1(a: number, b: number, c: number, z: number, options: Hyp2f1Options): ScaledValue {
  if (!(z < 1)) throw new RangeError(`hyp2f1: z = ${z} is outside the domain z < 1`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1: c = ${c} is a non-positive integer`);
  if (z < 0) {
    const inner = scaledHyp2f1(a, c - b, c, z / (z - 1), options);
    return { logScale: -a * Math.log1p(-z) + inner.logScale, series: inner.series };
  }
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const maxTerms = options.maxTerms ?? DEFAULT_MAX_TERMS;
  if (c - a - b < 0) {
    return { logScale: (c - a - b) * Math.log1p(-z), series: series(c - a, c - b, c, z, tolerance, maxTerms) };
  }
  return { logScale: 0, series: series(a, b, c, z, tolerance, maxTerms) };
}

/** Gauss hypergeometric function 2F1(a, b; c; z) for z < 1 (see the module doc). */
export function hyp2f1(a: number, b: number, c: number, z: number, options: Hyp2f1Options = {}): number {
  return hyp2f1TimesExp(a, b, c, z, 0, options);
}

/**
 * e^logFactor · 2F1(a, b; c; z). The factor joins the transformation's own power of (1 − z)
 * in one exponential, so a product such as (1 − z)^k · 2F1 with a large k (BG/NBD's
 * ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; z)) stays finite where 2F1 alone overflows.
 */
export function hyp2f1TimesExp(a: number, b: number, c: number, z: number, logFactor: number, options: Hyp2f1Options = {}): number {
  const { logScale, series: sum } = scaledHyp2f1(a, b, c, z, options);
  return Math.exp(logFactor + logScale) * sum;
}
