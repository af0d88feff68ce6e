/** Switching language: no English UI text is left on a Chinese page. */
import { readFileSync } from "node:fs";
import { expect, openApp, test } from "./fixtures.ts";
import { parseCsv } from "./independent.ts";

// Words allowed on a Chinese page: product, metric, file-format and key names.
const ALLOWED = new Set([
  "CRM", "Lens", "NPS", "CSAT", "CES", "CLV", "RFM", "AOV", "SQL", "CSV", "TSV", "TXT", "PNG", "SVG", "SQLite",
  "CNY", "KPI", "UTF", "BOM", "GBK", "Big5", "Excel", "English", "Ctrl", "Enter", "Mac",
  "ABC", "NBD", "Gamma-Gamma", "xlsx", "xls", "OPFS", "IndexedDB",
]);
// File names (customers.csv, crm-lens.sqlite) are the user's or the data's, not UI text.
const FILE_NAME = /[\w./-]+\.(csv|tsv|txt|sqlite)\b/g;

// The demo's category values (the channel "WeChat", the outcome "purchased") are the data's
// words, shown as they are inside translated sentences and legends.
const CATEGORY_COLUMNS = ["channel", "outcome", "type", "category", "status", "priority", "region", "tier"];
const DATA_WORDS = new Set(
  ["interactions", "orders", "customers", "feedback"].flatMap((name) =>
    parseCsv(readFileSync(`public/demo/${name}.csv`, "utf8")).flatMap((row) =>
      CATEGORY_COLUMNS.flatMap((column) => (row[column] ?? "").split(/[^A-Za-z']+/)),
    ),
  ),
);

async function englishWords(text: string): Promise<string[]> {
  const words = text.replace(FILE_NAME, " ").match(/[A-Za-z][A-Za-z']*(-[A-Za-z']+)*/g) ?? [];
  return [...new Set(words)].filter((w) => w.length >= 3 && !ALLOWED.has(w) && !DATA_WORDS.has(w));
}

for (const [lang, sample] of [["zh-CN", "客户"], ["zh-TW", "客戶"]] as const) {
  // Each page with what shows it has finished drawing (the Segments page with a segment chosen: chip and member list).
  const PAGES = [
    ["overview", "#/", "[data-kpi]"],
    ["segments", "#/segments?segment=Champions", "[data-testid='members-table']"],
    ["value", "#/value", "[data-testid='top-customers']"],
    ["lifecycle", "#/lifecycle", "[data-testid='cohort-heatmap']"],
    ["churn", "#/churn", "[data-testid='at-risk-table']"],
    ["satisfaction", "#/satisfaction", "[data-testid='comment-list']"],
    ["data", "#/data", "[data-testid='sql-input']"],
  ] as const;
  for (const [name, route, drawn] of PAGES) {
    test(`${lang} ${route} has no English UI text`, async ({ guardedPage: page }) => {
      await openApp(page, `${route}${route.includes("?") ? "&" : "?"}lang=${lang}`);
      await expect(page.locator(drawn).first()).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.locator("body")).toContainText(sample);
      // Data values (file names, headers, table cells) are the user's text, not UI text.
      const uiText = await page.evaluate(() => {
        const clone = document.body.cloneNode(true) as HTMLElement;
        clone.querySelectorAll("[data-user-text], table, textarea, option, script, style").forEach((n) => n.remove());
        // Text nodes one by one: a detached clone's innerText runs adjacent buttons together ("NPSCSATCES").
        const texts: string[] = [];
        const walker = document.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? "");
        return texts.join(" ");
      });
      expect(await englishWords(uiText)).toEqual([]);
      await page.screenshot({ path: `test-results/screens/${name}-${lang}-desktop.png`, fullPage: true });
    });
  }
}

test("the language switch changes the page language", async ({ guardedPage: page }) => {
  await openApp(page);
  await page.getByRole("combobox", { name: /language|语言|語言/i }).selectOption("zh-TW");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
  expect(page.url()).toContain("lang=zh-TW");
});
