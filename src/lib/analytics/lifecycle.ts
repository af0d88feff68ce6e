/**
 * Lifecycle page queries (PRODUCT.md, "Lifecycle" and "Exact definitions"): the stage
 * funnel, the new / returning / resurrecting / dormant chart per month or ISO week, and
 * monthly cohort retention. All dates are integer epoch days; periods are numbered in SQL
 * (month index = year × 12 + month − 1, stored as sales.month at derive time; ISO week
 * index = ⌊(day + 3) / 7⌋, since epoch day 0 was a Thursday) and turned back into ISO start
 * dates here.
 */
import type { DatasetInfo } from "../db/protocol.ts";
import { customerCondition, customerSalesWhere, customerSummaryWhere } from "./filter-sql.ts";
import type { Filters, QueryFn } from "./filters.ts";
import { BEGINNING, isoToDay } from "./period.ts";
import { raw, sql, type SqlFragment } from "./sql.ts";

export const LIFECYCLE_STAGES = ["contact", "acquired", "developing", "retained", "churned"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export type StageCounts = Record<LifecycleStage, number>;

export interface LifecycleThresholds {
  /** Distinct calendar quarters with an order that make a customer retained (default 3). */
  retainedQuarters: number;
  /** Orders that make a customer developing (default 2). */
  developingOrders: number;
  /** Days without an order, counted back from asof, after which a buyer is churned. */
  churnDays: number;
}

export interface LifecycleFunnel {
  /** Customers who ever reached each stage. */
  reached: StageCounts;
  /** Customers in each stage now (sums to the number of known customers). */
  current: StageCounts;
}

/** The month index column of `sales` (derive.ts); read through the (customer_id, month, day) index. */
const MONTH_OF_SALE = raw("month");
/** `day` as an SQL expression of an ISO week index; the offset keeps the division on non-negative numbers. */
const WEEK_OF_DAY = raw(`((day + 3 + 7000000) / 7 - 1000000)`);
const QUARTER_OF_SALE = raw("(month / 3)");

const isoOfDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
const monthOfDay = (day: number): number => {
  const d = new Date(day * 86_400_000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const weekOfDay = (day: number): number => Math.floor((day + 3) / 7);
/** First day (epoch day) of a month index. */
const monthStart = (month: number): number => Date.UTC(Math.floor(month / 12), month % 12, 1) / 86_400_000;
/** Monday (epoch day) of an ISO week index. */
const weekStart = (week: number): number => week * 7 - 3;
const monthLabel = (month: number): string => isoOfDay(monthStart(month)).slice(0, 7);

const zeroCounts = (): StageCounts => ({ contact: 0, acquired: 0, developing: 0, retained: 0, churned: 0 });

/**
 * Customers per lifecycle stage now and ever reached, over the known customers that pass
 * the attribute filters (the date range does not apply: a stage is a state as of asof).
 * Stages now (first rule that holds): contact = no order; churned = last order more than
 * churnDays before asof; retained = orders in ≥ retainedQuarters calendar quarters;
 * developing = ≥ developingOrders orders; acquired = 1 order. Reached: contact = every
 * known customer, acquired = every buyer, developing = buyers with ≥ developingOrders
 * orders, retained = buyers with orders in ≥ retainedQuarters quarters, churned = churned now.
 *
 * Worked example (asof 2024-06-30, churnDays 60): lead L (no order); X orders on 2024-01-10,
 * 2024-04-10 and 2024-06-01 (3 orders, quarters Q1 Q2 → developing; 3 quarters needed);
 * Y on 2024-01-05 and 2024-02-01 (last order 150 days before asof → churned); Z on
 * 2024-06-20 (acquired). current = { contact 1, acquired 1, developing 1, retained 0,
 * churned 1 }; reached = { contact 4, acquired 3, developing 2, retained 0, churned 1 }.
 */
export async function loadLifecycleFunnel(
  query: QueryFn,
  info: DatasetInfo,
  filters: Filters,
  thresholds: LifecycleThresholds = { retainedQuarters: 3, developingOrders: 2, churnDays: info.churnDays },
): Promise<LifecycleFunnel> {
  const asof = info.asofDay ?? 0;
  // Customers known only from a loaded summary have orders but no sales rows: their
  // quarters are unknown (0), so they can be developing at most.
  const q = sql`
    WITH quarters AS (
           SELECT customer_id, COUNT(DISTINCT ${QUARTER_OF_SALE}) AS quarters
           FROM sales WHERE ${customerCondition(filters)} GROUP BY customer_id),
         c AS (
           SELECT cs.frequency AS orders, cs.last_day, COALESCE(quarters.quarters, 0) AS quarters
           FROM customer_summary cs LEFT JOIN quarters USING (customer_id)
           WHERE ${customerSummaryWhere(filters)}),
         staged AS (
           SELECT orders, quarters,
                  CASE WHEN orders = 0 OR last_day IS NULL THEN 'contact'
                       WHEN ${asof} - last_day > ${thresholds.churnDays} THEN 'churned'
                       WHEN quarters >= ${thresholds.retainedQuarters} THEN 'retained'
                       WHEN orders >= ${thresholds.developingOrders} THEN 'developing'
                       ELSE 'acquired' END AS stage
           FROM c)
    SELECT COUNT(*) AS reached_contact,
           TOTAL(stage <> 'contact') AS reached_acquired,
           TOTAL(stage <> 'contact' AND orders >= ${thresholds.developingOrders}) AS reached_developing,
           TOTAL(stage <> 'contact' AND quarters >= ${thresholds.retainedQuarters}) AS reached_retained,
           TOTAL(stage = 'contact') AS contact, TOTAL(stage = 'acquired') AS acquired,
           TOTAL(stage = 'developing') AS developing, TOTAL(stage = 'retained') AS retained,
           TOTAL(stage = 'churned') AS churned
    FROM staged`;
  const [row] = await query<Record<string, number>>(q.text, q.params);
  if (!row) return { reached: zeroCounts(), current: zeroCounts() };
  const current: StageCounts = {
    contact: row.contact ?? 0,
    acquired: row.acquired ?? 0,
    developing: row.developing ?? 0,
    retained: row.retained ?? 0,
    churned: row.churned ?? 0,
  };
  return {
    reached: {
      contact: row.reached_contact ?? 0,
      acquired: row.reached_acquired ?? 0,
      developing: row.reached_developing ?? 0,
      retained: row.reached_retained ?? 0,
      churned: current.churned,
    },
    current,
  };
}

export type LifecycleGrain = "month" | "week";

export interface LifecyclePeriod {
  /** ISO date of the period's first day (the 1st of the month, or the Monday of the ISO week). */
  period: string;
  new: number;
  returning: number;
  resurrecting: number;
  /** Customers who bought in the previous period and not in this one, as a negative number. */
  dormant: number;
}

/** Orders over all history up to asof that pass the attribute and channel filters. */
function historyWhere(info: DatasetInfo, filters: Filters): SqlFragment {
  return customerSalesWhere(filters, { from: BEGINNING, to: info.asofDay ?? 0 });
}

/** Inclusive epoch-day bounds of the periods to show: the filter's range cut at asof. */
function shownRange(info: DatasetInfo, filters: Filters): { from: number; to: number } {
  const asof = info.asofDay ?? 0;
  return { from: isoToDay(filters.from) ?? BEGINNING, to: Math.min(isoToDay(filters.to) ?? asof, asof) };
}

/**
 * PostHog's lifecycle per month or ISO week (weeks start on Monday), over the buyers and
 * orders that pass the filters: new = first purchase ever in the period; returning = bought
 * in this and the previous period; resurrecting = bought now, not in the previous period,
 * but before; dormant = bought in the previous period, not in this one (negative). Periods
 * run from the first purchase to asof; the date range only chooses which periods are shown
 * (every period overlapping it), while classification always looks at the whole history.
 *
 * Worked example (months, asof 2024-04-15): X buys in Jan, Feb and Apr; Y in Feb only.
 * Jan: new 1 (X). Feb: returning 1 (X), new 1 (Y). Mar: dormant −2 (X, Y).
 * Apr: resurrecting 1 (X). →
 * [{ period: "2024-01-01", new 1, returning 0, resurrecting 0, dormant 0 },
 *  { period: "2024-02-01", new 1, returning 1, resurrecting 0, dormant 0 },
 *  { period: "2024-03-01", new 0, returning 0, resurrecting 0, dormant −2 },
 *  { period: "2024-04-01", new 0, returning 0, resurrecting 1, dormant 0 }]
 */
export async function loadLifecyclePeriods(query: QueryFn, info: DatasetInfo, filters: Filters, grain: LifecycleGrain): Promise<LifecyclePeriod[]> {
  if (info.asofDay === null) return [];
  const periodOf = grain === "month" ? MONTH_OF_SALE : WEEK_OF_DAY;
  // Per period: buyers, new buyers and returning buyers (one LAG pass). The rest follows:
  // resurrecting = active − new − returning; dormant(p) = active(p − 1) − returning(p).
  const q = sql`
    WITH act AS (SELECT DISTINCT customer_id, ${periodOf} AS p FROM sales WHERE ${historyWhere(info, filters)}),
         seq AS (SELECT p, LAG(p) OVER (PARTITION BY customer_id ORDER BY p) AS prev FROM act)
    SELECT p, COUNT(*) AS active, TOTAL(prev IS NULL) AS "new", TOTAL(prev = p - 1) AS "returning"
    FROM seq GROUP BY p ORDER BY p`;
  const rows = await query<{ p: number; active: number; new: number; returning: number }>(q.text, q.params);
  const first = rows[0];
  if (!first) return [];
  const byPeriod = new Map(rows.map((r) => [r.p, r]));
  const toIndex = grain === "month" ? monthOfDay : weekOfDay;
  const startOf = grain === "month" ? monthStart : weekStart;
  const range = shownRange(info, filters);
  const out: LifecyclePeriod[] = [];
  for (let p = first.p; p <= toIndex(info.asofDay); p++) {
    const start = startOf(p);
    const end = startOf(p + 1) - 1;
    if (end < range.from || start > range.to) continue;
    const r = byPeriod.get(p);
    const returning = r?.returning ?? 0;
    out.push({
      period: isoOfDay(start),
      new: r?.new ?? 0,
      returning,
      resurrecting: (r?.active ?? 0) - (r?.new ?? 0) - returning,
      dormant: returning - (byPeriod.get(p - 1)?.active ?? 0), // 0 - 0 is +0, not -0
    });
  }
  return out;
}

export interface CohortRow {
  /** First-purchase month, "YYYY-MM". */
  cohort: string;
  /** Customers whose first purchase fell in that month. */
  size: number;
  /** on[k]: share of the cohort buying in calendar month k after the cohort month (on[0] = 1). */
  on: number[];
  /** onOrAfter[k]: share of the cohort buying in month k or any later month up to asof. */
  onOrAfter: number[];
  /** revenue[k]: the cohort's revenue in month k over its month-0 revenue (0 when month 0 had none). */
  revenue: number[];
}

export interface CohortRetention {
  /** Oldest cohort first; each row runs to the month of asof. */
  cohorts: CohortRow[];
  /** Average over the cohorts that have reached month k, weighted by cohort size. */
  average: { on: number[]; onOrAfter: number[] };
}

/**
 * Monthly cohort retention over the buyers and orders that pass the filters: cohorts by
 * first-purchase calendar month, month k = k calendar months after it, up to the month of
 * asof. The date range chooses which cohorts are shown (cohort months overlapping it); the
 * average is over the shown cohorts.
 *
 * Worked example (asof 2024-03-20): cohort 2024-01 = X (Jan 100, Feb 50), Y (Jan 100,
 * Mar 20); cohort 2024-02 = Z (Feb 40, Mar 10), W (Feb 60).
 * 2024-01: size 2, on [1, 0.5, 0.5], onOrAfter [1, 1, 0.5], revenue [1, 0.25, 0.1].
 * 2024-02: size 2, on [1, 0.5], onOrAfter [1, 0.5], revenue [1, 0.1].
 * 2024-03: no cohort. average.on = [1, (1 + 1) / 4 = 0.5, 0.5] (month 2: only 2024-01),
 * average.onOrAfter = [1, (2 + 1) / 4 = 0.75, 0.5].
 */
export async function loadCohortRetention(query: QueryFn, info: DatasetInfo, filters: Filters): Promise<CohortRetention> {
  const empty: CohortRetention = { cohorts: [], average: { on: [], onOrAfter: [] } };
  if (info.asofDay === null) return empty;
  const q = sql`
    WITH act AS (
           SELECT customer_id, ${MONTH_OF_SALE} AS m, TOTAL(amount) AS revenue
           FROM sales WHERE ${historyWhere(info, filters)} GROUP BY 1, 2),
         per AS (SELECT m, MIN(m) OVER (PARTITION BY customer_id) AS c, revenue FROM act)
    SELECT c, m - c AS k, COUNT(*) AS buyers, TOTAL(revenue) AS revenue
    FROM per GROUP BY c, k ORDER BY c, k`;
  // "On or after" month k: the customers whose last month of purchase is k or later.
  const lastQ = sql`
    SELECT MIN(${MONTH_OF_SALE}) AS c, MAX(${MONTH_OF_SALE}) - MIN(${MONTH_OF_SALE}) AS last_k
    FROM sales WHERE ${historyWhere(info, filters)} GROUP BY customer_id`;
  const cells = await query<{ c: number; k: number; buyers: number; revenue: number }>(q.text, q.params);
  const lasts = await query<{ c: number; last_k: number }>(lastQ.text, lastQ.params);
  if (cells.length === 0) return empty;
  const asofMonth = monthOfDay(info.asofDay);
  const range = shownRange(info, filters);
  const cohortMonths = [...new Set(cells.map((r) => r.c))].filter((c) => monthStart(c + 1) - 1 >= range.from && monthStart(c) <= range.to);
  const cohorts: CohortRow[] = cohortMonths.map((c) => {
    const months = asofMonth - c + 1;
    const buyers = new Array<number>(months).fill(0);
    const revenue = new Array<number>(months).fill(0);
    for (const cell of cells) {
      if (cell.c === c && cell.k < months) {
        buyers[cell.k] = cell.buyers;
        revenue[cell.k] = cell.revenue;
      }
    }
    const reachedOrLater = new Array<number>(months).fill(0);
    for (const l of lasts) {
      if (l.c !== c) continue;
      for (let k = 0; k <= Math.min(l.last_k, months - 1); k++) reachedOrLater[k] = (reachedOrLater[k] ?? 0) + 1;
    }
    const size = buyers[0] ?? 0;
    const base = revenue[0] ?? 0;
    return {
      cohort: monthLabel(c),
      size,
      on: buyers.map((b) => (size ? b / size : 0)),
      onOrAfter: reachedOrLater.map((b) => (size ? b / size : 0)),
      revenue: revenue.map((r) => (base ? r / base : 0)),
    };
  });
  const longest = Math.max(0, ...cohorts.map((c) => c.on.length));
  const weighted = (pick: (c: CohortRow) => number[]): number[] =>
    Array.from({ length: longest }, (_, k) => {
      const reached = cohorts.filter((c) => c.on.length > k);
      const total = reached.reduce((sum, c) => sum + c.size, 0);
      return total ? reached.reduce((sum, c) => sum + (pick(c)[k] ?? 0) * c.size, 0) / total : 0;
    });
  return { cohorts, average: { on: weighted((c) => c.on), onOrAfter: weighted((c) => c.onOrAfter) } };
}
