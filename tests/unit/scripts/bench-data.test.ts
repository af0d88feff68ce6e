import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, describe, expect, it } from "vitest";
import { ensureDataSet } from "../../../scripts/bench/data.ts";

const dir = mkdtempSync(join(tmpdir(), "bench-data-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rowsOf = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, "utf8"), { header: true, skipEmptyLines: true }).data;

describe("bench data set", () => {
  const spec = { orders: 2_000, customers: 100, feedback: 200 };
  const set = ensureDataSet(dir, spec);
  const orders = rowsOf(set.files.orders.path);
  const customers = rowsOf(set.files.customers.path);
  const feedback = rowsOf(set.files.feedback.path);

  it("writes the rows asked for", () => {
    expect([orders.length, customers.length, feedback.length]).toEqual([2_000, 100, 200]);
    expect(set.bytes).toBe(readFileSync(set.files.orders.path).length + readFileSync(set.files.customers.path).length + readFileSync(set.files.feedback.path).length);
  });

  it("counts the orders the app counts: paid ones", () => {
    expect(set.expectedOrders).toBe(orders.filter((o) => o.status === "paid").length);
  });

  it("works out the NPS from the scores written", () => {
    const scores = feedback.map((f) => Number(f.nps_score));
    const nps = (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;
    expect(set.expectedNps).toBeCloseTo(nps, 9);
    expect(scores.every((s) => Number.isInteger(s) && s >= 0 && s <= 10)).toBe(true);
  });

  it("uses only the customers the customers file has", () => {
    const ids = new Set(customers.map((c) => c.customer_id));
    expect(ids.size).toBe(100);
    expect(orders.every((o) => ids.has(o.customer_id ?? ""))).toBe(true);
    expect(feedback.every((f) => ids.has(f.customer_id ?? ""))).toBe(true);
  });

  it("is the same set when asked again, from the cache", () => {
    const again = ensureDataSet(dir, spec);
    expect(again.generated).toBe(0);
    expect(again).toEqual({ ...set, generated: 0 });
  });
});
