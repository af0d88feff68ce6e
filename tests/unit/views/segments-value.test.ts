import { describe, expect, it } from "vitest";
import { SEGMENTS } from "../../../src/lib/models/rfm.ts";
import { MEMBER_COLUMNS, type SegmentMember } from "../../../src/lib/analytics/segments.ts";
import { cellMixes, isSegment, segmentKey, SEGMENT_TONE } from "../../../src/views/segments/segment-meta.ts";
import { pivotBreakdown } from "../../../src/views/segments/breakdown.ts";
import { membersCsv, membersFileName } from "../../../src/views/segments/member-export.ts";
import { rowWindow } from "../../../src/views/shared/virtual-rows.ts";
import { sortRows } from "../../../src/views/shared/sort-rows.ts";
import { formatMoneyWhole } from "../../../src/views/shared/money.ts";
import { joinList } from "../../../src/views/shared/list.ts";
import { cdnowFit } from "../../helpers/clv-fit.ts";
import { histogramPoints, modelReadings, paramRows, topCustomers, valueSummary, type ValueCustomer } from "../../../src/views/value/clv-view.ts";

const member = (patch: Partial<SegmentMember>): SegmentMember => ({
  customer_id: "C1",
  name: null,
  email: null,
  phone: null,
  region: null,
  tier: null,
  recency_days: 10,
  frequency: 2,
  monetary: 100,
  r_score: 5,
  f_score: 5,
  m_score: 5,
  segment: "Champions",
  abc_tier: "A",
  p_alive: null,
  expected_purchases: null,
  clv: null,
  ...patch,
});

describe("segment meta", () => {
  it("keys and colours every segment", () => {
    expect(SEGMENTS.map(segmentKey)).toEqual([
      "champions", "loyal", "potential_loyalists", "new_customers", "promising", "need_attention",
      "about_to_sleep", "cannot_lose_them", "at_risk", "hibernating", "lost",
    ]);
    expect(new Set(SEGMENTS.map((s) => SEGMENT_TONE[s])).size).toBe(11);
    expect(isSegment("At Risk")).toBe(true);
    expect(isSegment("at risk")).toBe(false);
  });

  it("splits an R×F cell across segments, the largest first (the worked example)", () => {
    const mixes = cellMixes([
      member({ segment: "Potential Loyalists" }),
      member({ segment: "Champions" }),
      member({ segment: "Champions" }),
      member({ r_score: 1, f_score: 1, segment: "Lost" }),
    ]);
    expect(mixes.get("5,5")).toEqual({
      r: 5,
      f: 5,
      customers: 3,
      segments: [
        { segment: "Champions", customers: 2 },
        { segment: "Potential Loyalists", customers: 1 },
      ],
    });
    expect(mixes.get("1,1")?.segments[0]?.segment).toBe("Lost");
    expect(mixes.has("3,3")).toBe(false);
  });

  it("breaks a tie in a cell by the map's order", () => {
    const mixes = cellMixes([member({ segment: "Potential Loyalists" }), member({ segment: "Champions" })]);
    expect(mixes.get("5,5")?.segments.map((s) => s.segment)).toEqual(["Champions", "Potential Loyalists"]);
  });
});

describe("breakdowns", () => {
  const cells = [
    { value: "East", group: "Champions", customers: 3, revenue: 300 },
    { value: "East", group: "Lost", customers: 1, revenue: 10 },
    { value: "West", group: "Lost", customers: 2, revenue: 20 },
    { value: null, group: "Champions", customers: 1, revenue: 500 },
    { value: "West", group: "Unknown group", customers: 9, revenue: 9 },
  ];
  it("pivots one row per value, largest first (the worked example)", () => {
    expect(pivotBreakdown(cells, ["Champions", "Lost"], "customers")).toEqual([
      { value: "East", other: false, values: [3, 1], total: 4 },
      { value: "West", other: false, values: [0, 2], total: 2 },
      { value: null, other: false, values: [1, 0], total: 1 },
    ]);
    expect(pivotBreakdown(cells, ["Champions", "Lost"], "revenue").map((r) => [r.value, r.total])).toEqual([
      [null, 500],
      ["East", 310],
      ["West", 20],
    ]);
  });
  it("folds the smallest values into one row past the limit", () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ value: `City ${i}`, group: "Lost", customers: 100 - i, revenue: 0 }));
    const rows = pivotBreakdown(many, ["Lost"], "customers", 5);
    expect(rows).toHaveLength(5);
    expect(rows.slice(0, 4).map((r) => r.value)).toEqual(["City 0", "City 1", "City 2", "City 3"]);
    expect(rows[4]).toEqual({ value: null, other: true, values: [96 + 95 + 94 + 93 + 92 + 91 + 90 + 89], total: 740 });
  });
});

describe("member export", () => {
  it("writes every member column, BOM first, formulas neutralised, numbers untouched", async () => {
    const csv = await membersCsv([member({ customer_id: "C7", name: "=HYPERLINK(\"x\")", email: "@evil", monetary: -12.5, segment: "At Risk" })]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, row] = csv.slice(1).trim().split("\r\n");
    expect(header).toBe(MEMBER_COLUMNS.join(","));
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain("'@evil");
    expect(row).toContain(",-12.5,");
    expect(row).toContain(",At Risk,");
  });
  it("names the file after the segment", () => {
    expect(membersFileName(["Champions"])).toBe("segment-champions.csv");
    expect(membersFileName(["Cannot Lose Them"])).toBe("segment-cannot-lose-them.csv");
    expect(membersFileName(["At Risk", "Lost"])).toBe("segment-at-risk-lost.csv");
    expect(membersFileName([])).toBe("customers.csv");
  });
});

describe("virtual rows", () => {
  it("renders the rows in view plus the overscan (the worked example)", () => {
    expect(rowWindow(3400, 340, 34, 1000, 5)).toEqual({ start: 95, end: 116, before: 3230, after: 30_056 });
  });
  it("keeps the whole scroll height: before + rendered + after = all rows", () => {
    for (const top of [0, 17, 1_000_000, 1_699_966, 5_000_000]) {
      const w = rowWindow(top, 440, 34, 50_000);
      expect(w.before + (w.end - w.start) * 34 + w.after).toBe(50_000 * 34);
      expect(w.end - w.start).toBeLessThan(40);
    }
    expect(rowWindow(1_699_966, 440, 34, 50_000).end).toBe(50_000);
  });
  it("handles no rows and the top", () => {
    expect(rowWindow(0, 400, 34, 0)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
    expect(rowWindow(-50, 400, 34, 3)).toEqual({ start: 0, end: 3, before: 0, after: 0 });
  });
});

describe("sorting rows", () => {
  const compare = new Intl.Collator("en", { numeric: true }).compare;
  it("sorts numbers numerically with empty values last both ways", () => {
    const rows = [{ v: 3 }, { v: null }, { v: 10 }, { v: 1 }];
    expect(sortRows(rows, (r) => r.v, "asc", compare).map((r) => r.v)).toEqual([1, 3, 10, null]);
    expect(sortRows(rows, (r) => r.v, "desc", compare).map((r) => r.v)).toEqual([10, 3, 1, null]);
  });
  it("sorts text in the reader's order, numbers inside text numerically, ties kept in place", () => {
    const rows = [{ v: "C10", i: 0 }, { v: "C2", i: 1 }, { v: "c2", i: 2 }, { v: "", i: 3 }];
    expect(sortRows(rows, (r) => r.v, "asc", new Intl.Collator("en", { numeric: true, sensitivity: "base" }).compare).map((r) => r.i)).toEqual([1, 2, 0, 3]);
    const zh = new Intl.Collator("zh-CN").compare;
    expect(sortRows([{ v: "张" }, { v: "李" }, { v: "王" }], (r) => r.v, "asc", zh).map((r) => r.v)).toEqual(["李", "王", "张"]);
  });
  it("leaves the input alone", () => {
    const rows = [{ v: 2 }, { v: 1 }];
    sortRows(rows, (r) => r.v, "asc", compare);
    expect(rows.map((r) => r.v)).toEqual([2, 1]);
  });
});

describe("formatting helpers", () => {
  it("writes money in whole units and lists in the reader's language", () => {
    expect(formatMoneyWhole(4025022.64, "en", "CNY")).toBe("CN¥4,025,023");
    expect(formatMoneyWhole(4025022.64, "zh-CN", "CNY")).toBe("¥4,025,023");
    expect(formatMoneyWhole(1234.5, "en", null)).toBe("1,235");
    expect(formatMoneyWhole(null, "en", null)).toBe("—");
    expect(joinList(["A", "B", "C"], "en")).toBe("A, B, and C");
    expect(joinList(["甲", "乙", "丙"], "zh-CN")).toBe("甲、乙和丙");
  });
});

const CDNOW_FIT = cdnowFit(120);

describe("predictive value", () => {
  it("lists the fitted parameters under their model_params names", () => {
    expect(paramRows(CDNOW_FIT).map((p) => [p.model, p.name, p.symbol, p.value])).toEqual([
      ["bgnbd", "r", "r", 0.2426],
      ["bgnbd", "alpha", "α", 4.4136],
      ["bgnbd", "a", "a", 0.7929],
      ["bgnbd", "b", "b", 2.4259],
      ["gamma_gamma", "p", "p", 6.25],
      ["gamma_gamma", "q", "q", 3.74],
      ["gamma_gamma", "v", "v", 15.44],
    ]);
    expect(paramRows({ ...CDNOW_FIT, status: "no_convergence" })).toEqual([]);
    expect(paramRows({ ...CDNOW_FIT, gammaGamma: null }).map((p) => p.name)).toEqual(["r", "alpha", "a", "b"]);
  });

  it("reads the parameters as a course states them (the CDNOW worked example)", () => {
    const readings = modelReadings(CDNOW_FIT);
    expect(readings.purchaseRate).toBeCloseTo(0.055, 3);
    expect(readings.dropout).toBeCloseTo(0.2463, 4);
    expect(readings.meanSpend).toBeCloseTo(35.22, 2);
    expect(modelReadings({ ...CDNOW_FIT, gammaGamma: { p: 1, q: 0.9, v: 1 } }).meanSpend).toBeNull();
    expect(modelReadings({ ...CDNOW_FIT, status: "too_few", bgnbd: null, gammaGamma: null })).toEqual({ purchaseRate: null, dropout: null, meanSpend: null });
  });

  const customers: ValueCustomer[] = [
    { customer_id: "A", name: null, segment: "Champions", frequency: 5, monetary: 500, p_alive: 0.9, expected_purchases: 2, clv: 300 },
    { customer_id: "B", name: null, segment: "Lost", frequency: 1, monetary: 900, p_alive: 0.1, expected_purchases: 0.5, clv: 20 },
    { customer_id: "C", name: null, segment: "Loyal", frequency: 3, monetary: 100, p_alive: 0.8, expected_purchases: 1.5, clv: 400 },
  ];

  it("sums up historic and predicted value", () => {
    const s = valueSummary(customers);
    expect(s.customers).toBe(3);
    expect(s.predicted).toBe(3);
    expect(s.meanPAlive).toBeCloseTo(0.6, 12);
    expect(s.expectedPurchases).toBe(4);
    expect(s.meanClv).toBeCloseTo(240, 12);
    expect(s.totalClv).toBe(720);
    expect(s.totalHistoric).toBe(1500);
    const historicOnly = valueSummary(customers.map((c) => ({ ...c, p_alive: null, expected_purchases: null, clv: null })));
    expect([historicOnly.meanPAlive, historicOnly.expectedPurchases, historicOnly.meanClv, historicOnly.totalClv]).toEqual([null, null, null, null]);
    expect(historicOnly.meanHistoric).toBe(500);
  });

  it("ranks the top customers by CLV when predicted, else by historic value", () => {
    expect(topCustomers(customers, 2)).toEqual({ by: "clv", rows: [customers[2], customers[0]] });
    const historic = customers.map((c) => ({ ...c, clv: null }));
    expect(topCustomers(historic).by).toBe("monetary");
    expect(topCustomers(historic).rows.map((c) => c.customer_id)).toEqual(["B", "A", "C"]);
  });

  it("labels histogram bars, the open last one with 'and more'", () => {
    const points = histogramPoints(
      [
        { x0: 0, x1: 100, count: 4, open: false },
        { x0: 100, x1: 200, count: 1, open: true },
      ],
      (v) => `¥${v}`,
      (a, b) => `${a} – ${b}`,
      (a) => `${a} and more`,
    );
    expect(points).toEqual([
      { key: "0", label: "¥0 – ¥100", tick: "¥0", value: 4 },
      { key: "100", label: "¥100 and more", tick: "¥100", value: 1 },
    ]);
  });
});
