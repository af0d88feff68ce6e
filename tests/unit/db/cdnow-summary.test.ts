/**
 * The CLV models' per-customer summary built from the CDNOW transactions with analysis date
 * 1997-09-30 and unit week equals the published summary files (rounded to 2 decimals).
 */
import { existsSync, readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, diskFile, newEngine } from "../../helpers/engine.ts";

const DATA = "../shared/data/cdnow";
const present = existsSync(`${DATA}/cdnow_sample_transactions.csv`);
if (!present) console.warn(`SKIPPED: ${DATA} is absent, so the CLV summary is not checked against the CDNOW files.`);

describe.skipIf(!present)("CDNOW summary from transactions", () => {
  it("gives x, t_x, T and zbar of all 2,357 customers within 0.0051", async () => {
    const engine = await newEngine();
    const { errors } = await engine.load([diskFile(`${DATA}/cdnow_sample_transactions.csv`)], false, { ...DEFAULT_SETTINGS, asof: "1997-09-30", unit: "week" });
    expect(errors).toEqual([]);
    const published = Papa.parse<Record<string, string>>(readFileSync(`${DATA}/cdnow_customers_summary_with_transactions.csv`, "utf8"), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(published).toHaveLength(2357);
    const inputs = new Map(engine.query("SELECT customer_id, x, t_x, T, m FROM clv_inputs").rows.map((c) => [String(c.customer_id), c]));
    expect(inputs.size).toBe(2357);
    const off = published.filter((p) => {
      const c = inputs.get(p.ID as string);
      return (
        !c ||
        c.x !== Number(p.x) ||
        Math.abs(Number(c.t_x) - Number(p.t_x)) > 0.0051 ||
        Math.abs(Number(c.T) - Number(p.T)) > 0.0051 ||
        Math.abs(Number(c.m) - Number(p.zbar)) > 0.0051
      );
    });
    expect(off.slice(0, 3)).toEqual([]);
  });
});
