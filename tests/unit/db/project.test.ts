/**
 * Project files (the whole database as .sqlite): saved from one engine and opened in another,
 * they bring back the files, mappings and problems, and the derived tables are rebuilt for the
 * settings in force. Every number is worked out by hand in tests/fixtures/tiny-shop.ts.
 */
import initSqlJs from "sql.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../src/lib/db/engine.ts";
import type { FileMapping } from "../../../src/lib/ingest/mapping.ts";
import { loadKpis } from "../../../src/lib/analytics/overview.ts";
import { NO_FILTERS } from "../../../src/lib/analytics/filters.ts";
import { DEFAULT_SETTINGS, csvFile, newEngine, queryFnOf } from "../../helpers/engine.ts";
import { CUSTOMERS, FEEDBACK, ORDERS } from "../../fixtures/tiny-shop.ts";

// Dutch headers the mapping does not know: the file waits until the user maps it.
// X 10.00 on 2024-01-05 and Y 20.00 on 2024-01-06 add 2 orders, 30 of revenue and 2 buyers.
const DUTCH = "klant;bedrag;datum\nX;10.00;2024-01-05\nY;20.00;2024-01-06\n";
const DUTCH_MAPPING = (mapping: FileMapping): FileMapping => ({
  ...mapping,
  kind: "orders",
  columns: [
    { table: "orders", field: "customer_id" },
    { table: "orders", field: "amount" },
    { table: "orders", field: "order_date" },
  ],
  confidence: [1, 1, 1],
  missing: [],
  confident: true,
});

let saved: Uint8Array;
let original: Engine;

beforeAll(async () => {
  original = await newEngine();
  await original.load(
    [csvFile("orders.csv", ORDERS), csvFile("customers.csv", CUSTOMERS), csvFile("feedback.csv", FEEDBACK), csvFile("dutch.csv", DUTCH)],
    false,
    DEFAULT_SETTINGS,
  );
  const dutch = original.dataset.files.find((f) => f.name === "dutch.csv");
  if (!dutch) throw new Error("dutch.csv not loaded");
  expect(dutch.state).toBe("needs-mapping");
  await original.remap(dutch.fileId, DUTCH_MAPPING(dutch.mapping), DEFAULT_SETTINGS);
  saved = original.exportDatabase();
});

async function kpisOf(engine: Engine): Promise<Record<string, number | null>> {
  const { values } = await loadKpis(queryFnOf(engine), engine.dataset, NO_FILTERS);
  return Object.fromEntries(values.map((v) => [v.id, v.value]));
}

describe("opening a project", () => {
  it("brings back the files, their reading and mappings, and the problems", async () => {
    const engine = await newEngine();
    const result = await engine.open("shop.sqlite", saved, DEFAULT_SETTINGS);
    expect(result.errors).toEqual([]);
    const strip = (files: Engine["dataset"]["files"]) => files.map(({ fileId, name, state, mapping, headers, dialect, encoding, rows, problemRows }) => ({ fileId, name, state, mapping, headers, dialect, encoding, rows, problemRows }));
    expect(strip(result.info.files)).toEqual(strip(original.dataset.files));
    expect(result.info.files.map((f) => [f.name, f.state, f.problemRows])).toEqual([
      ["orders.csv", "applied", 1],
      ["customers.csv", "applied", 0],
      ["feedback.csv", "applied", 0],
      ["dutch.csv", "applied", 0],
    ]);
    expect(engine.query('SELECT file, row, "column", reason FROM _problems').rows).toEqual([
      { file: "orders.csv", row: 9, column: "amount", reason: "missing_required" },
    ]);
  });

  it("gives the same KPIs as the engine that saved it", async () => {
    const engine = await newEngine();
    await engine.open("shop.sqlite", saved, DEFAULT_SETTINGS);
    const kpi = await kpisOf(engine);
    // The tiny shop's 480 from 5 orders and 3 buyers, plus the Dutch file's 30 from X and Y.
    expect(kpi.revenue).toBe(510);
    expect(kpi.orders).toBe(7);
    expect(kpi.customers).toBe(5);
    expect(kpi.nps).toBe(40);
    // One row with a problem out of 8 + 4 + 5 + 2 rows loaded.
    expect(kpi.data_quality).toBeCloseTo(1 - 1 / 19, 10);
    expect(kpi).toEqual(await kpisOf(original));
  });

  it("rebuilds the derived tables for the settings in force, not those it was saved with", async () => {
    const engine = await newEngine();
    const result = await engine.open("shop.sqlite", saved, { ...DEFAULT_SETTINGS, asof: "2024-02-29", churnDays: 30 });
    expect(result.info.asof).toBe("2024-02-29");
    expect(result.info.churnDays).toBe(30);
    // Orders of A up to 2024-02-29: O1 100 and O2 50 → 2 orders, 150; last on 02-10 → recency 20.
    const a = engine.query("SELECT frequency, recency_days, monetary, lifecycle_stage FROM customer_summary WHERE customer_id = 'A'").rows[0];
    expect(a).toEqual({ frequency: 2, recency_days: 20, monetary: 150, lifecycle_stage: "developing" });
  });

  it("keeps working after opening: a file dropped next gets a new id and adds to the data", async () => {
    const engine = await newEngine();
    await engine.open("shop.sqlite", saved, DEFAULT_SETTINGS);
    const added = await engine.load([csvFile("more.csv", "order_id,customer_id,order_date,amount\nO9,Z,2024-03-15,5.00\n")], false, DEFAULT_SETTINGS);
    expect(added.errors).toEqual([]);
    expect(added.info.files.map((f) => f.fileId)).toEqual([1, 2, 3, 4, 5]);
    expect((await kpisOf(engine)).revenue).toBe(515);
  });

  it("rebuilds the canonical tables from the raw tables when they come from a version with other columns", async () => {
    const SQL = await initSqlJs();
    const older = new SQL.Database(saved);
    older.run("ALTER TABLE orders DROP COLUMN channel");
    older.run("DELETE FROM orders");
    const bytes = older.export();
    older.close();
    const engine = await newEngine();
    expect((await engine.open("older.sqlite", bytes, DEFAULT_SETTINGS)).errors).toEqual([]);
    expect(engine.query("SELECT COUNT(*) AS n FROM pragma_table_info('orders') WHERE name = 'channel'").rows[0]?.n).toBe(1);
    expect((await kpisOf(engine)).revenue).toBe(510);
    // The mapping's problem comes back once, not twice.
    expect(engine.query("SELECT COUNT(*) AS n FROM _problems").rows[0]?.n).toBe(1);
  });
});

describe("refusing what is not a project", () => {
  it("names the file and keeps the data loaded, for any SQLite file, a newer format, or no SQLite at all", async () => {
    const SQL = await initSqlJs();
    const other = new SQL.Database();
    other.run("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hello')");
    const newer = new SQL.Database(saved);
    newer.run("UPDATE _meta SET value = '99' WHERE key = 'format'");
    const engine = await newEngine();
    await engine.open("shop.sqlite", saved, DEFAULT_SETTINGS);
    const cases: [string, Uint8Array, string][] = [
      ["notes.sqlite", other.export(), "not_project"],
      ["future.sqlite", newer.export(), "project_newer"],
      ["orders.db", new TextEncoder().encode(ORDERS), "not_project"],
      ["empty.sqlite", new Uint8Array(0), "not_project"],
    ];
    for (const [name, bytes, reason] of cases) {
      expect((await engine.open(name, bytes, DEFAULT_SETTINGS)).errors).toEqual([{ name, reason }]);
    }
    expect((await kpisOf(engine)).revenue).toBe(510);
  });
});

describe("the original bytes of a file", () => {
  it("re-read with another delimiter when they were kept beside the project, and a message says when they were not", async () => {
    const semicolons = "order_id;customer_id;order_date;amount\nO1;A;2024-01-05;10,50\nO2;B;2024-01-06;4,50\n";
    const first = await newEngine();
    await first.load([csvFile("eu.csv", semicolons)], false, DEFAULT_SETTINGS);
    const bytes = first.exportDatabase();
    const sources = first.sources();
    expect([...sources.keys()]).toEqual([1]);

    const without = await newEngine();
    await without.open("eu.sqlite", bytes, DEFAULT_SETTINGS);
    const refused = await without.reread(1, { encoding: "utf-8", delimiter: "," }, DEFAULT_SETTINGS);
    expect(refused.errors).toEqual([{ name: "eu.csv", reason: "source_missing" }]);
    expect(refused.info.counts.orders).toBe(2);

    const withSources = await newEngine();
    await withSources.open("eu.sqlite", bytes, DEFAULT_SETTINGS, sources);
    const reread = await withSources.reread(1, { encoding: "utf-8", delimiter: "," }, DEFAULT_SETTINGS);
    expect(reread.errors).toEqual([]);
    expect(reread.info.files[0]?.headers).toEqual(["order_id;customer_id;order_date;amount"]);
  });
});

describe("what the browser may keep", () => {
  it("is the user's own files only: never the demo, nor the demo with a file waiting for its mapping", async () => {
    const engine = await newEngine();
    expect(engine.keepable).toBe(false);
    await engine.load([{ ...csvFile("orders.csv", ORDERS), demo: true }], true, DEFAULT_SETTINGS);
    expect(engine.keepable).toBe(false);
    await engine.load([csvFile("dutch.csv", DUTCH)], true, DEFAULT_SETTINGS);
    expect(engine.dataset.files.map((f) => f.name)).toEqual(["orders.csv", "dutch.csv"]);
    expect(engine.keepable).toBe(false);
    const dutch = engine.dataset.files[1];
    if (!dutch) throw new Error("dutch.csv not loaded");
    await engine.remap(dutch.fileId, DUTCH_MAPPING(dutch.mapping), DEFAULT_SETTINGS);
    expect(engine.dataset.files.map((f) => f.name)).toEqual(["dutch.csv"]);
    expect(engine.keepable).toBe(true);
  });
});

describe("the size of a project", () => {
  it("gives back the pages of files removed before saving", async () => {
    const engine = await newEngine();
    const big = ["order_id,customer_id,order_date,amount", ...Array.from({ length: 20_000 }, (_, i) => `B${i},C${i % 500},2024-01-${String((i % 28) + 1).padStart(2, "0")},${i % 97}.50`)].join("\n");
    await engine.load([{ ...csvFile("big.csv", big), demo: true }], true, DEFAULT_SETTINGS);
    const withBig = engine.exportDatabase().byteLength;
    await engine.load([csvFile("small.csv", ORDERS)], true, DEFAULT_SETTINGS);
    const small = engine.exportDatabase().byteLength;
    const fresh = await newEngine();
    await fresh.load([csvFile("small.csv", ORDERS)], true, DEFAULT_SETTINGS);
    // The big file's pages are gone: the project is as small as one that never held it.
    expect(small).toBeLessThan(withBig / 4);
    expect(small).toBe(fresh.exportDatabase().byteLength);
  });
});
