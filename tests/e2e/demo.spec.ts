/** The app opens on the demo data with KPI values equal to values worked out from the demo CSVs. */
import { readFileSync } from "node:fs";
import { expect, kpi, openApp, test } from "./fixtures.ts";
import { nps, parseCsv, shopKpis } from "./independent.ts";

const orders = parseCsv(readFileSync("public/demo/orders.csv", "utf8"));
const feedback = parseCsv(readFileSync("public/demo/feedback.csv", "utf8"));
const expected = shopKpis(orders);

test("the demo opens on the Overview with the right numbers", async ({ guardedPage: page }) => {
  await openApp(page);
  expect(page.url()).toContain("/crm-lens/");
  expect(await kpi(page, "customers")).toBe(expected.customers);
  expect(await kpi(page, "orders")).toBe(expected.orders);
  expect(await kpi(page, "revenue")).toBeCloseTo(expected.revenue, 2);
  expect(await kpi(page, "aov")).toBeCloseTo(expected.revenue / expected.orders, 6);
  expect(await kpi(page, "repeat_rate")).toBeCloseTo(expected.repeatRate, 10);
  expect(await kpi(page, "nps")).toBeCloseTo(nps(feedback.map((r) => r.nps_score ?? "")), 8);
  await page.screenshot({ path: "test-results/screens/overview-en-desktop.png", fullPage: true });
});

test("a date range narrows every number and is kept in the URL", async ({ guardedPage: page }) => {
  await openApp(page, "#/?from=2025-01-01&to=2025-12-31");
  const in2025 = shopKpis(orders.filter((r) => (r.order_date ?? "").startsWith("2025-")));
  expect(await kpi(page, "revenue")).toBeCloseTo(in2025.revenue, 2);
  expect(await kpi(page, "customers")).toBe(in2025.customers);
  // 同比 and 环比 come a moment after the values: 2024, and the 365 days before 2025 (from 2024-01-02, 2024 being a leap year).
  const dated = (from: string, to: string) => orders.filter((r) => (r.order_date ?? "") >= from && (r.order_date ?? "") < to);
  const revenueCard = page.locator('[data-kpi="revenue"]');
  for (const [kind, from] of [["yearAgo", "2024-01-01"], ["previous", "2024-01-02"]] as const) {
    const comparison = revenueCard.locator(`[data-comparison="${kind}"]`);
    await expect(comparison).toHaveAttribute("data-previous", /\d/);
    expect(Number(await comparison.getAttribute("data-previous"))).toBeCloseTo(shopKpis(dated(from, "2025-01-01")).revenue, 2);
  }
  await page.reload();
  await expect(page.locator("[data-status]")).toHaveAttribute("data-status", "ready");
  expect(await kpi(page, "orders")).toBe(in2025.orders);
});

test("the SQL console runs a query over the canonical tables", async ({ guardedPage: page }) => {
  await openApp(page, "#/data");
  await page.getByTestId("sql-input").fill("SELECT COUNT(*) AS n FROM customer_summary WHERE frequency > 0");
  await page.getByTestId("sql-run").click();
  const result = page.getByTestId("sql-result");
  await expect(result).toContainText(String(expected.customers));
});
