/**
 * Active customers at many moments from one pass. A customer is active at day T when they
 * bought on some day p with T − N ≤ p ≤ T, i.e. T lies in [p, p + N + 1). Cutting each
 * such span at the customer's next purchase makes a customer's spans disjoint, so the
 * number active at T is the running sum of +1 at each span's start and −1 at its end.
 *
 * Worked example (N = 10): purchases on days 0 and 5 → spans [0, 5) and [5, 16):
 * deltas {0: +1, 5: +1 −1, 16: −1} → active on day 15 = 1, on day 16 = 0.
 */
import { sql, type SqlFragment } from "./sql.ts";

export interface DayDelta {
  day: number;
  delta: number;
}

/**
 * SQL for the per-day deltas (ascending by day) of the active count over the `sales` rows
 * matching `where` (a customerSalesWhere, so the window walks the customer-day index): +1
 * where a purchase's span starts, −1 where it stops (at the customer's next purchase, or
 * churnDays + 1 days later). Two orders on one day need no DISTINCT: the first one's span
 * stops where it starts, so its +1 and −1 cancel.
 */
export function activeDeltasSql(where: SqlFragment, churnDays: number): SqlFragment {
  const spanEnd = churnDays + 1;
  return sql`
    WITH spans AS (
           SELECT day, MIN(COALESCE(LEAD(day) OVER (PARTITION BY customer_id ORDER BY day), day + ${spanEnd}), day + ${spanEnd}) AS stop
           FROM sales WHERE ${where})
    SELECT day, SUM(delta) AS delta FROM (SELECT day, 1 AS delta FROM spans UNION ALL SELECT stop, -1 FROM spans)
    GROUP BY day ORDER BY day`;
}

/** Number active at each of `days` (ascending), from the per-day deltas (ascending by day). */
export function activeAt(deltas: readonly DayDelta[], days: readonly number[]): number[] {
  const counts: number[] = [];
  let running = 0;
  let next = 0;
  for (const day of days) {
    while (next < deltas.length && (deltas[next] as DayDelta).day <= day) running += (deltas[next++] as DayDelta).delta;
    counts.push(running);
  }
  return counts;
}

/** The last day of each calendar month from the month of `from` to the month of `to` (epoch days, UTC). */
export function monthEnds(from: number, to: number): { month: string; end: number }[] {
  const start = new Date(from * 86_400_000);
  const result: { month: string; end: number }[] = [];
  for (let y = start.getUTCFullYear(), m = start.getUTCMonth(); ; m++) {
    const firstOfMonth = Date.UTC(y, m, 1);
    if (firstOfMonth / 86_400_000 > to) break;
    const end = Date.UTC(y, m + 1, 1) / 86_400_000 - 1;
    result.push({ month: new Date(firstOfMonth).toISOString().slice(0, 10), end: Math.min(end, to) });
  }
  return result;
}
