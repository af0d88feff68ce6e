/**
 * customer_summary's recency, frequency and monetary against the published RFM output for
 * all 4,338 customers of the UCI Online Retail extract (../shared/data/online-retail-rfm).
 */
import { existsSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../src/lib/db/engine.ts";
import Papa from "papaparse";
import { DEFAULT_SETTINGS, diskFile, newEngine } from "../../helpers/engine.ts";

const DATA = "../shared/data/online-retail-rfm";
const present = existsSync(`${DATA}/online_retail.csv`);
if (!present) console.warn(`SKIPPED: ${DATA} is absent, so customer_summary is not checked against the published RFM values.`);

const readCsv = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, "utf8"), { header: true, skipEmptyLines: true }).data;

describe.skipIf(!present)("online retail RFM reference", () => {
  let engine: Engine;
  let published: Record<string, string>[];

  beforeAll(async () => {
    engine = await newEngine();
    const { errors, info } = await engine.load([diskFile(`${DATA}/online_retail.csv`)], false, DEFAULT_SETTINGS);
    expect(errors).toEqual([]);
    expect(info.asof).toBe("2011-12-09");
    published = readCsv(`${DATA}/rfm_segments.csv`);
    expect(published).toHaveLength(4338);
  });

  it("reproduces recency, frequency and monetary for every customer", () => {
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

  it("reproduces the R, F, M scores and the segment of every customer", () => {
    const ours = new Map(
      engine.query("SELECT customer_id, r_score, f_score, m_score, segment FROM customer_summary").rows.map((r) => [String(r.customer_id), r]),
    );
    const mismatches = published.filter((p) => {
      const row = ours.get(p.CustomerID as string);
      return !row || row.r_score !== Number(p.RScore) || row.f_score !== Number(p.FScore) || row.m_score !== Number(p.MScore) || row.segment !== p.Segment;
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it("reproduces the customers and revenue of every segment", () => {
    const expected = readCsv(`${DATA}/segment_data.csv`).map((s) => [s.Segment, Number(s.CustomerCount), Number(s.Revenue)]);
    const ours = engine.query("SELECT segment, COUNT(*) AS customers, TOTAL(monetary) AS revenue FROM customer_summary GROUP BY segment").rows;
    const bySegment = new Map(ours.map((r) => [r.segment, r]));
    for (const [segment, customers, revenue] of expected) {
      expect(bySegment.get(segment as string)?.customers, String(segment)).toBe(customers);
      expect(Number(bySegment.get(segment as string)?.revenue), String(segment)).toBeCloseTo(revenue as number, 1);
    }
    expect(expected).toHaveLength(11);
  });
});
