/** Shapes shared by the metric catalogue and the views that show metrics. */

export type MetricId =
  | "customers"
  | "active_customers"
  | "revenue"
  | "orders"
  | "aov"
  | "frequency"
  | "repeat_rate"
  | "churn_rate"
  | "nps"
  | "csat"
  | "ces"
  | "clv_avg"
  | "data_quality";

/**
 * How a value is shown: count = whole number; money = the data's currency; ratio = a
 * fraction shown as a percentage; nps = −100…100; decimal = two decimals.
 */
export type MetricFormat = "count" | "money" | "ratio" | "nps" | "decimal";

/** One KPI value for the current period and the two it is compared with (null = not computable). */
export interface KpiValue {
  id: MetricId;
  value: number | null;
  /** 环比: the previous period of equal length. */
  previous: number | null;
  /** 同比: the same period a year earlier. */
  yearAgo: number | null;
}

/** A point of the Overview's time series (one per calendar month). */
export interface MonthPoint {
  /** First day of the month, ISO (YYYY-MM-01). */
  month: string;
  revenue: number;
  orders: number;
  /** Customers whose last order up to the month's end lies within the churn window. */
  activeCustomers: number;
}
