/**
 * Excel workbooks through the real file input: the parser is fetched only when a workbook
 * is dropped, the sheet picker re-reads the kept bytes, and the revenue KPI equals the sum
 * of the orders written into the workbook. Screenshots of the Data page with the picker in
 * the three languages go to test-results/xlsx/.
 */
import type { Page } from "@playwright/test";
import { dateCell, oleOf, workbookOf } from "../helpers/xlsx.ts";
import { expect, kpi, openApp, test } from "./fixtures.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Serials 45292… are days from 2024-01-01 (1900 date system). */
const ORDERS: [id: string, customer: string, serial: number, amount: number][] = [
  ["SO-001", "007", 45292, 1234.5],
  ["SO-002", "007", 45300, 99],
  ["SO-003", "012", 45320, 2000],
  ["SO-004", "030", 45351, 15.5],
];
const REVENUE = ORDERS.reduce((sum, order) => sum + order[3], 0);

const WORKBOOK = Buffer.from(
  workbookOf([
    {
      name: "客户",
      rows: [
        ["客户编号", "姓名", "地区"],
        ["007", "张伟", "华东"],
        ["012", "王芳", "华南"],
        ["030", "李娜", "华北"],
      ],
    },
    {
      name: "订单",
      rows: [["订单编号", "客户编号", "下单日期", "金额"], ...ORDERS.map(([id, customer, serial, amount]) => [id, customer, dateCell(serial), amount])],
    },
  ]),
);

async function dropWorkbook(page: Page): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({ name: "CRM导出.xlsx", mimeType: XLSX_TYPE, buffer: WORKBOOK });
  await expect(page.locator("[data-source]")).toHaveAttribute("data-source", "user");
  await expect(page.locator("[data-status]")).toHaveAttribute("data-status", "ready");
}

test("a two-sheet workbook: pick the orders sheet and the revenue is the orders' sum", async ({ guardedPage: page }) => {
  const parserRequests: string[] = [];
  page.on("request", (request) => {
    if (/\/assets\/xlsx-[^/]*\.js$/.test(request.url())) parserRequests.push(request.url());
  });
  await openApp(page);
  expect(parserRequests, "the parser is not fetched before a workbook is dropped").toEqual([]);

  await dropWorkbook(page);
  expect(parserRequests).toHaveLength(1);

  await page.goto("./#/data");
  const file = page.locator('[data-file="CRM导出.xlsx"]');
  const picker = file.getByLabel("Sheet of CRM导出.xlsx to read");
  // The customers sheet maps and comes first, so it is read first.
  await expect(picker).toHaveValue("客户");
  await expect(file.getByLabel("Text encoding of CRM导出.xlsx")).toHaveCount(0);
  await expect(file.getByLabel("Delimiter of CRM导出.xlsx")).toHaveCount(0);

  await picker.selectOption("订单");
  await expect(page.locator("[data-status]")).toHaveAttribute("data-status", "ready");
  await expect(picker).toHaveValue("订单");
  await expect(file).toContainText("Orders");

  await page.goto("./#/");
  await expect(page.locator('[data-kpi="orders"]')).toHaveAttribute("data-value", String(ORDERS.length));
  expect(await kpi(page, "revenue")).toBeCloseTo(REVENUE, 6);
  expect(await kpi(page, "customers")).toBe(3);
});

test("an old .xls gets a message naming the file and saying what to do", async ({ guardedPage: page }) => {
  await openApp(page);
  const revenueBefore = await kpi(page, "revenue");
  await page.locator('input[type="file"]').setInputFiles({
    name: "旧报表.xls",
    mimeType: "application/vnd.ms-excel",
    buffer: Buffer.from(oleOf({ Workbook: new Uint8Array(64) })),
  });
  const alert = page.getByRole("alert").filter({ hasText: "旧报表.xls" });
  await expect(alert).toContainText("Save As");
  await expect(alert).toContainText(".xlsx");
  expect(await kpi(page, "revenue")).toBe(revenueBefore);
});

for (const lang of ["en", "zh-CN", "zh-TW"]) {
  test(`the Data page with the sheet picker (${lang})`, async ({ guardedPage: page }) => {
    await openApp(page);
    await dropWorkbook(page);
    await page.goto(`./#/data?lang=${lang}`);
    const file = page.locator('[data-file="CRM导出.xlsx"]');
    await expect(file.locator('select[id^="sheet-"]')).toHaveValue("客户");
    await file.screenshot({ path: `test-results/xlsx/data-sheet-${lang}.png` });
    await page.screenshot({ path: `test-results/xlsx/data-page-${lang}.png`, fullPage: true });
  });
}
