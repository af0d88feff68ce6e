/**
 * Churn page queries: the purchase-gap distribution that justifies the churn window, churn
 * over time, churn by segment or customer attribute, and the at-risk list with reasons.
 *
 * Churn is the one of PRODUCT.md: for shops, no purchase for more than N = info.churnDays
 * days (customer_summary.churned is that inactivity flag as of asof); for subscription
 * data, the churn label the mapping found (customer_summary.churned is the label).
 * Customer-level queries obey the attribute filters (region, channel, tier, segment) and
 * are as of the analysis date; churn over time also obeys the filter's date range.
 */
import type { DatasetInfo } from "../db/protocol.ts";
import { activeAt, activeDeltasSql, monthEnds, type DayDelta } from "./active-customers.ts";
import { customerSalesWhere, customerSummaryWhere } from "./filter-sql.ts";
import type { Filters, QueryFn } from "./filters.ts";
import { BEGINNING, resolvePeriods } from "./period.ts";
import { join, raw, sql, type SqlFragment } from "./sql.ts";

export interface GapCount {
  gap: number;
  count: number;
}

/**
 * Distribution of the gaps in days between consecutive purchase days of the same customer
 * (several orders on one day are one purchase day), over all of `sales`: the engine's
 * `purchase_gaps` table (derive.ts), from which it derives info.suggestedChurnDays (its 90th
 * percentile rounded up to a multiple of 30). The page shows it beside that and the window
 * in force, info.churnDays.
 *
 * Worked example: A buys on days 0, 10, 10, 30 and B on days 5, 15 → gaps 10, 20 (A) and
 * 10 (B) → [{ gap: 10, count: 2 }, { gap: 20, count: 1 }].
 */
export async function loadGapDistribution(query: QueryFn): Promise<GapCount[]> {
  const q = sql`SELECT gap, customers AS count FROM purchase_gaps ORDER BY gap`;
  return query<GapCount & Record<string, number>>(q.text, q.params);
}

export interface ChurnMonth {
  /** First day of the calendar month, "YYYY-MM-01". */
  month: string;
  /** Customers with a purchase on or before the month's end (all history, not only the period). */
  customers: number;
  /** Of those, customers whose last purchase up to the month's end is at most churnDays before it. */
  active: number;
  /** 1 − active / customers (0 when there are no customers yet). */
  churnRate: number;
}

/**
 * Churn rate at the end of each calendar month of the filtered period (the last month ends
 * at the period's end, as the KPI does, so the last point equals the churn_rate KPI of an
 * all-time period). Customers and orders obey the attribute and channel filters.
 *
 * Subscription data (info.contractual) gives []: its churn is a label without a date (a
 * customer either churned or not as of the export), so there is nothing to place on a
 * time axis; the page shows the labelled rate and the breakdowns instead.
 *
 * Worked example (N = 60): A buys on 01-10 and 03-10, B on 02-20. End of January: 1
 * customer, 1 active → 0. End of March (window 01-31 … 03-31): 2 customers, both active → 0.
 * End of May (window 04-01 … 05-31): 2 customers, none active → 1.
 */
export async function loadChurnOverTime(query: QueryFn, info: DatasetInfo, filters: Filters): Promise<ChurnMonth[]> {
  if (info.contractual || info.firstDay === null || info.asofDay === null) return [];
  const { current } = resolvePeriods(filters, info);
  const from = Math.max(current.from, info.firstDay);
  if (from > current.to) return [];
  const months = monthEnds(from, current.to);
  const ends = months.map((m) => m.end);
  // Purchases from the beginning: a customer who bought before the period still counts.
  const where = customerSalesWhere(filters, { from: BEGINNING, to: current.to });
  // Both counts are running sums of per-day deltas (one pass over sales each, instead of
  // a scan per month): customers from first purchase days, active from activity spans.
  const firsts = sql`
    SELECT first_day AS day, COUNT(*) AS delta
    FROM (SELECT MIN(day) AS first_day FROM sales WHERE ${where} GROUP BY customer_id)
    GROUP BY first_day ORDER BY first_day`;
  const spans = activeDeltasSql(where, info.churnDays);
  const customers = activeAt(await query<DayDelta & Record<string, number>>(firsts.text, firsts.params), ends);
  const active = activeAt(await query<DayDelta & Record<string, number>>(spans.text, spans.params), ends);
  return months.map((m, i) => {
    const known = customers[i] ?? 0;
    return { month: m.month, customers: known, active: active[i] ?? 0, churnRate: known ? 1 - (active[i] ?? 0) / known : 0 };
  });
}

/** Attributes churn can be broken down by: customer_summary columns, plus bands of tenure_months. */
export const CHURN_ATTRIBUTES = [
  "segment", "abc_tier", "region", "country", "city", "gender", "acquisition_channel", "tier", "contract_type", "tenure_band",
] as const;
export type ChurnAttribute = (typeof CHURN_ATTRIBUTES)[number];

/** Tenure bands in months, inclusive: 0–6, 7–12, 13–24, 25–48, 49+. */
export const TENURE_BANDS = ["0–6", "7–12", "13–24", "25–48", "49+"] as const;

/** SQL expression of an attribute's value (trusted text: attributes come from CHURN_ATTRIBUTES only). */
function attributeExpression(attribute: ChurnAttribute): SqlFragment {
  if (!CHURN_ATTRIBUTES.includes(attribute)) throw new Error(`not a churn attribute: ${attribute}`);
  if (attribute !== "tenure_band") return raw(attribute);
  return sql`CASE WHEN tenure_months IS NULL THEN NULL
                  WHEN tenure_months <= 6 THEN ${TENURE_BANDS[0]}
                  WHEN tenure_months <= 12 THEN ${TENURE_BANDS[1]}
                  WHEN tenure_months <= 24 THEN ${TENURE_BANDS[2]}
                  WHEN tenure_months <= 48 THEN ${TENURE_BANDS[3]}
                  ELSE ${TENURE_BANDS[4]} END`;
}

export interface ChurnByRow {
  /** The attribute's value; null for customers without one. */
  value: string | null;
  customers: number;
  churned: number;
  /** churned / customers. */
  rate: number;
}

/**
 * Churn rate per value of an attribute, over customers with a churn flag (buyers for shops,
 * labelled customers for subscription data), highest rate first (ties: more customers
 * first, then by value).
 *
 * Worked example: Month-to-month 3 churned of 5, One year 1 of 4, Two year 1 of 3 →
 * [Month-to-month 0.6, Two year 0.333…, One year 0.25]. tenure_months 8 → "7–12".
 */
export async function loadChurnBy(query: QueryFn, info: DatasetInfo, filters: Filters, attribute: ChurnAttribute): Promise<ChurnByRow[]> {
  void info; // the flag in customer_summary already follows info.contractual and info.churnDays
  const q = sql`
    SELECT ${attributeExpression(attribute)} AS value, COUNT(*) AS customers, TOTAL(churned) AS churned,
           TOTAL(churned) / COUNT(*) AS rate
    FROM customer_summary WHERE churned IS NOT NULL AND ${customerSummaryWhere(filters)}
    GROUP BY 1 ORDER BY rate DESC, customers DESC, value`;
  return query<ChurnByRow & Record<string, unknown>>(q.text, q.params);
}

/**
 * The attributes with at least two distinct values among customers with a churn flag (one
 * value breaks nothing down). Worked example: a telecom export with gender, tenure and
 * Contract gives ["gender", "contract_type", "tenure_band"] (no segment: no orders).
 */
export async function churnAttributes(query: QueryFn): Promise<ChurnAttribute[]> {
  const counts = join(CHURN_ATTRIBUTES.map((a) => sql`COUNT(DISTINCT ${attributeExpression(a)}) AS ${raw(a)}`), ", ");
  const q = sql`SELECT ${counts} FROM customer_summary WHERE churned IS NOT NULL`;
  const [row] = await query<Record<ChurnAttribute, number>>(q.text, q.params);
  return CHURN_ATTRIBUTES.filter((a) => (row?.[a] ?? 0) >= 2);
}

/** One reason a customer is at risk, for the sentence under the i18n key `churn.reasons.<key>`. */
export interface Reason {
  key: "no_purchase_for" | "p_alive" | "spend_down" | "last_nps";
  params: Record<string, number>;
}

export interface AtRiskRow {
  customer_id: string;
  name: string | null;
  segment: string | null;
  recency_days: number;
  /** Mean gap between the customer's purchase days; info.churnDays for one purchase day. */
  usualGapDays: number;
  p_alive: number | null;
  /** 0..1: 1 − p_alive when the CLV model gave it, else min(1, recency_days / (2 × usual gap)). */
  risk: number;
  /** (clv ?? monetary) × risk. */
  valueAtRisk: number;
  reasons: Reason[];
}

export interface AtRiskOptions {
  /** Most rows returned (default 500). */
  limit?: number;
}

/** Days in each of the two spend windows compared by "spend down". */
export const SPEND_WINDOW_DAYS = 90;

/** A scored row as the SQL gives it: the reasons as flags and values, not yet sentences. */
type ScoredRow = Omit<AtRiskRow, "reasons"> & { overdue: number; unlikely_alive: number; spend_drop: number | null; low_nps: number | null };

/**
 * The risk scoring of the active buyers (churned = 0, at least one order) that `where`, a
 * condition on customer_summary, picks: one row per customer with its risk, value at risk
 * and the flags of each reason (see loadAtRisk for the rules). Shared by the at-risk list
 * and a customer's file, so both say the same thing about a customer.
 */
function riskScoresSql(info: DatasetInfo & { asofDay: number }, where: SqlFragment): SqlFragment {
  const asof = info.asofDay;
  const recentFrom = asof - SPEND_WINDOW_DAYS + 1;
  const previousFrom = asof - 2 * SPEND_WINDOW_DAYS + 1;
  return sql`
    WITH c AS (
           SELECT customer_id, name, segment, recency_days, p_alive, COALESCE(clv, monetary) AS value
           FROM customer_summary WHERE churned = 0 AND frequency >= 1 AND ${where}),
         days AS (SELECT DISTINCT customer_id, day FROM sales WHERE customer_id IN (SELECT customer_id FROM c)),
         gaps AS (
           SELECT customer_id,
                  CASE WHEN COUNT(*) > 1 THEN (MAX(day) - MIN(day)) * 1.0 / (COUNT(*) - 1) ELSE ${info.churnDays} END AS usual
           FROM days GROUP BY customer_id),
         spend AS (
           SELECT customer_id,
                  TOTAL(CASE WHEN day >= ${recentFrom} THEN amount END) AS recent,
                  TOTAL(CASE WHEN day < ${recentFrom} THEN amount END) AS previous
           FROM sales WHERE day BETWEEN ${previousFrom} AND ${asof} AND customer_id IN (SELECT customer_id FROM c)
           GROUP BY customer_id),
         nps AS (
           SELECT customer_id, nps_score AS score FROM (
             SELECT customer_id, nps_score,
                    ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY day DESC, rowid DESC) AS nth
             FROM feedback WHERE nps_score IS NOT NULL AND day <= ${asof} AND customer_id IN (SELECT customer_id FROM c))
           WHERE nth = 1),
         scored AS (
           SELECT c.customer_id, c.name, c.segment, c.recency_days, c.p_alive, c.value, g.usual AS usualGapDays,
                  CASE WHEN c.p_alive IS NOT NULL THEN 1 - c.p_alive
                       ELSE MIN(1.0, c.recency_days / (2.0 * g.usual)) END AS risk,
                  c.recency_days > 1.5 * g.usual AS overdue,
                  COALESCE(c.p_alive < 0.5, 0) AS unlikely_alive,
                  CASE WHEN s.previous > 0 AND s.recent <= 0.5 * s.previous THEN 1 - s.recent / s.previous END AS spend_drop,
                  CASE WHEN n.score <= 6 THEN n.score END AS low_nps
           FROM c JOIN gaps g USING (customer_id)
                  LEFT JOIN spend s USING (customer_id) LEFT JOIN nps n USING (customer_id))
    SELECT customer_id, name, segment, recency_days, p_alive, usualGapDays, risk, value * risk AS valueAtRisk,
           overdue, unlikely_alive, spend_drop, low_nps
    FROM scored`;
}

/** The reasons of a scored row, in a fixed order, as i18n keys with their numbers. */
function withReasons({ overdue, unlikely_alive, spend_drop, low_nps, ...row }: ScoredRow): AtRiskRow {
  const reasons: Reason[] = [];
  if (overdue) reasons.push({ key: "no_purchase_for", params: { days: row.recency_days, usual: Math.round(row.usualGapDays) } });
  if (unlikely_alive && row.p_alive !== null) reasons.push({ key: "p_alive", params: { value: Math.round(row.p_alive * 100) / 100 } });
  if (spend_drop !== null) reasons.push({ key: "spend_down", params: { percent: Math.round(spend_drop * 100) } });
  if (low_nps !== null) reasons.push({ key: "last_nps", params: { score: low_nps } });
  return { ...row, reasons };
}

const hasAsof = (info: DatasetInfo): info is DatasetInfo & { asofDay: number } => info.asofDay !== null;

/**
 * Active customers (churned = 0, at least one order) ranked by value at risk, with the
 * reasons they are at risk; only customers with at least one reason, at most `limit`.
 *
 *   value at risk = (clv ?? monetary) × risk
 *   risk = 1 − p_alive                                   when the CLV model gave p_alive
 *        = min(1, recency_days / (2 × usual gap))        otherwise
 *   usual gap = (last − first purchase day) / (purchase days − 1), or N for one purchase day
 *
 * Reasons: "no_purchase_for" {days, usual} when recency_days > 1.5 × usual gap; "p_alive"
 * {value} when p_alive < 0.5; "spend_down" {percent} when spend in the last 90 days (asof − 89
 * … asof) is at least 50 % below the 90 days before (asof − 179 … asof − 90), which must
 * be positive; "last_nps" {score} when the latest feedback with an NPS score is ≤ 6.
 *
 * Worked example: purchase days 03-01, 03-22, 04-12, 05-03 (100 each), asof 06-30 →
 * recency 59, usual gap 21 → risk min(1, 59 / 42) = 1, value at risk 400, reason
 * { key: "no_purchase_for", params: { days: 59, usual: 21 } }.
 */
export async function loadAtRisk(query: QueryFn, info: DatasetInfo, filters: Filters, options: AtRiskOptions = {}): Promise<AtRiskRow[]> {
  if (!hasAsof(info)) return [];
  const limit = Math.max(0, Math.floor(options.limit ?? 500));
  const q = sql`
    SELECT * FROM (${riskScoresSql(info, customerSummaryWhere(filters))})
    WHERE overdue OR unlikely_alive OR spend_drop IS NOT NULL OR low_nps IS NOT NULL
    ORDER BY valueAtRisk DESC, customer_id
    LIMIT ${limit}`;
  const rows = await query<ScoredRow & Record<string, unknown>>(q.text, q.params);
  return rows.map(withReasons);
}

/**
 * One customer's risk, scored as the at-risk list scores it (reasons may be empty: a
 * customer with no warning sign); null when the customer is not an active buyer (a
 * contact, or churned already).
 */
export async function loadCustomerRisk(query: QueryFn, info: DatasetInfo, customerId: string): Promise<AtRiskRow | null> {
  if (!hasAsof(info)) return null;
  const q = riskScoresSql(info, sql`customer_id = ${customerId}`);
  const [row] = await query<ScoredRow & Record<string, unknown>>(q.text, q.params);
  return row ? withReasons(row) : null;
}
