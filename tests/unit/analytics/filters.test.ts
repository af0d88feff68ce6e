/**
 * The global filters on a small shop whose customers carry attributes (gender, city,
 * acquisition channel, tier) and whose orders carry a channel; every number worked out by
 * hand below, not with the app's SQL.
 *
 * Customers: A East M 上海 Online Gold | B West F Chengdu Store Silver |
 *            C East F 上海 Online Silver | E West F Chengdu Store Gold (a lead: no order).
 * Sales (the return O4 excluded): O1 A 2024-01-05 100 App | O2 A 2024-02-10 50 (no channel:
 *   A's acquisition channel, Online) | O3 B 2024-03-01 200 Store | O5 C 2023-06-15 80 App |
 *   O6 A 2024-03-31 30 + 20 = 50 Web.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../src/lib/db/engine.ts";
import { loadKpis } from "../../../src/lib/analytics/overview.ts";
import { availableFilterKeys, loadFilterOptions } from "../../../src/lib/analytics/filter-options.ts";
import { customerCondition } from "../../../src/lib/analytics/filter-sql.ts";
import { NO_FILTERS, type Filters, type ListFilterKey } from "../../../src/lib/analytics/filters.ts";
import { DEFAULT_SETTINGS, csvFile, newEngine, queryFnOf } from "../../helpers/engine.ts";

const CUSTOMERS = `customer_id,name,region,gender,city,acquisition_channel,tier
A,张伟,East,M,上海,Online,Gold
B,Mary Smith,West,F,Chengdu,Store,Silver
C,王芳,East,F,上海,Online,Silver
E,Lead Only,West,F,Chengdu,Store,Gold
`;

const ORDERS = `order_id,customer_id,order_date,amount,status,channel
O1,A,2024-01-05,100.00,completed,App
O2,A,2024-02-10,50.00,completed,
O3,B,2024-03-01,200.00,completed,Store
O4,B,2024-03-01,-200.00,returned,Store
O5,C,2023-06-15,80.00,completed,App
O6,A,2024-03-31,30.00,completed,Web
O6,A,2024-03-31,20.00,completed,Web
`;

let engine: Engine;

beforeAll(async () => {
  engine = await newEngine();
  const result = await engine.load([csvFile("customers.csv", CUSTOMERS), csvFile("orders.csv", ORDERS)], false, DEFAULT_SETTINGS);
  expect(result.errors).toEqual([]);
});

async function kpis(patch: Partial<Filters>): Promise<Record<string, number | null>> {
  const { values } = await loadKpis(queryFnOf(engine), engine.dataset, { ...NO_FILTERS, ...patch });
  return Object.fromEntries(values.map((v) => [v.id, v.value]));
}

describe("attribute filters on the KPIs", () => {
  it.each([
    // B 200 + C 80; E is F too but has no order.
    ["gender F", { gender: ["F"] }, { revenue: 280, customers: 2, orders: 2 }],
    // Chinese values are bound like any other: C only.
    ["city 上海 and gender F", { city: ["上海"], gender: ["F"] }, { revenue: 80, customers: 1, orders: 1 }],
    // Two values of one key are either/or: every buyer.
    ["city 上海 or Chengdu", { city: ["上海", "Chengdu"] }, { revenue: 480, customers: 3, orders: 5 }],
    // A and C: 100 + 50 + 50 + 80.
    ["acquisition channel Online", { acquisition_channel: ["Online"] }, { revenue: 280, customers: 2, orders: 4 }],
    // A only (E, also Gold, has no order).
    ["tier Gold", { tier: ["Gold"] }, { revenue: 200, customers: 1, orders: 3 }],
    // O1 and O5.
    ["order channel App", { channel: ["App"] }, { revenue: 180, customers: 2, orders: 2 }],
    // O2 has no channel: it counts under A's acquisition channel.
    ["channel Online (the acquisition channel of an order without one)", { channel: ["Online"] }, { revenue: 50, customers: 1, orders: 1 }],
    // West = B (E has no order): O3 200.
    ["region West and channel Store", { region: ["West"], channel: ["Store"] }, { revenue: 200, customers: 1, orders: 1 }],
    ["a value written like SQL", { gender: ["F' OR '1'='1"] }, { revenue: 0, customers: 0, orders: 0 }],
  ] as const)("%s", async (_name, patch, expected) => {
    const kpi = await kpis(patch as unknown as Partial<Filters>);
    expect({ revenue: kpi.revenue, customers: kpi.customers, orders: kpi.orders }).toEqual(expected);
  });

  it("binds every value and names only its own columns", () => {
    const fragment = customerCondition({ ...NO_FILTERS, gender: ["F"], contract_type: ["a'b"], region: ["East", "West"] });
    expect(fragment.text).toBe("customer_id IN (SELECT customer_id FROM customer_summary WHERE region IN (?, ?) AND gender IN (?) AND contract_type IN (?))");
    expect(fragment.params).toEqual(["East", "West", "F", "a'b"]);
  });
});

describe("filter options with their customers", () => {
  const options = (key: ListFilterKey, filters: Partial<Filters> = {}) =>
    loadFilterOptions(queryFnOf(engine), key, { ...NO_FILTERS, ...filters }).then((list) => [...list].sort((a, b) => (a.value < b.value ? -1 : 1)));

  it("offer the filters with two values or more", async () => {
    // No country or contract type in the data; every other key has two values or more.
    expect(await availableFilterKeys(queryFnOf(engine))).toEqual(["region", "channel", "segment", "tier", "city", "gender", "acquisition_channel"]);
  });

  it("count every customer per attribute value, leads included", async () => {
    expect(await options("region")).toEqual([
      { value: "East", count: 2 },
      { value: "West", count: 2 },
    ]);
    expect(await options("gender")).toEqual([
      { value: "F", count: 3 },
      { value: "M", count: 1 },
    ]);
    expect(await options("city")).toEqual([
      { value: "Chengdu", count: 2 },
      { value: "上海", count: 2 },
    ]);
    expect(await options("contract_type")).toEqual([]);
  });

  it("count orders per channel (a channel belongs to orders)", async () => {
    // App: O1, O5; Online: O2 (no channel: A's acquisition channel); Store: O3 (its return O4 is no order); Web: O6.
    expect(await options("channel")).toEqual([
      { value: "App", count: 2 },
      { value: "Online", count: 1 },
      { value: "Store", count: 1 },
      { value: "Web", count: 1 },
    ]);
    // A's orders only: O1, O2, O6.
    expect(await options("channel", { city: ["上海"], gender: ["M"] })).toEqual([
      { value: "App", count: 1 },
      { value: "Online", count: 1 },
      { value: "Web", count: 1 },
    ]);
  });

  it("give each buyer one segment and leads none", async () => {
    expect((await options("segment")).reduce((s, o) => s + o.count, 0)).toBe(3);
  });

  it("narrow each list by the other filters, not by its own", async () => {
    // Women are B, C, E: East C; West B and E.
    expect(await options("region", { gender: ["F"] })).toEqual([
      { value: "East", count: 1 },
      { value: "West", count: 2 },
    ]);
    // Gender's own list keeps both values.
    expect(await options("gender", { gender: ["F"] })).toEqual([
      { value: "F", count: 3 },
      { value: "M", count: 1 },
    ]);
    // Their orders: B's O3 (Store) and C's O5 (App).
    expect(await options("channel", { gender: ["F"] })).toEqual([
      { value: "App", count: 1 },
      { value: "Store", count: 1 },
    ]);
  });

  it("leave the attributes' counts alone when a channel is chosen (a channel belongs to orders)", async () => {
    expect(await options("region", { channel: ["Web"] })).toEqual([
      { value: "East", count: 2 },
      { value: "West", count: 2 },
    ]);
  });
});
