/**
 * Segments and value on the tiny shop (tests/fixtures/tiny-shop.ts). Buyers: A (recency 1,
 * 3 orders, 200), B (31, 1, 200), C (291, 1, 80).
 * R: ranks by recency 1, 2, 3 → edges 1, 1.4, 1.8, 2.2, 2.6, 3 → bins 1, 3, 5 → R = 5, 3, 1.
 * F: frequencies 3, 1, 1 → ranks 3, 1, 1 → bins 5, 1, 1. M: 200, 200, 80 → ranks 2, 2, 1,
 * whose range is 1–2 (edges 1, 1.2, …, 2) → bins 5, 5, 1. Cells 555 (Champions),
 * 315 (Promising), 111 (Lost).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { NO_FILTERS, type QueryFn } from "../../../src/lib/analytics/filters.ts";
import { paretoCurve, revenueShareOfTop } from "../../../src/lib/analytics/pareto.ts";
import { loadRfGrid, loadSegmentMembers, loadSegments } from "../../../src/lib/analytics/segments.ts";
import { loadPareto } from "../../../src/lib/analytics/value.ts";
import { CUSTOMERS, ORDERS } from "../../fixtures/tiny-shop.ts";
import { DEFAULT_SETTINGS, csvFile, newEngine, queryFnOf } from "../../helpers/engine.ts";

let query: QueryFn;

beforeAll(async () => {
  const engine = await newEngine();
  await engine.load([csvFile("orders.csv", ORDERS), csvFile("customers.csv", CUSTOMERS)], false, DEFAULT_SETTINGS);
  query = queryFnOf(engine);
});

describe("segments", () => {
  it("scores each buyer into its segment, with shares of customers and revenue", async () => {
    const rows = (await loadSegments(query, NO_FILTERS)).filter((r) => r.customers > 0);
    expect(rows.map((r) => [r.segment, r.customers, r.revenue, r.avgRecencyDays])).toEqual([
      ["Champions", 1, 200, 1],
      ["Promising", 1, 200, 31],
      ["Lost", 1, 80, 291],
    ]);
    expect(rows[0]?.customerShare).toBeCloseTo(1 / 3, 12);
    expect(rows[2]?.revenueShare).toBeCloseTo(80 / 480, 12);
  });

  it("counts the R×F grid and lists a segment's members, filtered by region", async () => {
    expect(await loadRfGrid(query, NO_FILTERS)).toEqual([
      { r: 1, f: 1, customers: 1, revenue: 80 },
      { r: 3, f: 1, customers: 1, revenue: 200 },
      { r: 5, f: 5, customers: 1, revenue: 200 },
    ]);
    const east = { ...NO_FILTERS, region: ["East"] };
    expect((await loadSegmentMembers(query, null, east)).map((m) => m.customer_id)).toEqual(["A", "C"]);
    expect((await loadSegmentMembers(query, "Lost", NO_FILTERS)).map((m) => [m.customer_id, m.r_score, m.f_score, m.m_score])).toEqual([["C", 1, 1, 1]]);
  });
});

describe("Pareto and ABC", () => {
  it("follows the worked example of pareto.ts", () => {
    expect(paretoCurve([4, 50, 10, 30, 6])).toEqual([
      { customerShare: 0, revenueShare: 0 },
      { customerShare: 0.2, revenueShare: 0.5 },
      { customerShare: 0.4, revenueShare: 0.8 },
      { customerShare: 0.6, revenueShare: 0.9 },
      { customerShare: 0.8, revenueShare: 0.96 },
      { customerShare: 1, revenueShare: 1 },
    ]);
    expect(revenueShareOfTop([4, 50, 10, 30, 6], 0.2)).toBe(0.5);
  });

  it("groups the shop's buyers into tiers: A and B make 400 of 480 (before C: 0, 200 → A, A; 400 ≥ 384 → C)", async () => {
    const { tiers, top20Share } = await loadPareto(query, NO_FILTERS);
    // Sorted 200 (A), 200 (B), 80 (C): revenue before = 0, 200, 400 of 480 → A, A, then 400 / 480 = 83 % → B.
    expect(tiers.map((t) => [t.tier, t.customers, t.revenue])).toEqual([
      ["A", 2, 400],
      ["B", 1, 80],
      ["C", 0, 0],
    ]);
    // Top 20 % of 3 customers rounds to 1 customer: 200 / 480.
    expect(top20Share).toBeCloseTo(200 / 480, 12);
  });
});
