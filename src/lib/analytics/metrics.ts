/**
 * The metric catalogue: one entry per KPI (PRODUCT.md, "Exact definitions") with its SQL,
 * format and explanation text key. Each metric's SQL is an expression over the measures of
 * one period (see `measuresSql`); derived metrics (aov, frequency, rates) are written over
 * the same measures, so every KPI of a period comes from a single query.
 */
import type { DatasetInfo } from "../db/protocol.ts";
import { customerCondition, customerSalesWhere, feedbackWhere } from "./filter-sql.ts";
import type { Filters } from "./filters.ts";
import type { MetricFormat, MetricId } from "./metric-types.ts";
import type { Period } from "./period.ts";
import { join, raw, sql, type SqlFragment } from "./sql.ts";

export interface MetricDef {
  id: MetricId;
  format: MetricFormat;
  /** i18n key prefix: `${explainKey}.name`, `.definition`, `.formula`, `.reading`, `.action`. */
  explainKey: string;
  /** Which data the metric needs; the Overview hides cards whose data is absent. */
  requires: "orders" | "feedback" | "any" | "model";
  /** True when a rise is good news (colours the change arrow). */
  higherIsBetter: boolean;
  /** Default target from the course material, when it has one. */
  target?: number;
  /** SQL expression over the measures of a period; some depend on the shape of the data. */
  sql: (info: Pick<DatasetInfo, "counts" | "contractual">) => string;
  /** False for metrics that describe the data as loaded, not a period (no comparison). */
  periodic: boolean;
}

const per = (numerator: string, denominator: string) => `${numerator} * 1.0 / NULLIF(${denominator}, 0)`;

export const METRICS: readonly MetricDef[] = [
  {
    id: "customers", format: "count", explainKey: "metrics.customers", requires: "any", higherIsBetter: true, periodic: true,
    // Without orders (a customers-only file), customers are the rows of `customers`.
    sql: (info) => (info.counts.orders > 0 ? "buyers" : "known_customers"),
  },
  {
    id: "active_customers", format: "count", explainKey: "metrics.active_customers", requires: "orders", higherIsBetter: true, periodic: true,
    sql: () => "active_buyers",
  },
  { id: "revenue", format: "money", explainKey: "metrics.revenue", requires: "orders", higherIsBetter: true, periodic: true, sql: () => "revenue" },
  { id: "orders", format: "count", explainKey: "metrics.orders", requires: "orders", higherIsBetter: true, periodic: true, sql: () => "orders" },
  { id: "aov", format: "money", explainKey: "metrics.aov", requires: "orders", higherIsBetter: true, periodic: true, sql: () => per("revenue", "orders") },
  {
    id: "frequency", format: "decimal", explainKey: "metrics.frequency", requires: "orders", higherIsBetter: true, periodic: true,
    sql: () => per("orders", "buyers"),
  },
  {
    id: "repeat_rate", format: "ratio", explainKey: "metrics.repeat_rate", requires: "orders", higherIsBetter: true, periodic: true,
    sql: () => per("repeat_buyers", "buyers"),
  },
  {
    id: "churn_rate", format: "ratio", explainKey: "metrics.churn_rate", requires: "any", higherIsBetter: false, periodic: true,
    // Subscription data carries its own churn label; shops infer churn from inactivity.
    sql: (info) => (info.contractual ? "labelled_churn" : `1.0 - ${per("active_buyers", "buyers")}`),
  },
  {
    id: "nps", format: "nps", explainKey: "metrics.nps", requires: "feedback", higherIsBetter: true, target: 50, periodic: true,
    sql: () => `100.0 * (promoters - detractors) / NULLIF(nps_responses, 0)`,
  },
  { id: "csat", format: "ratio", explainKey: "metrics.csat", requires: "feedback", higherIsBetter: true, periodic: true, sql: () => per("satisfied", "csat_responses") },
  { id: "ces", format: "decimal", explainKey: "metrics.ces", requires: "feedback", higherIsBetter: false, periodic: true, sql: () => "ces_mean" },
  { id: "clv_avg", format: "money", explainKey: "metrics.clv_avg", requires: "model", higherIsBetter: true, periodic: false, sql: () => "clv_mean" },
  {
    id: "data_quality", format: "ratio", explainKey: "metrics.data_quality", requires: "any", higherIsBetter: true, periodic: false,
    sql: () => `1.0 - ${per("problem_rows", "loaded_rows")}`,
  },
];

export const metricById = (id: MetricId): MetricDef => {
  const metric = METRICS.find((m) => m.id === id);
  if (!metric) throw new Error(`unknown metric ${id}`);
  return metric;
};

/** The columns of `measuresSql`: the inputs the metric expressions are written over (and the worked formulas of teaching mode show). */
export const MEASURES = [
  "buyers", "repeat_buyers", "active_buyers", "orders", "revenue", "known_customers", "labelled_churn", "labelled_customers",
  "nps_responses", "promoters", "detractors", "csat_responses", "satisfied", "ces_responses", "ces_mean",
  "clv_customers", "clv_mean", "problem_rows", "loaded_rows",
] as const;
export type MeasureName = (typeof MEASURES)[number];
export type Measures = Record<MeasureName, number | null>;

/**
 * The measures of one period: a one-row query whose columns the metric expressions use,
 * all of them or `only` some (the console's query of one card reads just its inputs).
 * `buyers` are customers with at least one order in the period; `active_buyers` those whose
 * last order in the period is within the churn window of the period's end.
 */
export function measuresSql(filters: Filters, period: Period, churnDays: number, only: readonly MeasureName[] = MEASURES): SqlFragment {
  const customers = customerCondition(filters);
  const expressions: Record<MeasureName, SqlFragment> = {
    buyers: sql`(SELECT COUNT(*) FROM pc)`,
    repeat_buyers: sql`(SELECT COUNT(*) FROM pc WHERE n >= 2)`,
    active_buyers: sql`(SELECT COUNT(*) FROM pc WHERE last_day >= ${period.to - churnDays})`,
    orders: sql`(SELECT TOTAL(n) FROM pc)`,
    revenue: sql`(SELECT TOTAL(spend) FROM pc)`,
    known_customers: sql`(SELECT COUNT(*) FROM customer_summary WHERE ${customers})`,
    labelled_churn: sql`(SELECT AVG(churned) FROM customer_summary WHERE churned IS NOT NULL AND ${customers})`,
    labelled_customers: sql`(SELECT COUNT(churned) FROM customer_summary WHERE ${customers})`,
    nps_responses: sql`(SELECT COUNT(nps_score) FROM f)`,
    promoters: sql`(SELECT COUNT(*) FROM f WHERE nps_score >= 9)`,
    detractors: sql`(SELECT COUNT(*) FROM f WHERE nps_score <= 6)`,
    csat_responses: sql`(SELECT COUNT(csat) FROM f)`,
    satisfied: sql`(SELECT COUNT(*) FROM f WHERE csat >= 4)`,
    ces_responses: sql`(SELECT COUNT(ces_score) FROM f)`,
    ces_mean: sql`(SELECT AVG(ces_score) FROM f)`,
    clv_customers: sql`(SELECT COUNT(clv) FROM customer_summary WHERE ${customers})`,
    clv_mean: sql`(SELECT AVG(clv) FROM customer_summary WHERE ${customers})`,
    problem_rows: sql`(SELECT TOTAL(problem_rows) FROM _files)`,
    loaded_rows: sql`(SELECT TOTAL(rows) FROM _files)`,
  };
  const columns = only.map((name) => sql`${expressions[name]} AS ${raw(name)}`);
  return sql`
    WITH pc AS (SELECT customer_id, COUNT(*) AS n, MAX(day) AS last_day, TOTAL(amount) AS spend
                FROM sales WHERE ${customerSalesWhere(filters, period)} GROUP BY customer_id),
         f AS (SELECT nps_score, COALESCE(csat_score, rating) AS csat, ces_score FROM feedback WHERE ${feedbackWhere(filters, period)})
    SELECT
      ${join(columns, ",\n      ")}`;
}

/** Measures whose name is not also a metric id (`orders` and `revenue` are both, with one value). */
const EXTRA_MEASURES = MEASURES.filter((m) => !METRICS.some((metric) => metric.id === m));

/** Every metric of one period, one column per metric id, then the measures they come from (a column each). */
export function kpiSql(info: Pick<DatasetInfo, "counts" | "contractual" | "churnDays">, filters: Filters, period: Period): SqlFragment {
  const columns = [...METRICS.map((m) => raw(`${m.sql(info)} AS ${m.id}`)), ...EXTRA_MEASURES.map(raw)];
  return sql`SELECT ${join(columns, ",\n       ")} FROM (${measuresSql(filters, period, info.churnDays)})`;
}

/** The measures of a row of `kpiSql`. */
export const measuresOf = (row: Partial<Record<string, number | null>>): Measures =>
  Object.fromEntries(MEASURES.map((m) => [m, row[m] ?? null])) as Measures;

/**
 * One metric of one period beside the measures its expression reads, for the SQL console
 * ("show the SQL"): the same expression over the same measures as the card, so running it
 * gives the card's number.
 *   metricSql(nps, …) → SELECT promoters, detractors, nps_responses, 100.0 * (promoters - detractors) / … AS nps FROM (…)
 */
export function metricSql(metric: MetricDef, info: Pick<DatasetInfo, "counts" | "contractual" | "churnDays">, filters: Filters, period: Period): SqlFragment {
  const expression = metric.sql(info);
  const read = MEASURES.filter((m) => new RegExp(`\\b${m}\\b`).test(expression));
  const inputs = read.filter((m) => m !== metric.id);
  return sql`SELECT ${raw([...inputs, `${expression} AS ${metric.id}`].join(", "))}\nFROM (${measuresSql(filters, period, info.churnDays, read)})`;
}
