/**
 * Per-customer model outputs written back into customer_summary: RFM scores and segment
 * (models/rfm.ts) for every buyer. Scores are computed in TypeScript on one column read and
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
