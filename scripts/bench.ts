/**
 * Load benchmark of CRM Lens: the production build in headless Chromium, opening the demo,
 * dropping generated orders + customers + feedback files (demo size and large), visiting
 * every page and changing the filters; DuckDB-WASM doing the same load and queries beside
 * it; median of fresh-page runs.
 *
 *   npm run bench                     1M orders (files cached in bench-results/)
 *   npx tsx scripts/bench.ts --orders 200000 --runs 1 --build
 *
 * Prints aligned markdown tables and writes them to bench-results/bench.md, and each
 * step's worker requests (type, SQL, ms) to bench-results/requests.json.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { launchBrowser, runOnce, type RunResult } from "./bench/browser.ts";
import { bundleSizes } from "./bench/bundle-size.ts";
import { ensureDataSet, type DataSet, type DataSpec } from "./bench/data.ts";
import { runDuckDb, type DuckDbResult } from "./bench/duckdb.ts";
import { duckDbRows } from "./bench/duckdb-rows.ts";
import { bundleRows, loadRows } from "./bench/load-rows.ts";
import { formatBytes, formatCount, formatMs, markdownTable } from "./bench/report.ts";
import { ensureBuild, startPreview } from "./bench/site.ts";
import { filtersTable, pagesTable } from "./bench/step-tables.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT_DIR = join(ROOT, "bench-results");
const DEFAULT_ORDERS = 1_000_000;
/** 50,000 customers and 100,000 feedback rows for 1M orders; other sizes keep the ratios. */
const ORDERS_PER_CUSTOMER = 20;
const ORDERS_PER_FEEDBACK = 10;
/** The size of the built-in demo's orders file (and its 2,000 customers). */
const DEMO_SIZE: DataSpec = { orders: 25_000, customers: 2_000, feedback: 25_000 / ORDERS_PER_FEEDBACK };
const DEFAULT_RUNS = 3;

interface Options {
  orders: number;
  runs: number;
  build: boolean;
}

function options(): Options {
  const { values } = parseArgs({
    options: { orders: { type: "string" }, runs: { type: "string" }, build: { type: "boolean", default: false } },
  });
  const orders = Number(values.orders ?? DEFAULT_ORDERS);
  const runs = Number(values.runs ?? DEFAULT_RUNS);
  if (!Number.isInteger(orders) || orders < 1) throw new Error(`--orders must be a positive integer, got ${values.orders}`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
  return { orders, runs, build: values.build ?? false };
}

function prepareData(orders: number): DataSet[] {
  const scaled = (per: number) => Math.max(1, Math.round(orders / per));
  const specs = [DEMO_SIZE, { orders, customers: scaled(ORDERS_PER_CUSTOMER), feedback: scaled(ORDERS_PER_FEEDBACK) }];
  return specs.map((spec) => {
    const set = ensureDataSet(OUT_DIR, spec);
    console.log(
      `${formatCount(set.orders)} orders, ${set.customers} customers, ${set.feedback} feedback: ${formatBytes(set.bytes)}, ` +
        `${set.generated} of 3 files generated, ${set.expectedOrders} orders counted, NPS ${set.expectedNps.toFixed(2)}`,
    );
    return set;
  });
}

function describeRun(r: RunResult): string {
  const parts = [
    r.openMs !== undefined ? `open ${formatMs(r.openMs)}` : "",
    r.loadMs !== undefined ? `load ${formatMs(r.loadMs)}` : "",
    r.visits ? `pages ${[...r.visits].map(([page, s]) => `#/${page} ${formatMs(s.ms)}`).join(", ")}` : "",
    r.filters ? `filters ${[...r.filters.values()].map((s) => formatMs(s.ms)).join(", ")}` : "",
    r.floorMs !== undefined ? `floor ${formatMs(r.floorMs)}` : "",
    r.failures.length > 0 ? `FAILED: ${r.failures.join("; ")}` : "",
  ];
  return parts.filter(Boolean).join(", ");
}

function describeDuckDb(r: DuckDbResult): string {
  if (r.failure) return `FAILED: ${r.failure}`;
  const queries = Object.entries(r.queryMs).map(([name, ms]) => `${name} ${formatMs(ms)}`);
  return [`init ${formatMs(r.initMs ?? 0)}`, `load ${formatMs(r.loadMs ?? 0)}`, ...queries].join(", ");
}

interface Measured {
  /** Our runs, per data set, in the order of `sets`. */
  ours: RunResult[][];
  /** DuckDB-WASM's runs on the same files, per data set. */
  duckdb: DuckDbResult[][];
}

/** All runs of ours, then DuckDB-WASM's, in one browser session. */
async function measure(url: string, sets: readonly DataSet[], runs: number, floorSet: DataSet): Promise<Measured> {
  const browser = await launchBrowser();
  console.log(`Chromium ${browser.version()}, ${url}`);
  try {
    const cdp = await browser.newBrowserCDPSession();
    const ours: RunResult[][] = [];
    const duckdb: DuckDbResult[][] = [];
    for (const set of sets) {
      const results: RunResult[] = [];
      for (let i = 1; i <= runs; i++) {
        const r = await runOnce(browser, cdp, url, set, set === floorSet);
        console.log(`  ${formatCount(set.orders)} orders, run ${i}/${runs}: ${describeRun(r)}`);
        results.push(r);
      }
      ours.push(results);
    }
    for (const set of sets) {
      const results: DuckDbResult[] = [];
      for (let i = 1; i <= runs; i++) {
        const r = await runDuckDb(browser, ROOT, url, set);
        console.log(`  DuckDB-WASM, ${formatCount(set.orders)} orders, run ${i}/${runs}: ${describeDuckDb(r)}`);
        results.push(r);
      }
      duckdb.push(results);
    }
    return { ours, duckdb };
  } finally {
    await browser.close();
  }
}

/** Failures and page console errors, each once with how often it happened. */
function problems(results: readonly RunResult[][]): string[] {
  const counts = new Map<string, number>();
  for (const r of results.flat()) {
    for (const f of r.failures) counts.set(`failed: ${f}`, (counts.get(`failed: ${f}`) ?? 0) + 1);
    for (const e of r.consoleErrors) counts.set(`console error: ${e}`, (counts.get(`console error: ${e}`) ?? 0) + 1);
  }
  return [...counts].map(([text, n]) => (n > 1 ? `${text} (×${n})` : text));
}

function report(sets: readonly DataSet[], measured: Measured, floorSet: DataSet, runs: number): string {
  const results = measured.ours;
  const duckFailures = measured.duckdb.flat().flatMap((r) => (r.failure ? [`DuckDB-WASM failed: ${r.failure}`] : []));
  const sizes = sets
    .map((s) => `${formatCount(s.orders)} orders + ${formatCount(s.customers)} customers + ${formatCount(s.feedback)} feedback (${formatBytes(s.bytes)})`)
    .join(", ");
  const found = problems(results);
  const rows = [
    ...loadRows(sets, results, floorSet),
    ...bundleRows(bundleSizes(join(ROOT, "dist"))),
    ...sets.flatMap((s, i) => duckDbRows(s, results[i] ?? [], measured.duckdb[i] ?? [])),
  ];
  return [
    `# CRM Lens load benchmark`,
    "",
    `Median of ${runs} fresh-page runs per size: ${sizes}.`,
    "Open: navigation start → customers KPI shown and data-status=ready. Drop: the three files in one input change →",
    "data-status back to ready with the orders KPI at the expected count and the NPS KPI at the expected value",
    "(in-page performance.now()). Page ready: hash set → no worker request in flight, data-status=ready and no",
    'aria-busy="true", on two animation frames in a row. Worker requests are timed from postMessage to the reply;',
    "worker busy = time at least one was in flight. JS heap: performance.memory of the main thread only; renderer",
    "RSS: peak resident memory of the page's process (main thread + worker + sql.js WASM).",
    "",
    "DuckDB-WASM 1.32 (single-threaded eh build, served from node_modules): init = worker + wasm instantiate +",
    "connect; load = read_csv_auto of the three files into tables (the CSV fetches are not timed); queries as in",
    "scripts/bench/duckdb.ts, each set beside the app's request doing the same work on its page (its time in the",
    "worker, queue wait left out). The app answers from tables it built at load (sales, customer_summary with the",
    "RFM scores), DuckDB from the raw CSV tables.",
    "",
    markdownTable(rows),
    "",
    ...sets.flatMap((s, i) => [pagesTable(s, results[i] ?? []), "", filtersTable(s, results[i] ?? []), ""]),
    ...duckFailures,
    found.length === 0 ? "No failures, no console errors." : ["Problems:", ...found.map((p) => `- ${p}`)].join("\n"),
    "",
  ].join("\n");
}

/** Each run's steps with their worker requests, for reading what a page asked the worker. */
function requestLog(sets: readonly DataSet[], results: readonly RunResult[][]): string {
  const log = sets.map((s, i) => ({
    orders: s.orders,
    runs: (results[i] ?? []).map((r) => ({ drop: r.dropRequests ?? [], visits: Object.fromEntries(r.visits ?? []), filters: Object.fromEntries(r.filters ?? []) })),
  }));
  return JSON.stringify(log, null, 1) + "\n";
}

async function main(): Promise<void> {
  const opts = options();
  const sets = prepareData(opts.orders);
  const floorSet = sets[sets.length - 1] as DataSet;
  console.log(`dist/: ${ensureBuild(ROOT, opts.build)}`);
  const preview = await startPreview(ROOT);
  let measured: Measured;
  try {
    measured = await measure(preview.url, sets, opts.runs, floorSet);
  } finally {
    preview.stop();
  }
  const text = report(sets, measured, floorSet, opts.runs);
  const path = join(OUT_DIR, "bench.md");
  writeFileSync(path, text);
  writeFileSync(join(OUT_DIR, "requests.json"), requestLog(sets, measured.ours));
  console.log(`\n${text}\n(written to ${path})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
