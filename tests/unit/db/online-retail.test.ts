/**
 * customer_summary's recency, frequency and monetary against the published RFM output for
 * all 4,338 customers of the UCI Online Retail extract (../shared/data/online-retail-rfm).
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { DEFAULT_SETTINGS, diskFile, newEngine } from "../../helpers/engine.ts";

const DATA = "../shared/data/online-retail-rfm";
const present = existsSync(`${DATA}/online_retail.csv`);
if (!present) console.warn(`SKIPPED: ${DATA} is absent, so customer_summary is not checked against the published RFM values.`);

describe.skipIf(!present)("online retail RFM reference", () => {
  it("reproduces recency, frequency and monetary for every customer", async () => {
    const engine = await newEngine();
    const { errors, info } = await engine.load([diskFile(`${DATA}/online_retail.csv`)], false, DEFAULT_SETTINGS);
    expect(errors).toEqual([]);
    expect(info.asof).toBe("2011-12-09");

    const published = Papa.parse<Record<string, string>>(readFileSync(`${DATA}/rfm_segments.csv`, "utf8"), { header: true, skipEmptyLines: true }).data;
    expect(published).toHaveLength(4338);

    const ours = new Map(
      engine
        .query("SELECT customer_id, recency_days, frequency, monetary FROM customer_summary")
        .rows.map((r) => [String(r.customer_id), r]),
    );
    expect(ours.size).toBe(4338);
    const mismatches = published.filter((p) => {
      const row = ours.get(p.CustomerID as string);
      return (
        !row ||
        row.recency_days !== Number(p.Recency) ||
        row.frequency !== Number(p.Frequency) ||
        Math.abs(Number(row.monetary) - Number(p.Monetary)) > 0.005
      );
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
