/** A long load can be cancelled from the progress bar: the big file is dropped whole and the data shown before stays. */
import { mkdirSync, writeFileSync } from "node:fs";
import { expect, kpi, openApp, test } from "./fixtures.ts";

/** About 45 MB of orders: long enough to read that there is time to press Cancel. */
function writeBigOrders(path: string): void {
  const rows = ["order_id,customer_id,order_date,amount,status"];
  for (let i = 0; i < 1_000_000; i++) rows.push(`BIG${i},X${i % 50_000},2024-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")},${(i % 900) + 10}.25,completed`);
  writeFileSync(path, `${rows.join("\n")}\n`);
}

test("Cancel on the progress bar stops a large load and keeps the data loaded before", async ({ guardedPage: page }) => {
  const path = "test-results/big-orders.csv";
  mkdirSync("test-results", { recursive: true });
  writeBigOrders(path);
  await openApp(page);
  const customers = await kpi(page, "customers");
  const revenue = await kpi(page, "revenue");

  await page.locator('input[type="file"]').setInputFiles(path);
  const cancel = page.getByTestId("load-cancel");
  await expect(cancel).toBeVisible();
  await expect(cancel).toHaveAccessibleName("Cancel loading big-orders.csv");
  await cancel.click();

  await expect(page.getByRole("alert").filter({ hasText: "Loading cancelled at big-orders.csv: big-orders.csv not loaded" })).toBeVisible();
  await expect(page.locator("[data-status]")).toHaveAttribute("data-status", "ready");
  await expect(page.locator("[data-source]")).toHaveAttribute("data-source", "demo");
  expect(await kpi(page, "customers")).toBe(customers);
  expect(await kpi(page, "revenue")).toBe(revenue);
  await expect(cancel).toBeHidden();
});
