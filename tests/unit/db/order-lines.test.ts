import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, csvFile, loadedEngine } from "../../helpers/engine.ts";

const HEADER = "order_id,customer_id,order_date,amount\n";
const salesOf = async (files: ReturnType<typeof csvFile>[]) => {
  const { engine, info } = await loadedEngine(files, DEFAULT_SETTINGS);
  const rows = engine.query("SELECT order_key, customer_id, day, amount FROM sales ORDER BY order_key").rows;
  return { rows, files: info.files };
};

describe("sales: one row per order whether the export has one line per order or several", () => {
  it("copies an export with one line per order (a line without an order id is its own order)", async () => {
    const { rows, files } = await salesOf([
      csvFile("orders.csv", `${HEADER}A1,C1,2024-01-05,10\nA3,C2,2024-02-06,7.5\n,C2,2024-03-01,2\n`),
    ]);
    expect(files[0]?.ordersShareIds).toBe(false);
    expect(rows.map((r) => [r.order_key, r.customer_id, r.amount])).toEqual([
      ["#1:4", "C2", 2],
      ["A1", "C1", 10],
      ["A3", "C2", 7.5],
    ]);
  });

  it("sums the lines of an order that comes back on several lines, dated by its first line", async () => {
    const { rows, files } = await salesOf([
      csvFile("lines.csv", `${HEADER}A1,C1,2024-01-06,10\nA1,C1,2024-01-05,4\nA2,C2,2024-02-01,3\n`),
    ]);
    expect(files[0]?.ordersShareIds).toBe(true);
    // 2024-01-05 is epoch day 19727; 2024-02-01 is 27 days later.
    expect(rows).toEqual([
      { order_key: "A1", customer_id: "C1", day: 19727, amount: 14 },
      { order_key: "A2", customer_id: "C2", day: 19754, amount: 3 },
    ]);
  });

  it("sums an order id that two files share, though neither repeats it", async () => {
    const { rows, files } = await salesOf([
      csvFile("jan.csv", `${HEADER}A1,C1,2024-01-05,10\n`),
      csvFile("jan-fix.csv", `${HEADER}A1,C1,2024-01-05,5\nA2,C1,2024-01-09,1\n`),
    ]);
    expect(files.map((f) => f.ordersShareIds)).toEqual([false, false]);
    expect(rows.map((r) => [r.order_key, r.amount])).toEqual([
      ["A1", 15],
      ["A2", 1],
    ]);
  });
});
