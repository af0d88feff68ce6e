/**
 * One benchmark run in headless Chromium: a fresh context and page, the demo opened, the
 * orders, customers and feedback files dropped together through the app's file input,
 * every page visited and the filters changed, and what each step cost.
 *
 * Page-side code note: tsx (esbuild, keepNames) wraps named inner functions in `__name(...)`,
 * which does not exist in the page. Functions sent to the page therefore declare no named
 * inner functions, no arrow functions held in a `const` and no object-literal methods:
 * callbacks are passed inline (assigning to a property, `a.b = function …`, is fine).
 */
import { chromium, type Browser, type CDPSession, type Page } from "@playwright/test";
import { existsSync } from "node:fs";
import { dataFiles, type DataSet } from "./data.ts";
import { measureFloor } from "./floor.ts";
import { peakRendererBytes, sampleHeap } from "./memory.ts";
import { changeFilters, visitPages, type VisitedPage } from "./pages.ts";
import { armDropWatcher, installProbe, type ProbeWindow, type Settled } from "./probe.ts";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const LAUNCH_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
  // Without it performance.memory is coarse (bucketed, updated rarely).
  "--enable-precise-memory-info",
];
const OPEN_TIMEOUT_MS = 60_000;
/** Generous: a 1M-order load took 30 s and more when this was written. */
const LOAD_TIMEOUT_MS = 10 * 60_000;
const FLOOR_TIMEOUT_MS = 2 * 60_000;
/** While waiting in the page, poll this often (not every frame: keep the main thread quiet). */
const WAIT_POLL_MS = 100;

export interface RunResult {
  openMs?: number;
  loadMs?: number;
  peakHeapBytes?: number;
  /** Peak resident memory of the page's renderer process: main thread, worker, WASM. */
  peakRendererBytes?: number;
  /** The same at the end of the page visits and filter changes (the browser copy is saved in between). */
  peakRendererBytesAfterVisits?: number;
  longTaskCount?: number;
  longestTaskMs?: number;
  floorMs?: number;
  /** The worker's BG/NBD + Gamma-Gamma fit on the dropped files, as the Value page reports it. */
  clvFitMs?: number;
  clvCustomers?: number;
  /** The worker's time per stage of the drop's load (DatasetInfo.timings). */
  loadStages?: Record<string, number>;
  /** The worker requests sent between the drop and the Overview showing it (the load, then the page's queries). */
  dropRequests?: Settled["requests"];
  /** After the drop: each page visited, until ready. */
  visits?: Map<VisitedPage, Settled>;
  /** After the visits: filter changes, `page: step` → until ready. */
  filters?: Map<string, Settled>;
  failures: string[];
  consoleErrors: string[];
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
  return chromium.launch({ executablePath, args: LAUNCH_ARGS });
}

/** What the page shows, for a failure message. */
async function pageState(page: Page): Promise<string> {
  return page
    .evaluate(() => {
      const status = document.querySelector("[data-status]")?.getAttribute("data-status");
      const [orders, nps] = ["orders", "nps"].map((id) => document.querySelector(`[data-kpi="${id}"]`)?.getAttribute("data-value") ?? "none");
      const alerts = [...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent?.trim()).join(" | ");
      return `status=${status ?? "?"}, orders KPI=${orders}, NPS KPI=${nps}${alerts ? `, alerts: ${alerts}` : ""}`;
    })
    .catch((e: unknown) => `page state unavailable (${String(e)})`);
}

async function openDemo(page: Page, url: string): Promise<number> {
  await page.goto(url, { timeout: OPEN_TIMEOUT_MS });
  const ready = await page.waitForFunction(() => (window as unknown as ProbeWindow).__bench.demoReadyAt, undefined, {
    timeout: OPEN_TIMEOUT_MS,
    polling: WAIT_POLL_MS,
  });
  return (await ready.jsonValue()) as number;
}

async function dropFiles(page: Page, cdp: CDPSession, data: DataSet, result: RunResult): Promise<void> {
  await page.evaluate(armDropWatcher, { orders: data.expectedOrders, nps: data.expectedNps });
  const heap = sampleHeap(page);
  try {
    // Paths, not buffers: Playwright hands Chromium the files themselves, nothing is copied through the protocol.
    await page.locator('input[type="file"]').first().setInputFiles(dataFiles(data).map((f) => f.path));
    await page.waitForFunction(() => (window as unknown as ProbeWindow).__bench.drop?.endedAt != null, undefined, {
      timeout: LOAD_TIMEOUT_MS,
      polling: WAIT_POLL_MS,
    });
  } catch (error) {
    throw new Error(`load of ${data.orders} orders did not finish: ${firstLine(error)} (${await pageState(page)})`, { cause: error });
  } finally {
    result.peakHeapBytes = await heap.stop();
  }
  const { drop, longTasks, requests } = await page.evaluate(() => (window as unknown as ProbeWindow).__bench);
  result.loadStages = requests.findLast((r) => r.type === "load")?.stages;
  const start = drop?.startedAt ?? 0;
  const end = drop?.endedAt ?? 0;
  result.loadMs = end - start;
  result.dropRequests = requests
    .filter((r) => r.start >= start && r.start <= end)
    .map((r) => ({ type: r.type, ...(r.sql ? { sql: r.sql } : {}), start: r.start - start, ms: (r.end ?? end) - r.start }));
  const during = longTasks.filter((t) => t.start >= start && t.start <= end);
  result.longTaskCount = during.length;
  result.longestTaskMs = Math.max(0, ...during.map((t) => t.duration));
  result.peakRendererBytes = await peakRendererBytes(cdp).catch(() => undefined);
}

/** The fit time the Value page shows (data-clv-fit-ms), measured in the worker around both fits. */
async function readClvFit(page: Page, result: RunResult): Promise<void> {
  const status = page.locator("[data-clv-fit-ms]").first();
  await status.waitFor({ timeout: 60_000 });
  result.clvFitMs = Number(await status.getAttribute("data-clv-fit-ms"));
  result.clvCustomers = Number(await status.getAttribute("data-clv-customers"));
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";

/**
 * One run on a fresh page: open the demo, drop the three files, visit every page, change
 * the filters, optionally measure the floor. A step that fails is noted and ends the run's
 * later steps that need it.
 */
export async function runOnce(browser: Browser, cdp: CDPSession, url: string, data: DataSet, withFloor: boolean): Promise<RunResult> {
  const result: RunResult = { failures: [], consoleErrors: [] };
  const context = await browser.newContext({ locale: "en-US", timezoneId: "UTC" });
  try {
    await context.addInitScript(installProbe);
    const page = await context.newPage();
    page.on("console", (m) => m.type() === "error" && result.consoleErrors.push(m.text()));
    page.on("pageerror", (e) => result.consoleErrors.push(String(e)));
    try {
      result.openMs = await openDemo(page, url);
    } catch (error) {
      result.failures.push(`open demo: ${firstLine(error)} (${await pageState(page)})`);
      return result;
    }
    try {
      await dropFiles(page, cdp, data, result);
      result.visits = await visitPages(page, async (name) => {
        if (name === "value") await readClvFit(page, result);
      });
      result.filters = await changeFilters(page);
      result.peakRendererBytesAfterVisits = await peakRendererBytes(cdp).catch(() => undefined);
    } catch (error) {
      result.failures.push(`${firstLine(error)} (${await pageState(page)})`);
    }
    if (withFloor) {
      try {
        result.floorMs = await withTimeout(measureFloor(page, dataFiles(data)), FLOOR_TIMEOUT_MS, "floor");
      } catch (error) {
        result.failures.push(`floor: ${firstLine(error)}`);
      }
    }
  } finally {
    await context.close();
  }
  return result;
}
