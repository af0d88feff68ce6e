/**
 * Cancelling a load: the file being read is rolled back whole, the files after it are not
 * read, and everything loaded before (earlier calls and earlier files of the same call) stays.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, csvFile, newEngine } from "../../helpers/engine.ts";
import { CUSTOMERS, FEEDBACK, ORDERS } from "../../fixtures/tiny-shop.ts";
import type { FileInput, Progress } from "../../../src/lib/db/protocol.ts";

/**
 * An orders file of `n` rows (about 40 bytes each) in parts of 1,000 rows: Node streams a
 * Blob part by part, as a browser streams a File in 64 KB chunks.
 */
function bigOrders(n: number): FileInput {
  const parts = ["order_id,customer_id,order_date,amount,status\n"];
  for (let start = 0; start < n; start += 1000) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(n, start + 1000); i++) lines.push(`B${i},X${i % 997},2024-0${1 + (i % 9)}-1${i % 10},${(i % 500) + 1}.50,completed\n`);
    parts.push(lines.join(""));
  }
  return { name: "big.csv", data: new Blob(parts) };
}

describe("cancelling a load", () => {
  it("rolls back the file being read and keeps what was loaded before it", async () => {
    const engine = await newEngine();
    expect((await engine.load([csvFile("customers.csv", CUSTOMERS)], false, DEFAULT_SETTINGS)).errors).toEqual([]);

    const controller = new AbortController();
    const seen: Progress[] = [];
    const onProgress = (p: Progress) => {
      seen.push(p);
      // Cancel once the big file has started arriving.
      if (p.file === "big.csv" && p.stage === "parse" && p.done > 0) controller.abort();
    };
    const big = bigOrders(100_000);
    expect(big.data.size).toBeGreaterThan(3_000_000);
    const result = await engine.load(
      [csvFile("orders.csv", ORDERS), big, csvFile("feedback.csv", FEEDBACK)],
      false,
      DEFAULT_SETTINGS,
      onProgress,
      controller.signal,
    );

    expect(result.errors).toEqual([{ name: "big.csv", reason: "cancelled", params: { files: "big.csv, feedback.csv" } }]);
    // Stopped early: the big file's progress never reached its end.
    const bigDone = Math.max(...seen.filter((p) => p.file === "big.csv").map((p) => p.done));
    expect(bigDone).toBeLessThan(big.data.size / 2);

    const files = result.info.files.map((f) => [f.name, f.state, f.rows]);
    expect(files).toEqual([
      ["customers.csv", "applied", 4],
      ["orders.csv", "applied", 8],
    ]);
    const count = (sql: string) => Number(engine.query(sql).rows[0]?.n);
    // The tiny shop's 7 loadable orders (O7 has no amount), none of the big file's.
    expect(count("SELECT COUNT(*) AS n FROM orders")).toBe(7);
    expect(count("SELECT COUNT(*) AS n FROM orders WHERE order_id LIKE 'B%'")).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM feedback")).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM _files")).toBe(2);
    expect(count("SELECT COUNT(*) AS n FROM _problems WHERE file = 'big.csv'")).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name LIKE '%big%'")).toBe(0);
    // The derived tables were rebuilt on what stays: A, B and C bought.
    expect(count("SELECT COUNT(*) AS n FROM customer_summary WHERE frequency > 0")).toBe(3);
  });

  it("loads nothing when cancelled before the first file, and the next load works", async () => {
    const engine = await newEngine();
    const controller = new AbortController();
    controller.abort();
    const result = await engine.load([csvFile("orders.csv", ORDERS)], true, DEFAULT_SETTINGS, () => {}, controller.signal);
    expect(result.errors).toEqual([{ name: "orders.csv", reason: "cancelled", params: { files: "orders.csv" } }]);
    expect(result.info.files).toEqual([]);
    const again = await engine.load([csvFile("orders.csv", ORDERS)], true, DEFAULT_SETTINGS);
    expect(again.errors).toEqual([]);
    expect(Number(engine.query("SELECT COUNT(*) AS n FROM orders").rows[0]?.n)).toBe(7);
  });
});
