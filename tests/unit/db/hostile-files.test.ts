/**
 * Every file of the hostile corpus (scripts/hostile/corpus.ts) dropped onto a loaded shop,
 * through the engine as the worker runs it. For each: no exception escapes; the user is told
 * about the file by name (a refusal whose message exists in the locale files, or problems
 * naming the file, an existing row and a column of it); exactly the good rows load (counted
 * by the corpus in plain TypeScript); the tiny shop loaded before keeps its hand-worked
 * numbers; and the engine goes on loading and answering queries.
 */
import { describe, expect, it } from "vitest";
import { FORMULA_PAYLOADS, MARKUP_PAYLOADS, hostileCorpus, markupShop, type HostileFile } from "../../../scripts/hostile/corpus.ts";
import { hostileWorkbooks } from "../../../scripts/hostile/workbooks.ts";
import type { Engine } from "../../../src/lib/db/engine.ts";
import type { LoadResult } from "../../../src/lib/db/protocol.ts";
import { translate } from "../../../src/lib/i18n/index.svelte.ts";
import { DEFAULT_SETTINGS, csvFile, newEngine } from "../../helpers/engine.ts";
import { CUSTOMERS, FEEDBACK, ORDERS } from "../../fixtures/tiny-shop.ts";

/**
 * The tiny shop's own rows, by hand (tests/fixtures/tiny-shop.ts): 7 order lines (O7 has no
 * amount), 480 of revenue without the return, 4 customers, 5 feedback answers.
 */
const TINY = { orderLines: 7, revenue: 480, customers: 4, feedback: 5 };

function tinyNumbers(engine: Engine): typeof TINY {
  const one = (sql: string): number => Number(Object.values(engine.query(sql).rows[0] ?? {})[0] ?? NaN);
  return {
    orderLines: one("SELECT COUNT(*) FROM orders WHERE _file = 1"),
    revenue: one("SELECT SUM(amount) FROM orders WHERE _file = 1 AND is_return = 0"),
    customers: one("SELECT COUNT(*) FROM customers WHERE _file = 2"),
    feedback: one("SELECT COUNT(*) FROM feedback WHERE _file = 3"),
  };
}

async function shopThenDrop(file: HostileFile): Promise<{ engine: Engine; result: LoadResult }> {
  const engine = await newEngine();
  const shop = await engine.load([csvFile("orders.csv", ORDERS), csvFile("customers.csv", CUSTOMERS), csvFile("feedback.csv", FEEDBACK)], false, DEFAULT_SETTINGS);
  expect(shop.errors).toEqual([]);
  expect(tinyNumbers(engine)).toEqual(TINY);
  const result = await engine.load([{ name: file.name, data: new Blob([file.bytes() as Uint8Array<ArrayBuffer>]) }], false, DEFAULT_SETTINGS);
  return { engine, result };
}

/** The problems of a loaded file name it, a row it has (a skipped repeated header aside) and one of its columns or "". */
function expectProblemsNameTheFile(engine: Engine, fileId: number, name: string, headers: string[], rawTable: string | null): void {
  // A file kept as its bytes (2,000 columns) has no raw table to look the rows up in: any data row will do.
  const rows = rawTable === null ? null : new Set(engine.query(`SELECT _row FROM "${rawTable}"`).rows.map((r) => Number(r._row)));
  const problems = engine.query(`SELECT file, row, "column", reason FROM _problems WHERE file_id = ?`, [fileId]).rows;
  for (const p of problems) {
    expect(p.file).toBe(name);
    expect(p.column === "" || headers.includes(String(p.column)), `column ${String(p.column)}`).toBe(true);
    if (p.reason === "repeated_header") expect(Number(p.row)).toBeGreaterThan(1);
    else expect(rows ? rows.has(Number(p.row)) : Number(p.row) > 1, `${String(p.reason)} at row ${String(p.row)}`).toBe(true);
  }
}

describe.each([...hostileCorpus(), ...hostileWorkbooks()])("$name: $what", (file) => {
  it("is refused or loaded as expected, and nothing else changes", async () => {
    const { engine, result } = await shopThenDrop(file);
    const loaded = result.info.files.find((f) => f.name === file.name);
    const expectation = file.expect;

    if ("refused" in expectation || result.errors.length > 0) {
      expect(result.errors).toHaveLength(1);
      const [error] = result.errors;
      expect(error?.name).toBe(file.name);
      // A message the reader can read, naming the file, in every language.
      for (const locale of ["en", "zh-CN", "zh-TW"] as const) {
        const message = translate(locale, `errors.${error?.reason}`, { ...error?.params, file: file.name });
        expect(message).toContain(file.name);
        expect(message).not.toMatch(/\{\w+\}/);
      }
      if ("refused" in expectation) {
        expect(error).toMatchObject({ reason: expectation.refused, ...(expectation.params ? { params: expectation.params } : {}) });
      } else {
        expect("survives" in expectation, `refused (${error?.reason}) though it should load`).toBe(true);
      }
      expect(loaded).toBeUndefined();
      expect(result.info.files.map((f) => f.name)).toEqual(["orders.csv", "customers.csv", "feedback.csv"]);
    } else {
      if (!loaded) throw new Error(`${file.name} not loaded`);
      expectProblemsNameTheFile(engine, loaded.fileId, file.name, loaded.headers, loaded.rawTable);
      if ("orders" in expectation) {
        expect(loaded.state).toBe("applied");
        const { orders, revenue } = engine.query(
          "SELECT COUNT(DISTINCT COALESCE(order_id, _row)) AS orders, SUM(amount) AS revenue FROM orders WHERE _file = ? AND is_return = 0",
          [loaded.fileId],
        ).rows[0] ?? {};
        expect(orders).toBe(expectation.orders);
        expect(Number(revenue)).toBeCloseTo(expectation.revenue, 6);
        const found = engine.query(`SELECT row, "column", reason FROM _problems WHERE file_id = ?`, [loaded.fileId]).rows;
        for (const problem of expectation.problems) expect(found).toContainEqual(problem);
        if (expectation.problems.length > 0) expect(loaded.firstProblem).toBeDefined();
        if (expectation.products) {
          const stored = engine.query("SELECT product FROM orders WHERE _file = ? AND is_return = 0 ORDER BY _row", [loaded.fileId]).rows;
          expect(stored.map((r) => r.product)).toEqual(expectation.products);
        }
        // Every order of the file is in the sales the KPIs read, beside the shop's.
        const sales = Number(engine.query("SELECT SUM(amount) AS revenue FROM sales").rows[0]?.revenue);
        expect(sales).toBeCloseTo(TINY.revenue + expectation.revenue, 6);
      }
    }

    expect(tinyNumbers(engine)).toEqual(TINY);
    // Still usable: another file loads, and its order is in the sales.
    const next = await engine.load([csvFile("after.csv", "order_id,customer_id,order_date,amount\nZ1,A,2024-03-30,20.00\n")], false, DEFAULT_SETTINGS);
    expect(next.errors).toEqual([]);
    expect(engine.query("SELECT amount FROM sales WHERE order_key = 'Z1'").rows).toEqual([{ amount: 20 }]);
  });
});

describe("the markup shop (the browser tests' payloads on every page)", () => {
  it("loads all three files, keeping every payload as the text it is", async () => {
    const engine = await newEngine();
    const result = await engine.load(markupShop().map((f) => csvFile(f.name, f.text)), false, DEFAULT_SETTINGS);
    expect(result.errors).toEqual([]);
    expect(result.info.files.map((f) => [f.kind, f.state])).toEqual([["customers", "applied"], ["orders", "applied"], ["feedback", "applied"]]);
    // Customer i (0–11) has (i mod 4) + 1 orders, order k worth 10 (k + 1) + i.
    let orders = 0;
    let revenue = 0;
    for (let i = 0; i < 12; i++) {
      for (let k = 0; k <= i % 4; k++) {
        orders++;
        revenue += 10 * (k + 1) + i;
      }
    }
    expect(engine.query("SELECT COUNT(*) AS orders, SUM(amount) AS revenue FROM sales").rows).toEqual([{ orders, revenue }]);
    const names = engine.query("SELECT name FROM customers ORDER BY name").rows.map((r) => r.name);
    // Trimmed as every text field is: "\t=1+1" and "\r=1+1" are stored as "=1+1".
    expect(new Set(names)).toEqual(new Set([...MARKUP_PAYLOADS, ...FORMULA_PAYLOADS].map((p) => p.trim())));
    expect(engine.query("SELECT COUNT(*) AS n FROM customers WHERE customer_id = ?", [MARKUP_PAYLOADS[1]]).rows[0]?.n).toBe(1);
  });
});
