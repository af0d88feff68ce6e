/**
 * Satisfaction and behaviour (issue 5): do promoters buy again more often than detractors,
 * and do customers whose last answer was a detractor's churn more? Responses are grouped
 * as in satisfaction.ts (groupedFeedback: NPS groups, or CSAT groups when the data has no
 * NPS) over the KPI period and the customer filters.
 */
import type { Filters, QueryFn } from "./filters.ts";
import { NPS_GROUPS, groupedFeedback, type AnalysisDates, type NpsGroup } from "./satisfaction.ts";
import { sql } from "./sql.ts";

export interface RepurchaseRow {
  group: NpsGroup;
  /** Responses by customers with orders whose whole window lies before the analysis date. */
  responses: number;
  /** Of those, responses followed by a purchase within the window. */
  repurchased: number;
  /** repurchased / responses; null without responses. */
  rate: number | null;
}

export interface ChurnByNpsRow {
  group: NpsGroup;
  /** Customers with a churn flag whose last response fell in this group. */
  customers: number;
  churned: number;
  /** churned / customers; null without customers. */
  rate: number | null;
}

interface GroupCounts {
  grp: NpsGroup;
  total: number;
  hits: number;
}

/** One row per group, in NPS_GROUPS order, groups without rows included with zeros. */
function perGroup<T>(rows: readonly GroupCounts[], make: (group: NpsGroup, total: number, hits: number) => T): T[] {
  return NPS_GROUPS.map((group) => {
    const row = rows.find((r) => r.grp === group);
    return make(group, row?.total ?? 0, row?.hits ?? 0);
  });
}

/**
 * Per group, the share of responses followed by a purchase in the `days` days after the
 * response day (day + 1 … day + days, inclusive), over responses by customers who have
 * orders. A response less than `days` days before the analysis date has not had its whole
 * window yet, so it is left out (counting it would make recent answers look disloyal).
 *
 * Worked example (days 90, asof 2024-06-30, so responses up to 2024-04-01 count): A, a
 * promoter on 01-05, buys on 02-10 → repurchased; B, a promoter on 01-20, never buys again
 * → not; F, a passive on 03-15, buys on 06-13 (day + 90, the window's last day) → repurchased;
 * E, a detractor without orders → left out → promoters 1 / 2, passives 1 / 1.
 */
export async function loadRepurchaseAfterFeedback(query: QueryFn, info: AnalysisDates, filters: Filters, days = 90): Promise<RepurchaseRow[]> {
  const asof = info.asofDay ?? 0;
  const q = sql`
    WITH ${groupedFeedback(info, filters)}
    SELECT grp, COUNT(*) AS total,
           TOTAL(EXISTS (SELECT 1 FROM sales s WHERE s.customer_id = g.customer_id AND s.day > g.day AND s.day <= g.day + ${days})) AS hits
    FROM grouped g
    WHERE grp IS NOT NULL AND g.day + ${days} <= ${asof} AND g.customer_id IN (SELECT customer_id FROM sales)
    GROUP BY grp`;
  const rows = await query<GroupCounts & Record<string, unknown>>(q.text, q.params);
  return perGroup(rows, (group, responses, repurchased) => ({ group, responses, repurchased, rate: responses ? repurchased / responses : null }));
}

/**
 * Churn rate (customer_summary.churned, the churn definition in force) per group of each
 * customer's last response in scope (the latest day; the later row of the file on a tie),
 * over customers with a churn flag.
 *
 * Worked example: A answered 10 in January and 6 in June → a detractor; still buying →
 * not churned. B's last answer 9 and no purchase for longer than the window → a churned
 * promoter. E, a detractor without orders, has no churn flag and is left out.
 */
export async function loadChurnByLastNps(query: QueryFn, info: AnalysisDates, filters: Filters): Promise<ChurnByNpsRow[]> {
  const q = sql`
    WITH ${groupedFeedback(info, filters)},
         latest AS (
           SELECT customer_id, grp FROM (
             SELECT customer_id, grp, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY day DESC, rid DESC) AS nth
             FROM grouped WHERE grp IS NOT NULL AND customer_id IS NOT NULL)
           WHERE nth = 1)
    SELECT latest.grp, COUNT(*) AS total, TOTAL(cs.churned) AS hits
    FROM latest JOIN customer_summary cs USING (customer_id)
    WHERE cs.churned IS NOT NULL GROUP BY latest.grp`;
  const rows = await query<GroupCounts & Record<string, unknown>>(q.text, q.params);
  return perGroup(rows, (group, customers, churned) => ({ group, customers, churned, rate: customers ? churned / customers : null }));
}
