/**
 * A two-sheet workbook through the engine: the default sheet, the switch to the other sheet
 * from the kept bytes, and the revenue KPI against a sum over the test's own rows.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../src/lib/db/engine.ts";
import { loadKpis } from "../../../src/lib/analytics/overview.ts";
import { NO_FILTERS } from "../../../src/lib/analytics/filters.ts";
import { DEFAULT_SETTINGS, csvFile, newEngine, queryFnOf } from "../../helpers/engine.ts";
import { dateCell, oleOf, workbookOf, zipOf } from "../../helpers/xlsx.ts";

/** Serial 45292 is 2024-01-01 (1900 date system). */
const ORDERS: [id: string, customer: string, serial: number, amount: number][] = [
  ["SO-001", "007", 45292, 120.5],
  ["SO-002", "007", 45310, 80],
  ["SO-003", "012", 45320, 1999.99],
  ["SO-004", "030", 45351, 45.25],
];
const CUSTOMERS = [
  ["客户编号", "姓名", "地区"],
  ["007", "张伟", "华东"],
  ["012", "王芳", "华南"],
  ["030", "李娜", "华北"],
];
const WORKBOOK = workbookOf([
  { name: "客户", rows: CUSTOMERS },
  {
    name: "订单",
    rows: [["订单编号", "客户编号", "下单日期", "金额"], ...ORDERS.map(([id, customer, serial, amount]) => [id, customer, dateCell(serial), amount])],
  },
]);

let engine: Engine;

beforeAll(async () => {
  engine = await newEngine();
  const result = await engine.load([{ name: "crm.xlsx", data: new Blob([WORKBOOK]) }], false, DEFAULT_SETTINGS);
  expect(result.errors).toEqual([]);
});

describe("a workbook in the engine", () => {
  it("reads the first sheet that maps, and says which sheets there are", () => {
    const [file] = engine.dataset.files;
    expect(file?.workbook).toEqual({ names: ["客户", "订单"], sheet: "客户" });
    expect([file?.kind, file?.state, file?.rows]).toEqual(["customers", "applied", 3]);
    expect(engine.query("SELECT customer_id, name FROM customers ORDER BY customer_id").rows).toEqual([
      { customer_id: "007", name: "张伟" },
      { customer_id: "012", name: "王芳" },
      { customer_id: "030", name: "李娜" },
    ]);
  });

  it("re-reads another sheet from the kept bytes, and the revenue is the orders' sum", async () => {
    const fileId = engine.dataset.files[0]?.fileId ?? -1;
    const result = await engine.reread(fileId, { sheet: "订单" }, DEFAULT_SETTINGS);
    expect(result.errors).toEqual([]);
    const [file] = engine.dataset.files;
    expect(file?.workbook?.sheet).toBe("订单");
    expect([file?.kind, file?.state, file?.rows]).toEqual(["orders", "applied", 4]);
    const revenue = ORDERS.reduce((sum, order) => sum + order[3], 0);
    const { values } = await loadKpis(queryFnOf(engine), engine.dataset, NO_FILTERS);
    expect(values.find((v) => v.id === "revenue")?.value).toBeCloseTo(revenue, 6);
    // Serial 45351 is 59 days after 2024-01-01: 2024-02-29 (a leap year).
    expect(engine.dataset.asof).toBe("2024-02-29");
    expect(engine.query("SELECT customer_id FROM orders WHERE order_id = 'SO-001'").rows).toEqual([{ customer_id: "007" }]);
  });
});

describe("a workbook kept in a project", () => {
  it("comes back with its sheets, and another sheet can still be read from its kept bytes", async () => {
    const reopened = await newEngine();
    const opened = await reopened.open("crm.sqlite", engine.exportDatabase(), DEFAULT_SETTINGS, engine.sources());
    expect(opened.errors).toEqual([]);
    const [file] = reopened.dataset.files;
    expect(file?.workbook).toEqual({ names: ["客户", "订单"], sheet: "订单" });
    await reopened.reread(file?.fileId ?? -1, { sheet: "客户" }, DEFAULT_SETTINGS);
    expect(reopened.dataset.files.map((f) => [f.workbook?.sheet, f.kind])).toEqual([["客户", "customers"]]);
  });
});

describe("workbooks the engine refuses", () => {
  it("names the file and the reason, and still loads the others", async () => {
    const fresh = await newEngine();
    const { errors, info } = await fresh.load(
      [
        { name: "old.xls", data: new Blob([oleOf({ Workbook: new Uint8Array(64) })]) },
        { name: "locked.xlsx", data: new Blob([oleOf({ EncryptionInfo: new Uint8Array(8), EncryptedPackage: new Uint8Array(8) })]) },
        { name: "sales.numbers", data: new Blob([zipOf({ "Index/Document.iwa": new Uint8Array(8) })]) },
        { name: "empty.xlsx", data: new Blob([workbookOf([{ name: "Sheet1", rows: [] }])]) },
        csvFile("ok.csv", "customer_id,name\nA,Ann\n"),
      ],
      false,
      DEFAULT_SETTINGS,
    );
    expect(errors).toEqual([
      { name: "old.xls", reason: "xlsx.xls" },
      { name: "locked.xlsx", reason: "xlsx.encrypted" },
      { name: "sales.numbers", reason: "xlsx.iwork" },
      { name: "empty.xlsx", reason: "xlsx.no_data" },
    ]);
    expect(info.files.map((f) => [f.name, f.workbook])).toEqual([["ok.csv", undefined]]);
  });
});
