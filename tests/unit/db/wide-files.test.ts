/**
 * Files at SQLite's column limit of 2,000: a raw table holds every column of the file plus
 * `_row`, so a file of 1,999 columns gets one and a file of exactly 2,000 is kept as its
 * bytes; 2,001 is refused.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, csvFile, newEngine } from "../../helpers/engine.ts";

/** customer_id, order_date, amount, then filler columns up to `width`; rows W1… with amounts 10, 20…. */
function wideCsv(width: number, rows: number): string {
  const header = ["customer_id", "order_date", "amount", ...Array.from({ length: width - 3 }, (_, i) => `extra_${i + 4}`)];
  const lines = [header.join(",")];
  for (let r = 1; r <= rows; r++) lines.push([`W${r}`, `2024-05-0${r}`, `${r * 10}.00`, ...Array.from({ length: width - 3 }, () => "x")].join(","));
  return lines.join("\n") + "\n";
}

/** A file of `width` columns and 3 rows loaded alone: it loads all columns and 10 + 20 + 30 of revenue (by hand). */
async function loadsWide(width: number) {
  const engine = await newEngine();
  const result = await engine.load([csvFile("wide.csv", wideCsv(width, 3))], false, DEFAULT_SETTINGS);
  expect(result.errors).toEqual([]);
  const file = result.info.files[0];
  if (!file) throw new Error("wide.csv not loaded");
  expect(file.headers).toHaveLength(width);
  expect(engine.query("SELECT SUM(amount) AS revenue FROM orders").rows[0]?.revenue).toBe(60);
  return { engine, file };
}

describe("files as wide as SQLite allows", () => {
  it("loads 1,999 columns, every one kept in the raw table", async () => {
    const { engine, file } = await loadsWide(1999);
    const columns = engine.query(`SELECT * FROM "${file.rawTable}" LIMIT 1`).columns;
    expect(columns).toHaveLength(2000); // _row + 1,999
  });

  it("loads 2,000 columns, kept as the file's bytes (no room for the row number in a raw table)", async () => {
    const { engine, file } = await loadsWide(2000);
    expect(file.rawTable).toBeNull();
    expect(engine.sources().get(file.fileId)?.size).toBe(wideCsv(2000, 3).length);
  });

  it("refuses 2,001 columns with a message giving the count and the limit, keeping what was loaded", async () => {
    const engine = await newEngine();
    await engine.load([csvFile("wide.csv", wideCsv(1999, 3))], false, DEFAULT_SETTINGS);
    const result = await engine.load([csvFile("wider.csv", wideCsv(2001, 3))], false, DEFAULT_SETTINGS);
    expect(result.errors).toEqual([{ name: "wider.csv", reason: "too_many_columns", params: { columns: "2,001", max: "2,000" } }]);
    expect(result.info.files.map((f) => f.name)).toEqual(["wide.csv"]);
    expect(engine.query("SELECT SUM(amount) AS revenue FROM orders").rows[0]?.revenue).toBe(60);
  });
});
