/**
 * Security in the browser (issue 7). Markup from CSV cells, headers and file names, shown
 * on every page, never runs: each payload would set `window.__pwned`, and that stays unset,
 * with no dialog, no live element made of it and no request elsewhere. CSV exports
 * neutralise formula cells. The Content-Security-Policy keeps every request on the page's
 * origin across a whole session, and really refuses one that tries to leave.
 */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import type { Locator, Page } from "@playwright/test";
import { FORMULA_PAYLOADS, MARKUP_PAYLOADS, markupShop } from "../../scripts/hostile/corpus.ts";
import { expect, openApp, test } from "./fixtures.ts";

type Watched = Window & { __pwned?: unknown; __cspViolations: string[] };

/** Before any of the page's scripts: keep every CSP violation, and answer (and keep) any dialog. */
async function watch(page: Page): Promise<string[]> {
  await page.addInitScript(() => {
    const w = window as unknown as Watched;
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

/**
 * What markup that got into the page would leave: the global it sets, the CSP's refusals of
 * its inline handlers (the CSP stops them running, so the refusal is the trace), and
 * elements made of it.
 */
function traces(page: Page): Promise<{ pwned: unknown; violations: string[]; live: number }> {
  return page.evaluate(() => {
    const w = window as unknown as Watched;
    return {
      pwned: w.__pwned ?? null,
      violations: w.__cspViolations,
      live: document.querySelectorAll('script:not([src]), iframe, [onerror], [onload], [onclick], a[href^="javascript:" i]').length,
    };
  });
}

/** Nothing ran, nothing was refused, and no element was made of a payload. */
async function expectNothingRan(page: Page, dialogs: string[], where: string): Promise<void> {
  expect(await traces(page), where).toEqual({ pwned: null, violations: [], live: 0 });
  expect(dialogs, where).toEqual([]);
}

/** Waits until the page's queries have answered: ready, and no skeleton left. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator("[data-status]")).toHaveAttribute("data-status", "ready");
  await expect(page.locator(".skeleton:visible")).toHaveCount(0, { timeout: 20_000 });
}

/** Drops the markup shop on the page shown and waits for the message naming its files. */
async function dropMarkupShop(page: Page): Promise<void> {
  const files = markupShop().map((f) => ({ name: f.name, mimeType: "text/csv", buffer: Buffer.from(f.text) }));
  await page.locator('input[type="file"]').setInputFiles(files);
  // The messages name the files, the marked-up file name included, as text.
  await expect(page.getByRole("alert").filter({ hasText: '反馈<img src=x onerror="window.__pwned=1">.csv' }).first()).toBeVisible({ timeout: 30_000 });
  await settle(page);
}

const navLinks = (page: Page): Locator => page.getByRole("navigation").getByRole("link");

/** Opens a page from the nav and waits until it is the page shown and its queries have answered. */
async function visit(page: Page, link: Locator): Promise<void> {
  await link.click({ timeout: 15_000 });
  await expect(link).toHaveAttribute("aria-current", "page");
  await settle(page);
}

async function download(page: Page, button: Locator): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return readFileSync(await file.path()).toString("utf8").replace(/^\uFEFF/, "");
}

/** Opens the markup shop on the demo and checks it is all there: twelve customers, all with orders. */
async function openMarkupShop(page: Page): Promise<string[]> {
  const dialogs = await watch(page);
  await openApp(page);
  await dropMarkupShop(page);
  await expect(page.locator('[data-kpi="customers"]')).toHaveAttribute("data-value", "12");
  return dialogs;
}

const CLICK = { timeout: 15_000 };

test("markup in cells, headers and file names never runs on any page, in any language", async ({ guardedPage: page }) => {
  test.setTimeout(300_000);
  const dialogs = await openMarkupShop(page);
  for (const locale of ["en", "zh-CN", "zh-TW"]) {
    await page.locator("#locale-select").selectOption(locale);
    const count = await navLinks(page).count();
    for (let i = 0; i < count; i++) {
      await visit(page, navLinks(page).nth(i));
      await expectNothingRan(page, dialogs, `${locale}, page ${i}`);
    }
  }
});

test("markup never runs in a segment's members, the customer search and a customer's file", async ({ guardedPage: page }) => {
  const dialogs = await openMarkupShop(page);
  await visit(page, navLinks(page).filter({ hasText: "Segments" }));
  await page.locator("[data-testid='segment-table'] tr[data-segment] button[aria-pressed]").first().click(CLICK);
  await expect(page.getByTestId("members-panel")).toBeVisible();
  await expectNothingRan(page, dialogs, "segment members");

  // The customer whose ID is a <script>, found by that ID: the options show markup as text.
  const search = page.getByRole("combobox", { name: /find a customer/i });
  await search.fill(MARKUP_PAYLOADS[1]);
  const first = page.getByRole("option").first();
  await expect(first).toContainText(MARKUP_PAYLOADS[1]);
  await expectNothingRan(page, dialogs, "search options");
  await first.click(CLICK);
  const profile = page.getByTestId("customer-profile");
  await expect(profile).toBeVisible();
  await expect(profile).toContainText(MARKUP_PAYLOADS[1]);
  await settle(page);
  await expectNothingRan(page, dialogs, "customer profile");
});

test("markup never runs in the comments, the table browser, the console or the problems", async ({ guardedPage: page }) => {
  test.setTimeout(180_000);
  const dialogs = await openMarkupShop(page);
  // Satisfaction: a term of the detractors' comments lists comments made of payloads.
  await visit(page, navLinks(page).filter({ hasText: "Satisfaction" }));
  await page.getByTestId("terms-detractor").getByRole("button").first().click(CLICK);
  await expect(page.getByTestId("comment-list")).toContainText(/<img|<script|<svg|<a |<iframe|HYPERLINK|cmd\|/);
  await expectNothingRan(page, dialogs, "comments");

  // Data: every table in the browser, the console, the problems, the mappings' samples.
  await visit(page, navLinks(page).filter({ hasText: "Data" }));
  const tables = await page.locator("#browser-table option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(tables.length).toBeGreaterThan(6);
  for (const table of tables) {
    await page.locator("#browser-table").selectOption(table);
    await settle(page);
  }
  await page.locator("#browser-table").selectOption("customers");
  await expect(page.getByText(MARKUP_PAYLOADS[0]).first()).toBeVisible();
  await page.getByTestId("sql-input").fill("SELECT name, city, region, tier FROM customers");
  await page.getByTestId("sql-run").click(CLICK);
  await expect(page.getByTestId("sql-result")).toContainText(MARKUP_PAYLOADS[3]);
  await expectNothingRan(page, dialogs, "data page");
});

test("CSV exports neutralise every formula cell", async ({ guardedPage: page }) => {
  await openMarkupShop(page);
  const formulas = FORMULA_PAYLOADS.map((f) => f.trim());

  // The customers table from the Data page: every formula name gets a leading quote.
  await visit(page, navLinks(page).filter({ hasText: "Data" }));
  await page.locator("#download-table").selectOption("customers");
  const table = Papa.parse<Record<string, string>>(await download(page, page.getByTestId("download-csv")), { header: true, skipEmptyLines: true });
  const names = table.data.map((row) => row.name ?? "");
  for (const formula of formulas) expect(names).toContain(`'${formula}`);
  expect(names.filter((name) => /^[=+\-@\t\r]/.test(name))).toEqual([]);
  expect(names.find((name) => name.includes("HYPERLINK"))).toBe(`'${FORMULA_PAYLOADS[0]}`);

  // A segment's members: the same.
  await visit(page, navLinks(page).filter({ hasText: "Segments" }));
  await page.locator("[data-testid='segment-table'] tr[data-segment] button[aria-pressed]").first().click();
  const members = Papa.parse<string[]>(await download(page, page.getByTestId("members-export")), { skipEmptyLines: true });
  const cells = members.data.slice(1).flat();
  expect(cells.filter((cell) => /^[=+@\t\r]/.test(cell) || /^-(?!\d)/.test(cell))).toEqual([]);
});

test("the page makes no request to another origin in a whole session: every page, three languages, a drop, exports", async ({ guardedPage: page, baseURL }) => {
  test.setTimeout(300_000);
  const origin = new URL(baseURL as string).origin;
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith("blob:") && !url.startsWith("data:") && new URL(url).origin !== origin) elsewhere.push(url);
  });
  const dialogs = await watch(page);
  await openApp(page);
  for (const locale of ["zh-CN", "zh-TW", "en"]) {
    await page.locator("#locale-select").selectOption(locale);
    const count = await navLinks(page).count();
    for (let i = 0; i < count; i++) {
      await visit(page, navLinks(page).nth(i));
    }
  }
  await dropMarkupShop(page);
  await visit(page, navLinks(page).first());
  const chart = page.locator("figure.chart-frame").filter({ has: page.locator("svg[role='img']") }).first();
  const title = (await chart.locator(".card-title").textContent())?.trim() ?? "";
  await download(page, chart.getByRole("button", { name: `Download ${title} as PNG` }));
  await download(page, chart.getByRole("button", { name: `Download ${title} as SVG` }));
  await visit(page, navLinks(page).filter({ hasText: "Data" }));
  await download(page, page.getByTestId("download-csv"));
  await expectNothingRan(page, dialogs, "session");
  expect(elsewhere).toEqual([]);
});

test("the Content-Security-Policy refuses a request to another origin and inline script", async ({ page }) => {
  await watch(page);
  await openApp(page);
  const fetched = await page.evaluate(() => fetch("https://example.com/").then(() => "fetched", () => "refused"));
  expect(fetched).toBe("refused");
  // Markup inserted as HTML, as a view that did so would: its handler does not run, and the
  // traces the other tests look for are there (so those tests would see such a view).
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<img src="data:," onload="window.__pwned=1" alt="">'));
  await expect.poll(async () => (await traces(page)).violations.length).toBeGreaterThan(1);
  const left = await traces(page);
  expect(left.pwned).toBeNull();
  expect(left.live).toBe(1);
  expect(left.violations).toEqual(expect.arrayContaining([expect.stringMatching(/^connect-src https:\/\/example\.com/), expect.stringMatching(/^script-src/)]));
});
