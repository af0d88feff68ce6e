/**
 * The RFM score rules with this data's numbers (teaching mode): for each score 1–5 of R, F
 * and M, the range of recency days, orders and spend its customers have. Scores are ranks
 * cut into five equal bins (PRODUCT.md), so the ranges follow from the data: on one shop
 * R 5 may be "1–23 days", on another "1–4 days". Over every scored customer, as the scores are.
 *
 *   loadRfmRanges(query) → { r: [{ score: 5, min: 1, max: 23, customers: 380 }, …], f: […], m: […] }
 */
import type { QueryFn } from "./filters.ts";
import { raw, sql, type SqlFragment } from "./sql.ts";

export type RfmDimension = "r" | "f" | "m";

export interface ScoreRange {
  score: number;
  min: number;
  max: number;
  customers: number;
}

export type RfmRanges = Record<RfmDimension, ScoreRange[]>;

/** The customer_summary column each score is a bin of. */
const MEASURE: Record<RfmDimension, string> = { r: "recency_days", f: "frequency", m: "monetary" };

/** (dim, score, min, max, customers), scores from 5 down. */
export function rfmRangesSql(): SqlFragment {
  const parts = (Object.keys(MEASURE) as RfmDimension[]).map(
    (dim) => sql`SELECT ${dim} AS dim, ${raw(`${dim}_score`)} AS score, MIN(${raw(MEASURE[dim])}) AS min, MAX(${raw(MEASURE[dim])}) AS max, COUNT(*) AS customers
       FROM customer_summary WHERE ${raw(`${dim}_score`)} IS NOT NULL GROUP BY 2`,
  );
  return sql`SELECT * FROM (${parts[0] as SqlFragment} UNION ALL ${parts[1] as SqlFragment} UNION ALL ${parts[2] as SqlFragment}) ORDER BY dim, score DESC`;
}

export async function loadRfmRanges(query: QueryFn): Promise<RfmRanges> {
  const fragment = rfmRangesSql();
  const rows = await query<ScoreRange & { dim: RfmDimension } & Record<string, unknown>>(fragment.text, fragment.params);
  const ranges: RfmRanges = { r: [], f: [], m: [] };
  for (const { dim, ...range } of rows) ranges[dim].push(range);
  return ranges;
}
