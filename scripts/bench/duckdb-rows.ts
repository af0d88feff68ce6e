/**
 * DuckDB-WASM's lines of the table and ours beside them: init, load, each query, total, and
 * the ratios ours / DuckDB's — for the drop → Overview work (the CSVs in, the Overview KPIs
 * out) and for each query against the app's request doing the same work on its page (its
 * time in the worker, queue wait left out: step-stats.ts, serviceTimes).
 */
import type { RunResult } from "./browser.ts";
import type { DataSet } from "./data.ts";
import { DUCKDB_QUERIES, type DuckDbResult } from "./duckdb.ts";
import { pageLabel } from "./pages.ts";
import { formatCount, formatMs, formatRatio, row, type Row } from "./report.ts";
import { serviceTimes } from "./step-stats.ts";

const KPI_QUERY = "Overview KPIs";

/** Per run: ours / theirs, undefined where either is missing. */
const ratios = (ours: readonly (number | undefined)[], theirs: readonly (number | undefined)[]) =>
  ours.map((o, run) => {
    const t = theirs[run];
    return o === undefined || t === undefined ? undefined : o / t;
  });

export function duckDbRows(data: DataSet, ours: readonly RunResult[], duck: readonly DuckDbResult[]): Row[] {
  const n = formatCount(data.orders);
  const overviewWork = (cold: boolean) =>
    duck.map((r) => (r.loadMs === undefined || r.queryMs[KPI_QUERY] === undefined ? undefined : (cold ? (r.initMs ?? 0) : 0) + r.loadMs + r.queryMs[KPI_QUERY]));
  const loads = ours.map((r) => r.loadMs);
  const perQuery = Object.entries(DUCKDB_QUERIES).flatMap(([name, query]) => {
    const theirs = duck.map((r) => r.queryMs[name]);
    const mine = ours.map((r) => {
      const visit = r.visits?.get(query.page);
      const at = visit?.requests.findIndex((q) => q.sql !== undefined && query.request.test(q.sql)) ?? -1;
      return visit === undefined || at === -1 ? undefined : serviceTimes(visit)[at];
    });
    return [
      row(`DuckDB-WASM ${name} (${n})`, theirs, formatMs),
      row(`ours: ${name} request on ${pageLabel(query.page)} (${n})`, mine, formatMs, "not found"),
      row(`ours / DuckDB-WASM: ${name} (${n})`, ratios(mine, theirs), formatRatio),
    ];
  });
  return [
    row(`DuckDB-WASM init (${n} run)`, duck.map((r) => r.initMs), formatMs),
    row(`DuckDB-WASM load ${n} orders + customers + feedback (CSV → tables)`, duck.map((r) => r.loadMs), formatMs),
    ...perQuery,
    row(`DuckDB-WASM total (${n})`, duck.map((r) => r.totalMs), formatMs),
    row(`ours / DuckDB-WASM: drop ${n} → Overview vs init + load + KPIs`, ratios(loads, overviewWork(true)), formatRatio),
    row(`ours / DuckDB-WASM: drop ${n} → Overview vs load + KPIs`, ratios(loads, overviewWork(false)), formatRatio),
  ];
}
