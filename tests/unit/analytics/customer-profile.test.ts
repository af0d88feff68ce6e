/**
 * The customer's file on a hand-made shop (tests/fixtures/profile-shop.ts): every figure
 * of a profile is worked out here from the fixture rows, by hand.
 *
 * asof = 2023-12-31 (latest order day), N = 90 days (set by the test).
 * Buyers and their sales (returns and the undated order left out):
 *   P1 02-10 120 · 05-20 100 · 09-01 200 · 12-28 60 → 4 orders, 480, quarters Q1 Q2 Q3 Q4
 *   P2 06-15 300 · 06-30 150 → 2 orders, 450, one quarter
 *   P3 12-31 90 · P4 03-01 40 · P6 11-05 30 · 12-05 45
 * Recency (days to 2024-01-01): P3 1, P1 4, P6 27, P2 185, P4 306 → ranks 1..5, one per bin
 *   → R = 6 − bin: P3 5, P1 4, P6 3, P2 2, P4 1.
 * Frequency 1 1 2 2 4 (P3 P4 P2 P6 P1) → min ranks 1 1 3 3 5 → bins 1 1 3 3 5.
 * Monetary 40 75 90 450 480 (P4 P6 P3 P2 P1) → bins 1 2 3 4 5.
 * Cells: P1 455 Champions · P2 234 At Risk · P3 513 Promising · P4 111 Lost · P6 332 Hibernating.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  escapeLike,
  loadCustomerProblems,
  loadMonthlySpend,
  loadProfile,
  loadTimeline,
  searchCustomers,
  segmentReason,
  stageReason,
  type CustomerProfile,
} from "../../../src/lib/analytics/customer-profile.ts";
import { loadCustomerRisk } from "../../../src/lib/analytics/churn.ts";
import type { QueryFn } from "../../../src/lib/analytics/filters.ts";
import type { DatasetInfo } from "../../../src/lib/db/protocol.ts";
import type { Engine } from "../../../src/lib/db/engine.ts";
import { PROFILE_CUSTOMERS, PROFILE_FEEDBACK, PROFILE_INTERACTIONS, PROFILE_ORDERS } from "../../fixtures/profile-shop.ts";
import { DEFAULT_SETTINGS, csvFile, day, loadedEngine } from "../../helpers/engine.ts";

let engine: Engine;
let query: QueryFn;
let info: DatasetInfo;

beforeAll(async () => {
  const files = [
    csvFile("orders.csv", PROFILE_ORDERS),
    csvFile("customers.csv", PROFILE_CUSTOMERS),
    csvFile("feedback.csv", PROFILE_FEEDBACK),
    csvFile("interactions.csv", PROFILE_INTERACTIONS),
  ];
  // One bad email in five and one NPS of 11 in three make those columns doubtful: confirmed as a user would.
  ({ engine, query, info } = await loadedEngine(files, { ...DEFAULT_SETTINGS, churnDays: 90 }, { confirm: true }));
  expect(info.files.map((f) => f.state)).toEqual(["applied", "applied", "applied", "applied"]);
});

async function profileOf(id: string): Promise<CustomerProfile> {
  const profile = await loadProfile(query, info, id);
  if (!profile) throw new Error(`no profile for ${id}`);
  return profile;
}

describe("search", () => {
  const ids = async (text: string, limit?: number) => (await searchCustomers(query, text, limit)).matches.map((m) => m.customer_id);

  it("finds a Chinese name by its first characters and by a character inside it", async () => {
    expect(await ids("张伟")).toEqual(["P1"]);
    expect(await ids("伟明")).toEqual(["P1"]);
    expect(await ids("娜")).toEqual(["P4"]);
  });

  it("ranks the exact ID first, then what starts with the text, then the rest, ignoring Latin case", async () => {
    // "wei": P2's name starts with it (Wei Zhang); P3's email has it inside (ann@WEI.example).
    expect(await ids("wei")).toEqual(["P2", "P3"]);
    expect(await ids("WEI ZH")).toEqual(["P2"]);
    expect(await ids("p3")).toEqual(["P3"]);
  });

  it("finds emails and phones, the phone whatever its separators", async () => {
    expect(await ids("zwm@example")).toEqual(["P1"]);
    expect(await ids("1234-56")).toEqual(["P1"]);
    expect(await ids("13812345678")).toEqual(["P1"]);
    expect(await ids("139 0000 1111")).toEqual(["P2"]);
  });

  it("gives at most `limit` matches and says how many there are", async () => {
    // Every ID starts with P: P1 … P6, by ID.
    const result = await searchCustomers(query, "p", 3);
    expect(result.matches.map((m) => m.customer_id)).toEqual(["P1", "P2", "P3"]);
    expect(result.total).toBe(6);
    expect(result.matches[0]).toEqual({ customer_id: "P1", name: "张伟明", segment: "Champions", email: "zwm@example.cn", phone: "138-1234-5678" });
  });

  it("treats % and _ as themselves and an empty text as no search", async () => {
    expect(escapeLike("50%_a\\b")).toBe("50\\%\\_a\\\\b");
    expect(await ids("%")).toEqual([]);
    expect(await ids("_")).toEqual([]);
    expect(await searchCustomers(query, "   ")).toEqual({ matches: [], total: 0 });
  });
});

describe("the file of one customer", () => {
  it("holds P1's basic data, value and RFM", async () => {
    const p = await profileOf("P1");
    expect(p).toMatchObject({
      customer_id: "P1",
      name: "张伟明", // the first customers row wins; the copy is a duplicate
      email: "zwm@example.cn",
      phone: "138-1234-5678",
      gender: "Male",
      region: "East",
      tier: "Gold",
      signup_date: "2023-01-15",
      first_order: "2023-02-10",
      last_order: "2023-12-28",
      orders: 4,
      returns: 1,
      recency_days: 4,
      days_since_last_order: 3,
      r_score: 4,
      f_score: 5,
      m_score: 5,
      segment: "Champions",
      lifecycle_stage: "retained",
      churned: 0,
      active_quarters: 4,
      feedback: 2,
      interactions: 3, // the touchpoint of 2024-01-05 is after asof
    });
    expect(p.spend).toBeCloseTo(120 + 100 + 200 + 60, 9);
    expect(segmentReason(p)).toEqual({ segment: "Champions", r: 4, f: 5, m: 5 });
    expect(stageReason(p, info)).toEqual({ key: "retained", params: { quarters: 4, needed: 3 } });
  });

  it("says why each customer is at their stage", async () => {
    // P2: last order 06-30, 184 days before asof > 90 → churned.
    expect(stageReason(await profileOf("P2"), info)).toEqual({ key: "churned", params: { days: 184, window: 90 } });
    // P4: 03-01 → 305 days.
    expect(stageReason(await profileOf("P4"), info)).toEqual({ key: "churned", params: { days: 305, window: 90 } });
    // P6: two orders, both in Q4 → developing.
    expect(stageReason(await profileOf("P6"), info)).toEqual({ key: "developing", params: { orders: 2, quarters: 1, needed: 3 } });
    expect(stageReason(await profileOf("P3"), info)).toEqual({ key: "acquired", params: { orders: 1 } });
    const lead = await profileOf("P5");
    expect(lead).toMatchObject({ orders: 0, spend: 0, first_order: null, recency_days: null, segment: null, lifecycle_stage: "contact", churned: null });
    expect(stageReason(lead, info)).toEqual({ key: "contact", params: {} });
    expect(segmentReason(lead)).toBeNull();
  });

  it("reads the segments of the other buyers from their scores", async () => {
    const cells = await Promise.all(["P2", "P3", "P4", "P6"].map(async (id) => segmentReason(await profileOf(id))));
    expect(cells).toEqual([
      { segment: "At Risk", r: 2, f: 3, m: 4 },
      { segment: "Promising", r: 5, f: 1, m: 3 },
      { segment: "Lost", r: 1, f: 1, m: 1 },
      { segment: "Hibernating", r: 3, f: 3, m: 2 },
    ]);
  });

  it("is null for an unknown ID", async () => {
    expect(await loadProfile(query, info, "nobody")).toBeNull();
  });

  it("says the churned label of subscription data in words", () => {
    const labelled = { lifecycle_stage: "churned", churned: 1 } as CustomerProfile;
    expect(stageReason(labelled, { churnDays: 90, contractual: true })).toEqual({ key: "churned_label", params: {} });
  });
});

describe("churn risk of one customer", () => {
  it("scores P1 as the at-risk list does: spend down and a low last NPS", async () => {
    // Purchase days 02-10 … 12-28: usual gap 321 / 3 = 107; recency 4 → risk 4 / 214.
    // Spend 10-03 … 12-31: 60; 07-05 … 10-02: 200 → down 1 − 60 / 200 = 70 %.
    // Latest NPS: 4 (12-29) ≤ 6. Value at risk 480 × 4 / 214 (no CLV: monetary).
    const risk = await loadCustomerRisk(query, info, "P1");
    expect(risk?.usualGapDays).toBeCloseTo(107, 9);
    expect(risk?.risk).toBeCloseTo(4 / 214, 12);
    expect(risk?.valueAtRisk).toBeCloseTo((480 * 4) / 214, 9);
    expect(risk?.reasons).toEqual([
      { key: "spend_down", params: { percent: 70 } },
      { key: "last_nps", params: { score: 4 } },
    ]);
  });

  it("gives no reason for a customer without a warning sign, and nothing for the churned and contacts", async () => {
    // P6: usual gap 30, recency 27 ≤ 45; no spend before 10-03 → risk 27 / 60.
    const p6 = await loadCustomerRisk(query, info, "P6");
    expect(p6?.reasons).toEqual([]);
    expect(p6?.risk).toBeCloseTo(27 / 60, 12);
    expect(await loadCustomerRisk(query, info, "P2")).toBeNull();
    expect(await loadCustomerRisk(query, info, "P5")).toBeNull();
  });
});

describe("timeline", () => {
  it("lists P1's orders (one per order, the return marked), feedback and touchpoints up to asof, latest first", async () => {
    const { events, total } = await loadTimeline(query, info, "P1");
    // Orders O1 O2 O3 O4 O5 (O9 has no date), feedback F1 F2, touchpoints 02-09 09-01 12-30.
    expect(total).toBe(10);
    expect(events.map((e) => [e.kind, e.date])).toEqual([
      ["interaction", "2023-12-30"],
      ["feedback", "2023-12-29"],
      ["order", "2023-12-28"],
      ["order", "2023-09-01"],
      ["order", "2023-09-01"],
      ["interaction", "2023-09-01"],
      ["order", "2023-05-20"],
      ["feedback", "2023-03-01"],
      ["order", "2023-02-10"],
      ["interaction", "2023-02-09"],
    ]);
    expect(events[3]).toMatchObject({ kind: "order", order_id: "O4", amount: -50, is_return: true, status: "returned" });
    expect(events[4]).toMatchObject({ kind: "order", order_id: "O3", amount: 200, is_return: false });
    expect(events[6]).toMatchObject({ kind: "order", order_id: "O2", amount: 100, products: "Mug, Kettle", channel: "Online", category: "Home" });
    expect(events[1]).toMatchObject({ kind: "feedback", feedback_id: "F2", nps_score: 4, csat_score: 2, comment: "Late delivery", channel: "Phone", category: "complaint" });
    expect(events[0]).toEqual({ kind: "interaction", date: "2023-12-30", channel: "Phone", type: "service", outcome: "resolved" });
  });

  it("keeps to the limit and still counts them all", async () => {
    const { events, total } = await loadTimeline(query, info, "P1", 2);
    expect(events.map((e) => e.date)).toEqual(["2023-12-30", "2023-12-29"]);
    expect(total).toBe(10);
    expect(await loadTimeline(query, info, "P5")).toEqual({ events: [], total: 0 });
  });
});

describe("spend per month", () => {
  it("gives every month from the first purchase to the last, zeros between", async () => {
    const months = await loadMonthlySpend(query, "P1");
    const expected: Record<string, [number, number]> = { "2023-02-01": [120, 1], "2023-05-01": [100, 1], "2023-09-01": [200, 1], "2023-12-01": [60, 1] };
    expect(months.map((m) => m.month)).toEqual(["02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"].map((mm) => `2023-${mm}-01`));
    for (const m of months) expect([m.spend, m.orders]).toEqual(expected[m.month] ?? [0, 0]);
    expect(await loadMonthlySpend(query, "P5")).toEqual([]);
  });
});

describe("data-quality problems of one customer", () => {
  it("finds the problems on every row naming the customer, also rows dropped from the canonical tables", async () => {
    // orders.csv row 11 (header = 1): O9's date 2023-13-45 — the order never reached `orders`.
    // customers.csv row 7: the second P1 row, a duplicate ID.
    const problems = await loadCustomerProblems(query, info, "P1");
    expect(problems.map((p) => [p.file, p.row, p.reason, p.value])).toEqual([
      ["orders.csv", 11, "bad_date", "2023-13-45"],
      ["customers.csv", 7, "duplicate_id", "P1"],
    ]);
    expect(engine.query("SELECT COUNT(*) AS n FROM orders WHERE order_id = 'O9'").rows[0]?.n).toBe(0);
  });

  it("finds a bad email of one customer and a score out of range of another, and none for a clean one", async () => {
    expect((await loadCustomerProblems(query, info, "P4")).map((p) => [p.file, p.row, p.column, p.reason])).toEqual([["customers.csv", 5, "email", "bad_email"]]);
    expect((await loadCustomerProblems(query, info, "P2")).map((p) => [p.file, p.row, p.column, p.reason])).toEqual([["feedback.csv", 4, "nps_score", "out_of_range"]]);
    expect(await loadCustomerProblems(query, info, "P3")).toEqual([]);
  });
});

it("agrees with the analysis date in force", () => {
  expect(info.asofDay).toBe(day("2023-12-31"));
  expect(info.churnDays).toBe(90);
});
