/**
 * BG/NBD model of repeat purchasing: Fader, Hardie & Lee (2005), "Counting your customers the
 * easy way: an alternative to the Pareto/NBD model", Marketing Science 24(2); numerics as in
 * the `lifetimes` library's `BetaGeoFitter`.
 *
 * While alive a customer buys at Poisson rate λ ~ Gamma(r, α); after each purchase they drop
 * out with probability p ~ Beta(a, b). A customer is summarised by x (repeat purchases),
 * t_x (time of the last purchase) and T (time observed), both since the first purchase and
 * in one time unit (day or week), the unit of α.
 *
 * Log-likelihood of one customer (FHL eq. 6; Hardie's note 004 for the split into A₁…A₄):
 *
 *     A₁ = ln Γ(r + x) − ln Γ(r) + r ln α
 *     A₂ = ln B(a, b + x) − ln B(a, b)
 *     A₃ = −(r + x) ln(α + T)
 *     A₄ = ln a − ln(b + x − 1) − (r + x) ln(α + t_x)            (only when x > 0)
 *     ln L = A₁ + A₂ + ln(e^A₃ + [x > 0] e^A₄)                      (log-sum-exp)
 *
 * P(alive | x, t_x, T) = 1 / (1 + [x > 0] · a/(b + x − 1) · ((α + T)/(α + t_x))^(r+x))
 * (Fader, Hardie & Lee, "Computing P(alive) using the BG/NBD model", note 021; 1 when x = 0,
 * as in `lifetimes`).
 *
 * E[X(t)] = (a + b − 1)/(a − 1) · [1 − (α/(α + t))^r · 2F1(r, b; a + b − 1; t/(α + t))]   (eq. 9)
 *
 * E[Y(t) | x, t_x, T] = (a + b + x − 1)/(a − 1)
 *     · [1 − ((α + T)/(α + T + t))^(r+x) · 2F1(r + x, b + x; a + b + x − 1; t/(α + T + t))]
 *     · P(alive | x, t_x, T)                                                               (eq. 10)
 *
 * Both expectations divide by a − 1 and are undefined at a = 1 exactly (their limit exists,
 * but a fitted a is never exactly 1).
 *
 * Fitting maximises Σ ln L over (ln r, ln α, ln a, ln b) by Nelder–Mead. For speed,
 * customers with equal (x, t_x, T) are evaluated once with a count (t_x is irrelevant when
 * x = 0), A₁ + A₂ and ln a − ln(b + x − 1) once per distinct x, and ln(α + t) once per distinct
 * time value: per distinct customer an evaluation does one exp and one log1p. As `lifetimes`
 * does, times are first rescaled so that the largest T is 10, which makes the start
 * r = α = a = b = 1 sensible whatever the unit; α is scaled back afterwards.
 */
import { nelderMead } from "./optimize.ts";
import type { NelderMeadOptions } from "./optimize.ts";
import { betaln, gammaln, hyp2f1TimesExp } from "./special.ts";

export interface BgnbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** One customer's purchase summary; t_x and T in the model's time unit. */
export interface RfCustomer {
  /** Repeat purchases (purchase days after the first). */
  x: number;
  /** Time from the first to the last purchase. */
  tx: number;
  /** Time from the first purchase to the analysis date. */
  T: number;
}

export interface BgnbdFitOptions {
  /** lifetimes' `penalizer_coef`: adds penalizer × (r² + α² + a² + b²), α in the rescaled unit, to the mean negative log-likelihood. Default 0. */
  penalizer?: number;
  /** Starting parameters in the customers' time unit. Default 1, 1, 1, 1 in the rescaled unit. */
  start?: BgnbdParams;
  nelderMead?: NelderMeadOptions;
}

export interface BgnbdFit {
  params: BgnbdParams;
  /** Σ ln L at `params`, in the customers' time unit, without the penalty. */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
}

function logAddExp(u: number, v: number): number {
  const max = Math.max(u, v);
  return max + Math.log1p(Math.exp(-Math.abs(u - v)));
}

/** ln L of one customer (see the module doc). */
export function bgnbdLogLikelihood(params: BgnbdParams, customer: RfCustomer): number {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = customer;
  const a1a2 = gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + betaln(a, b + x) - betaln(a, b);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return a1a2 + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return a1a2 + logAddExp(a3, a4);
}

/** Customers with equal (x, t_x, T) merged, with indices into per-x and per-time tables. */
interface GroupedCustomers {
  customers: number;
  sumX: number;
  xValues: number[];
  xCounts: number[];
  times: number[];
  /** Per distinct customer: */
  x: Float64Array;
  xIndex: Int32Array;
  tIndex: Int32Array;
  txIndex: Int32Array;
  count: Float64Array;
}

function groupCustomers(customers: readonly RfCustomer[], timeScale: number): GroupedCustomers {
  const xSlot = new Map<number, number>();
  const timeSlot = new Map<number, number>();
  const groupSlot = new Map<string, number>();
  const xValues: number[] = [];
  const xCounts: number[] = [];
  const times: number[] = [];
  const x: number[] = [];
  const xIndex: number[] = [];
  const tIndex: number[] = [];
  const txIndex: number[] = [];
  const count: number[] = [];
  let sumX = 0;
  const slotOf = (map: Map<number, number>, list: number[], value: number): number => {
    let slot = map.get(value);
    if (slot === undefined) {
      slot = list.length;
      map.set(value, slot);
      list.push(value);
    }
    return slot;
  };
  customers.forEach((c, i) => {
    if (!(Number.isInteger(c.x) && c.x >= 0 && c.tx >= 0 && c.tx <= c.T && Number.isFinite(c.T))) {
      throw new RangeError(`BG/NBD: customer ${i} has x = ${c.x}, t_x = ${c.tx}, T = ${c.T}; need an integer x ≥ 0 and 0 ≤ t_x ≤ T`);
    }
    const tx = c.x === 0 ? 0 : c.tx;
    const key = `${c.x}|${tx}|${c.T}`;
    sumX += c.x;
    const group = groupSlot.get(key);
    if (group !== undefined) {
      count[group] = (count[group] as number) + 1;
    } else {
      groupSlot.set(key, count.length);
      const xi = slotOf(xSlot, xValues, c.x);
      x.push(c.x);
      xIndex.push(xi);
      tIndex.push(slotOf(timeSlot, times, c.T * timeScale));
      txIndex.push(slotOf(timeSlot, times, tx * timeScale));
      count.push(1);
    }
    const xi = xSlot.get(c.x) as number;
    xCounts[xi] = (xCounts[xi] ?? 0) + 1;
  });
  return {
    customers: customers.length,
    sumX,
    xValues,
    xCounts,
    times,
    x: Float64Array.from(x),
    xIndex: Int32Array.from(xIndex),
    tIndex: Int32Array.from(tIndex),
    txIndex: Int32Array.from(txIndex),
    count: Float64Array.from(count),
  };
}

/** Σ ln L over grouped customers; α in the grouping's time unit. */
function groupedLogLikelihood(params: BgnbdParams, g: GroupedCustomers): number {
  const { r, alpha, a, b } = params;
  const head = -gammaln(r) + r * Math.log(alpha) - betaln(a, b);
  const lnA = Math.log(a);
  let total = 0;
  const lnOdds = g.xValues.map((x, k) => {
    total += (g.xCounts[k] as number) * (head + gammaln(r + x) + betaln(a, b + x));
    return x > 0 ? lnA - Math.log(b + x - 1) : 0;
  });
  const lnAlphaPlus = g.times.map((t) => Math.log(alpha + t));
  for (let i = 0; i < g.count.length; i++) {
    const rx = r + (g.x[i] as number);
    const a3 = -rx * (lnAlphaPlus[g.tIndex[i] as number] as number);
    if (g.x[i] === 0) {
      total += (g.count[i] as number) * a3;
    } else {
      const a4 = (lnOdds[g.xIndex[i] as number] as number) - rx * (lnAlphaPlus[g.txIndex[i] as number] as number);
      total += (g.count[i] as number) * logAddExp(a3, a4);
    }
  }
  return total;
}

/** Σ ln L over customers (grouped evaluation, equal to the sum of `bgnbdLogLikelihood`). */
export function bgnbdTotalLogLikelihood(params: BgnbdParams, customers: readonly RfCustomer[]): number {
  return groupedLogLikelihood(params, groupCustomers(customers, 1));
}

/** Maximum-likelihood BG/NBD parameters (see the module doc). */
export function fitBgnbd(customers: readonly RfCustomer[], options: BgnbdFitOptions = {}): BgnbdFit {
  if (customers.length === 0) throw new RangeError("BG/NBD: no customers to fit");
  const maxT = customers.reduce((m, c) => Math.max(m, c.T), 0);
  const scale = maxT > 0 ? 10 / maxT : 1;
  const grouped = groupCustomers(customers, scale);
  const penalizer = options.penalizer ?? 0;
  const fromLog = ([r, alpha, a, b]: readonly number[]): BgnbdParams => ({
    r: Math.exp(r as number),
    alpha: Math.exp(alpha as number),
    a: Math.exp(a as number),
    b: Math.exp(b as number),
  });
  const objective = (logParams: readonly number[]): number => {
    const p = fromLog(logParams);
    const penalty = penalizer * (p.r ** 2 + p.alpha ** 2 + p.a ** 2 + p.b ** 2);
    return -groupedLogLikelihood(p, grouped) / grouped.customers + penalty;
  };
  const start = options.start;
  const x0 = start ? [start.r, start.alpha * scale, start.a, start.b].map(Math.log) : [0, 0, 0, 0];
  const result = nelderMead(objective, x0, options.nelderMead);
  const scaled = fromLog(result.x);
  return {
    params: { ...scaled, alpha: scaled.alpha / scale },
    // Rescaling time by s multiplies each customer's likelihood by s^(−x).
    logLikelihood: groupedLogLikelihood(scaled, grouped) + grouped.sumX * Math.log(scale),
    converged: result.converged,
    iterations: result.iterations,
  };
}

/** P(alive | x, t_x, T); 1 when x = 0 (see the module doc). */
export function pAlive(params: BgnbdParams, customer: RfCustomer): number {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = customer;
  if (x === 0) return 1;
  return 1 / (1 + Math.exp(Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx))));
}

/** E[X(t)]: expected repeat purchases in (0, t] of a new customer (FHL eq. 9). */
export function expectedPurchases(params: BgnbdParams, t: number): number {
  const { r, alpha, a, b } = params;
  const z = t / (alpha + t);
  return ((a + b - 1) / (a - 1)) * (1 - hyp2f1TimesExp(r, b, a + b - 1, z, -r * Math.log1p(t / alpha)));
}

/** E[Y(t) | x, t_x, T]: expected repeat purchases in the next t of this customer (FHL eq. 10). */
export function conditionalExpectedPurchases(params: BgnbdParams, t: number, customer: RfCustomer): number {
  const { r, alpha, a, b } = params;
  const { x, T } = customer;
  const z = t / (alpha + T + t);
  const scaledHyp = hyp2f1TimesExp(r + x, b + x, a + b + x - 1, z, -(r + x) * Math.log1p(t / (alpha + T)));
  return ((a + b + x - 1) / (a - 1)) * (1 - scaledHyp) * pAlive(params, customer);
}
