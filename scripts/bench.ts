/**
 * Load benchmark of CRM Lens: the production build in headless Chromium, opening the demo
 * and dropping generated orders files (demo size and large), median of fresh-page runs.
 *
 *   npm run bench                     1M orders (files cached in bench-results/)
 *   npx tsx scripts/bench.ts --orders 200000 --runs 1 --build
 *
 * Prints an aligned markdown table and writes it to bench-results/bench.md.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { launchBrowser, runOnce, type RunResult } from "./bench/browser.ts";
import { DUCKDB_QUERIES, runDuckDb, type DuckDbResult } from "./bench/duckdb.ts";
import { ensureOrdersFile, type OrdersFile, type OrdersSpec } from "./bench/data.ts";
import { formatBytes, formatCount, formatMs, markdownTable, median, row, type Row } from "./bench/report.ts";
import { ensureBuild, startPreview } from "./bench/site.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT_DIR = join(ROOT, "bench-results");
const DEFAULT_ORDERS = 1_000_000;
/** 50,000 customers for 1M orders; other sizes keep the ratio. */
const ORDERS_PER_CUSTOMER = 20;
/** The size of the built-in demo's orders file. */
const DEMO_SIZE: OrdersSpec = { orders: 25_000, customers: 2_000 };
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

function prepareFiles(orders: number): OrdersFile[] {
  const specs = [DEMO_SIZE, { orders, customers: Math.max(1, Math.round(orders / ORDERS_PER_CUSTOMER)) }];
  return specs.map((spec) => {
    const file = ensureOrdersFile(OUT_DIR, spec);
    const how = file.reused ? "reused" : "generated";
    console.log(`${how} ${file.path}: ${formatBytes(file.bytes)}, ${file.orders} orders, ${file.customers} customers, ${file.expectedOrders} counted`);
    return file;
  });
}

function describeRun(r: RunResult): string {
  const parts = [
    r.openMs !== undefined ? `open ${formatMs(r.openMs)}` : "",
    r.loadMs !== undefined ? `load ${formatMs(r.loadMs)}` : "",
    r.floorMs !== undefined ? `floor ${formatMs(r.floorMs)}` : "",
    r.failures.length > 0 ? `FAILED: ${r.failures.join("; ")}` : "",
  ];
  return parts.filter(Boolean).join(", ");
}

interface Measured {
  /** Our runs, per file, in the order of `files`. */
  ours: RunResult[][];
  /** DuckDB-WASM's runs on the same files, per file. */
  duckdb: DuckDbResult[][];
}

function describeDuckDb(r: DuckDbResult): string {
  if (r.failure) return `FAILED: ${r.failure}`;
  const queries = Object.entries(r.queryMs).map(([name, ms]) => `${name} ${formatMs(ms)}`);
  return [`init ${formatMs(r.initMs ?? 0)}`, `load ${formatMs(r.loadMs ?? 0)}`, ...queries].join(", ");
}

/** All runs of ours, then DuckDB-WASM's, in one browser session. */
async function measure(url: string, files: readonly OrdersFile[], runs: number, floorFile: OrdersFile): Promise<Measured> {
  const browser = await launchBrowser();
  console.log(`Chromium ${browser.version()}, ${url}`);
  try {
    const cdp = await browser.newBrowserCDPSession();
    const ours: RunResult[][] = [];
    const duckdb: DuckDbResult[][] = [];
    for (const file of files) {
      const results: RunResult[] = [];
      for (let i = 1; i <= runs; i++) {
        const r = await runOnce(browser, cdp, url, file, file === floorFile);
        console.log(`  ${formatCount(file.orders)} orders, run ${i}/${runs}: ${describeRun(r)}`);
        results.push(r);
      }
      ours.push(results);
    }
    for (const file of files) {
      const results: DuckDbResult[] = [];
      for (let i = 1; i <= runs; i++) {
        const r = await runDuckDb(browser, ROOT, url, file);
        console.log(`  DuckDB-WASM, ${formatCount(file.orders)} orders, run ${i}/${runs}: ${describeDuckDb(r)}`);
        results.push(r);
      }
      duckdb.push(results);
    }
    return { ours, duckdb };
  } finally {
    await browser.close();
  }
}

/** "count / longest ms": medians of each, and each run's pair. */
function longTaskRow(label: string, runs: readonly RunResult[]): Row {
  const ok = runs.filter((r) => r.longTaskCount !== undefined);
  const count = median(ok.map((r) => r.longTaskCount ?? 0));
  const longest = median(ok.map((r) => r.longestTaskMs ?? 0));
  return {
    measure: `long tasks during ${label} load (count / longest ms)`,
    median: count === undefined || longest === undefined ? "failed" : `${count} / ${Math.round(longest)}`,
    runs: runs.map((r) => (r.longTaskCount === undefined ? "failed" : `${r.longTaskCount} / ${Math.round(r.longestTaskMs ?? 0)}`)).join(", "),
  };
}

function tableRows(files: readonly OrdersFile[], results: readonly RunResult[][], floorFile: OrdersFile): Row[] {
  const perFile = (title: (size: string) => string, pick: (r: RunResult) => number | undefined, format: (v: number) => string) =>
    files.map((f, i) => row(title(formatCount(f.orders)), (results[i] ?? []).map(pick), format));
  const floorRuns = results[files.indexOf(floorFile)] ?? [];
  return [
    row("page open → demo KPIs", results.flat().map((r) => r.openMs), formatMs),
    ...perFile((n) => `drop ${n} orders → Overview`, (r) => r.loadMs, formatMs),
    row(`floor read+decode+split (${formatCount(floorFile.orders)})`, floorRuns.map((r) => r.floorMs), formatMs),
    ...perFile((n) => `peak JS heap, main thread (${n} load)`, (r) => r.peakHeapBytes, formatBytes),
    ...perFile((n) => `peak renderer RSS (${n} load)`, (r) => r.peakRendererBytes, formatBytes),
    ...files.map((f, i) => longTaskRow(formatCount(f.orders), results[i] ?? [])),
    ...files.map((f, i) => {
      const runs = results[i] ?? [];
      const customers = runs.find((r) => r.clvCustomers !== undefined)?.clvCustomers;
      return row(`BG/NBD + Gamma-Gamma fit in the worker (${customers === undefined ? "?" : formatCount(customers)} customers)`, runs.map((r) => r.clvFitMs), formatMs);
    }),
  ];
}

const KPI_QUERY = "Overview KPIs";
const formatRatio = (r: number): string => `${r.toFixed(2)}×`;

/**
 * DuckDB-WASM's init, load, each query and total per file, and the ratio ours / DuckDB's
 * for the drop → Overview work (the CSV in and the Overview KPIs out), run by run.
 */
function duckDbRows(files: readonly OrdersFile[], measured: Measured): Row[] {
  return files.flatMap((f, i) => {
    const n = formatCount(f.orders);
    const duck = measured.duckdb[i] ?? [];
    const ours = measured.ours[i] ?? [];
    const overviewWork = (r: DuckDbResult | undefined, cold: boolean) =>
      r?.loadMs === undefined || r.queryMs[KPI_QUERY] === undefined ? undefined : (cold ? (r.initMs ?? 0) : 0) + r.loadMs + r.queryMs[KPI_QUERY];
    const ratio = (cold: boolean) =>
      ours.map((r, run) => {
        const theirs = overviewWork(duck[run], cold);
        return r.loadMs === undefined || theirs === undefined ? undefined : r.loadMs / theirs;
      });
    return [
      row(`DuckDB-WASM init (${n} run)`, duck.map((r) => r.initMs), formatMs),
      row(`DuckDB-WASM load ${n} orders (CSV → table)`, duck.map((r) => r.loadMs), formatMs),
      ...Object.keys(DUCKDB_QUERIES).map((name) => row(`DuckDB-WASM ${name} (${n})`, duck.map((r) => r.queryMs[name]), formatMs)),
      row(`DuckDB-WASM total (${n})`, duck.map((r) => r.totalMs), formatMs),
      row(`ours / DuckDB-WASM: drop ${n} → Overview vs init + load + KPIs`, ratio(true), formatRatio),
      row(`ours / DuckDB-WASM: drop ${n} → Overview vs load + KPIs`, ratio(false), formatRatio),
    ];
  });
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

function report(files: readonly OrdersFile[], measured: Measured, floorFile: OrdersFile, runs: number): string {
  const results = measured.ours;
  const duckFailures = measured.duckdb.flat().flatMap((r) => (r.failure ? [`DuckDB-WASM failed: ${r.failure}`] : []));
  const sizes = files.map((f) => `${formatCount(f.orders)} orders (${formatBytes(f.bytes)}, ${f.customers} customers)`).join(", ");
  const found = problems(results);
  return [
    `# CRM Lens load benchmark`,
    "",
    `Median of ${runs} fresh-page runs per file: ${sizes}.`,
    "Open: navigation start → customers KPI shown and data-status=ready. Drop: the file input's change event →",
    "data-status back to ready with the orders KPI at the expected count (in-page performance.now()).",
    "JS heap: performance.memory of the main thread only (the worker is not in it); renderer RSS: peak resident",
    "memory of the page's process (main thread + worker + sql.js WASM).",
    "",
    "DuckDB-WASM 1.32 (single-threaded eh build, served from node_modules): init = worker + wasm instantiate +",
    "connect; load = read_csv_auto into a table (the CSV fetch is not timed); queries as in scripts/bench/duckdb.ts.",
    "",
    markdownTable([...tableRows(files, results, floorFile), ...duckDbRows(files, measured)]),
    "",
    ...duckFailures,
    found.length === 0 ? "No failures, no console errors." : ["Problems:", ...found.map((p) => `- ${p}`)].join("\n"),
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const opts = options();
  const files = prepareFiles(opts.orders);
  const floorFile = files[files.length - 1] as OrdersFile;
  console.log(`dist/: ${ensureBuild(ROOT, opts.build)}`);
  const preview = await startPreview(ROOT);
  let measured: Measured;
  try {
    measured = await measure(preview.url, files, opts.runs, floorFile);
  } finally {
    preview.stop();
  }
  const text = report(files, measured, floorFile, opts.runs);
  const path = join(OUT_DIR, "bench.md");
  writeFileSync(path, text);
  console.log(`\n${text}\n(written to ${path})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
