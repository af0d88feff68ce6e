/**
 * Taking results away: a chart as PNG (2×, title, filters and analysis date drawn in) and as
 * a valid SVG, its data table as Excel-safe CSV, and the printed page (print emulation):
 * no navigation or controls, the filters in force stated.
 */
import { readFileSync } from "node:fs";
import type { Download, Locator, Page } from "@playwright/test";
import { expect, openApp, test } from "./fixtures.ts";

async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return { name: (file as Download).suggestedFilename(), bytes: readFileSync(await (file as Download).path()) };
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

const FILTERED = "#/?region=East%20China,South%20China&from=2024-01-01&to=2024-12-31";

test("a chart downloads as a 2× PNG with its title, filters and date, and as a valid SVG", async ({ guardedPage: page }) => {
  await openApp(page, FILTERED);
  const chart = page.locator("figure.chart-frame").filter({ has: page.locator("svg[role='img']") }).first();
  const title = (await chart.locator(".card-title").textContent())?.trim() ?? "";
  const box = await chart.locator("svg[role='img']").first().boundingBox();
  expect(box).not.toBeNull();

  const png = await download(page, chart.getByRole("button", { name: `Download ${title} as PNG` }));
  expect(png.name).toMatch(/\.png$/);
  expect(png.bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  const size = pngSize(png.bytes);
  expect(size.width).toBe(2 * Math.round(box!.width));
  // The chart plus a header of at least the title and two note lines, all at 2×.
  expect(size.height).toBeGreaterThanOrEqual(2 * (Math.round(box!.height) + 12 + 24 + 2 * 17));
  expect(png.bytes.length).toBeGreaterThan(10_000);
  expect(png.bytes.length).toBeLessThan(3_000_000);

  const svg = await download(page, chart.getByRole("button", { name: `Download ${title} as SVG` }));
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName("parsererror").length,
      root: root.localName,
      title: root.querySelector(":scope > title")?.textContent ?? null,
      desc: root.querySelector(":scope > desc")?.textContent ?? "",
      text: [...root.querySelectorAll(":scope > text")].map((t) => t.textContent).join("\n"),
      font: root.getAttribute("font-family") ?? "",
    };
  }, svg.bytes.toString("utf8"));
  expect(parsed.error).toBe(0);
  expect(parsed.root).toBe("svg");
  expect(parsed.title).toBe(title);
  expect(parsed.desc).toContain("Region: East China, South China");
  expect(parsed.desc).toContain("Period Jan 1, 2024 – Dec 31, 2024");
  expect(parsed.desc).toMatch(/Analysis date: \w{3} \d{1,2}, \d{4}/);
  // What is drawn says the same (wrapped lines joined back).
  expect(parsed.text.replace(/\n/g, " ")).toContain("East China, South China");
  expect(parsed.font).toContain("Noto Sans CJK SC");
});

test("Chinese titles and filters go into the exported files", async ({ guardedPage: page }) => {
  await openApp(page, `${FILTERED}&lang=zh-CN`);
  const chart = page.locator("figure.chart-frame").filter({ has: page.locator("svg[role='img']") }).first();
  const title = (await chart.locator(".card-title").textContent())?.trim() ?? "";
  expect(title).toMatch(/[\u4e00-\u9fff]/);
  const svgButton = chart.locator(".export-group button", { hasText: "SVG" });
  await expect(svgButton).toHaveAttribute("aria-label", `将“${title}”下载为 SVG`);
  const svg = await download(page, svgButton);
  const text = svg.bytes.toString("utf8");
  expect(text).toContain(`<title>${title}</title>`);
  expect(text).toContain("筛选条件：期间 2024年1月1日 – 2024年12月31日 · 地区：East China、South China");
  expect(text).toContain("分析日期：");
  const png = await download(page, chart.locator(".export-group button", { hasText: "PNG" }));
  expect(pngSize(png.bytes).width).toBeGreaterThan(400);
});

test("a chart's data table downloads as Excel-safe CSV", async ({ guardedPage: page }) => {
  await openApp(page);
  const chart = page.locator("figure.chart-frame").first();
  const title = (await chart.locator(".card-title").textContent())?.trim() ?? "";
  await chart.getByRole("button", { name: "Show data table" }).click();
  const header = await chart.locator("table thead th").allTextContents();
  const rows = await chart.locator("table tbody tr").count();
  const csv = await download(page, chart.getByRole("button", { name: `Download the data of ${title} as CSV` }));
  const text = csv.bytes.toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe(header.map((h) => (/[",]/.test(h) ? `"${h.replace(/"/g, '""')}"` : h)).join(","));
  expect(lines).toHaveLength(rows + 1);
});

test("a table written as markup (the segment summary) downloads as CSV with what it shows", async ({ guardedPage: page }) => {
  await openApp(page, "#/segments");
  const table = page.getByTestId("segment-table");
  await expect(table).toBeVisible();
  const header = (await table.locator("thead tr").last().locator("th").allTextContents()).map((h) => h.replace(/\s+/g, " ").trim());
  const bodyRows = await table.locator("tbody tr, tfoot tr").count();
  const firstRow = (await table.locator("tbody tr").first().locator("th, td").allTextContents()).map((c) => c.replace(/\s+/g, " ").trim());
  const panel = page.locator("section.panel").filter({ has: table });
  const csv = await download(page, panel.getByRole("button", { name: /as CSV$/ }));
  expect(csv.name).toBe("segments.csv");
  const text = csv.bytes.toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trimEnd().split("\r\n");
  expect(lines).toHaveLength(bodyRows + 1);
  expect(lines[0]).toBe(header.map((h) => (/[",]/.test(h) ? `"${h}"` : h)).join(","));
  expect(lines[1]).toBe(firstRow.map((c) => (/[",]/.test(c) ? `"${c}"` : c)).join(","));
});

test("the printed page has no navigation or controls and states its filters", async ({ guardedPage: page }) => {
  await openApp(page, FILTERED);
  await expect(page.getByTestId("print-head")).toBeHidden();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation")).toBeHidden();
  await expect(page.locator("header.app-header")).toBeHidden();
  await expect(page.getByTestId("print-head")).toBeVisible();
  await expect(page.getByTestId("print-filters")).toHaveText("Filters: Period Jan 1, 2024 – Dec 31, 2024 · Region: East China, South China");
  const visibleControls = await page.locator("button:visible, select:visible, input:visible").count();
  expect(visibleControls).toBe(0);
  // Every chart fits the sheet's width: A4 less 12 mm margins is about 718 CSS px.
  await page.setViewportSize({ width: 718, height: 1000 });
  // Charts follow their width through a ResizeObserver, a frame or more after the resize.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screens/overview-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("navigation")).toBeVisible();
});
