/**
 * What the Value page shows about predictive value, worked out from the model fit
 * (DatasetInfo.clv) and the customers' rows: the parameters with what they mean, summary
 * figures, histogram bars and the top customers. Pure, so that both states of the page
 * (fitted; cannot fit) are tested without a worker.
 */
import type { ClvFitInfo, ClvStatus } from "../../lib/db/protocol.ts";
import type { HistogramBin } from "../../lib/charts/histogram.ts";
import type { ChartPoint } from "../../lib/charts/types.ts";

/** The customer columns the Value page reads (a subset of SegmentMember and ClvCustomer). */
export interface ValueCustomer {
  customer_id: string;
  name: string | null;
  segment: string | null;
  frequency: number;
  monetary: number;
  p_alive: number | null;
  expected_purchases: number | null;
  clv: number | null;
}

/** The statuses that mean "no prediction": each has its own message (value.clv.status.<status>). */
export const UNFITTED_STATUSES: readonly Exclude<ClvStatus, "fitted">[] = ["no_orders", "no_repeat", "too_few", "no_convergence"];

export interface ParamRow {
  model: "bgnbd" | "gamma_gamma";
  /** Name as stored in model_params (r, alpha, a, b, p, q, v). */
  name: string;
  /** How the course writes it. */
  symbol: string;
  value: number;
}

/** The fitted parameters in the order the models' papers give them; none when not fitted. */
export function paramRows(fit: ClvFitInfo): ParamRow[] {
  if (fit.status !== "fitted") return [];
  const rows: ParamRow[] = [];
  if (fit.bgnbd) {
    const { r, alpha, a, b } = fit.bgnbd;
    rows.push(
      { model: "bgnbd", name: "r", symbol: "r", value: r },
      { model: "bgnbd", name: "alpha", symbol: "α", value: alpha },
      { model: "bgnbd", name: "a", symbol: "a", value: a },
      { model: "bgnbd", name: "b", symbol: "b", value: b },
    );
  }
  if (fit.gammaGamma) {
    const { p, q, v } = fit.gammaGamma;
    rows.push(
      { model: "gamma_gamma", name: "p", symbol: "p", value: p },
      { model: "gamma_gamma", name: "q", symbol: "q", value: q },
      { model: "gamma_gamma", name: "v", symbol: "v", value: v },
    );
  }
  return rows;
}

export interface ModelReadings {
  /** Mean purchase rate of an active customer, purchases per time unit: r / α. */
  purchaseRate: number | null;
  /** Mean chance of dropping out right after a purchase: a / (a + b). */
  dropout: number | null;
  /** Mean spend per purchase across customers: p·v / (q − 1), defined for q > 1. */
  meanSpend: number | null;
}

/**
 * The parameters read as a course states them.
 * Worked example (CDNOW, weeks): r 0.2426, α 4.4136 → 0.055 purchases a week;
 * a 0.7929, b 2.4259 → 24.6 %; Gamma-Gamma p 6.25, q 3.74, v 15.44 → 35.2.
 */
export function modelReadings(fit: ClvFitInfo): ModelReadings {
  const bg = fit.status === "fitted" ? fit.bgnbd : null;
  const gg = fit.status === "fitted" ? fit.gammaGamma : null;
  return {
    purchaseRate: bg && bg.alpha > 0 ? bg.r / bg.alpha : null,
    dropout: bg && bg.a + bg.b > 0 ? bg.a / (bg.a + bg.b) : null,
    meanSpend: gg && gg.q > 1 ? (gg.p * gg.v) / (gg.q - 1) : null,
  };
}

export interface ValueSummary {
  customers: number;
  /** Customers with a P(alive) (the purchase model covers them). */
  predicted: number;
  meanPAlive: number | null;
  /** Sum of expected purchases in the horizon. */
  expectedPurchases: number | null;
  meanClv: number | null;
  totalClv: number | null;
  totalHistoric: number;
  meanHistoric: number | null;
}

const mean = (values: number[]): number | null => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : null);
const isNumber = (v: number | null): v is number => v !== null && Number.isFinite(v);

export function valueSummary(customers: readonly ValueCustomer[]): ValueSummary {
  const pAlive = customers.map((c) => c.p_alive).filter(isNumber);
  const expected = customers.map((c) => c.expected_purchases).filter(isNumber);
  const clv = customers.map((c) => c.clv).filter(isNumber);
  const totalHistoric = customers.reduce((s, c) => s + c.monetary, 0);
  return {
    customers: customers.length,
    predicted: pAlive.length,
    meanPAlive: mean(pAlive),
    expectedPurchases: expected.length ? expected.reduce((s, v) => s + v, 0) : null,
    meanClv: mean(clv),
    totalClv: clv.length ? clv.reduce((s, v) => s + v, 0) : null,
    totalHistoric,
    meanHistoric: customers.length ? totalHistoric / customers.length : null,
  };
}

/** The top `n` customers by predicted CLV (when any has one) or else by historic value; ties by id. */
export function topCustomers<C extends ValueCustomer>(customers: readonly C[], n = 20): { by: "clv" | "monetary"; rows: C[] } {
  const by = customers.some((c) => isNumber(c.clv)) ? "clv" : "monetary";
  const value = (c: C) => (by === "clv" ? (c.clv ?? -Infinity) : c.monetary);
  const rows = [...customers].sort((a, b) => value(b) - value(a) || a.customer_id.localeCompare(b.customer_id)).slice(0, n);
  return { by, rows };
}

/**
 * Histogram bins as bar-chart points: label "¥0 – ¥500" (open last bin "≥ ¥5,000"), tick
 * the lower edge. `formatEdge` formats an edge; `range` and `open` are the i18n templates.
 */
export function histogramPoints(
  bins: readonly HistogramBin[],
  formatEdge: (value: number) => string,
  range: (from: string, to: string) => string,
  open: (from: string) => string,
): ChartPoint[] {
  return bins.map((b) => ({
    key: String(b.x0),
    label: b.open ? open(formatEdge(b.x0)) : range(formatEdge(b.x0), formatEdge(b.x1)),
    tick: formatEdge(b.x0),
    value: b.count,
  }));
}
