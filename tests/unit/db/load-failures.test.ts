/** A load that fails inside the database: the file is refused, nothing loaded before is lost, the engine goes on. */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, csvFile, newEngine } from "../../helpers/engine.ts";
import { ORDERS } from "../../fixtures/tiny-shop.ts";
import type { Engine } from "../../../src/lib/db/engine.ts";

/**
 * A file whose second chunk cannot be read because memory ran out, and SQLite, as it does
 * then, has rolled the transaction back by itself.
 */
function fileFailingMidway(engine: Engine): Blob {
  const real = new Blob(["order_id,customer_id,order_date,amount\n" + "X1,C9,2024-01-05,10.00\n".repeat(4000)]);
  let pulls = 0;
  const stream = () =>
    new ReadableStream<Uint8Array>({
      async pull(controller) {
        pulls++;
        if (pulls === 1) {
          controller.enqueue(new Uint8Array(await real.slice(0, 70_000).arrayBuffer()));
          return;
        }
        engine.query("ROLLBACK");
        controller.error(new Error("Out of memory"));
      },
    });
  return { size: real.size, slice: (start?: number, end?: number) => real.slice(start, end), stream } as unknown as Blob;
}

describe("a file that fails inside the database", () => {
  it("is refused as too large when memory ran out, even after SQLite rolled back itself, and the engine goes on", async () => {
    const engine = await newEngine();
    await engine.load([csvFile("orders.csv", ORDERS)], false, DEFAULT_SETTINGS);
    const result = await engine.load([{ name: "big.csv", data: fileFailingMidway(engine) }], false, DEFAULT_SETTINGS);
    expect(result.errors).toMatchObject([{ name: "big.csv", reason: "too_large" }]);
    expect(result.info.files.map((f) => f.name)).toEqual(["orders.csv"]);
    // The tiny shop's sales, by hand: 100 + 50 + 200 + 80 + 50 = 480 over 5 orders.
    expect(engine.query("SELECT COUNT(*) AS orders, SUM(amount) AS revenue FROM sales").rows).toEqual([{ orders: 5, revenue: 480 }]);
    const next = await engine.load([csvFile("more.csv", "order_id,customer_id,order_date,amount\nM1,A,2024-03-30,20.00\n")], false, DEFAULT_SETTINGS);
    expect(next.errors).toEqual([]);
    expect(engine.query("SELECT SUM(amount) AS revenue FROM sales").rows[0]?.revenue).toBe(500);
  });
});
