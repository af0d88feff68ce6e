/**
 * The worst files of the hostile corpus (scripts/hostile/corpus.ts) dropped through the real
 * file input (issue 7): each gets a role="alert" message naming it; a refused file leaves
 * the data as it was; a file with an unclosed quote loads its good rows and says which row
 * is bad; a 5 MB cell loads; and the page goes on — every page opens, the KPIs are there.
 * Screenshots of the messages in three languages go to test-results/screens/.
 */
import type { Page } from "@playwright/test";
import { hostileCorpus, type HostileFile } from "../../scripts/hostile/corpus.ts";
import { expect, kpi, openApp, test } from "./fixtures.ts";

const corpus = new Map(hostileCorpus().map((file) => [file.name, file]));

function corpusFile(name: string): HostileFile {
  const file = corpus.get(name);
  if (!file) throw new Error(`${name} is not in the corpus`);
  return file;
}

/** What the corpus says the file loads: its orders and revenue, counted there in plain TypeScript. */
function loads(name: string): { orders: number; revenue: number } {
  const expectation = corpusFile(name).expect;
  if (!("orders" in expectation)) throw new Error(`${name} is not expected to load`);
  return expectation;
}

async function drop(page: Page, name: string): Promise<void> {
  const bytes = Buffer.from(corpusFile(name).bytes());
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: "text/csv", buffer: bytes });
  await expect(page.getByRole("alert").filter({ hasText: name }).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator("[data-status]")).toHaveAttribute("data-status", "ready");
}

test("the worst files are refused or loaded in part, always named, and the page goes on", async ({ guardedPage: page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const demoRevenue = await kpi(page, "revenue");

  await drop(page, "columns-2001.csv");
  const wide = page.getByRole("alert").filter({ hasText: "columns-2001.csv" });
  await expect(wide).toContainText("2,001 columns");
  await expect(wide).toContainText("at most 2,000");
  expect(await kpi(page, "revenue")).toBe(demoRevenue);

  await drop(page, "random-bytes.csv");
  await expect(page.getByRole("alert").filter({ hasText: "random-bytes.csv" })).toContainText("binary file");
  expect(await kpi(page, "revenue")).toBe(demoRevenue);

  // An unclosed quote on row 5: the file replaces the demo with its good rows, and says where.
  const quoted = loads("unbalanced-quote.csv");
  await drop(page, "unbalanced-quote.csv");
  await expect(page.getByRole("alert").filter({ hasText: "unbalanced-quote.csv" }).filter({ hasText: "row 5" })).toBeVisible();
  await expect(page.locator('[data-kpi="orders"]')).toHaveAttribute("data-value", String(quoted.orders));
  await expect.poll(() => kpi(page, "revenue")).toBeCloseTo(quoted.revenue, 6);

  // A 5 MB cell loads whole, beside it. Both files hold orders H1–H8, so orders are not
  // added up (one order, its lines summed) while revenue is.
  const long = loads("long-field.csv");
  await drop(page, "long-field.csv");
  await expect.poll(() => kpi(page, "revenue")).toBeCloseTo(quoted.revenue + long.revenue, 6);
  await expect(page.locator('[data-kpi="orders"]')).toHaveAttribute("data-value", String(quoted.orders));

  // Every page opens and answers.
  const links = page.getByRole("navigation").getByRole("link");
  for (let i = 0; i < (await links.count()); i++) {
    await links.nth(i).click();
    await expect(links.nth(i)).toHaveAttribute("aria-current", "page");
    await expect(page.locator("[data-status]")).toHaveAttribute("data-status", "ready");
    await expect(page.locator(".skeleton:visible")).toHaveCount(0, { timeout: 20_000 });
    await expect(page.locator(".alert-error").filter({ hasNotText: /columns-2001\.csv|random-bytes\.csv/ })).toHaveCount(0);
  }
  await expect(page.getByRole("alert").filter({ hasText: "unbalanced-quote.csv" }).first()).toBeVisible();
  await links.first().click();
  await expect(page.locator('[data-kpi="revenue"]')).toBeVisible();

  for (const locale of ["en", "zh-CN", "zh-TW"]) {
    await page.locator("#locale-select").selectOption(locale);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await page.screenshot({ path: `test-results/screens/hostile-messages-${locale}.png` });
  }
});

test("a file of exactly 2,000 columns loads, and the Data page says it is kept as the original file", async ({ guardedPage: page }) => {
  await openApp(page);
  const wide = loads("columns-2000.csv");
  await drop(page, "columns-2000.csv");
  await expect(page.locator('[data-kpi="orders"]')).toHaveAttribute("data-value", String(wide.orders));
  expect(await kpi(page, "revenue")).toBeCloseTo(wide.revenue, 6);
  await page.goto("./#/data");
  const kept = page.getByTestId("file-kept");
  await expect(kept).toHaveAttribute("data-kept", "bytes");
  await expect(kept).toContainText("the original file");
  await kept.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/data-file-kept-as-bytes.png" });
});
