/**
 * A file too large for a raw table is kept as its original bytes (`_sources`): it loads the
 * same canonical rows and problems, re-maps by reading the bytes again, and travels inside a
 * project file. `rawCopyMaxBytes: 0` treats the tiny files here as large ones.
 */
import { describe, expect, it } from "vitest";
import type { Engine } from "../../../src/lib/db/engine.ts";
import type { FileMapping } from "../../../src/lib/ingest/mapping.ts";
import { loadCustomerProblems } from "../../../src/lib/analytics/customer-profile.ts";
import { DEFAULT_SETTINGS, csvFile, newEngine, queryFnOf } from "../../helpers/engine.ts";

// Row 3 is short (a parse problem, then padded: its amount is missing); row 4's amount is not
// a number (a convert problem, which also leaves the suggested mapping doubtful until confirmed).
const ORDERS = [
  "order_id,customer_id,order_date,amount,note",
  "O1,A,2024-01-05,10,x",
  "O2,B,2024-01-06",
  "O3,B,2024-01-07,abc,z",
  "O4,B,2024-01-08,5,w",
  "O5,C,2024-01-09,6,v",
  "",
].join("\n");

const problemsOf = (engine: Engine) =>
  engine.query(`SELECT row, reason, stage FROM _problems ORDER BY row, stage`).rows.map((r) => `${r.row} ${r.reason} ${r.stage}`);

const confirmed = (mapping: FileMapping): FileMapping => ({ ...mapping, confident: true });
/** The note column read as the amount instead (every note is text: every row fails). */
const noteAsAmount = (mapping: FileMapping): FileMapping => ({
  ...confirmed(mapping),
  columns: mapping.columns.map((ref, i) => (i === 3 ? null : i === 4 ? { table: "orders", field: "amount" } : ref)),
});

/** An engine with ORDERS loaded and its mapping confirmed; `rawCopyMaxBytes` as given. */
async function confirmedShop(rawCopyMaxBytes?: number): Promise<{ engine: Engine; mapping: FileMapping }> {
  const engine = await newEngine({ rawCopyMaxBytes });
  const { info } = await engine.load([csvFile("orders.csv", ORDERS)], true, DEFAULT_SETTINGS);
  const mapping = info.files[0]?.mapping;
  if (!mapping) throw new Error("orders.csv not loaded");
  await engine.remap(1, confirmed(mapping), DEFAULT_SETTINGS);
  return { engine, mapping };
}

describe("a file kept as its bytes instead of a raw table", () => {
  it("is read again on confirming its mapping: the same rows and problems as with a raw table", async () => {
    const { engine } = await confirmedShop(0);
    expect(engine.dataset.files[0]?.rawTable).toBeNull();
    expect(engine.query("SELECT name FROM sqlite_master WHERE name LIKE 'raw_%'").rows).toEqual([]);
    // The bytes stay beside the database (as the browser keeps them), not in it.
    expect(engine.query("SELECT COUNT(*) AS n FROM _sources").rows).toEqual([{ n: 0 }]);
    expect([...engine.sources().keys()]).toEqual([1]);
    expect(engine.query("SELECT COUNT(*) AS n, TOTAL(amount) AS revenue FROM orders").rows).toEqual([{ n: 3, revenue: 21 }]);
    expect(problemsOf(engine)).toEqual(["3 missing_required convert", "3 ragged_row parse", "4 bad_number convert"]);
    const { engine: withRawTable } = await confirmedShop();
    expect(problemsOf(withRawTable)).toEqual(problemsOf(engine));
  });

  it("re-maps by reading the bytes again: new convert problems, the parse problem kept once", async () => {
    const { engine, mapping } = await confirmedShop(0);
    await engine.remap(1, noteAsAmount(mapping), DEFAULT_SETTINGS);
    expect(engine.dataset.counts.orders).toBe(0);
    expect(problemsOf(engine)).toEqual([
      "2 bad_number convert",
      "3 missing_required convert",
      "3 ragged_row parse",
      "4 bad_number convert",
      "5 bad_number convert",
      "6 bad_number convert",
    ]);
  });

  it("travels inside a project: reopened without the files beside it, it re-maps and re-reads", async () => {
    const { engine, mapping } = await confirmedShop(0);
    const project = await engine.exportProject();
    // Only the project carries the bytes: the database itself stays without them.
    expect(engine.query("SELECT COUNT(*) AS n FROM _sources").rows).toEqual([{ n: 0 }]);
    const reopened = await newEngine();
    expect((await reopened.open("shop.sqlite", project, DEFAULT_SETTINGS)).errors).toEqual([]);
    expect(reopened.query("SELECT file_id, length(bytes) AS n FROM _sources").rows).toEqual([{ file_id: 1, n: new TextEncoder().encode(ORDERS).length }]);
    expect(reopened.dataset.files[0]?.rawTable).toBeNull();
    expect(reopened.dataset.counts.orders).toBe(3);
    await reopened.remap(1, noteAsAmount(mapping), DEFAULT_SETTINGS);
    expect(reopened.dataset.counts.orders).toBe(0);
    const reread = await reopened.reread(1, { encoding: "utf-8", delimiter: ";" }, DEFAULT_SETTINGS);
    expect(reread.errors).toEqual([]);
    expect(reread.info.files[0]?.headers).toEqual(["order_id,customer_id,order_date,amount,note"]);
  });

  it("finds a customer's problems only on the rows it loaded, and leaves nothing behind when removed", async () => {
    const { engine: saved } = await confirmedShop(0);
    const engine = await newEngine();
    await engine.open("shop.sqlite", await saved.exportProject(), DEFAULT_SETTINGS);
    // B's rows 3 (no amount) and 4 (bad amount) were not loaded, so they are not found here.
    expect(await loadCustomerProblems(queryFnOf(engine), engine.dataset, "B")).toEqual([]);
    engine.clear();
    expect(engine.query("SELECT COUNT(*) AS n FROM _sources").rows[0]?.n).toBe(0);
  });
});
