/**
 * Lifecycle analytics on the lifecycle shop (tests/fixtures/lifecycle-shop.ts), asof
 * 2024-06-28, churn window 60 days. Days from the last order to asof: A 0, B 206, C 216,
 * D 54, E 147, F 27, G 117, H 44, I 39, J 13, K 8, M 59.
 * Orders (one per order id): A 4, B 2, C 1, D 3, E 2, F 2, G 1, H 4, I 1, J 1, K 3, M 3.
 * Calendar quarters with an order: A 23Q4 24Q1 24Q2 = 3; B 1; C 1; D 23Q4 24Q1 24Q2 = 3;
 * E 1; F 24Q1 24Q2 = 2; G 1; H 1; I 1; J 1; K 24Q1 24Q2 = 2; M 23Q4 24Q1 24Q2 = 3.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { NO_FILTERS, type QueryFn } from "../../../src/lib/analytics/filters.ts";
import { loadCohortRetention, loadLifecycleFunnel, loadLifecyclePeriods } from "../../../src/lib/analytics/lifecycle.ts";
import type { DatasetInfo } from "../../../src/lib/db/protocol.ts";
import { LIFECYCLE_CUSTOMERS, LIFECYCLE_ORDERS } from "../../fixtures/lifecycle-shop.ts";
import { DEFAULT_SETTINGS, csvFile, day, newEngine, queryFnOf } from "../../helpers/engine.ts";

let query: QueryFn;
let info: DatasetInfo;

beforeAll(async () => {
  const engine = await newEngine();
  const result = await engine.load(
    [csvFile("orders.csv", LIFECYCLE_ORDERS), csvFile("customers.csv", LIFECYCLE_CUSTOMERS)],
    false,
    { ...DEFAULT_SETTINGS, churnDays: 60 },
  );
  info = result.info;
  query = queryFnOf(engine);
});

describe("lifecycle funnel", () => {
  it("loads the shop as described", () => {
    expect(info.asofDay).toBe(day("2024-06-28"));
    expect(info.churnDays).toBe(60);
  });

  it("puts each customer in one stage now and counts the stages ever reached", async () => {
    // Now: contact L1 L2; churned (> 60 days) B C E G; of the rest, retained (≥ 3 quarters)
    // A D M (M at 59 days is not churned); developing (≥ 2 orders) F H K; acquired I J.
    // Reached: contact all 14; acquired the 12 buyers; developing (≥ 2 orders) A B D E F H K M;
    // retained A D M; churned = churned now.
    const funnel = await loadLifecycleFunnel(query, info, NO_FILTERS);
    expect(funnel.current).toEqual({ contact: 2, acquired: 2, developing: 3, retained: 3, churned: 4 });
    expect(funnel.reached).toEqual({ contact: 14, acquired: 12, developing: 8, retained: 3, churned: 4 });
  });

  it("agrees with customer_summary.lifecycle_stage under the default thresholds", async () => {
    const rows = await query<{ lifecycle_stage: string; n: number }>("SELECT lifecycle_stage, COUNT(*) AS n FROM customer_summary GROUP BY 1");
    const fromSummary = Object.fromEntries(rows.map((r) => [r.lifecycle_stage, r.n]));
    expect(fromSummary).toEqual((await loadLifecycleFunnel(query, info, NO_FILTERS)).current);
  });

  it("follows edited thresholds: 2 quarters, 3 orders, 30 days", async () => {
    // Churned (> 30 days): B C E G and now D (54) M (59) I (39) H (44) = 8. Left: A (3 quarters)
    // retained, F (2 quarters) retained, K (2 quarters) retained, J (1 order) acquired.
    // Reached developing (≥ 3 orders): A D H K M; retained (≥ 2 quarters): A D F K M.
    const funnel = await loadLifecycleFunnel(query, info, NO_FILTERS, { retainedQuarters: 2, developingOrders: 3, churnDays: 30 });
    expect(funnel.current).toEqual({ contact: 2, acquired: 1, developing: 0, retained: 3, churned: 8 });
    expect(funnel.reached).toEqual({ contact: 14, acquired: 12, developing: 5, retained: 5, churned: 8 });
  });

  it("churns only after more than churnDays days: M, 59 days since its last order", async () => {
    const at = (churnDays: number) => loadLifecycleFunnel(query, info, NO_FILTERS, { retainedQuarters: 3, developingOrders: 2, churnDays });
    expect((await at(59)).current).toEqual({ contact: 2, acquired: 2, developing: 3, retained: 3, churned: 4 });
    expect((await at(58)).current).toEqual({ contact: 2, acquired: 2, developing: 3, retained: 2, churned: 5 });
  });

  it("obeys the region filter", async () => {
    // East: A (retained), C E G (churned), I (acquired), K (developing), L1 (contact).
    // Reached developing: A E K; retained: A.
    const funnel = await loadLifecycleFunnel(query, info, { ...NO_FILTERS, region: ["East"] });
    expect(funnel.current).toEqual({ contact: 1, acquired: 1, developing: 1, retained: 1, churned: 3 });
    expect(funnel.reached).toEqual({ contact: 7, acquired: 6, developing: 3, retained: 1, churned: 3 });
  });
});

describe("lifecycle per period", () => {
  // Purchase months: A Nov Jan Apr Jun; B Nov Dec; C Nov; D Dec Mar May; E Jan Feb; F Feb Jun;
  // G Mar; H Apr May; I May; J Jun; K Jan Mar Jun; M Dec Feb Apr.
  // Nov: new A B C.
  // Dec: new D M; returning B; dormant A C.
  // Jan: new E K; resurrecting A (Nov, not Dec); dormant B D M.
  // Feb: new F; returning E; resurrecting M (Dec); dormant A K.
  // Mar: new G; resurrecting D (Dec) K (Jan); dormant E F M.
  // Apr: new H; resurrecting A (Jan) M (Feb); dormant D G K.
  // May: new I; returning H; resurrecting D (Mar); dormant A M.
  // Jun: new J; resurrecting A (Apr) F (Feb) K (Mar); dormant D H I. (No July: asof is in June.)
  const MONTHS = [
    { period: "2023-11-01", new: 3, returning: 0, resurrecting: 0, dormant: 0 },
    { period: "2023-12-01", new: 2, returning: 1, resurrecting: 0, dormant: -2 },
    { period: "2024-01-01", new: 2, returning: 0, resurrecting: 1, dormant: -3 },
    { period: "2024-02-01", new: 1, returning: 1, resurrecting: 1, dormant: -2 },
    { period: "2024-03-01", new: 1, returning: 0, resurrecting: 2, dormant: -3 },
    { period: "2024-04-01", new: 1, returning: 0, resurrecting: 2, dormant: -3 },
    { period: "2024-05-01", new: 1, returning: 1, resurrecting: 1, dormant: -2 },
    { period: "2024-06-01", new: 1, returning: 0, resurrecting: 3, dormant: -3 },
  ];

  it("classifies buyers per month from the first purchase to asof", async () => {
    expect(await loadLifecyclePeriods(query, info, NO_FILTERS, "month")).toEqual(MONTHS);
  });

  it("shows only the periods in the date range, classified on the whole history", async () => {
    const filters = { ...NO_FILTERS, from: "2024-03-15", to: "2024-05-10" };
    expect(await loadLifecyclePeriods(query, info, filters, "month")).toEqual(MONTHS.slice(4, 7));
  });

  it("counts ISO weeks from Monday", async () => {
    // A's first order, Sunday 2023-11-05, falls in the week of Monday 2023-10-30. B buys on
    // Monday 11-20 and C on Saturday 11-25 (same week); B again on Tuesday 12-05; D on 12-15.
    const weeks = await loadLifecyclePeriods(query, info, NO_FILTERS, "week");
    expect(weeks.slice(0, 7)).toEqual([
      { period: "2023-10-30", new: 1, returning: 0, resurrecting: 0, dormant: 0 },
      { period: "2023-11-06", new: 0, returning: 0, resurrecting: 0, dormant: -1 },
      { period: "2023-11-13", new: 0, returning: 0, resurrecting: 0, dormant: 0 },
      { period: "2023-11-20", new: 2, returning: 0, resurrecting: 0, dormant: 0 },
      { period: "2023-11-27", new: 0, returning: 0, resurrecting: 0, dormant: -2 },
      { period: "2023-12-04", new: 0, returning: 0, resurrecting: 1, dormant: 0 },
      { period: "2023-12-11", new: 1, returning: 0, resurrecting: 0, dormant: -1 },
    ]);
    // Monday 2023-10-30 to Monday 2024-06-24 (asof's week) = 238 days = 34 weeks → 35 periods.
    expect(weeks).toHaveLength(35);
    expect(weeks.at(-1)?.period).toBe("2024-06-24");
    // 27 orders fall in 26 distinct customer-weeks (H's 04-04 and 04-05 share one); no one
    // buys in two consecutive weeks, so every customer-week but A's in asof's week is
    // followed by a dormant week.
    const sum = (pick: (w: (typeof weeks)[number]) => number): number => weeks.reduce((s, w) => s + pick(w), 0);
    expect(sum((w) => w.new)).toBe(12);
    expect(sum((w) => w.new + w.returning + w.resurrecting)).toBe(26);
    expect(sum((w) => w.returning)).toBe(0);
    expect(sum((w) => w.dormant)).toBe(-25);
  });
});

describe("cohort retention", () => {
  // Cohorts by first month (k = months after it, up to June 2024):
  // 2023-11 A B C: k1 B, k2 A, k5 A, k7 A; last k: A 7, B 1, C 0. Revenue k0 50 + 100 + 80 = 230,
  //   k1 60, k2 30, k5 40, k7 20.
  // 2023-12 D M: D k3 k5, M k2 k4; last k D 5, M 4. Revenue k0 40 + 30 = 70, k2 30, k3 40, k4 30, k5 40.
  // 2024-01 E K: E k1, K k2 k5. Revenue k0 200 + 10 = 210, k1 100, k2 10, k5 10.
  // 2024-02 F: k4. 2024-03 G. 2024-04 H: k1 (Apr 25 + 10 + 25 = 60, May 50). 2024-05 I. 2024-06 J.
  it("fills each cohort's cells", async () => {
    const { cohorts } = await loadCohortRetention(query, info, NO_FILTERS);
    expect(cohorts.map((c) => [c.cohort, c.size])).toEqual([
      ["2023-11", 3], ["2023-12", 2], ["2024-01", 2], ["2024-02", 1], ["2024-03", 1], ["2024-04", 1], ["2024-05", 1], ["2024-06", 1],
    ]);
    const [nov, dec, jan, feb, , apr, , jun] = cohorts;
    expect(nov?.on).toEqual([1, 1 / 3, 1 / 3, 0, 0, 1 / 3, 0, 1 / 3]);
    expect(nov?.onOrAfter).toEqual([1, 2 / 3, 1 / 3, 1 / 3, 1 / 3, 1 / 3, 1 / 3, 1 / 3]);
    expect(nov?.revenue).toEqual([1, 60 / 230, 30 / 230, 0, 0, 40 / 230, 0, 20 / 230]);
    expect(dec?.on).toEqual([1, 0, 0.5, 0.5, 0.5, 0.5, 0]);
    expect(dec?.onOrAfter).toEqual([1, 1, 1, 1, 1, 0.5, 0]);
    expect(dec?.revenue).toEqual([1, 0, 30 / 70, 40 / 70, 30 / 70, 40 / 70, 0]);
    expect(jan?.on).toEqual([1, 0.5, 0.5, 0, 0, 0.5]);
    expect(jan?.onOrAfter).toEqual([1, 1, 0.5, 0.5, 0.5, 0.5]);
    expect(jan?.revenue).toEqual([1, 100 / 210, 10 / 210, 0, 0, 10 / 210]);
    expect(feb?.on).toEqual([1, 0, 0, 0, 1]);
    expect(apr?.on).toEqual([1, 1, 0]);
    expect(apr?.revenue).toEqual([1, 50 / 60, 0]);
    expect(jun?.on).toEqual([1]);
  });

  it("averages over the cohorts that reached month k, weighted by size", async () => {
    // k1: cohorts Nov–May (sizes 3 2 2 1 1 1 1 = 11), buyers B E H = 3; on or after:
    //   Nov 2 + Dec 2 + Jan 2 + Feb 1 + Apr 1 = 8. k2: Nov–Apr (10), buyers A M K = 3.
    // k7: Nov only, 1 of 3.
    const { average } = await loadCohortRetention(query, info, NO_FILTERS);
    expect(average.on).toHaveLength(8);
    expect(average.on[0]).toBe(1);
    expect(average.on[1]).toBeCloseTo(3 / 11, 12);
    expect(average.onOrAfter[1]).toBeCloseTo(8 / 11, 12);
    expect(average.on[2]).toBeCloseTo(3 / 10, 12);
    expect(average.on[7]).toBeCloseTo(1 / 3, 12);
  });

  it("shows the cohorts of the date range and the region's buyers", async () => {
    const range = await loadCohortRetention(query, info, { ...NO_FILTERS, from: "2024-01-15", to: "2024-02-10" });
    expect(range.cohorts.map((c) => c.cohort)).toEqual(["2024-01", "2024-02"]);
    // Still on the whole history: January's cohort runs to June.
    expect(range.cohorts[0]?.on).toEqual([1, 0.5, 0.5, 0, 0, 0.5]);
    // West: B (Nov), D M (Dec), H (Apr), F (Feb), J (Jun).
    const west = await loadCohortRetention(query, info, { ...NO_FILTERS, region: ["West"] });
    expect(west.cohorts.map((c) => [c.cohort, c.size])).toEqual([["2023-11", 1], ["2023-12", 2], ["2024-02", 1], ["2024-04", 1], ["2024-06", 1]]);
    expect(west.cohorts[0]?.on).toEqual([1, 1, 0, 0, 0, 0, 0, 0]);
  });
});
