/**
 * Cohort retention on the UCI Online Retail extract (../shared/data/online-retail-rfm):
 * the December-2010 cohort's size and its month-1 (January 2011) and month-2 (February 2011)
 * "on" retention, computed here in plain TypeScript over the CSV rows, must equal the app's.
 * The extract has no returns and no blank customer ids, and asof is its last date 2011-12-09.
 */
import { existsSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { NO_FILTERS } from "../../../src/lib/analytics/filters.ts";
import { loadCohortRetention, type CohortRetention } from "../../../src/lib/analytics/lifecycle.ts";
import { DEFAULT_SETTINGS, diskFile, newEngine, queryFnOf } from "../../helpers/engine.ts";

const FILE = "../shared/data/online-retail-rfm/online_retail.csv";
const present = existsSync(FILE);
if (!present) console.warn(`SKIPPED: ${FILE} is absent, so the December-2010 cohort is not checked.`);

/** Customer → the set of "YYYY-MM" months with a purchase, straight from the CSV text. */
function purchaseMonths(text: string): Map<string, Set<string>> {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = (header ?? "").split(",");
  const dateAt = columns.indexOf("InvoiceDate");
  const customerAt = columns.indexOf("CustomerID");
  const months = new Map<string, Set<string>>();
  for (const line of lines) {
    const cells = line.split(",");
    const customer = cells[customerAt] ?? "";
    const month = (cells[dateAt] ?? "").slice(0, 7);
    if (!customer) continue;
    const set = months.get(customer) ?? new Set<string>();
    set.add(month);
    months.set(customer, set);
  }
  return months;
}

describe.skipIf(!present)("December-2010 cohort of the online retail extract", () => {
  let app: CohortRetention;
  let expected: { size: number; month1: number; month2: number };

  beforeAll(async () => {
    const engine = await newEngine();
    const { errors, info } = await engine.load([diskFile(FILE)], false, DEFAULT_SETTINGS);
    expect(errors).toEqual([]);
    app = await loadCohortRetention(queryFnOf(engine), info, NO_FILTERS);

    const cohort = [...purchaseMonths(readFileSync(FILE, "utf8")).values()].filter((months) => [...months].sort()[0] === "2010-12");
    expected = {
      size: cohort.length,
      month1: cohort.filter((m) => m.has("2011-01")).length / cohort.length,
      month2: cohort.filter((m) => m.has("2011-02")).length / cohort.length,
    };
  });

  it("has the same size and month-1 and month-2 retention as counted from the rows", () => {
    const december = app.cohorts.find((c) => c.cohort === "2010-12");
    expect(december).toBeDefined();
    expect(app.cohorts[0]?.cohort).toBe("2010-12");
    expect(expected.size).toBeGreaterThan(0);
    expect(december?.size).toBe(expected.size);
    expect(december?.on[0]).toBe(1);
    expect(december?.on[1]).toBeCloseTo(expected.month1, 12);
    expect(december?.on[2]).toBeCloseTo(expected.month2, 12);
    // December 2010 to December 2011: months 0–12.
    expect(december?.on).toHaveLength(13);
  });
});
