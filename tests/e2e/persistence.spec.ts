/**
 * Keeping the user's work and working offline (issue 6): a dropped file survives a reload
 * until "Clear my data", which leaves OPFS and IndexedDB empty and brings the demo back; a
 * saved project opens in a fresh browser context with the same KPIs; a .sqlite that is not
 * a project is refused by name; after one visit the app works with the network cut.
 */
import { readFileSync } from "node:fs";
import initSqlJs from "sql.js";
import type { Page } from "@playwright/test";
import { expect, kpi, openApp, test } from "./fixtures.ts";
import { parseCsv, shopKpis } from "./independent.ts";

// K4 is refunded: 3 orders, 120.50 + 79.50 + 300.00 = 500.00 from C1 (2 orders) and C2.
const MY_ORDERS = [
  "order_id,customer_id,order_date,amount,status",
  "K1,C1,2024-05-01,120.50,paid",
  "K2,C1,2024-06-01,79.50,paid",
  "K3,C2,2024-06-15,300.00,paid",
  "K4,C3,2024-06-20,45.00,refunded",
].join("\n");
const mine = shopKpis(parseCsv(MY_ORDERS));
const demo = shopKpis(parseCsv(readFileSync("public/demo/orders.csv", "utf8")));

/** What this origin keeps: the names in OPFS (recursively) and the IndexedDB databases. */
function storedByOrigin(page: Page): Promise<{ opfs: string[]; indexedDB: string[] }> {
  return page.evaluate(async () => {
    type Listable = FileSystemDirectoryHandle & { entries(): AsyncIterable<[string, FileSystemHandle]> };
    async function names(dir: FileSystemDirectoryHandle, prefix: string): Promise<string[]> {
      const found: string[] = [];
      for await (const [name, handle] of (dir as Listable).entries()) {
        found.push(`${prefix}${name}`);
        if (handle.kind === "directory") found.push(...(await names(handle as FileSystemDirectoryHandle, `${prefix}${name}/`)));
      }
      return found;
    }
    const opfs = await names(await navigator.storage.getDirectory(), "");
    const databases = (await indexedDB.databases()).map((d) => d.name ?? "");
    return { opfs: opfs.sort(), indexedDB: databases };
  });
}

async function dropMyOrders(page: Page): Promise<void> {
  await page.locator("#file-input").setInputFiles({ name: "my-orders.csv", mimeType: "text/csv", buffer: Buffer.from(MY_ORDERS) });
  await expect(page.locator('[data-kpi="orders"]')).toHaveAttribute("data-value", String(mine.orders));
}

/** The Data page's storage panel once the save under way is written. */
async function keptPanel(page: Page) {
  await page.goto("./#/data");
  const panel = page.getByTestId("storage-panel");
  await expect(panel).toHaveAttribute("data-kept", "true");
  return panel;
}

test("reload keeps a dropped file's data; Clear my data deletes it and brings the demo back", async ({ guardedPage: page }) => {
  await openApp(page);
  expect(await storedByOrigin(page)).toEqual({ opfs: [], indexedDB: [] });
  await dropMyOrders(page);
  expect(await kpi(page, "revenue")).toBeCloseTo(mine.revenue, 6);

  const panel = await keptPanel(page);
  await expect(panel).toHaveAttribute("data-backend", "opfs");
  await expect(panel.getByRole("status")).toContainText("OPFS");
  // The database, and the original file beside it (for re-reading with another encoding).
  expect((await storedByOrigin(page)).opfs).toEqual(["crm-lens", "crm-lens/database.sqlite", expect.stringMatching(/^crm-lens\/source-\d+$/)]);

  await page.goto("./#/");
  await page.reload();
  await expect(page.locator("[data-status]")).toHaveAttribute("data-status", "ready");
  await expect(page.locator("[data-source]")).toHaveAttribute("data-source", "user");
  await expect(page.getByRole("alert").filter({ hasText: "reopened from this browser" })).toBeVisible();
  expect(await kpi(page, "revenue")).toBeCloseTo(mine.revenue, 6);
  expect(await kpi(page, "customers")).toBe(mine.customers);

  await page.goto("./#/data");
  await page.getByTestId("storage-panel").getByTestId("clear-data").click();
  await page.getByTestId("clear-data-confirm").click();
  await expect(page.locator("[data-source]")).toHaveAttribute("data-source", "demo");
  await expect(page.locator("[data-status]")).toHaveAttribute("data-status", "ready");
  expect(await storedByOrigin(page)).toEqual({ opfs: [], indexedDB: [] });

  await page.reload();
  await expect(page.locator("[data-status]")).toHaveAttribute("data-status", "ready");
  await expect(page.locator("[data-source]")).toHaveAttribute("data-source", "demo");
  await page.goto("./#/");
  expect(await kpi(page, "customers")).toBe(demo.customers);
  expect(await kpi(page, "revenue")).toBeCloseTo(demo.revenue, 2);
});

test("a saved project opens in a fresh browser with the same KPIs", async ({ guardedPage: page, browser }) => {
  await openApp(page);
  await dropMyOrders(page);
  const ids = ["revenue", "orders", "customers", "repeat_rate", "aov", "data_quality"];
  const saved = new Map<string, number>();
  for (const id of ids) saved.set(id, await kpi(page, id));
  await page.goto("./#/data");
  const download = page.waitForEvent("download");
  await page.getByTestId("save-project").click();
  const project = await (await download).path();
  expect((await download).suggestedFilename()).toMatch(/\.sqlite$/);

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await openApp(other, "#/data");
    await expect(other.locator("[data-source]")).toHaveAttribute("data-source", "demo");
    const chooser = other.waitForEvent("filechooser");
    await other.getByTestId("open-project").click();
    await (await chooser).setFiles(project);
    await expect(other.getByRole("alert").filter({ hasText: "Opened the project" })).toBeVisible();
    await expect(other.locator("[data-file]")).toHaveAttribute("data-file", "my-orders.csv");
    await other.goto("./#/");
    for (const id of ids) expect(await kpi(other, id), id).toBe(saved.get(id));
    expect(await kpi(other, "revenue")).toBeCloseTo(mine.revenue, 6);
    // The opened project is the user's data now: kept in this browser too.
    await keptPanel(other);
  } finally {
    await fresh.close();
  }
});

test("a .sqlite that is not a project is refused with its name, and nothing is lost", async ({ guardedPage: page }) => {
  await openApp(page);
  const SQL = await initSqlJs();
  const other = new SQL.Database();
  other.run("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hello');");
  const revenueBefore = await kpi(page, "revenue");
  // Dropped on the page like a CSV: a .sqlite is opened as a project.
  await page.locator("#file-input").setInputFiles({ name: "notes.sqlite", mimeType: "application/vnd.sqlite3", buffer: Buffer.from(other.export()) });
  await expect(page.getByRole("alert").filter({ hasText: "notes.sqlite is not a CRM Lens project" })).toBeVisible();
  await expect(page.locator("[data-source]")).toHaveAttribute("data-source", "demo");
  expect(await kpi(page, "revenue")).toBe(revenueBefore);
});

test("after a first visit the app opens and works with the network cut", async ({ guardedPage: page, context }) => {
  await openApp(page);
  // The service worker has precached the site once it is active.
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page.locator("[data-status]")).toHaveAttribute("data-status", "ready");
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await kpi(page, "customers")).toBe(demo.customers);
    expect(await kpi(page, "revenue")).toBeCloseTo(demo.revenue, 2);
    await page.getByRole("navigation").getByRole("link", { name: "Segments" }).click();
    await expect(page).toHaveURL(/#\/segments/);
    // The segments are computed in the worker, offline like everything else: every buyer is in one.
    await expect(page.getByTestId("segment-total-customers")).toHaveAttribute("data-value", String(demo.customers));
  } finally {
    await context.setOffline(false);
  }
});
