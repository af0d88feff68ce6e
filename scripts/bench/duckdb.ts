/**
 * The comparison: DuckDB-WASM (a devDependency used only here) doing the same load and the
 * same dashboard queries on the same three files, in the same headless Chromium session.
 * Everything is served from node_modules through Playwright routes under the preview's
 * origin (no CDN): an esbuild bundle of the library, its single-threaded "eh" worker and
 * wasm, and a bare page (not the app, whose CSP would refuse the bundle).
 */
import type { Browser, Route } from "@playwright/test";
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DataSet } from "./data.ts";
import type { VisitedPage } from "./pages.ts";

const PREFIX = "__duckdb/";
const DIST = "node_modules/@duckdb/duckdb-wasm/dist";
const RUN_TIMEOUT_MS = 10 * 60_000;

/** The tables, each read from its file as the app reads it. */
const TABLES = ["orders", "customers", "feedback"] as const;

export interface DuckDbQuery {
  sql: string;
  /** The app's page that shows this… */
  page: VisitedPage;
  /** …and its worker request that does the same work (the first whose SQL matches). */
  request: RegExp;
}

/**
 * Dashboard queries as the app defines them (returns and cancelled orders out; customers =
 * buyers), written for DuckDB, each with the app's request it is set beside. The app works
 * from its own tables (sales, customer_summary built at load, integer days), DuckDB from the
 * raw CSV tables: the same answer, each engine's own way to it.
 */
export const DUCKDB_QUERIES: Record<string, DuckDbQuery> = {
  "Overview KPIs": {
    page: "",
    request: /^\s*SELECT buyers AS customers/,
    sql: `SELECT COUNT(DISTINCT customer_id) AS customers, COUNT(*) AS orders, SUM(amount) AS revenue,
      SUM(amount) / COUNT(*) AS aov FROM orders WHERE status = 'paid'`,
  },
  "revenue per month": {
    page: "",
    request: /AS month, TOTAL\(amount\) AS revenue/,
    sql: `SELECT date_trunc('month', order_date) AS month, SUM(amount) AS revenue, COUNT(*) AS orders
      FROM orders WHERE status = 'paid' GROUP BY 1`,
  },
  RFM: {
    page: "segments",
    request: /SELECT r_score AS r, f_score AS f/,
    sql: `WITH per AS (SELECT customer_id, MAX(order_date) AS last, COUNT(*) AS f, SUM(amount) AS m
      FROM orders WHERE status = 'paid' GROUP BY customer_id)
    SELECT r, COUNT(*) FROM (SELECT NTILE(5) OVER (ORDER BY last) * 100 + NTILE(5) OVER (ORDER BY f) * 10
      + NTILE(5) OVER (ORDER BY m) AS r FROM per) GROUP BY r`,
  },
  cohorts: {
    page: "lifecycle",
    request: /WITH act AS \(\s*SELECT customer_id, month AS m/,
    sql: `WITH act AS (SELECT DISTINCT customer_id, date_trunc('month', order_date) AS m FROM orders WHERE status = 'paid'),
      firsts AS (SELECT customer_id, MIN(m) AS c FROM act GROUP BY customer_id)
    SELECT c, date_diff('month', c, m) AS k, COUNT(*) FROM act JOIN firsts USING (customer_id) GROUP BY c, k`,
  },
  "lifecycle per month": {
    page: "lifecycle",
    request: /WITH act AS \(SELECT DISTINCT customer_id, month AS p/,
    sql: `WITH act AS (SELECT DISTINCT customer_id, date_trunc('month', order_date) AS p FROM orders WHERE status = 'paid'),
      seq AS (SELECT p, LAG(p) OVER (PARTITION BY customer_id ORDER BY p) AS prev FROM act)
    SELECT p, COUNT(*) FILTER (WHERE prev IS NULL) AS new, COUNT(*) FILTER (WHERE prev = p - INTERVAL 1 MONTH) AS retained,
      COUNT(*) FILTER (WHERE prev < p - INTERVAL 1 MONTH) AS returning FROM seq GROUP BY p`,
  },
  "purchase gaps": {
    page: "churn",
    // The app reads the histogram the load stored (derive.ts, purchase_gaps); DuckDB computes it.
    request: /FROM purchase_gaps/,
    sql: `WITH days AS (SELECT DISTINCT customer_id, order_date AS day FROM orders WHERE status = 'paid'),
      gaps AS (SELECT day - LAG(day) OVER (PARTITION BY customer_id ORDER BY day) AS gap FROM days)
    SELECT gap, COUNT(*) AS count FROM gaps WHERE gap IS NOT NULL GROUP BY gap`,
  },
  "NPS per month": {
    page: "satisfaction",
    request: /AS month, COUNT\(nps_score\) AS responses/,
    sql: `SELECT date_trunc('month', date) AS month, COUNT(nps_score) AS responses,
      100.0 * (COUNT(*) FILTER (WHERE nps_score >= 9) - COUNT(*) FILTER (WHERE nps_score <= 6)) / COUNT(nps_score) AS nps
    FROM feedback GROUP BY 1`,
  },
};

export interface DuckDbResult {
  initMs?: number;
  loadMs?: number;
  queryMs: Record<string, number>;
  totalMs?: number;
  rows?: number;
  failure?: string;
}

/** The library and apache-arrow as one ES module the bare page can import. */
async function bundle(root: string): Promise<string> {
  const out = await build({
    stdin: { contents: 'export * from "@duckdb/duckdb-wasm";', resolveDir: root, loader: "js" },
    bundle: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  return out.outputFiles[0]?.text ?? "";
}

const PAGE_HTML = "<!doctype html><meta charset=utf-8><title>DuckDB-WASM bench</title>";

/** Runs in the bare page: init, load, each query, timed with performance.now(). */
const PAGE_SCRIPT = `async ([base, tables, queries]) => {
  const duckdb = await import(base + "duckdb.mjs");
  const t0 = performance.now();
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(base + "duckdb-browser-eh.worker.js"));
  await db.instantiate(base + "duckdb-eh.wasm");
  const conn = await db.connect();
  const t1 = performance.now();
  const files = [];
  for (const table of tables) files.push([table, new Uint8Array(await (await fetch(base + table + ".csv")).arrayBuffer())]);
  const t2 = performance.now();
  for (const [table, bytes] of files) {
    await db.registerFileBuffer(table + ".csv", bytes);
    await conn.query("CREATE TABLE " + table + " AS SELECT * FROM read_csv_auto('" + table + ".csv')");
  }
  const t3 = performance.now();
  const queryMs = {};
  for (const [name, sql] of Object.entries(queries)) {
    const start = performance.now();
    await conn.query(sql);
    queryMs[name] = performance.now() - start;
  }
  const rows = Number((await conn.query("SELECT COUNT(*) AS n FROM orders")).toArray()[0].n);
  await conn.close();
  await db.terminate();
  return { initMs: t1 - t0, loadMs: t3 - t2, queryMs, rows };
}`;

/** One fresh-context run; the CSV fetches are not timed (the app's drop includes reading the Files, ~0.1 s at 52 MB). */
export async function runDuckDb(browser: Browser, root: string, url: string, data: DataSet): Promise<DuckDbResult> {
  const code = await bundle(root);
  const context = await browser.newContext();
  const base = `${url}${PREFIX}`;
  const serve = (body: string | Buffer, contentType: string) => (route: Route) => route.fulfill({ body, contentType });
  await context.route(`${base}index.html`, serve(PAGE_HTML, "text/html"));
  await context.route(`${base}duckdb.mjs`, serve(code, "text/javascript"));
  await context.route(`${base}duckdb-browser-eh.worker.js`, serve(readFileSync(join(root, DIST, "duckdb-browser-eh.worker.js")), "text/javascript"));
  await context.route(`${base}duckdb-eh.wasm`, serve(readFileSync(join(root, DIST, "duckdb-eh.wasm")), "application/wasm"));
  for (const table of TABLES) await context.route(`${base}${table}.csv`, serve(readFileSync(data.files[table].path), "text/csv"));
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(RUN_TIMEOUT_MS);
    await page.goto(`${base}index.html`);
    const sqlByName = Object.fromEntries(Object.entries(DUCKDB_QUERIES).map(([name, q]) => [name, q.sql]));
    const r = (await page.evaluate(`(${PAGE_SCRIPT})(${JSON.stringify([base, TABLES, sqlByName])})`)) as Required<Omit<DuckDbResult, "failure" | "totalMs">>;
    const totalMs = r.initMs + r.loadMs + Object.values(r.queryMs).reduce((a, b) => a + b, 0);
    return { ...r, totalMs };
  } catch (error) {
    return { queryMs: {}, failure: error instanceof Error ? error.message.split("\n")[0] : String(error) };
  } finally {
    await context.close();
  }
}
