/**
 * Churn analytics on hand-worked fixtures (tests/fixtures/churn-shop.ts).
 *
 * Shop, asof 2024-06-30, N = 60 (set by hand; active = last purchase on or after 05-01).
 * Churned: F (last 02-08), G (01-30), I (04-30: 61 days before asof). K has no orders.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { churnAttributes, loadAtRisk, loadChurnBy, loadChurnOverTime, loadGapDistribution } from "../../../src/lib/analytics/churn.ts";
import { NO_FILTERS, type QueryFn } from "../../../src/lib/analytics/filters.ts";
import { loadKpis } from "../../../src/lib/analytics/overview.ts";
import type { DatasetInfo } from "../../../src/lib/db/protocol.ts";
import type { Engine } from "../../../src/lib/db/engine.ts";
import { CHURN_CUSTOMERS, CHURN_FEEDBACK, CHURN_ORDERS, TELCO } from "../../fixtures/churn-shop.ts";
import { DEFAULT_SETTINGS, csvFile, day, newEngine, queryFnOf } from "../../helpers/engine.ts";

async function loadShop(): Promise<{ engine: Engine; query: QueryFn; info: DatasetInfo }> {
  const engine = await newEngine();
  const files = [csvFile("orders.csv", CHURN_ORDERS), csvFile("customers.csv", CHURN_CUSTOMERS), csvFile("feedback.csv", CHURN_FEEDBACK)];
  const { info, errors } = await engine.load(files, false, { ...DEFAULT_SETTINGS, churnDays: 60 });
  expect(errors).toEqual([]);
  return { engine, query: queryFnOf(engine), info };
}

describe("churn on a shop", () => {
  let query: QueryFn;
  let info: DatasetInfo;

  beforeAll(async () => {
    ({ query, info } = await loadShop());
  });

  it("loads with asof 2024-06-30 and the window set by hand", () => {
    expect(info.asofDay).toBe(day("2024-06-30"));
    expect(info.churnDays).toBe(60);
    expect(info.contractual).toBe(false);
  });

  it("counts gaps between purchase days, which suggest a window of 120 days", async () => {
    // A 60 61 46 · B 21 21 21 · C 41 92 · F 31 · H 10 10 10 · I 109 · J 90 · L 29 — 15 gaps.
    // Sorted, P90 sits at position 0.9 × 14 = 12.6: 90 + 0.6 × (92 − 90) = 91.2 → 120.
    expect(await loadGapDistribution(query)).toEqual([
      { gap: 10, count: 3 }, { gap: 21, count: 3 }, { gap: 29, count: 1 }, { gap: 31, count: 1 },
      { gap: 41, count: 1 }, { gap: 46, count: 1 }, { gap: 60, count: 1 }, { gap: 61, count: 1 },
      { gap: 90, count: 1 }, { gap: 92, count: 1 }, { gap: 109, count: 1 },
    ]);
    expect(info.suggestedChurnDays).toBe(120);
  });

  it("follows churn month by month", async () => {
    // Month end E, active = a purchase day in [E − 60, E]:
    // Jan (12-02 … 01-31): A C F G I bought → 5 customers, all active → 0.
    // Feb (12-31 … 02-29): + J → 6, all active → 0.
    // Mar (01-31 … 03-31): + B → 7; G (01-30) and I (01-12) inactive → 5 active, 2/7.
    // Apr (03-01 … 04-30): + H → 8; active A (03-10) B C (03-01, the boundary) H I (04-30) → 5, 3/8.
    // May (04-01 … 05-31): + E → 9; active A B E H (04-01) I J → 6, 1/3.
    // Jun (05-01 … 06-30): + D L → 11; active A B C D E H (05-01) J L → 8, 3/11.
    const rows = await loadChurnOverTime(query, info, NO_FILTERS);
    expect(rows.map((r) => [r.month, r.customers, r.active])).toEqual([
      ["2024-01-01", 5, 5],
      ["2024-02-01", 6, 6],
      ["2024-03-01", 7, 5],
      ["2024-04-01", 8, 5],
      ["2024-05-01", 9, 6],
      ["2024-06-01", 11, 8],
    ]);
    expect(rows.map((r) => r.churnRate)).toEqual([0, 0, 2 / 7, 3 / 8, 1 / 3, 3 / 11].map((x) => expect.closeTo(x, 12)));
  });

  it("restricts churn over time to the filters: West (G, H) from April on, G's purchase counting", async () => {
    // G bought 01-30 (before the period) and stays a customer; H from 04-01.
    // Apr: G, H → 2, active H → 1. May: 2, active H (05-01) → 1. Jun: H (05-01) still active → 1.
    const west = { ...NO_FILTERS, region: ["West"], from: "2024-04-01" };
    const rows = await loadChurnOverTime(query, info, west);
    expect(rows.map((r) => [r.month, r.customers, r.active, r.churnRate])).toEqual([
      ["2024-04-01", 2, 1, 0.5],
      ["2024-05-01", 2, 1, 0.5],
      ["2024-06-01", 2, 1, 0.5],
    ]);
  });

  it("agrees with the churn_rate KPI: 3 of 11 buyers", async () => {
    const { values } = await loadKpis(query, info, NO_FILTERS);
    expect(values.find((v) => v.id === "churn_rate")?.value).toBeCloseTo(3 / 11, 12);
    expect(values.find((v) => v.id === "active_customers")?.value).toBe(8);
  });

  it("breaks churn down by region, highest rate first", async () => {
    // North A B I → 1 churned (I) of 3; South C D J → 0 of 3; East E F L → 1 (F) of 3;
    // West G H (K has no orders, so no churn flag) → 1 (G) of 2.
    // Order: West 0.5, then East and North at 1/3 (same count: by value), South 0.
    expect(await loadChurnBy(query, info, NO_FILTERS, "region")).toEqual([
      { value: "West", customers: 2, churned: 1, rate: 0.5 },
      { value: "East", customers: 3, churned: 1, rate: 1 / 3 },
      { value: "North", customers: 3, churned: 1, rate: 1 / 3 },
      { value: "South", customers: 3, churned: 0, rate: 0 },
    ]);
    const attributes = await churnAttributes(query);
    expect(attributes).toContain("region");
    expect(attributes).not.toContain("contract_type");
    expect(attributes).not.toContain("tenure_band");
  });

  it("ranks the at-risk customers by value at risk, with their reasons", async () => {
    // Active: A B C D E H J L. No P(alive) (too few customers for the model): risk =
    // min(1, recency / (2 × usual gap)). Spend windows: last 04-02 … 06-30, previous 01-03 … 04-01.
    // A: recency 6, usual (06-25 − 01-10) / 3 = 55.7, spend 100 vs 100, no NPS → no reason.
    // B: recency 59, usual 63 / 3 = 21 → 59 > 31.5: no purchase for 59 days, usual 21; risk 1 × 400 = 400.
    // C: recency 30, usual 133 / 2 = 66.5; spend 100 vs 400 → down 75 %; last NPS 3 (06-05, not 9 of 02-01);
    //    risk 30 / 133 × 500 = 112.78.
    // D: one purchase day: usual = N = 60, recency 16; latest NPS 8 (the 2 is older) → no reason.
    // E: one purchase day, recency 52 ≤ 90; last NPS 5; risk 52 / 120 × 120 = 52.
    // H: recency 61, usual 30 / 3 = 10 → no purchase for 61 days, usual 10; spend 75 vs 25 (up); risk 1 × 100.
    // J: recency 52, usual 90; spend 100 vs 200 → down exactly 50 %; risk 52 / 180 × 300 = 86.67.
    // L: recency 1, spend 180 vs 0 (no previous spend: not "down") → no reason.
    const rows = await loadAtRisk(query, info, NO_FILTERS);
    expect(rows.map((r) => [r.customer_id, r.recency_days, r.usualGapDays, r.reasons])).toEqual([
      ["B", 59, 21, [{ key: "no_purchase_for", params: { days: 59, usual: 21 } }]],
      ["C", 30, 66.5, [{ key: "spend_down", params: { percent: 75 } }, { key: "last_nps", params: { score: 3 } }]],
      ["H", 61, 10, [{ key: "no_purchase_for", params: { days: 61, usual: 10 } }]],
      ["J", 52, 90, [{ key: "spend_down", params: { percent: 50 } }]],
      ["E", 52, 60, [{ key: "last_nps", params: { score: 5 } }]],
    ]);
    expect(rows.map((r) => r.valueAtRisk)).toEqual([400, (500 * 30) / 133, 100, (300 * 52) / 180, 52].map((x) => expect.closeTo(x, 9)));
    expect(rows[0]).toMatchObject({ name: "Bo", p_alive: null });
  });

  it("limits and filters the at-risk list", async () => {
    expect((await loadAtRisk(query, info, NO_FILTERS, { limit: 2 })).map((r) => r.customer_id)).toEqual(["B", "C"]);
    expect((await loadAtRisk(query, info, { ...NO_FILTERS, region: ["South"] })).map((r) => r.customer_id)).toEqual(["C", "J"]);
  });
});

describe("at risk with P(alive) and CLV", () => {
  it("uses 1 − P(alive) and CLV when the model gave them", async () => {
    const { engine, query, info } = await loadShop();
    // D: P(alive) 0.18, CLV 200 → risk 0.82, value at risk 164, reason P(alive) 0.18.
    // A: P(alive) 0.9 → no reason (≥ 0.5), stays out.
    engine.query("UPDATE customer_summary SET p_alive = 0.18, clv = 200 WHERE customer_id = 'D'");
    engine.query("UPDATE customer_summary SET p_alive = 0.9 WHERE customer_id = 'A'");
    const rows = await loadAtRisk(query, info, NO_FILTERS);
    expect(rows.map((r) => r.customer_id)).toEqual(["B", "D", "C", "H", "J", "E"]);
    expect(rows[1]?.valueAtRisk).toBeCloseTo(164, 9);
    expect(rows[1]?.reasons).toEqual([{ key: "p_alive", params: { value: 0.18 } }]);
  });
});

describe("churn on a subscription export", () => {
  let query: QueryFn;
  let info: DatasetInfo;

  beforeAll(async () => {
    const engine = await newEngine();
    const result = await engine.load([csvFile("telco.csv", TELCO)], false, DEFAULT_SETTINGS);
    expect(result.errors).toEqual([]);
    info = result.info;
    query = queryFnOf(engine);
  });

  it("reads the Churn column as the churn label: churn_rate 5 / 12", async () => {
    expect(info.contractual).toBe(true);
    // Churn = Yes: 0003 0005 0006 0010 0012 → 5 of 12 (the blank TotalCharges do not drop anyone).
    const { values } = await loadKpis(query, info, NO_FILTERS);
    expect(values.find((v) => v.id === "churn_rate")?.value).toBeCloseTo(5 / 12, 12);
  });

  it("gives churn per contract, highest rate first", async () => {
    expect(await loadChurnBy(query, info, NO_FILTERS, "contract_type")).toEqual([
      { value: "Month-to-month", customers: 5, churned: 3, rate: 0.6 },
      { value: "Two year", customers: 3, churned: 1, rate: 1 / 3 },
      { value: "One year", customers: 4, churned: 1, rate: 0.25 },
    ]);
  });

  it("bands tenure and lists the attributes that break churn down", async () => {
    // 0–6: 0001 (1) 0003 (2) 0005 (2) 0008 0009 0011 (0) → 2 of 6; 7–12: 0006 (8) → 1 of 1;
    // 13–24: 0007 → 0 of 1; 25–48: 0002 0004 → 0 of 2; 49+: 0010 0012 → 2 of 2.
    expect((await loadChurnBy(query, info, NO_FILTERS, "tenure_band")).map((r) => [r.value, r.customers, r.churned])).toEqual([
      ["49+", 2, 2],
      ["7–12", 1, 1],
      ["0–6", 6, 2],
      ["25–48", 2, 0],
      ["13–24", 1, 0],
    ]);
    expect(await churnAttributes(query)).toEqual(["gender", "contract_type", "tenure_band"]);
  });

  it("has no churn over time and no at-risk buyers (no dates, no orders)", async () => {
    expect(await loadChurnOverTime(query, info, NO_FILTERS)).toEqual([]);
    expect(await loadAtRisk(query, info, NO_FILTERS)).toEqual([]);
  });
});
