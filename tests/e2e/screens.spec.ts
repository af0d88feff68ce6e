/** Screenshots of every page at desktop and phone width, to look at (test-results/screens/). */
import { expect, openApp, test } from "./fixtures.ts";

const PAGES = { overview: "#/", segments: "#/segments?segment=Champions", value: "#/value", lifecycle: "#/lifecycle", churn: "#/churn", data: "#/data" };

for (const [name, route] of Object.entries(PAGES)) {
  test(`${name} at 390 px has no horizontal overflow`, async ({ guardedPage: page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page, route);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/screens/${name}-en-phone.png`, fullPage: true });
  });
}
