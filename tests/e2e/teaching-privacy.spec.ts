/**
 * Teaching and privacy modes on the demo data (issue 6): "show the SQL" of the NPS card opens
 * the console with a query that gives the card's number; teaching mode opens every note and
 * writes the KPI formulas with the numbers of the cards and of the files; privacy mode leaves
 * no demo customer's name, email or phone on any page or in any downloaded CSV.
 */
import { readFileSync } from "node:fs";
import type { Download, Locator, Page } from "@playwright/test";
import { expect, kpi, openApp, test } from "./fixtures.ts";
import { parseCsv } from "./independent.ts";

const customers = parseCsv(readFileSync("public/demo/customers.csv", "utf8"));
/**
 * Every name, email and phone of the demo's customers (what privacy mode must never show
 * whole) — but for the planted bad values that identify no one and occur inside other text:
 * an address without a mailbox ("@163.com", the domain of masked addresses) and a 5-digit phone.
 */
const personal = [...new Set(customers.flatMap((r) => [r.name, r.email, r.phone]).map((v) => (v ?? "").trim()))].filter(
  (v) => v && !v.startsWith("@") && !/^\d{1,6}$/.test(v),
);

/** The personal values found in a text (none, in privacy mode). */
const leaked = (text: string): string[] => personal.filter((value) => text.includes(value));

/** A cell of the first result row, by column name. */
async function resultCell(table: Locator, column: string): Promise<string> {
  const headers = (await table.locator("thead th").allTextContents()).map((h) => h.trim());
  const index = headers.indexOf(column);
  expect(index, `column ${column} in ${headers.join(", ")}`).toBeGreaterThanOrEqual(0);
  return ((await table.locator("tbody tr").first().locator("td").nth(index).textContent()) ?? "").trim();
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<string> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent("download"), click()]);
  return readFileSync((await download.path()) as string, "utf8");
}

test("the NPS card's SQL, run in the console, gives the card's number", async ({ guardedPage: page }) => {
  await openApp(page, "#/");
  const card = page.locator("[data-kpi='nps']");
  const value = (await card.getAttribute("data-value")) ?? "";
  expect(Number(value)).not.toBeNaN();
  await card.locator(".explain-toggle").click();
  await page.locator("[data-explain='nps']").getByTestId("show-sql").click();

  await expect(page).toHaveURL(/#\/data/);
  await expect(page.getByTestId("sql-source")).toContainText("NPS");
  const input = page.getByTestId("sql-input");
  await expect(input).toHaveValue(/AS nps/);
  await expect(input).toBeFocused();
  // Parameters are written into the SQL: nothing is left to bind.
  expect(await input.inputValue()).not.toMatch(/\?/);
  await page.getByTestId("sql-run").click();
  const result = page.getByTestId("sql-result");
  await expect(result).toBeVisible();
  expect(await resultCell(result, "nps")).toBe(value);

  // Edited, it runs as edited: the share of promoters alone.
  await input.fill(`${await input.inputValue()}`.replace(/^SELECT /, "SELECT 100.0 * promoters / nps_responses AS promoter_share, "));
  await page.getByTestId("sql-run").click();
  await expect(result.locator("thead th").first()).toHaveText("promoter_share");
});

test("teaching mode opens every note and writes the formulas with the cards' numbers", async ({ guardedPage: page }) => {
  await openApp(page, "#/?teach=1");
  await expect(page.getByTestId("teach-toggle")).toHaveAttribute("aria-pressed", "true");
  // Every KPI's and every chart's note is open, none waits for a click. Counted once the
  // cards are in (data-status turns ready before the KPI query has answered).
  await expect(page.locator("section[aria-busy='true']")).toHaveCount(0);
  await expect(page.locator("[data-kpi]").first()).toBeVisible();
  const kpiCount = await page.locator("[data-kpi]").count();
  await expect(page.locator("[data-explain]")).toHaveCount(kpiCount);
  const toggles = page.locator("main button[aria-expanded][aria-controls$='-explain']");
  expect(await toggles.count()).toBeGreaterThan(kpiCount);
  for (const state of await toggles.evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-expanded")))) expect(state).toBe("true");

  const term = async (metric: string, name: string) =>
    Number(await page.locator(`[data-explain='${metric}'] [data-worked] [data-term='${name}']`).getAttribute("data-value"));

  // AOV = revenue ÷ orders, with the Revenue and Orders cards' values, equal to the AOV card.
  expect(await term("aov", "revenue")).toBe(await kpi(page, "revenue"));
  expect(await term("aov", "orders")).toBe(await kpi(page, "orders"));
  expect(await term("aov", "result")).toBe(await kpi(page, "aov"));
  // Churn rate = 1 − active ÷ customers, with the Active customers and Customers cards.
  expect(await term("churn_rate", "active")).toBe(await kpi(page, "active_customers"));
  expect(await term("churn_rate", "customers")).toBe(await kpi(page, "customers"));
  expect(await term("churn_rate", "result")).toBe(await kpi(page, "churn_rate"));

  // NPS = % promoters − % detractors, the shares worked out from feedback.csv.
  const scores = parseCsv(readFileSync("public/demo/feedback.csv", "utf8"))
    .map((r) => (r.nps_score ?? "").trim())
    .filter((s) => /^\d+$/.test(s) && Number(s) <= 10)
    .map(Number);
  const promoters = scores.filter((s) => s >= 9).length / scores.length;
  const detractors = scores.filter((s) => s <= 6).length / scores.length;
  expect(await term("nps", "promoters")).toBeCloseTo(promoters, 12);
  expect(await term("nps", "detractors")).toBeCloseTo(detractors, 12);
  expect(await term("nps", "responses")).toBe(scores.length);
  expect(await term("nps", "result")).toBe(await kpi(page, "nps"));
  const shown = (n: number) => `${(100 * n).toFixed(1)}%`;
  await expect(page.locator("[data-explain='nps'] [data-worked]")).toHaveText(new RegExp(`^NPS = promoters ${shown(promoters)} − detractors ${shown(detractors)} = `));

  // The charts' notes are open too, with their queries and the course's targets where it sets one.
  await openApp(page, "#/churn?teach=1");
  const risk = page.getByTestId("at-risk");
  await expect(risk.locator(".explain")).toBeVisible();
  await expect(risk.locator(".explain")).toContainText("30 %");
  await expect(risk.getByTestId("show-sql")).toHaveCount(1);
});

test("privacy mode shows and exports no customer's name, email or phone", async ({ guardedPage: page }) => {
  // Without privacy mode the at-risk list shows names and exports them (the check below can fail).
  await openApp(page, "#/churn");
  await expect(page.getByTestId("at-risk-table")).toBeVisible();
  expect(leaked(await page.locator("main").innerText()).length).toBeGreaterThan(0);
  const plainCsv = await downloadText(page, () => page.getByTestId("at-risk-export").click());
  expect(leaked(plainCsv).length).toBeGreaterThan(0);

  await page.getByTestId("privacy-toggle").click();
  await expect(page).toHaveURL(/privacy=1/);
  await expect(page.getByTestId("privacy-toggle")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("at-risk-table")).toBeVisible();
  expect(leaked(await page.content())).toEqual([]);
  const maskedCsv = await downloadText(page, () => page.getByTestId("at-risk-export").click());
  expect(leaked(maskedCsv)).toEqual([]);
  // The masked list still has a row per customer, names masked in the course's forms.
  expect(maskedCsv.split("\r\n").length).toBe(plainCsv.split("\r\n").length);
  expect(maskedCsv).toMatch(/,[^,]\*\*\* [^,]\*\*\*,|,[\u4e00-\u9fff]\*/);

  // Segment members: the table and the campaign CSV (names, emails, phones).
  await openApp(page, "#/segments?privacy=1&segment=Champions,Loyal");
  await expect(page.getByTestId("members-table")).toBeVisible();
  expect(leaked(await page.content())).toEqual([]);
  const membersCsv = await downloadText(page, () => page.getByTestId("members-export").click());
  expect(membersCsv).toMatch(/@/);
  expect(leaked(membersCsv)).toEqual([]);

  // The most valuable customers.
  await openApp(page, "#/value?privacy=1");
  await expect(page.getByTestId("top-customers")).toBeVisible();
  await expect(page.getByTestId("top-customers").locator("tbody tr")).not.toHaveCount(0);
  expect(leaked(await page.content())).toEqual([]);

  // The Data page: the table browser (customers), the console's results (any column name), a table as CSV.
  await openApp(page, "#/data?privacy=1");
  await expect(page.getByTestId("privacy-project-note")).toBeVisible();
  await page.getByTestId("sql-input").fill("SELECT name AS who, email, phone, city FROM customers ORDER BY customer_id LIMIT 50");
  await page.getByTestId("sql-run").click();
  const result = page.getByTestId("sql-result");
  await expect(result.locator("tbody tr")).toHaveCount(50);
  expect(await resultCell(result, "city")).not.toBe("•••");
  expect(await resultCell(result, "who")).toContain("*");
  expect(leaked(await page.content())).toEqual([]);
  await page.locator("#download-table").selectOption("customers");
  const tableCsv = await downloadText(page, () => page.getByTestId("download-csv").click());
  expect(tableCsv.split("\r\n").length).toBeGreaterThan(1000);
  expect(tableCsv).toMatch(/\*\*\*@/);
  expect(leaked(tableCsv)).toEqual([]);
});
