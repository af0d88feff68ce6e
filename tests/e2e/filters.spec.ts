/**
 * Filter everything at once and share a view (issue 6): a click on a chart filters the
 * numbers of another page, the filter bar's counts, a copied link reopening the same view
 * in a fresh browser, back/forward through view changes, and the note a link carrying the
 * sender's file names shows where those files are not loaded. Expected numbers are worked
 * out from the demo CSVs in plain TypeScript.
 */
import { readFileSync } from "node:fs";
import { expect, kpi, openApp, test } from "./fixtures.ts";
import { parseCsv, shopKpis } from "./independent.ts";

const orders = parseCsv(readFileSync("public/demo/orders.csv", "utf8"));
// One row per customer: the demo repeats two customers' rows (a data-quality problem it plants); the first row counts.
const customers = [...new Map(parseCsv(readFileSync("public/demo/customers.csv", "utf8")).reverse().map((c) => [c.customer_id, c])).values()];
const regionOf = new Map(customers.map((c) => [c.customer_id, c.region]));

test("a click on a chart's bar filters the KPIs of another page, and says so", async ({ guardedPage: page }) => {
  const east = shopKpis(orders.filter((r) => regionOf.get(r.customer_id ?? "") === "East China"));

  await openApp(page, "#/churn?churn_by=region");
  await expect(page.getByTestId("churn-attribute")).toHaveValue("region");
  const bar = page.locator(".by-chart button[data-key='East China']");
  // Keyboard too: the bars are buttons; Enter on the focused one chooses it.
  await bar.focus();
  await page.keyboard.press("Enter");
  await expect(bar).toHaveAttribute("aria-pressed", "true");
  expect(page.url()).toContain("region=East%20China");

  const notice = page.getByTestId("cross-filter-notice");
  await expect(notice).toContainText("Churn by Region");
  await expect(notice).toContainText("East China");
  const chip = page.getByTestId("active-filters").locator('[data-filter="region"]');
  await expect(chip).toContainText("East China");
  await expect(chip).toContainText("from “Churn by Region”");

  await page.getByRole("navigation").getByRole("link", { name: "Overview" }).click();
  await expect(page.locator('[data-kpi="customers"]')).toHaveAttribute("data-value", String(east.customers));
  expect(await kpi(page, "orders")).toBe(east.orders);
  expect(await kpi(page, "revenue")).toBeCloseTo(east.revenue, 2);

  // The chip's × takes the filter off every page again.
  const all = shopKpis(orders);
  await chip.getByRole("button").click();
  await expect(page.locator('[data-kpi="customers"]')).toHaveAttribute("data-value", String(all.customers));
});

test("the filter bar lists each value with its customers and filters by what is ticked", async ({ guardedPage: page }) => {
  const buyers = new Set(orders.map((r) => r.customer_id));
  const women = customers.filter((c) => c.gender === "Female");
  const womenBuy = shopKpis(orders.filter((r) => women.some((w) => w.customer_id === r.customer_id)));

  await openApp(page);
  await page.getByTestId("filter-gender").getByRole("button").first().click();
  const female = page.getByTestId("filter-gender").getByRole("checkbox", { name: /Female/ });
  await expect(page.getByTestId("filter-gender").locator("label").filter({ hasText: "Female" })).toContainText(women.length.toLocaleString("en"));
  await female.check();
  expect(page.url()).toContain("gender=Female");
  await expect(page.locator('[data-kpi="customers"]')).toHaveAttribute("data-value", String(womenBuy.customers));
  expect(womenBuy.customers).toBeLessThan(buyers.size);
  expect(await kpi(page, "revenue")).toBeCloseTo(womenBuy.revenue, 2);

  // Region counts are taken among women now (faceted), sorted for the reader.
  await page.keyboard.press("Escape");
  await page.getByTestId("filter-region").getByRole("button").first().click();
  const regionLabels = page.getByTestId("filter-region").locator("li label");
  const expectedRegions = [...new Set(women.map((w) => w.region ?? "").filter(Boolean))].sort(new Intl.Collator("en", { numeric: true, sensitivity: "base" }).compare);
  await expect(regionLabels.locator(".text")).toHaveText(expectedRegions);
  const north = expectedRegions[0] as string;
  await expect(regionLabels.first()).toContainText(String(women.filter((w) => w.region === north).length));

  await page.keyboard.press("Escape");
  await page.getByTestId("filters-reset").click();
  await expect(page.getByTestId("active-filters")).toHaveCount(0);
  expect(page.url()).not.toContain("gender=");
});

test("a copied link opens the same view in another browser", async ({ browser, baseURL, guardedPage: page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await openApp(page, "#/segments?lang=zh-CN&theme=dark");
  // A chart option, a filter from the menu and a date preset: all in the link.
  await page.getByRole("group", { name: "显示" }).getByRole("button", { name: "收入" }).click();
  await page.getByTestId("filter-dates").getByRole("button").first().click();
  await page.getByRole("button", { name: "最近 90 天" }).click();
  await page.keyboard.press("Escape");
  await page.getByTestId("filter-gender").getByRole("button").first().click();
  await page.getByTestId("filter-gender").getByRole("checkbox", { name: /Male/ }).first().check();
  await page.keyboard.press("Escape");
  await page.getByTestId("copy-link").click();
  await expect(page.getByText("链接已复制")).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  expect(link).toContain("#/segments?");
  for (const part of ["lang=zh-CN", "theme=dark", "measure=revenue", "gender=Male", "from=", "to="]) expect(link).toContain(part);

  const other = await browser.newContext({ baseURL });
  const fresh = await other.newPage();
  await fresh.goto(link);
  await expect(fresh.locator("[data-status]")).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  expect(fresh.url()).toBe(link);
  await expect(fresh.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(fresh.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(fresh.getByRole("group", { name: "显示" }).getByRole("button", { name: "收入" })).toHaveAttribute("aria-pressed", "true");
  await expect(fresh.getByTestId("active-filters").locator('[data-filter="gender"]')).toContainText("Male");
  await expect(fresh.getByTestId("filter-dates")).toContainText("最近 90 天");
  // The same numbers on both sides.
  await page.getByRole("navigation").getByRole("link", { name: "总览" }).click();
  await fresh.getByRole("navigation").getByRole("link", { name: "总览" }).click();
  const revenue = await kpi(page, "revenue");
  expect(await kpi(fresh, "revenue")).toBe(revenue);
  await other.close();
});

test("back and forward walk through view changes; a typed date is one step", async ({ guardedPage: page }) => {
  await openApp(page, "#/");
  await page.getByRole("navigation").getByRole("link", { name: "Segments" }).click();
  await expect(page).toHaveURL(/#\/segments$/);
  await page.locator('.treemap button[data-key="Champions"]').click();
  await expect(page).toHaveURL(/#\/segments\?segment=Champions$/);
  await page.getByRole("group", { name: "Show" }).getByRole("button", { name: "Revenue" }).click();
  await expect(page).toHaveURL(/#\/segments\?segment=Champions&measure=revenue$/);

  await page.goBack();
  await expect(page).toHaveURL(/#\/segments\?segment=Champions$/);
  await expect(page.getByRole("group", { name: "Show" }).getByRole("button", { name: "Customers" })).toHaveAttribute("aria-pressed", "true");
  await page.goBack();
  await expect(page).toHaveURL(/#\/segments$/);
  await expect(page.locator('.treemap button[data-key="Champions"]')).toHaveAttribute("aria-pressed", "false");
  await page.goBack();
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.locator('[data-kpi="customers"]')).toBeVisible();
  await page.goForward();
  await expect(page).toHaveURL(/#\/segments$/);
  await page.goForward();
  await expect(page.locator('.treemap button[data-key="Champions"]')).toHaveAttribute("aria-pressed", "true");
  await page.goForward();
  await expect(page).toHaveURL(/measure=revenue$/);

  // Typing a date digit by digit changes the URL as it goes, but adds one history entry.
  const before = await page.evaluate(() => history.length);
  await page.getByTestId("filter-dates").getByRole("button").first().click();
  await page.getByTestId("filter-dates").getByLabel("From").focus();
  await page.keyboard.type("03012025", { delay: 40 });
  await expect(page).toHaveURL(/from=2025-03-01/);
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
  await page.goBack();
  await expect(page).not.toHaveURL(/from=/);
});

test("a link made from someone's files says which files it expects, and the user's own files are named in the link", async ({ guardedPage: page }) => {
  await openApp(page, "#/?files=orders%202024.csv,%E5%AE%A2%E6%88%B7.xlsx");
  const note = page.getByTestId("expected-files");
  await expect(note).toContainText("orders 2024.csv");
  await expect(note).toContainText("客户.xlsx");
  await expect(note).toContainText("demo data");

  await page.locator("#file-input").setInputFiles({
    name: "my-orders.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("order_id,customer_id,order_date,amount\nA1,C1,2024-01-05,10\nA2,C2,2024-02-05,20\n"),
  });
  await expect(page).toHaveURL(/files=my-orders\.csv$/);
  await expect(note).toHaveCount(0);
  // The URL changes as the load lands; the KPIs follow once their query has run.
  await expect.poll(() => kpi(page, "revenue")).toBe(30);
});
