/**
 * The Segments and Value pages on the demo: segment counts against the orders file worked
 * out independently, choosing a segment filters every page, the member export is the
 * segment's customers as Excel-safe CSV, and a 50,000-member list scrolls virtually.
 */
import { existsSync, readFileSync } from "node:fs";
import Papa from "papaparse";
import type { Page } from "@playwright/test";
import { expect, openApp, test } from "./fixtures.ts";
import { parseCsv, shopKpis } from "./independent.ts";

const orders = parseCsv(readFileSync("public/demo/orders.csv", "utf8"));
const expected = shopKpis(orders);

/** [segment, customers] of the segment table's 11 rows. */
async function segmentCounts(page: Page): Promise<Map<string, number>> {
  const rows = page.locator('[data-testid="segment-table"] tbody tr[data-segment]');
  await expect(rows).toHaveCount(11);
  const pairs = await rows.evaluateAll((trs) => trs.map((tr) => [(tr as HTMLElement).dataset.segment ?? "", Number((tr as HTMLElement).dataset.customers)] as const));
  return new Map(pairs);
}

test("the segment table's counts add up to the buyers in the orders file", async ({ guardedPage: page }) => {
  await openApp(page, "#/segments");
  const counts = await segmentCounts(page);
  expect([...counts.keys()]).toEqual([
    "Champions", "Loyal", "Potential Loyalists", "New Customers", "Promising", "Need Attention",
    "About to Sleep", "Cannot Lose Them", "At Risk", "Hibernating", "Lost",
  ]);
  expect([...counts.values()].reduce((s, n) => s + n, 0)).toBe(expected.customers);
  await expect(page.getByTestId("segment-total-customers")).toHaveAttribute("data-value", String(expected.customers));
  // Grid, treemap and breakdown are drawn, each with its description.
  await expect(page.locator("svg[role='img']")).toHaveCount(3);
  await page.screenshot({ path: "test-results/screens/segments-en-desktop.png", fullPage: true });
});

test("choosing a segment filters the Overview to its customers, and the chip clears it", async ({ guardedPage: page }) => {
  await openApp(page, "#/segments");
  const counts = await segmentCounts(page);
  const champions = counts.get("Champions") ?? 0;
  expect(champions).toBeGreaterThan(0);

  const button = page.locator('tr[data-segment="Champions"] button[aria-pressed]');
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  expect(page.url()).toContain("segment=Champions");
  await expect(page.getByTestId("members-panel")).toContainText(String(champions));
  await expect(page.getByTestId("active-filters")).toContainText("Champions");
  // The treemap tile of the chosen segment is pressed too.
  await expect(page.locator('.treemap button[data-key="Champions"]')).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("navigation").getByRole("link", { name: "Overview" }).click();
  await expect(page.locator('[data-kpi="customers"]')).toHaveAttribute("data-value", String(champions));
  await expect(page.getByTestId("active-filters")).toBeVisible();

  await page.getByTestId("active-filters").getByRole("button", { name: /Segment/ }).click();
  await expect(page.locator('[data-kpi="customers"]')).toHaveAttribute("data-value", String(expected.customers));
  await expect(page.getByTestId("active-filters")).toHaveCount(0);
});

test("grid cells and treemap tiles are keyboard buttons that choose a segment", async ({ guardedPage: page }) => {
  await openApp(page, "#/segments");
  const tile = page.locator('.treemap button[data-key="Lost"]');
  await tile.focus();
  await page.keyboard.press("Enter");
  await expect(tile).toHaveAttribute("aria-pressed", "true");
  expect(page.url()).toContain("segment=Lost");
  // Pressing the chosen tile again clears the choice.
  await page.keyboard.press("Enter");
  await expect(tile).toHaveAttribute("aria-pressed", "false");
  expect(page.url()).not.toContain("segment=");

  // The top-right cell (R 5, F 5) picks the segment most of its customers are in.
  const cell = page.locator('.heatmap button[data-key="5,5"]');
  await expect(cell).toHaveAttribute("aria-label", /R 5 · F 5/);
  await cell.click();
  await expect(page).toHaveURL(/segment=/);
  await expect(cell).toHaveAttribute("aria-pressed", "true");
});

test("the member export downloads the segment's customers as an Excel-safe CSV", async ({ guardedPage: page }) => {
  await openApp(page, "#/segments?segment=At%20Risk");
  const counts = await segmentCounts(page);
  const atRisk = counts.get("At Risk") ?? 0;
  expect(atRisk).toBeGreaterThan(0);
  await expect(page.getByTestId("members-table")).toHaveAttribute("aria-rowcount", String(atRisk + 1));

  const download = page.waitForEvent("download");
  await page.getByTestId("members-export").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("segment-at-risk.csv");
  const bytes = readFileSync(await file.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<Record<string, string>>(bytes.toString("utf8").slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toContain("customer_id");
  expect(parsed.meta.fields).toContain("monetary");
  expect(parsed.data).toHaveLength(atRisk);
  expect(new Set(parsed.data.map((r) => r.segment))).toEqual(new Set(["At Risk"]));
  // Every exported customer bought in the demo orders (they are buyers), each once.
  const buyers = new Set(orders.map((r) => r.customer_id));
  expect(parsed.data.every((r) => buyers.has(r.customer_id))).toBe(true);
  expect(new Set(parsed.data.map((r) => r.customer_id)).size).toBe(atRisk);
});

test("the Value page shows the Pareto figure, ABC tiers and the state of the CLV models", async ({ guardedPage: page }) => {
  await openApp(page, "#/value");
  // Top 20 % share worked out from the orders file (independent.ts's rules for a valid
  // sale: an amount ≥ 0, a real date, a customer, not a return): spend per buyer, highest first.
  const realDate = (iso: string) => {
    const ms = Date.parse(`${iso}T00:00:00Z`);
    return /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === iso;
  };
  const spend = new Map<string, number>();
  for (const r of orders) {
    const status = (r.status ?? "").toLowerCase();
    const amount = Number(r.amount);
    if (["return", "refund", "cancel"].some((w) => status.includes(w)) || r.amount === "" || !(amount >= 0) || !r.customer_id) continue;
    if (!realDate(r.order_date ?? "")) continue;
    spend.set(r.customer_id, (spend.get(r.customer_id) ?? 0) + amount);
  }
  expect(spend.size).toBe(expected.customers);
  const sorted = [...spend.values()].sort((a, b) => b - a);
  const total = sorted.reduce((s, v) => s + v, 0);
  const top = sorted.slice(0, Math.round(sorted.length * 0.2)).reduce((s, v) => s + v, 0);
  const share = Number(await page.getByTestId("top20-share").getAttribute("data-value"));
  expect(share).toBeCloseTo(top / total, 6);
  await expect(page.getByTestId("top20-share")).toContainText("The top 20% of customers make");

  const tiers = page.locator('[data-testid="abc-table"] tbody tr');
  await expect(tiers).toHaveCount(3);
  const tierCustomers = await tiers.evaluateAll((trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.customers)));
  expect(tierCustomers.reduce((s, n) => s + n, 0)).toBe(expected.customers);

  const status = page.getByTestId("clv-panel").getByTestId("clv-status");
  await expect(status).toBeVisible();
  expect(["fitted", "no_orders", "no_repeat", "too_few", "no_convergence"]).toContain(await status.getAttribute("data-clv-status"));
  await expect(page.getByTestId("top-customers")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/value-en-desktop.png", fullPage: true });
});

test("the CLV settings are editable and kept in the URL", async ({ guardedPage: page }) => {
  await openApp(page, "#/value");
  const settings = page.getByTestId("clv-settings");
  await settings.locator('[data-setting="horizonDays"]').fill("30");
  await settings.locator('[data-setting="horizonDays"]').press("Enter");
  await expect(page).toHaveURL(/horizon=30/);
  await settings.locator('[data-setting="monthlyDiscount"]').fill("1.5");
  await settings.locator('[data-setting="monthlyDiscount"]').press("Enter");
  await expect(page).toHaveURL(/discount=0\.015/);
  await settings.locator('[data-setting="margin"]').fill("30");
  await settings.locator('[data-setting="margin"]').press("Enter");
  await expect(page).toHaveURL(/margin=0\.3/);
  await settings.locator('[data-setting="months"]').fill("0");
  await settings.locator('[data-setting="months"]').press("Enter");
  await expect(settings.locator('[data-setting="months"]')).toHaveAttribute("aria-invalid", "true");
  expect(page.url()).not.toContain("clv_months");
  await settings.getByRole("combobox").selectOption("week");
  await expect(page).toHaveURL(/unit=week/);
  await expect(page.locator(".app[data-status]")).toHaveAttribute("data-status", "ready");

  await page.reload();
  await expect(page.locator(".app[data-status]")).toHaveAttribute("data-status", "ready");
  await expect(settings.locator('[data-setting="horizonDays"]')).toHaveValue("30");
  await expect(settings.locator('[data-setting="margin"]')).toHaveValue("30");
  await expect(settings.getByRole("combobox")).toHaveValue("week");
});

test("a segment of 50,000 customers scrolls as a virtual list", async ({ guardedPage: page }) => {
  // 50,000 customers with one identical order each: every score ties, so all are R 3 F 3 M 3 (Potential Loyalists).
  const lines = ["order_id,customer_id,order_date,amount"];
  for (let i = 1; i <= 50_000; i++) lines.push(`O${i},C${String(i).padStart(5, "0")},2024-03-01,100.00`);
  await openApp(page);
  await page.locator('input[type="file"]').setInputFiles({ name: "many.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
  await expect(page.locator('[data-kpi="customers"]')).toHaveAttribute("data-value", "50000", { timeout: 30_000 });

  await page.goto("./#/segments?segment=Potential%20Loyalists");
  const table = page.getByTestId("members-table");
  await expect(table).toHaveAttribute("aria-rowcount", "50001", { timeout: 30_000 });
  const rendered = table.locator("tbody tr[aria-rowindex]");
  expect(await rendered.count()).toBeLessThan(60);

  const region = page.getByRole("region", { name: /Members of/ });
  await region.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(table.locator('tbody tr[aria-rowindex="50001"]')).toBeVisible();
  expect(await rendered.count()).toBeLessThan(60);

  // Sorting 50,000 rows by customer ID, descending: the last customer comes first.
  const header = table.getByRole("button", { name: "Customer ID" });
  await header.click();
  await header.click();
  await expect(table.locator("thead th[aria-sort='descending']")).toHaveCount(1);
  await expect(table.locator('tbody tr[aria-rowindex="2"] td').first()).toHaveText("C50000");
});

const CDNOW = "../shared/data/cdnow/cdnow_sample_transactions.csv";

test("the CDNOW transactions, as of 1997-09-30 in weeks, show the published BG/NBD and Gamma-Gamma parameters", async ({ guardedPage: page }) => {
  test.skip(!existsSync(CDNOW), `skipped: ${CDNOW} is absent (the shared reference data)`);
  await openApp(page, "#/value?asof=1997-09-30&unit=week");
  await page.locator('input[type="file"]').setInputFiles(CDNOW);
  const param = (model: string, name: string) => page.locator(`[data-model="${model}"][data-param="${name}"]`);
  await expect(param("bgnbd", "r")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("clv-panel").getByTestId("clv-status")).toHaveAttribute("data-clv-status", "fitted");
  // Fader, Hardie & Lee (2005) and lifetimes: (r, α, a, b) = (0.2426, 4.4135, 0.7929, 2.4258); (p, q, v) = (6.25, 3.74, 15.44).
  const published = [["bgnbd", "r", 0.2426], ["bgnbd", "alpha", 4.4135], ["bgnbd", "a", 0.7929], ["bgnbd", "b", 2.4258], ["gamma_gamma", "p", 6.25], ["gamma_gamma", "q", 3.74], ["gamma_gamma", "v", 15.44]] as const;
  for (const [model, name, value] of published) {
    expect(Number(await param(model, name).getAttribute("data-value")), `${model}.${name}`).toBeCloseTo(value, 2);
  }
  await expect(page.getByTestId("clv-panel")).toContainText("time unit: week");
  await page.screenshot({ path: "test-results/screens/value-cdnow-en-desktop.png", fullPage: true });
});

const CDNOW_SUMMARY = "../shared/data/cdnow/cdnow_customers_summary_with_transactions.csv";

test("a per-customer summary in lifetimes' shape drives the Segments and Value pages without any orders", async ({ guardedPage: page }) => {
  test.skip(!existsSync(CDNOW_SUMMARY), `skipped: ${CDNOW_SUMMARY} is absent (the shared reference data)`);
  // The summary is in weeks (ID, x, t_x, T, zbar): the fit on it is the published one.
  await openApp(page, "#/value?unit=week");
  await page.locator('input[type="file"]').setInputFiles(CDNOW_SUMMARY);
  const param = (name: string) => page.locator(`[data-model="bgnbd"][data-param="${name}"]`);
  // The demo's fit is on screen until the summary's 2,357 customers replace it.
  await expect(page.locator('[data-clv-customers="2357"]')).toBeVisible({ timeout: 30_000 });
  const published = [["r", 0.2426], ["alpha", 4.4135], ["a", 0.7929], ["b", 2.4258]] as const;
  for (const [name, value] of published) expect(Number(await param(name).getAttribute("data-value")), name).toBeCloseTo(value, 2);
  await page.goto("./#/segments?unit=week");
  const counts = await segmentCounts(page);
  expect([...counts.values()].reduce((sum, n) => sum + n, 0)).toBe(2357);
});
