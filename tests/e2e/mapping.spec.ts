/** The mapping: asked for when a required column is unknown, and re-applied when a column changes. */
import { expect, kpi, openApp, test } from "./fixtures.ts";

// Headers no synonym knows. Revenue worked out by hand: 10.00 + 20.50 + 5.25 = 35.75 from 2 customers.
const UNKNOWN_HEADERS = "Kunde,Betrag,Datum\nK1,10.00,2024-01-05\nK2,20.50,2024-01-06\nK1,5.25,2024-02-01\n";

test("a file whose columns are not recognised is mapped by hand and then analysed", async ({ guardedPage: page }) => {
  await openApp(page, "#/data");
  await page.locator('input[type="file"]').setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(UNKNOWN_HEADERS) });
  await expect(page.getByTestId("mapping-apply")).toBeVisible();
  const editor = page.locator('[data-file="export.csv"]');
  await editor.getByLabel(/Kunde/).selectOption("orders.customer_id");
  await editor.getByLabel(/Betrag/).selectOption("orders.amount");
  await editor.getByLabel(/Datum/).selectOption("orders.order_date");
  await page.getByTestId("mapping-apply").click();
  await expect(page.locator("[data-status]")).toHaveAttribute("data-status", "ready");
  await page.goto("./#/");
  await expect(page.locator('[data-kpi="orders"]')).toHaveAttribute("data-value", "3");
  expect(await kpi(page, "revenue")).toBeCloseTo(35.75, 6);
  expect(await kpi(page, "customers")).toBe(2);
});

test("changing a column of an applied mapping re-applies it at once", async ({ guardedPage: page }) => {
  // The status column marks order 3 as refunded: revenue 10 + 20.5; ignoring the column brings it back.
  const csv = "order_id,customer_id,order_date,amount,status\n1,A,2024-01-05,10.00,paid\n2,B,2024-01-06,20.50,paid\n3,A,2024-02-01,5.25,refunded\n";
  await openApp(page, "#/data");
  await page.locator('input[type="file"]').setInputFiles({ name: "shop.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.locator('[data-file="shop.csv"]')).toBeVisible();
  await page.goto("./#/");
  expect(await kpi(page, "revenue")).toBeCloseTo(30.5, 6);
  await page.goto("./#/data");
  const editor = page.locator('[data-file="shop.csv"]');
  await editor.getByRole("button", { name: /mapping/i }).click();
  await editor.getByLabel(/status/).selectOption("");
  await expect(page.locator("[data-status]")).toHaveAttribute("data-status", "ready");
  await page.goto("./#/");
  await expect(page.locator('[data-kpi="revenue"]')).toHaveAttribute("data-value", "35.75");
});
