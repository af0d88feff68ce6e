/**
 * Per-customer model outputs written back into customer_summary: RFM scores and segment
 * (models/rfm.ts) and the ABC tier for every buyer. Scores are computed in TypeScript on one column read and
 * written back through a temporary table, one UPDATE … FROM for all customers.
 */
import type { Database } from "sql.js";
import { scoreRfm } from "../models/rfm.ts";
import { BulkInserter } from "./bulk-insert.ts";

export function scoreRfmSegments(db: Database): void {
  const buyers = db.exec("SELECT customer_id, recency_days, frequency, monetary FROM customer_summary WHERE frequency > 0")[0];
  if (!buyers) return;
  const scores = scoreRfm(
    buyers.values.map(([, recency, frequency, monetary]) => ({
      recencyDays: Number(recency),
      frequency: Number(frequency),
      monetary: Number(monetary),
    })),
  );
  db.run("DROP TABLE IF EXISTS temp._rfm");
  db.run("CREATE TEMP TABLE _rfm (customer_id TEXT PRIMARY KEY, r INTEGER, f INTEGER, m INTEGER, segment TEXT)");
  const inserter = new BulkInserter(db, "_rfm", ["customer_id", "r", "f", "m", "segment"]);
  buyers.values.forEach(([id], i) => {
    const s = scores[i];
    if (s) inserter.add([id as string, s.r, s.f, s.m, s.segment]);
  });
  inserter.finish();
  db.run(
    `UPDATE customer_summary SET r_score = s.r, f_score = s.f, m_score = s.m, segment = s.segment
     FROM _rfm AS s WHERE s.customer_id = customer_summary.customer_id`,
  );
  db.run("DROP TABLE temp._rfm");
}

/**
 * ABC tiers (Pareto): buyers sorted by revenue, highest first; A = the customers making the
 * first 80 % of revenue (a customer is A when the revenue of everyone before them is still
 * under 80 %, so the one who crosses the line is A), B = the next 15 %, C = the rest.
 * Worked example: revenues 50, 30, 10, 6, 4 (total 100) → before: 0, 50, 80, 90, 96 →
 * A, A, B, B, C.
 */
export function assignAbcTiers(db: Database): void {
  db.run(
    `UPDATE customer_summary SET abc_tier = t.tier FROM (
       SELECT customer_id,
              CASE WHEN before < 0.80 * total THEN 'A' WHEN before < 0.95 * total THEN 'B' ELSE 'C' END AS tier
       FROM (SELECT customer_id,
                    COALESCE(SUM(monetary) OVER (ORDER BY monetary DESC, customer_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
                    SUM(monetary) OVER () AS total
             FROM customer_summary WHERE frequency > 0)) AS t
     WHERE t.customer_id = customer_summary.customer_id`,
  );
}
