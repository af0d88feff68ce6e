/**
 * One benchmark run in headless Chromium: a fresh context and page, the demo opened, an
 * orders file dropped through the app's file input, and what it cost.
 *
 * Page-side code note: tsx (esbuild, keepNames) wraps named inner functions in `__name(...)`,
 * which does not exist in the page. Functions sent to the page therefore declare no named
 * inner functions: callbacks are passed inline.
 */
import { chromium, type Browser, type CDPSession, type Page } from "@playwright/test";
import { existsSync, readFileSync } from "node:fs";
import type { OrdersFile } from "./data.ts";

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
const HEAP_SAMPLE_MS = 100;
/** While waiting in the page, poll this often (not every frame: keep the main thread quiet). */
const WAIT_POLL_MS = 100;
const FLOOR_INPUT_ID = "bench-floor-input";

/** What the init script keeps on `window.__bench`. */
interface Probe {
  longTasks: { start: number; duration: number }[];
  /** performance.now() when the demo Overview first showed its customers KPI with the data ready. */
  demoReadyAt?: number;
  drop?: { startedAt: number | null; endedAt: number | null; sawLoading: boolean };
}
type ProbeWindow = Window & { __bench: Probe };

export interface RunResult {
  openMs?: number;
  loadMs?: number;
  peakHeapBytes?: number;
  /** Peak resident memory of the page's renderer process: main thread, worker, WASM. */
  peakRendererBytes?: number;
  longTaskCount?: number;
  longestTaskMs?: number;
  floorMs?: number;
  /** The worker's BG/NBD + Gamma-Gamma fit on the dropped file, as the Value page reports it. */
  clvFitMs?: number;
  clvCustomers?: number;
  failures: string[];
  consoleErrors: string[];
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
  return chromium.launch({ executablePath, args: LAUNCH_ARGS });
}

/** Runs in every new document before the app: long-task observer and demo-ready watcher. */
function installProbe(): void {
  const probe: Probe = { longTasks: [] };
  (window as unknown as ProbeWindow).__bench = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-kpi="customers"]') && document.querySelector('[data-status="ready"]')) {
      probe.demoReadyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
}

/**
 * Arms the load watcher: the clock starts at the file input's `change` event (the moment
 * the app gets the file) and stops at the first DOM change that shows the status back at
 * `ready` after `loading`, with the orders KPI at the expected count.
 */
function armDropWatcher(expectedOrders: number): void {
  const probe = (window as unknown as ProbeWindow).__bench;
  const state = { startedAt: null as number | null, endedAt: null as number | null, sawLoading: false };
  probe.drop = state;
  const input = document.querySelector('input[type="file"]');
  // Capture on document: runs before the app's own change handler on the input.
  document.addEventListener("change", (e) => {
    if (e.target === input && state.startedAt === null) state.startedAt = performance.now();
  }, { capture: true });
  const observer = new MutationObserver((records) => {
    if (state.startedAt === null || state.endedAt !== null) return;
    const status = document.querySelector("[data-status]")?.getAttribute("data-status");
    // The old value too: loading → ready can happen between two observer callbacks.
    if (status === "loading" || records.some((r) => r.attributeName === "data-status" && r.oldValue === "loading")) state.sawLoading = true;
    const orders = document.querySelector('[data-kpi="orders"]')?.getAttribute("data-value");
    if (state.sawLoading && status === "ready" && orders === String(expectedOrders)) {
      state.endedAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeOldValue: true });
}

/** What the page shows, for a failure message. */
async function pageState(page: Page): Promise<string> {
  return page
    .evaluate(() => {
      const status = document.querySelector("[data-status]")?.getAttribute("data-status");
      const orders = document.querySelector('[data-kpi="orders"]')?.getAttribute("data-value");
      const alerts = [...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent?.trim()).join(" | ");
      return `status=${status ?? "?"}, orders KPI=${orders ?? "none"}${alerts ? `, alerts: ${alerts}` : ""}`;
    })
    .catch((e: unknown) => `page state unavailable (${String(e)})`);
}

/** Samples the main thread's JS heap every HEAP_SAMPLE_MS until stopped; resolves to the peak. */
function sampleHeap(page: Page): { stop: () => Promise<number> } {
  let running = true;
  let peak = 0;
  const loop = (async () => {
    while (running) {
      const used = await page
        .evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0)
        .catch(() => 0);
      peak = Math.max(peak, used);
      await new Promise((r) => setTimeout(r, HEAP_SAMPLE_MS));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return peak;
    },
  };
}

/**
 * Peak RSS (VmHWM) of the biggest renderer process. Dedicated workers live in their page's
 * renderer, so this counts the worker and sql.js's WASM memory that performance.memory
 * (main-thread heap only) misses. The biggest renderer is ours: the other contexts are closed
 * and the rest are blank or spare renderers. Linux only (/proc); undefined elsewhere.
 */
async function peakRendererBytes(cdp: CDPSession): Promise<number | undefined> {
  const { processInfo } = (await cdp.send("SystemInfo.getProcessInfo")) as { processInfo: { type: string; id: number }[] };
  let biggest: { rss: number; hwm: number } | undefined;
  for (const p of processInfo.filter((q) => q.type === "renderer")) {
    try {
      const status = readFileSync(`/proc/${p.id}/status`, "utf8");
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
      if (!biggest || kb("VmRSS") > biggest.rss) biggest = { rss: kb("VmRSS"), hwm: kb("VmHWM") };
    } catch {
      // Process gone or no /proc.
    }
  }
  return biggest ? biggest.hwm * 1024 : undefined;
}

async function openDemo(page: Page, url: string): Promise<number> {
  await page.goto(url, { timeout: OPEN_TIMEOUT_MS });
  const ready = await page.waitForFunction(() => (window as unknown as ProbeWindow).__bench.demoReadyAt, undefined, {
    timeout: OPEN_TIMEOUT_MS,
    polling: WAIT_POLL_MS,
  });
  return (await ready.jsonValue()) as number;
}

async function dropFile(page: Page, cdp: CDPSession, file: OrdersFile, result: RunResult): Promise<void> {
  await page.evaluate(armDropWatcher, file.expectedOrders);
  const heap = sampleHeap(page);
  try {
    // A path, not a buffer: Playwright hands Chromium the file itself, nothing is copied through the protocol.
    await page.locator('input[type="file"]').first().setInputFiles(file.path);
    await page.waitForFunction(() => (window as unknown as ProbeWindow).__bench.drop?.endedAt != null, undefined, {
      timeout: LOAD_TIMEOUT_MS,
      polling: WAIT_POLL_MS,
    });
  } catch (error) {
    throw new Error(`load of ${file.orders} orders did not finish: ${firstLine(error)} (${await pageState(page)})`, { cause: error });
  } finally {
    result.peakHeapBytes = await heap.stop();
  }
  const { drop, longTasks } = await page.evaluate(() => (window as unknown as ProbeWindow).__bench);
  const start = drop?.startedAt ?? 0;
  const end = drop?.endedAt ?? 0;
  result.loadMs = end - start;
  const during = longTasks.filter((t) => t.start >= start && t.start <= end);
  result.longTaskCount = during.length;
  result.longestTaskMs = Math.max(0, ...during.map((t) => t.duration));
  result.peakRendererBytes = await peakRendererBytes(cdp).catch(() => undefined);
}

/**
 * The floor: what merely reading the file costs in this page — bytes from a File (the same
 * kind of Blob the app gets), strict UTF-8 decoding, splitting into lines. The line count is
 * checked so that the work cannot be skipped.
 */
async function measureFloor(page: Page, file: OrdersFile): Promise<number> {
  await page.evaluate((id) => {
    const input = document.createElement("input");
    input.type = "file";
    input.id = id;
    input.hidden = true;
    document.body.append(input);
  }, FLOOR_INPUT_ID);
  await page.locator(`#${FLOOR_INPUT_ID}`).setInputFiles(file.path);
  const floor = await page.evaluate(async (id) => {
    const picked = (document.getElementById(id) as HTMLInputElement).files?.[0];
    if (!picked) throw new Error("no file on the floor input");
    const t0 = performance.now();
    const text = new TextDecoder("utf-8", { fatal: true }).decode(await picked.arrayBuffer());
    const lines = text.split("\n").length;
    return { ms: performance.now() - t0, lines };
  }, FLOOR_INPUT_ID);
  // Header + one line per order + the empty string after the final newline.
  if (floor.lines !== file.orders + 2) throw new Error(`floor read ${floor.lines} lines, expected ${file.orders + 2}`);
  return floor.ms;
}

/** The fit time the Value page shows (data-clv-fit-ms), measured in the worker around both fits. */
async function readClvFit(page: Page): Promise<{ clvFitMs: number; clvCustomers: number }> {
  // Same document, new hash route: the loaded data stays.
  const valuePage = new URL(page.url());
  valuePage.hash = "#/value";
  await page.goto(valuePage.href);
  const status = page.locator("[data-clv-fit-ms]").first();
  await status.waitFor({ timeout: 60_000 });
  return {
    clvFitMs: Number(await status.getAttribute("data-clv-fit-ms")),
    clvCustomers: Number(await status.getAttribute("data-clv-customers")),
  };
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";

/** One run on a fresh page: open the demo, drop the file, optionally measure the floor. */
export async function runOnce(browser: Browser, cdp: CDPSession, url: string, file: OrdersFile, withFloor: boolean): Promise<RunResult> {
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
      await dropFile(page, cdp, file, result);
      Object.assign(result, await readClvFit(page));
    } catch (error) {
      result.failures.push(firstLine(error));
    }
    if (withFloor) {
      try {
        result.floorMs = await withTimeout(measureFloor(page, file), FLOOR_TIMEOUT_MS, "floor");
      } catch (error) {
        result.failures.push(`floor: ${firstLine(error)}`);
      }
    }
  } finally {
    await context.close();
  }
  return result;
}
