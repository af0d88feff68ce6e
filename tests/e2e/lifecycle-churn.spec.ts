/** The Lifecycle and Churn pages on the demo: the funnel adds up, the churn window drives the churn rate and the at-risk list, the at-risk export. */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { expect, kpi, openApp, test } from "./fixtures.ts";
import { parseCsv } from "./independent.ts";

const STAGES = ["contact", "acquired", "developing", "retained", "churned"];

async function customerSummaryCount(page: import("@playwright/test").Page): Promise<number> {
  await openApp(page, "#/data");
  await page.getByTestId("sql-input").fill("SELECT COUNT(*) || ' customers' AS n FROM customer_summary");
  await page.getByTestId("sql-run").click();
  const text = (await page.getByTestId("sql-result").innerText()).match(/(\d+) customers/);
  expect(text).not.toBeNull();
  return Number(text?.[1]);
}

test("the funnel's current stages add up to all known customers", async ({ guardedPage: page }) => {
  const known = await customerSummaryCount(page);
  expect(known).toBeGreaterThan(0);

  await openApp(page, "#/lifecycle");
  const table = page.getByTestId("lifecycle-current");
  await expect(table).toHaveAttribute("data-total", String(known));
  const current = await Promise.all(STAGES.map(async (s) => Number(await table.locator(`tr[data-stage="${s}"]`).getAttribute("data-current"))));
  expect(current.reduce((a, b) => a + b, 0)).toBe(known);
  // Reached counts narrow down the funnel: every buyer was a known customer, every developing one a buyer.
  const reached = await Promise.all(STAGES.map(async (s) => Number(await page.locator(`text[data-stage="${s}"]`).getAttribute("data-reached"))));
  expect(reached[0]).toBe(known);
  expect(reached[1]).toBeLessThanOrEqual(reached[0] ?? 0);
  expect(reached[2]).toBeLessThanOrEqual(reached[1] ?? 0);
  // The charts are drawn, with their export buttons.
  await expect(page.getByTestId("cohort-heatmap")).toBeVisible();
  await expect(page.getByRole("button", { name: /svg/i }).first()).toBeVisible();
});

test("a raised developing threshold moves customers from developing to acquired", async ({ guardedPage: page }) => {
  await openApp(page, "#/lifecycle");
  const table = page.getByTestId("lifecycle-current");
  const developing = table.locator('tr[data-stage="developing"]');
  await expect(developing).not.toHaveAttribute("data-current", "0");
  const before = Number(await developing.getAttribute("data-current"));
  await page.getByTestId("threshold-orders").fill("5");
  await page.getByTestId("threshold-orders").dispatchEvent("change");
  await expect.poll(async () => Number(await developing.getAttribute("data-current"))).toBeLessThan(before);
});

test("the churn window changes the churn rate and the at-risk list", async ({ guardedPage: page }) => {
  await openApp(page, "#/?churn_days=30");
  const shortRate = await kpi(page, "churn_rate");
  await openApp(page, "#/churn?churn_days=30");
  await expect(page.getByTestId("churn-rule")).toHaveAttribute("data-days", "30");
  const shortCount = page.getByTestId("at-risk-count");
  await expect(page.getByTestId("at-risk-table")).toBeVisible();
  const shortList = Number(await shortCount.getAttribute("data-count"));

  await openApp(page, "#/?churn_days=180");
  const longRate = await kpi(page, "churn_rate");
  expect(longRate).toBeLessThan(shortRate);
  await openApp(page, "#/churn?churn_days=180");
  await expect(page.getByTestId("churn-rule")).toHaveAttribute("data-days", "180");
  await expect(page.getByTestId("at-risk-table")).toBeVisible();
  const longList = Number(await page.getByTestId("at-risk-count").getAttribute("data-count"));
  expect(longList).not.toBe(shortList);

  // Editing N on the page writes churn_days to the URL.
  await page.getByTestId("churn-days-input").fill("60");
  await page.getByTestId("churn-days-input").dispatchEvent("change");
  await expect(page.getByTestId("churn-rule")).toHaveAttribute("data-days", "60");
  expect(page.url()).toContain("churn_days=60");
});

test("the at-risk export downloads an Excel-safe CSV", async ({ guardedPage: page }) => {
  await openApp(page, "#/churn");
  await expect(page.getByTestId("at-risk-table")).toBeVisible();
  const listed = Number(await page.getByTestId("at-risk-count").getAttribute("data-count"));
  expect(listed).toBeGreaterThan(0);
  const download = page.waitForEvent("download");
  await page.getByTestId("at-risk-export").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("at-risk-customers.csv");
  const bytes = readFileSync(await file.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<Record<string, string>>(bytes.toString("utf8").slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual(["customer_id", "name", "segment", "recency_days", "usual_gap_days", "p_alive", "value_at_risk", "reasons"]);
  expect(parsed.data).toHaveLength(listed);
  expect(parsed.data.every((r) => r.reasons && r.reasons.length > 0)).toBe(true);
});

for (const lang of ["en", "zh-CN", "zh-TW"] as const) {
  for (const [name, drawn] of [["lifecycle", "cohort-heatmap"], ["churn", "at-risk-table"]] as const) {
    test(`${name} screenshot in ${lang}`, async ({ guardedPage: page }) => {
      await openApp(page, `#/${name}?lang=${lang}`);
      await expect(page.getByTestId(drawn)).toBeVisible();
      await page.screenshot({ path: `test-results/screens/${name}-${lang}-desktop.png`, fullPage: true });
    });
  }
}

test("subscription data: the churn label drives the churn rate and churn by contract", async ({ guardedPage: page }) => {
  // Worked out from the subscription demo file: share of Churn = Yes overall and per contract.
  const rows = parseCsv(readFileSync("public/demo/subscription/customers.csv", "utf8"));
  const rate = (subset: Record<string, string>[]) => subset.filter((r) => r.Churn === "Yes").length / subset.length;
  const byContract = [...new Set(rows.map((r) => r.Contract as string))]
    .map((contract) => [contract, rate(rows.filter((r) => r.Contract === contract))] as const)
    .sort((a, b) => b[1] - a[1]);

  await openApp(page);
  await page.getByRole("button", { name: "Load the subscription demo" }).click();
  await expect(page.locator('[data-kpi="churn_rate"]')).toHaveAttribute("data-value", String(rate(rows)));

  await page.goto("./#/churn");
  await expect(page.getByTestId("churn-rule")).not.toHaveAttribute("data-days", /.*/);
  await page.getByTestId("churn-attribute").selectOption("contract_type");
  const labels = page.locator(".by-chart .row-label");
  await expect(labels).toHaveText(byContract.map(([contract]) => contract));
});
