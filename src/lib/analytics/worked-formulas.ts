/**
 * The KPI formulas with the period's own numbers written in (teaching mode), so that a
 * class can check a card by hand: "AOV = revenue 1,234,567 ÷ orders 4,321 = 285.7". The
 * terms are the measures the card's value was computed from (`kpiSql` returns both), and
 * the result is worked from the terms in the order the metric's SQL works it, so it is the
 * card's value to the last bit, not a second opinion.
 *
 *   workedFormula("aov", { revenue: 480, orders: 5, … }, context)
 *     → { key: "aov", terms: { revenue: { value: 480, format: "money" }, orders: { value: 5, format: "count" } }, result: 96 }
 */
import type { ClvFitInfo, ClvSettings } from "../db/protocol.ts";
import type { MetricFormat, MetricId } from "./metric-types.ts";
import type { Measures } from "./metrics.ts";

/** How a term is written: a metric format, a share as a percentage, whole days, or a model parameter (4 significant digits). */
export type TermFormat = MetricFormat | "percent" | "days" | "param";

export interface WorkedTerm {
  value: number;
  format: TermFormat;
}

export interface WorkedFormula {
  /** The template under `teach.worked.`; it names each term and `{result}`. */
  key: string;
  terms: Record<string, WorkedTerm>;
  /** The formula worked over the terms: the card's value. */
  result: number;
  /** The time unit of the CLV models' parameters (alpha is per unit). */
  unit?: "day" | "week";
}

/** What the formulas depend on besides the measures. */
export interface WorkedContext {
  /** Customers carry a churn column (subscription data): churn is that column's share. */
  contractual: boolean;
  hasOrders: boolean;
  churnDays: number;
  clv: ClvSettings;
  fit: Pick<ClvFitInfo, "unit" | "bgnbd" | "gammaGamma">;
}

const count = (value: number): WorkedTerm => ({ value, format: "count" });
const money = (value: number): WorkedTerm => ({ value, format: "money" });
const percent = (value: number): WorkedTerm => ({ value, format: "percent" });
const param = (value: number): WorkedTerm => ({ value, format: "param" });

/** Numerator and denominator present, denominator not 0 (the SQL's NULLIF). */
const usable = (a: number | null, b: number | null): [number, number] | null => (a === null || b === null || b === 0 ? null : [a, b]);

/** The worked formula of a KPI, or null when the card has no value (an input is missing). */
export function workedFormula(id: MetricId, m: Measures, context: WorkedContext): WorkedFormula | null {
  switch (id) {
    case "customers": {
      const customers = context.hasOrders ? m.buyers : m.known_customers;
      return customers === null ? null : { key: context.hasOrders ? "customers" : "customers_known", terms: {}, result: customers };
    }
    case "active_customers":
      return m.active_buyers === null || m.buyers === null
        ? null
        : { key: "active_customers", terms: { customers: count(m.buyers), days: { value: context.churnDays, format: "days" } }, result: m.active_buyers };
    case "revenue":
      return m.revenue === null || m.orders === null ? null : { key: "revenue", terms: { orders: count(m.orders) }, result: m.revenue };
    case "orders":
      return m.orders === null || m.buyers === null ? null : { key: "orders", terms: { customers: count(m.buyers) }, result: m.orders };
    case "aov": {
      const pair = usable(m.revenue, m.orders);
      return pair && { key: "aov", terms: { revenue: money(pair[0]), orders: count(pair[1]) }, result: pair[0] / pair[1] };
    }
    case "frequency": {
      const pair = usable(m.orders, m.buyers);
      return pair && { key: "frequency", terms: { orders: count(pair[0]), customers: count(pair[1]) }, result: pair[0] / pair[1] };
    }
    case "repeat_rate": {
      const pair = usable(m.repeat_buyers, m.buyers);
      return pair && { key: "repeat_rate", terms: { repeat: count(pair[0]), customers: count(pair[1]) }, result: pair[0] / pair[1] };
    }
    case "churn_rate":
      return context.contractual ? labelledChurn(m) : inactivityChurn(m);
    case "nps": {
      const n = m.nps_responses;
      if (m.promoters === null || m.detractors === null || !n) return null;
      return {
        key: "nps",
        terms: { promoters: percent(m.promoters / n), detractors: percent(m.detractors / n), responses: count(n) },
        result: (100 * (m.promoters - m.detractors)) / n,
      };
    }
    case "csat": {
      const pair = usable(m.satisfied, m.csat_responses);
      return pair && { key: "csat", terms: { satisfied: count(pair[0]), responses: count(pair[1]) }, result: pair[0] / pair[1] };
    }
    case "ces":
      return m.ces_mean === null || !m.ces_responses ? null : { key: "ces", terms: { responses: count(m.ces_responses) }, result: m.ces_mean };
    case "clv_avg":
      return workedClv(m, context);
    case "data_quality": {
      const pair = usable(m.problem_rows, m.loaded_rows);
      return pair && { key: "data_quality", terms: { problem_rows: count(pair[0]), loaded_rows: count(pair[1]) }, result: 1 - pair[0] / pair[1] };
    }
  }
}

/** Shops: churn rate = 1 − active ÷ customers. */
function inactivityChurn(m: Measures): WorkedFormula | null {
  const pair = usable(m.active_buyers, m.buyers);
  return pair && { key: "churn_rate", terms: { active: count(pair[0]), customers: count(pair[1]) }, result: 1 - pair[0] / pair[1] };
}

/** Subscription data: the share of labelled customers marked churned (the SQL's AVG of the 0/1 column). */
function labelledChurn(m: Measures): WorkedFormula | null {
  if (m.labelled_churn === null || !m.labelled_customers) return null;
  const churned = Math.round(m.labelled_churn * m.labelled_customers);
  return { key: "churn_rate_labelled", terms: { churned: count(churned), customers: count(m.labelled_customers) }, result: churned / m.labelled_customers };
}

/** Average CLV with the settings and the fitted parameters it comes from. */
function workedClv(m: Measures, { clv, fit }: WorkedContext): WorkedFormula | null {
  if (m.clv_mean === null || !m.clv_customers || !fit.bgnbd || !fit.gammaGamma) return null;
  const { r, alpha, a, b } = fit.bgnbd;
  const { p, q, v } = fit.gammaGamma;
  return {
    key: "clv_avg",
    terms: {
      customers: count(m.clv_customers),
      months: count(clv.months),
      margin: percent(clv.margin),
      discount: percent(clv.monthlyDiscount),
      r: param(r),
      alpha: param(alpha),
      a: param(a),
      b: param(b),
      p: param(p),
      q: param(q),
      v: param(v),
    },
    result: m.clv_mean,
    unit: fit.unit,
  };
}
