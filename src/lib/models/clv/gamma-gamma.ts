/**
 * Gamma-Gamma model of spend per transaction: Fader & Hardie (2013), "The Gamma-Gamma Model
 * of Monetary Value" (note 025); numerics as in the `lifetimes` library's
 * `GammaGammaFitter`.
 *
 * A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, v) across customers, so
 * the mean m of x repeat transactions is Gamma(px, νx), and integrating ν out
 *
 *     ln f(m | p, q, v, x) = ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln v
 *                            + (px − 1) ln m + px ln x − (px + q) ln(v + x m).
 *
 * Expected spend per transaction of a customer with x repeat purchases of mean m (the
 * posterior mean, a weighted average of the population mean pv/(q − 1) and m):
 *
 *     E[M | x, m] = p (v + x m) / (px + q − 1)
 *
 * which for x = 0 is the population mean pv/(q − 1); it exists only when px + q > 1 (NaN
 * otherwise).
 *
 * Fitting maximises Σ ln f over (ln p, ln q, ln v) by Nelder–Mead on the customers with
 * x > 0 and m > 0 (the model has no place for x = 0 or non-positive spend). Per evaluation
 * the terms that depend only on x are computed once per distinct x, Σ ln m per distinct x once
 * before fitting, leaving one log per customer. Values are first divided by their mean so that
 * the start p = q = v = 1 is sensible in any currency; v is scaled back afterwards.
 */
import { nelderMead } from "./optimize.ts";
import type { NelderMeadOptions } from "./optimize.ts";
import { gammaln } from "./special.ts";

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

/** x repeat purchases whose mean value is m. */
export interface SpendCustomer {
  x: number;
  m: number;
}

export interface GammaGammaFitOptions {
  /** lifetimes' `penalizer_coef`: adds penalizer × (p² + q² + v²), v in the rescaled currency, to the mean negative log-likelihood. Default 0. */
  penalizer?: number;
  nelderMead?: NelderMeadOptions;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  /** Σ ln f at `params` over the customers used, without the penalty. */
  logLikelihood: number;
  /** Customers used: those with x > 0 and m > 0. */
  customers: number;
  converged: boolean;
  iterations: number;
}

/** ln f(m | p, q, v, x) of one customer with x > 0 (see the module doc). */
export function gammaGammaLogLikelihood(params: GammaGammaParams, customer: SpendCustomer): number {
  const { p, q, v } = params;
  const { x, m } = customer;
  const px = p * x;
  return (
    gammaln(px + q) - gammaln(px) - gammaln(q) + q * Math.log(v) + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(v + x * m)
  );
}

/** Maximum-likelihood Gamma-Gamma parameters (see the module doc). */
export function fitGammaGamma(customers: readonly SpendCustomer[], options: GammaGammaFitOptions = {}): GammaGammaFit {
  const used = customers.filter((c) => c.x > 0 && c.m > 0);
  if (used.length === 0) throw new RangeError("Gamma-Gamma: no customer with repeat purchases and positive spend");
  const scale = used.length / used.reduce((s, c) => s + c.m, 0);
  const xSlot = new Map<number, number>();
  const xValues: number[] = [];
  const xCounts: number[] = [];
  const sumLnM: number[] = [];
  const x = new Float64Array(used.length);
  const xm = new Float64Array(used.length);
  used.forEach((c, i) => {
    let k = xSlot.get(c.x);
    if (k === undefined) {
      k = xValues.length;
      xSlot.set(c.x, k);
      xValues.push(c.x);
      xCounts.push(0);
      sumLnM.push(0);
    }
    xCounts[k] = (xCounts[k] as number) + 1;
    sumLnM[k] = (sumLnM[k] as number) + Math.log(c.m * scale);
    x[i] = c.x;
    xm[i] = c.x * c.m * scale;
  });
  const logLikelihood = ({ p, q, v }: GammaGammaParams): number => {
    let total = 0;
    const head = -gammaln(q) + q * Math.log(v);
    xValues.forEach((xk, k) => {
      const px = p * xk;
      total += (xCounts[k] as number) * (head + gammaln(px + q) - gammaln(px) + px * Math.log(xk)) + (px - 1) * (sumLnM[k] as number);
    });
    for (let i = 0; i < used.length; i++) total -= (p * (x[i] as number) + q) * Math.log(v + (xm[i] as number));
    return total;
  };
  const penalizer = options.penalizer ?? 0;
  const fromLog = ([p, q, v]: readonly number[]): GammaGammaParams => ({
    p: Math.exp(p as number),
    q: Math.exp(q as number),
    v: Math.exp(v as number),
  });
  const objective = (logParams: readonly number[]): number => {
    const params = fromLog(logParams);
    return -logLikelihood(params) / used.length + penalizer * (params.p ** 2 + params.q ** 2 + params.v ** 2);
  };
  const result = nelderMead(objective, [0, 0, 0], options.nelderMead);
  const scaled = fromLog(result.x);
  return {
    params: { ...scaled, v: scaled.v / scale },
    // Rescaling values by s divides each customer's density by s.
    logLikelihood: logLikelihood(scaled) + used.length * Math.log(scale),
    customers: used.length,
    converged: result.converged,
    iterations: result.iterations,
  };
}

/** E[M | x, m], the expected spend per future transaction (see the module doc). */
export function expectedSpend(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, v } = params;
  const denominator = p * x + q - 1;
  return denominator > 0 ? (p * (v + x * m)) / denominator : Number.NaN;
}
