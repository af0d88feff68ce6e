/** sales.month, the month index the lifecycle and cohort queries read: year × 12 + month − 1, worked out by hand. */
import { expect, it } from "vitest";
import { DEFAULT_SETTINGS, csvFile, newEngine } from "../../helpers/engine.ts";

const ORDERS = `order_id,customer_id,order_date,amount
Y1,A,2023-12-31,10
Y2,A,2024-01-01,10
L1,B,2024-02-29,10
E1,C,1969-12-31,10
S1,D,2024-01-31,10
S1,D,2024-02-01,5
`;

it("numbers each order's month across year ends, a leap day, before 1970, and by its first day", async () => {
  const engine = await newEngine();
  const result = await engine.load([csvFile("orders.csv", ORDERS)], false, DEFAULT_SETTINGS);
  expect(result.errors).toEqual([]);
  expect(engine.query("SELECT order_key, month FROM sales ORDER BY order_key").rows).toEqual([
    { order_key: "E1", month: 1969 * 12 + 11 },
    { order_key: "L1", month: 2024 * 12 + 1 },
    { order_key: "S1", month: 2024 * 12 + 0 }, // lines on Jan 31 and Feb 1: the order's first day
    { order_key: "Y1", month: 2023 * 12 + 11 },
    { order_key: "Y2", month: 2024 * 12 + 0 },
  ]);
});
