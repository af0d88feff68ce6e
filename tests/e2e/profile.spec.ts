/**
 * The customer's file on the demo: found by a Chinese name, its orders and spend against
 * the orders file worked out here (returns excluded), opened from the at-risk list, the
 * same file from its link, the keyboard-only path, the channel mix on the Overview, and
 * screenshots in three languages and at phone width (test-results/screens/).
 */
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, openApp, test } from "./fixtures.ts";
import { parseCsv, shopKpis } from "./independent.ts";

const customers = parseCsv(readFileSync("public/demo/customers.csv", "utf8"));
const orders = parseCsv(readFileSync("public/demo/orders.csv", "utf8"));

/** The customer with a Chinese name no one else has and the most orders (a file with much to show). */
const chosen = (() => {
  const uses = new Map<string, number>();
  for (const c of customers) uses.set(c.name ?? "", (uses.get(c.name ?? "") ?? 0) + 1);
  const ordersOf = (id: string) => shopKpis(orders.filter((o) => o.customer_id === id));
  const candidates = customers
    .filter((c) => /\p{Script=Han}/u.test(c.name ?? "") && uses.get(c.name ?? "") === 1)
    .map((c) => ({ id: c.customer_id as string, name: c.name as string, ...ordersOf(c.customer_id as string) }));
  const best = candidates.sort((a, b) => b.orders - a.orders || a.id.localeCompare(b.id))[0];
  if (!best) throw new Error("no customer with a Chinese name in the demo");
  return best;
})();

const dialog = (page: Page) => page.getByTestId("customer-profile");
const search = (page: Page) => page.getByRole("combobox", { name: /find a customer/i });

test("searching a Chinese name opens the file, whose orders and spend are the orders file's, returns excluded", async ({ guardedPage: page }) => {
  await openApp(page);
  await search(page).fill(chosen.name);
  const option = page.getByRole("option", { name: new RegExp(chosen.id) });
  await expect(option).toBeVisible();
  await option.click();

  await expect(dialog(page)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`customer=${chosen.id}`));
  await expect(dialog(page).getByRole("heading", { level: 2 })).toHaveText(chosen.name);
  await expect(page.getByTestId("profile-orders")).toHaveAttribute("data-value", String(chosen.orders));
  expect(Number(await page.getByTestId("profile-spend").getAttribute("data-value"))).toBeCloseTo(chosen.revenue, 2);
  // Every order in the timeline, returns marked apart: the count shown is all of them.
  const lines = orders.filter((o) => o.customer_id === chosen.id).length;
  const timelineOrders = await page.getByTestId("profile-timeline-count").getAttribute("data-count");
  expect(Number(timelineOrders)).toBeGreaterThanOrEqual(lines);
  await expect(page.getByTestId("profile-segment")).toBeVisible();
  await expect(page.getByTestId("profile-stage")).toBeVisible();
});

test("the link reproduces the file, in another language too", async ({ guardedPage: page, browser }) => {
  await openApp(page, `#/segments?customer=${chosen.id}`);
  await expect(dialog(page)).toBeVisible();
  const spend = await page.getByTestId("profile-spend").getAttribute("data-value");

  const other = await browser.newContext({ locale: "en-US", timezoneId: "UTC" });
  const second = await other.newPage();
  await openApp(second, `#/segments?lang=zh-TW&customer=${encodeURIComponent(chosen.id)}`);
  await expect(second.getByTestId("customer-profile")).toBeVisible();
  await expect(second.getByTestId("customer-profile").getByRole("heading", { level: 2 })).toHaveText(chosen.name);
  await expect(second.getByTestId("profile-spend")).toHaveAttribute("data-value", spend ?? "");
  await expect(second.getByTestId("customer-profile")).toContainText("客戶檔案");
  await other.close();

  // Closing removes it from the URL; Back opens it again.
  await page.getByTestId("profile-close").click();
  await expect(dialog(page)).toBeHidden();
  await expect(page).not.toHaveURL(/customer=/);
  await page.goBack();
  await expect(dialog(page)).toBeVisible();
});

test("privacy mode masks the name, email and phone in the file and in the search", async ({ guardedPage: page }) => {
  const chars = [...chosen.name];
  const masked = `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`; // 周秀英 → 周*英
  const row = customers.find((c) => c.customer_id === chosen.id);
  await openApp(page, `#/?privacy=1&customer=${chosen.id}`);
  await expect(dialog(page).getByRole("heading", { level: 2 })).toHaveText(masked);
  const text = await dialog(page).innerText();
  for (const secret of [chosen.name, row?.email, row?.phone].filter(Boolean)) expect(text).not.toContain(secret);
  if (row?.email) await expect(dialog(page).locator('dd[data-field="email"]')).toHaveText(/^.\*\*\*@/);
  await page.getByTestId("profile-close").click();
  await page.getByTestId("customer-search").fill(chosen.name);
  await expect(page.getByRole("option", { name: new RegExp(chosen.id) })).toContainText(masked);
});

test("the at-risk list opens a customer's file with the same reasons", async ({ guardedPage: page }) => {
  await openApp(page, "#/churn");
  const table = page.getByTestId("at-risk-table");
  const row = table.locator("tbody tr[aria-rowindex]").first();
  const firstLink = row.locator("a");
  await expect(firstLink).toBeVisible();
  const reasonsInList = (await row.locator("td").last().innerText()).trim();
  const href = (await firstLink.getAttribute("href")) ?? "";
  const id = decodeURIComponent(/customer=([^&]+)/.exec(href)?.[1] ?? "");
  expect(id).not.toBe("");
  await firstLink.click();

  await expect(dialog(page)).toHaveAttribute("data-customer", id);
  await expect(page).toHaveURL(/#\/churn\?/);
  const risk = page.getByTestId("profile-risk");
  await expect(risk).toBeVisible();
  const reasons = await risk.locator("li").allInnerTexts();
  expect(reasons.length).toBeGreaterThan(0);
  expect(reasons.join("; ")).toBe(reasonsInList);
});

test("keyboard only: Tab to the search, type, arrows, Enter opens the file, Esc closes it and gives focus back", async ({ guardedPage: page }) => {
  await openApp(page);
  const box = search(page);
  for (let i = 0; i < 25 && !(await box.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(box).toBeFocused();

  await page.keyboard.type("李");
  const options = page.getByRole("option");
  await expect(options.nth(1)).toBeVisible();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("ArrowDown");
  const second = options.nth(1);
  await expect(second).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await second.getAttribute("id")) ?? "");
  const id = await second.getAttribute("data-customer");

  await page.keyboard.press("Enter");
  await expect(dialog(page)).toHaveAttribute("data-customer", id ?? "");
  await expect(dialog(page).getByRole("heading", { level: 2 })).toBeFocused();
  // Focus stays inside the modal file.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);

  await page.keyboard.press("Escape");
  await expect(dialog(page)).toBeHidden();
  await expect(page).not.toHaveURL(/customer=/);
  await expect(box).toBeFocused();
});

test("the file lists the data-quality problems of the customer's rows", async ({ guardedPage: page }) => {
  // The first customers row with an email that is not an address (row numbers count the header as 1).
  const index = customers.findIndex((c) => (c.email ?? "") !== "" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(c.email ?? ""));
  const bad = customers[index];
  expect(bad).toBeDefined();
  await openApp(page, `#/?customer=${bad?.customer_id}`);
  const problems = page.getByTestId("profile-problems");
  await expect(problems.locator(`li[data-file="customers.csv"][data-row="${index + 2}"]`)).toHaveAttribute("data-reason", "bad_email");
  await problems.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/profile-problems-en.png" });
});

test("the Overview shows the touchpoints of the demo's interactions by channel", async ({ guardedPage: page }) => {
  const interactions = parseCsv(readFileSync("public/demo/interactions.csv", "utf8"));
  await openApp(page);
  const mix = page.getByTestId("channel-mix");
  await expect(mix).toHaveAttribute("data-total", String(interactions.length));
  const channels = new Set(interactions.map((r) => r.channel));
  await expect(mix.locator("svg[role='img'] text[data-user-text]")).toHaveCount(channels.size);
});

/** Serious and critical axe violations inside `selector`. */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(selector).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
}

for (const theme of ["light", "dark"] as const) {
  test(`the open file and the search list pass an axe scan (${theme})`, async ({ guardedPage: page }) => {
    await openApp(page, `#/?theme=${theme}`);
    await page.getByTestId("customer-search").fill(chosen.name.slice(0, 1));
    await expect(page.getByRole("option").first()).toBeVisible();
    expect(await seriousViolations(page, ".customer-search")).toEqual([]);
    await page.getByRole("option").first().click();
    await expect(page.getByTestId("profile-timeline")).toBeVisible();
    expect(await seriousViolations(page, "[data-testid='customer-profile']")).toEqual([]);
    await page.screenshot({ path: `test-results/screens/profile-${theme}.png` });
  });
}

for (const lang of ["en", "zh-CN", "zh-TW"] as const) {
  test(`screenshots of the file and the channel mix (${lang})`, async ({ guardedPage: page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openApp(page, `#/?lang=${lang}`);
    await page.getByTestId("channel-mix").scrollIntoViewIfNeeded();
    await page.getByTestId("channel-mix").screenshot({ path: `test-results/screens/channel-mix-${lang}.png` });
    await page.getByTestId("customer-search").fill(chosen.name.slice(0, 1));
    await expect(page.getByRole("option").first()).toBeVisible();
    await page.screenshot({ path: `test-results/screens/search-${lang}.png` });
    await openApp(page, `#/churn?lang=${lang}&customer=${chosen.id}`);
    await expect(page.getByTestId("profile-timeline")).toBeVisible();
    await page.screenshot({ path: `test-results/screens/profile-${lang}.png` });
    await page.getByTestId("profile-problems").evaluate((el) => el.scrollIntoView({ block: "end" }));
    await page.screenshot({ path: `test-results/screens/profile-middle-${lang}.png` });
    await dialog(page).evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.screenshot({ path: `test-results/screens/profile-end-${lang}.png` });
  });
}

test("the file at 390 px fits the screen", async ({ guardedPage: page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page, `#/?lang=zh-CN&customer=${chosen.id}`);
  await expect(page.getByTestId("profile-timeline")).toBeVisible();
  const overflow = await dialog(page).evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screens/profile-zh-CN-phone.png" });
  await page.getByTestId("profile-close").click();
  await page.screenshot({ path: "test-results/screens/header-zh-CN-phone.png" });
  const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(pageOverflow).toBeLessThanOrEqual(0);
});
