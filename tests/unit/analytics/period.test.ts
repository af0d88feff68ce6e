/**
 * Period over period (环比) and year over year (同比) on a shop with two springs of orders,
 * every number worked out by hand:
 *
 *   P1 A 2023-03-10 100 | P2 B 2023-03-20 60 | P3 A 2024-02-15 40 | P4 A 2024-03-05 150 |
 *   P5 C 2024-03-25 90 | P6 B 2024-03-31 10            asof = 2024-03-31
 *
 * March 2024 (31 days): P4 P5 P6 → revenue 250, 3 orders, 3 customers, AOV 83.33.
 * 环比, 2024-01-30 … 2024-02-29: P3 → 40, 1 order, 1 customer.
 * 同比, 2023-03-01 … 2023-03-31: P1 P2 → 160, 2 orders, 2 customers, AOV 80.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../src/lib/db/engine.ts";
import { loadKpis } from "../../../src/lib/analytics/overview.ts";
import { dayYearBefore, resolvePeriods } from "../../../src/lib/analytics/period.ts";
import { NO_FILTERS } from "../../../src/lib/analytics/filters.ts";
import { metricChange } from "../../../src/views/overview/metric-format.ts";
import { DEFAULT_SETTINGS, csvFile, day, newEngine, queryFnOf } from "../../helpers/engine.ts";

const ORDERS = `order_id,customer_id,order_date,amount
P1,A,2023-03-10,100
P2,B,2023-03-20,60
P3,A,2024-02-15,40
P4,A,2024-03-05,150
P5,C,2024-03-25,90
P6,B,2024-03-31,10
`;

let engine: Engine;

beforeAll(async () => {
  engine = await newEngine();
  const result = await engine.load([csvFile("orders.csv", ORDERS)], false, DEFAULT_SETTINGS);
  expect(result.errors).toEqual([]);
});

describe("the periods compared", () => {
  const info = { asofDay: day("2024-03-31"), firstDay: day("2023-03-10") };

  it("are the previous period of equal length and the same dates a year earlier", () => {
    expect(resolvePeriods({ ...NO_FILTERS, from: "2024-03-01", to: "2024-03-31" }, info)).toEqual({
      current: { from: day("2024-03-01"), to: day("2024-03-31") },
      previous: { from: day("2024-01-30"), to: day("2024-02-29") },
      yearAgo: { from: day("2023-03-01"), to: day("2023-03-31") },
    });
  });

  it("end at asof when the range goes past it", () => {
    expect(resolvePeriods({ ...NO_FILTERS, from: "2024-03-30", to: "2024-12-31" }, info).previous).toEqual({ from: day("2024-03-28"), to: day("2024-03-29") });
  });

  it("drop a comparison that ends before the first day of data", () => {
    // 2023-03-10 … 2023-03-31 (22 days): the previous 22 days end on 2023-03-09.
    expect(resolvePeriods({ ...NO_FILTERS, from: "2023-03-10", to: "2023-03-31" }, info).previous).toBeNull();
    // January and February 2024 a year earlier end on 2023-02-28; the previous 60 days end on 2023-12-31 and stay.
    const periods = resolvePeriods({ ...NO_FILTERS, from: "2024-01-01", to: "2024-02-29" }, info);
    expect(periods.yearAgo).toBeNull();
    expect(periods.previous).toEqual({ from: day("2023-11-02"), to: day("2023-12-31") });
  });

  it("compare all time only with all time up to a year earlier", () => {
    const periods = resolvePeriods(NO_FILTERS, info);
    expect(periods.previous).toBeNull();
    expect(periods.yearAgo?.to).toBe(day("2023-03-31"));
  });

  it.each([
    ["2024-03-31", "2023-03-31"],
    ["2024-02-29", "2023-02-28"],
    ["2025-03-01", "2024-03-01"],
    ["2024-01-01", "2023-01-01"],
  ])("a year before %s is %s", (iso, expected) => {
    expect(dayYearBefore(day(iso))).toBe(day(expected));
  });
});

describe("KPIs against both comparisons", () => {
  it("give March 2024 against February and against March 2023", async () => {
    const { values } = await loadKpis(queryFnOf(engine), engine.dataset, { ...NO_FILTERS, from: "2024-03-01", to: "2024-03-31" });
    const byId = Object.fromEntries(values.map((v) => [v.id, v]));
    expect(byId.revenue).toEqual({ id: "revenue", value: 250, previous: 40, yearAgo: 160 });
    expect(byId.orders).toEqual({ id: "orders", value: 3, previous: 1, yearAgo: 2 });
    expect(byId.customers).toEqual({ id: "customers", value: 3, previous: 1, yearAgo: 2 });
    expect(byId.aov?.value).toBeCloseTo(250 / 3, 10);
    expect(byId.aov?.yearAgo).toBe(80);
    // A describes the data as loaded, not a period: no comparison.
    expect(byId.data_quality).toMatchObject({ previous: null, yearAgo: null });
  });

  it("write the changes as the cards show them", () => {
    // 环比 (250 − 40) / 40 = +525 %; 同比 (250 − 160) / 160 = +56.25 %.
    expect(metricChange(250, 40, "money", true, "en")?.text).toBe("+525.0%");
    expect(metricChange(250, 160, "money", true, "zh-CN")?.text).toBe("+56.3%");
    // AOV 83.33 against 80: +4.2 %.
    expect(metricChange(250 / 3, 80, "money", true, "en")?.text).toBe("+4.2%");
  });

  it("give all time against all time a year earlier, with no 环比", async () => {
    const { values, periods } = await loadKpis(queryFnOf(engine), engine.dataset, NO_FILTERS);
    expect(periods.previous).toBeNull();
    // Everything (450) against P1 + P2 (160).
    expect(values.find((v) => v.id === "revenue")).toEqual({ id: "revenue", value: 450, previous: null, yearAgo: 160 });
  });
});
