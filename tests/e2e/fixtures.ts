/**
 * Page fixtures for the browser tests: every test fails on a console error or on a request
 * that leaves the page's origin, and waits for the app to be ready.
 */
import { test as base, expect, type Page } from "@playwright/test";

export const test = base.extend<{ guardedPage: Page }>({
  guardedPage: async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL as string).origin;
    const consoleErrors: string[] = [];
    const foreignRequests: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(String(error)));
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith("blob:") && !url.startsWith("data:")) foreignRequests.push(url);
    });
    await use(page);
    expect(foreignRequests, "requests to other origins").toEqual([]);
    expect(consoleErrors, "console errors").toEqual([]);
  },
});

export { expect };

/** Opens a hash route and waits until the data is loaded. */
export async function openApp(page: Page, route = "#/"): Promise<void> {
  await page.goto(`./${route}`);
  await expect(page.locator("[data-status]")).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
}

/** The unrounded value a KPI card carries (testability contract). */
export async function kpi(page: Page, id: string): Promise<number> {
  const card = page.locator(`[data-kpi="${id}"]`);
  await expect(card).toBeVisible();
  return Number(await card.getAttribute("data-value"));
}
