/** The engine on the tiny shop of tests/fixtures/tiny-shop.ts, every number worked out by hand there and below. */
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, type Engine } from "../../../src/lib/db/engine.ts";
import { loadKpis, loadMonthlySeries } from "../../../src/lib/analytics/overview.ts";
import { NO_FILTERS } from "../../../src/lib/analytics/filters.ts";
import { DEFAULT_SETTINGS, csvFile, day, newEngine, queryFnOf } from "../../helpers/engine.ts";
import { translate } from "../../../src/lib/i18n/index.svelte.ts";
import { CUSTOMERS, FEEDBACK, ORDERS } from "../../fixtures/tiny-shop.ts";

let engine: Engine;

beforeAll(async () => {
  engine = await newEngine();
  const result = await engine.load(
    [csvFile("orders.csv", ORDERS), csvFile("customers.csv", CUSTOMERS), csvFile("feedback.csv", FEEDBACK)],
    false,
    DEFAULT_SETTINGS,
  );
  expect(result.errors).toEqual([]);
});

const rows = (sql: string, params: (string | number)[] = []) => engine.query(sql, params).rows;

describe("loading", () => {
  it("maps each file and keeps every raw row", () => {
    const files = engine.dataset.files;
    expect(files.map((f) => [f.name, f.kind, f.state, f.rows])).toEqual([
      ["orders.csv", "orders", "applied", 8],
      ["customers.csv", "customers", "applied", 4],
      ["feedback.csv", "feedback", "applied", 5],
    ]);
    expect(rows(`SELECT COUNT(*) AS n FROM "${files[0]?.rawTable}"`)[0]?.n).toBe(8);
  });

  it("reports the blank amount with file, row and column, and loads the other rows", () => {
    expect(rows("SELECT file, row, \"column\", reason FROM _problems")).toEqual([
      { file: "orders.csv", row: 9, column: "amount", reason: "missing_required" },
    ]);
    expect(rows("SELECT COUNT(*) AS n FROM orders")[0]?.n).toBe(7);
    expect(rows("SELECT is_return FROM orders WHERE order_id = 'O4'")[0]?.is_return).toBe(1);
  });

  it("names each file's first problem, for the message after a load", () => {
    expect(engine.dataset.files.map((f) => [f.name, f.problemRows, f.firstProblem])).toEqual([
      ["orders.csv", 1, { row: 9, column: "amount", reason: "missing_required" }],
      ["customers.csv", 0, undefined],
      ["feedback.csv", 0, undefined],
    ]);
  });

  it("resolves asof and the churn window from the data", () => {
    expect(engine.dataset.asof).toBe("2024-03-31");
    expect(engine.dataset.suggestedChurnDays).toBe(60);
    expect(engine.dataset.churnDays).toBe(60);
  });
});

describe("customer_summary", () => {
  it("holds R, F, M, stage and churn per customer", () => {
    const summary = rows(
      `SELECT customer_id, first_order, last_order, frequency, recency_days, monetary, lifecycle_stage, churned
       FROM customer_summary ORDER BY customer_id`,
    );
    expect(summary).toEqual([
      { customer_id: "A", first_order: "2024-01-05", last_order: "2024-03-31", frequency: 3, recency_days: 1, monetary: 200, lifecycle_stage: "developing", churned: 0 },
      { customer_id: "B", first_order: "2024-03-01", last_order: "2024-03-01", frequency: 1, recency_days: 31, monetary: 200, lifecycle_stage: "acquired", churned: 0 },
      { customer_id: "C", first_order: "2023-06-15", last_order: "2023-06-15", frequency: 1, recency_days: 291, monetary: 80, lifecycle_stage: "churned", churned: 1 },
      { customer_id: "E", first_order: null, last_order: null, frequency: 0, recency_days: null, monetary: 0, lifecycle_stage: "contact", churned: null },
    ]);
  });

  it("moves asof when set: data after it is ignored", () => {
    engine.applySettings({ ...DEFAULT_SETTINGS, asof: "2024-02-29", churnDays: 30 });
    const a = rows("SELECT frequency, recency_days, monetary, lifecycle_stage FROM customer_summary WHERE customer_id = 'A'")[0];
    // Orders up to 2024-02-29: O1, O2 → 2 orders, 150; last 02-10 → recency 20, inside 30 days.
    expect(a).toEqual({ frequency: 2, recency_days: 20, monetary: 150, lifecycle_stage: "developing" });
    engine.applySettings(DEFAULT_SETTINGS);
  });
});

describe("KPIs", () => {
  it("match the hand-worked values over all time", async () => {
    const { values, periods } = await loadKpis(queryFnOf(engine), engine.dataset, NO_FILTERS);
    const kpi = Object.fromEntries(values.map((v) => [v.id, v.value]));
    // All time has no previous period; a year before asof (2023-03-31) precedes the data.
    expect(periods.previous).toBeNull();
    expect(periods.yearAgo).toBeNull();
    expect(kpi.customers).toBe(3);
    expect(kpi.orders).toBe(5);
    expect(kpi.revenue).toBe(480);
    expect(kpi.aov).toBe(96);
    expect(kpi.frequency).toBeCloseTo(5 / 3, 10);
    expect(kpi.repeat_rate).toBeCloseTo(1 / 3, 10);
    expect(kpi.active_customers).toBe(2);
    expect(kpi.churn_rate).toBeCloseTo(1 / 3, 10);
    expect(kpi.nps).toBe(40);
    expect(kpi.csat).toBe(0.6);
    expect(kpi.ces).toBe(3);
    // One row with a problem out of 8 + 4 + 5 rows loaded.
    expect(kpi.data_quality).toBeCloseTo(1 - 1 / 17, 10);
    expect(kpi.clv_avg).toBeNull();
  });

  it("obey a date range and compare with the previous period of equal length", async () => {
    // 2024-02-01..2024-03-31 is 60 days: O2, O3, O6 → 300 from A and B.
    // Previous 60 days, 2023-12-03..2024-01-31: O1 → 100 from A.
    const filters = { ...NO_FILTERS, from: "2024-02-01", to: "2024-03-31" };
    const { values, periods } = await loadKpis(queryFnOf(engine), engine.dataset, filters);
    const revenue = values.find((v) => v.id === "revenue");
    expect(periods.previous).toEqual({ from: day("2023-12-03"), to: day("2024-01-31") });
    // A year earlier, 2023-02-01..2023-03-31, ends before the first order (2023-06-15): no 同比.
    expect(periods.yearAgo).toBeNull();
    expect(revenue).toEqual({ id: "revenue", value: 300, previous: 100, yearAgo: null });
    expect(values.find((v) => v.id === "customers")?.value).toBe(2);
    // F2 and F4, F5 fall in the range: 9, 7, 3 → (1 − 1) / 3 = 0.
    expect(values.find((v) => v.id === "nps")?.value).toBe(0);
  });

  it("obey a region filter", async () => {
    // East = A and C: O1 100 + O2 50 + O6 50 + O5 80 = 280.
    const { values } = await loadKpis(queryFnOf(engine), engine.dataset, { ...NO_FILTERS, region: ["East"] });
    expect(values.find((v) => v.id === "revenue")?.value).toBe(280);
    expect(values.find((v) => v.id === "customers")?.value).toBe(2);
  });
});

describe("monthly series", () => {
  it("gives revenue per month and customers active at each month end", async () => {
    // Sales: C 2023-06-15 80 | A 2024-01-05 100 | A 2024-02-10 50 | B 2024-03-01 200 | A 2024-03-31 50.
    // Active at a month end = a purchase within the 60-day window before it: C stays active
    // to 2023-07-31 (46 days after its purchase), not 2023-08-31 (77); then A from January,
    // A and B at the end of March.
    const series = await loadMonthlySeries(queryFnOf(engine), engine.dataset, NO_FILTERS);
    expect(series.map((m) => [m.month, m.revenue, m.orders, m.activeCustomers])).toEqual([
      ["2023-06-01", 80, 1, 1],
      ["2023-07-01", 0, 0, 1],
      ["2023-08-01", 0, 0, 0],
      ["2023-09-01", 0, 0, 0],
      ["2023-10-01", 0, 0, 0],
      ["2023-11-01", 0, 0, 0],
      ["2023-12-01", 0, 0, 0],
      ["2024-01-01", 100, 1, 1],
      ["2024-02-01", 50, 1, 1],
      ["2024-03-01", 250, 2, 2],
    ]);
  });
});

describe("replacing loaded data", () => {
  it("keeps the old files while a dropped file waits for its mapping, and drops them once it is applied", async () => {
    const fresh = await newEngine();
    await fresh.load([csvFile("orders.csv", ORDERS)], false, DEFAULT_SETTINGS);
    // "when" is no date column: the orders table lacks its order date, so the user is asked.
    const dropped = await fresh.load([csvFile("mine.csv", "customer_id,amount,when\nX,10.00,soon\nY,20.00,later\n")], true, DEFAULT_SETTINGS);
    expect(dropped.info.files.map((f) => [f.name, f.state])).toEqual([
      ["orders.csv", "applied"],
      ["mine.csv", "needs-mapping"],
    ]);
    expect(fresh.query("SELECT COUNT(*) AS n FROM sales").rows[0]?.n).toBe(5);

    const mine = dropped.info.files[1];
    if (!mine) throw new Error("mine.csv not loaded");
    // Telling it that "when" is the order date still fails every row (no date parses): it is applied, with problems.
    const applied = await fresh.remap(mine.fileId, { ...mine.mapping, columns: [{ table: "orders", field: "customer_id" }, { table: "orders", field: "amount" }, { table: "orders", field: "order_date" }], missing: [], confident: true }, DEFAULT_SETTINGS);
    expect(applied.info.files.map((f) => f.name)).toEqual(["mine.csv"]);
    expect(fresh.query("SELECT reason, COUNT(*) AS n FROM _problems GROUP BY reason").rows).toEqual([{ reason: "bad_date", n: 2 }]);
  });

  it("keeps everything when every dropped file is refused", async () => {
    const fresh = await newEngine();
    await fresh.load([csvFile("orders.csv", ORDERS)], false, DEFAULT_SETTINGS);
    const result = await fresh.load([csvFile("empty.csv", ""), csvFile("data.json", '[{"a": 1}]')], true, DEFAULT_SETTINGS);
    expect(result.errors).toEqual([
      { name: "empty.csv", reason: "empty_file" },
      { name: "data.json", reason: "json_file" },
    ]);
    expect(result.info.files.map((f) => f.name)).toEqual(["orders.csv"]);
    expect(result.info.counts.orders).toBe(7);
  });
});

describe("files too large for the browser", () => {
  it("are refused before reading, with the file named", async () => {
    const fresh = await newEngine();
    const huge = { name: "huge.csv", data: { size: 2_500_000_000 } as Blob };
    const result = await fresh.load([huge], false, DEFAULT_SETTINGS);
    // MAX_FILE_BYTES = 1,073,741,824 bytes is 1.07 GB in the decimal units file managers show.
    expect(MAX_FILE_BYTES).toBe(1024 ** 3);
    expect(result.errors).toEqual([{ name: "huge.csv", reason: "too_large", params: { size: "2.5 GB", max: "1.1 GB" } }]);
  });

  it("say how large a file can be and suggest the per-customer summary, in every language", () => {
    const params = { file: "huge.csv", size: "2.5 GB", max: "1.1 GB" };
    const summaryWord = { en: "summary", "zh-CN": "汇总", "zh-TW": "彙總" } as const;
    for (const locale of ["en", "zh-CN", "zh-TW"] as const) {
      const message = translate(locale, "errors.too_large", params);
      expect(message).toContain("huge.csv");
      expect(message).toContain("1.1 GB");
      expect(message).toContain(summaryWord[locale]);
    }
  });
});

describe("reading a file again with another delimiter or encoding", () => {
  it("re-reads the kept bytes, and keeps the mapping when the headers come out the same", async () => {
    const fresh = await newEngine();
    const semicolons = "order_id;customer_id;order_date;amount\nO1;A;2024-01-05;10,50\nO2;B;2024-01-06;4,50\n";
    const first = await fresh.load([csvFile("eu.csv", semicolons)], false, DEFAULT_SETTINGS);
    const file = first.info.files[0];
    if (!file) throw new Error("eu.csv not loaded");
    expect(file.dialect).toMatchObject({ delimiter: ";", decimalMark: "," });
    expect(fresh.query("SELECT TOTAL(amount) AS revenue FROM sales").rows[0]?.revenue).toBe(15);

    // Read with commas, the header is one column: nothing maps, the file waits for a mapping.
    const wrong = await fresh.reread(file.fileId, { encoding: "utf-8", delimiter: "," }, DEFAULT_SETTINGS);
    const reread = wrong.info.files[0];
    expect(reread?.headers).toEqual(["order_id;customer_id;order_date;amount"]);
    expect(reread?.state).toBe("needs-mapping");
    expect(wrong.info.counts.orders).toBe(0);

    const back = await fresh.reread(reread?.fileId ?? 0, { encoding: "utf-8", delimiter: ";" }, DEFAULT_SETTINGS);
    expect(back.info.files.map((f) => [f.name, f.state, f.headers.length])).toEqual([["eu.csv", "applied", 4]]);
    expect(back.info.counts.orders).toBe(2);
  });
});

describe("ABC tiers", () => {
  it("puts the customers making the first 80 % of revenue in A, the next 15 % in B", async () => {
    // Revenues 50, 30, 10, 6, 4 (total 100): revenue before each = 0, 50, 80, 90, 96 → A A B B C.
    const fresh = await newEngine();
    const csv = ["customer_id,order_date,amount", "P,2024-01-01,50", "Q,2024-01-01,30", "R,2024-01-01,10", "S,2024-01-01,6", "T,2024-01-01,4"].join("\n");
    await fresh.load([csvFile("abc.csv", csv)], false, DEFAULT_SETTINGS);
    expect(fresh.query("SELECT customer_id, abc_tier FROM customer_summary ORDER BY customer_id").rows.map((r) => r.abc_tier).join("")).toBe("AABBC");
  });
});

describe("a per-customer summary instead of transactions", () => {
  it("fills customer_summary and clv_inputs from lifetimes' shape", async () => {
    // Unit week, asof 2024-03-31. K1: frequency 2, recency 10, T 20 weeks → first purchase 140
    // days before asof, last 70 days before: recency_days = 71; orders 3; monetary 3 × 15 = 45.
    const fresh = await newEngine();
    const csv = "customer_id,frequency,recency,T,monetary_value\nK1,2,10,20,15\nK2,0,0,5,0\n";
    const result = await fresh.load([csvFile("summary.csv", csv)], false, { ...DEFAULT_SETTINGS, asof: "2024-03-31", unit: "week" });
    expect(result.info.files[0]?.kind).toBe("summary");
    expect(fresh.query("SELECT customer_id, first_order, last_order, frequency, recency_days, monetary FROM customer_summary ORDER BY customer_id").rows).toEqual([
      { customer_id: "K1", first_order: "2023-11-12", last_order: "2024-01-21", frequency: 3, recency_days: 71, monetary: 45 },
      { customer_id: "K2", first_order: "2024-02-25", last_order: "2024-02-25", frequency: 1, recency_days: 36, monetary: 0 },
    ]);
    expect(fresh.query("SELECT customer_id, x, t_x, T, m FROM clv_inputs ORDER BY customer_id").rows).toEqual([
      { customer_id: "K1", x: 2, t_x: 10, T: 20, m: 15 },
      { customer_id: "K2", x: 0, t_x: 0, T: 5, m: 0 },
    ]);
  });
});
