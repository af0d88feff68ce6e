/** Dropping files: a GBK export with Chinese headers replaces the demo; a broken file loses nothing. */
import iconv from "iconv-lite";
import { expect, kpi, openApp, test } from "./fixtures.ts";

// Worked out by hand: 1,234.50 + 99.00 + 2,000.00 + 15.50 = 3,349.00 from customers
// 客户A (2 orders), 客户B, 客户C; the refunded order (退款) is excluded.
const GBK_ORDERS = [
  "订单编号,客户编号,下单时间,实付金额,订单状态",
  '1001,客户A,2024/1/5,"￥1,234.50",已完成',
  "1002,客户B,2024/1/6,￥99.00,已完成",
  '1003,客户A,2024/2/15,"￥2,000.00",已完成',
  "1004,客户C,2024/3/1,￥15.50,已完成",
  "1005,客户C,2024/3/2,￥300.00,退款",
].join("\r\n");

test("a GBK orders file with Chinese headers gives the right revenue and customers", async ({ guardedPage: page }) => {
  await openApp(page);
  await page.locator('input[type="file"]').setInputFiles({
    name: "订单导出.csv",
    mimeType: "text/csv",
    buffer: iconv.encode(GBK_ORDERS, "gbk"),
  });
  await expect(page.locator('[data-kpi="orders"]')).toHaveAttribute("data-value", "4");
  expect(await kpi(page, "revenue")).toBeCloseTo(3349, 6);
  expect(await kpi(page, "customers")).toBe(3);
  expect(await kpi(page, "repeat_rate")).toBeCloseTo(1 / 3, 10);
});

test("a broken file gives a clear message and leaves the loaded data intact", async ({ guardedPage: page }) => {
  await openApp(page);
  const revenueBefore = await kpi(page, "revenue");
  await page.locator('input[type="file"]').setInputFiles({
    name: "photo.csv",
    mimeType: "text/csv",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]),
  });
  const alert = page.getByRole("alert").filter({ hasText: "photo.csv" });
  await expect(alert).toBeVisible();
  await expect(page.locator("[data-status]")).toHaveAttribute("data-status", "ready");
  expect(await kpi(page, "revenue")).toBe(revenueBefore);

  await page.locator('input[type="file"]').setInputFiles({ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.from("") });
  await expect(page.getByRole("alert").filter({ hasText: "empty.csv" })).toBeVisible();
  expect(await kpi(page, "revenue")).toBe(revenueBefore);
});

test("a file without a date column asks for the mapping before using it", async ({ guardedPage: page }) => {
  await openApp(page);
  const revenueBefore = await kpi(page, "revenue");
  await page.locator('input[type="file"]').setInputFiles({
    name: "no-dates.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("customer_id,amount,when\nA,10.00,yesterday\nB,20.00,today\n"),
  });
  await page.goto("./#/data");
  await expect(page.getByTestId("mapping-apply")).toBeVisible();
  // Nothing is analysed until the user decides: the demo's numbers still stand.
  await page.goto("./#/");
  expect(await kpi(page, "revenue")).toBe(revenueBefore);
});

test("rows with problems are reported with file, row, column and value; the good rows load", async ({ guardedPage: page }) => {
  // Twelve orders of 10.00; row 4 has an impossible date, row 6 a non-numeric amount: both
  // are reported and left out. Revenue 10 × 10 = 100; data quality = 1 − 2 / 12.
  const lines = Array.from({ length: 12 }, (_, i) => [i + 1, `C${i % 5}`, `2024-01-${String(i + 10)}`, "10.00"]);
  (lines[2] as (string | number)[])[2] = "2024-13-45";
  (lines[4] as (string | number)[])[3] = "abc";
  const csv = ["order_id,customer_id,order_date,amount", ...lines.map((l) => l.join(","))].join("\n");
  await openApp(page);
  await page.locator('input[type="file"]').setInputFiles({ name: "bad-rows.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.locator('[data-kpi="orders"]')).toHaveAttribute("data-value", "10");
  expect(await kpi(page, "revenue")).toBe(100);
  expect(await kpi(page, "data_quality")).toBeCloseTo(1 - 2 / 12, 12);
  await page.goto("./#/data");
  const problems = page.getByRole("table", { name: "Data-quality problems" });
  await expect(problems.locator("tbody tr")).toHaveCount(2);
  await expect(problems.locator("tbody tr").nth(0)).toContainText(/bad-rows\.csv\s*4\s*order_date\s*2024-13-45/);
  await expect(problems.locator("tbody tr").nth(1)).toContainText(/bad-rows\.csv\s*6\s*amount\s*abc/);
});
