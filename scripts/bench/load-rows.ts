/**
 * The main lines of the table: page open, drop → Overview, drop → every page ready, the
 * floor, memory, long tasks, the CLV fit, and what the build weighs.
 */
import type { RunResult } from "./browser.ts";
import type { BundleSizes } from "./bundle-size.ts";
import type { DataSet } from "./data.ts";
import { formatBytes, formatCount, formatKb, formatMs, median, row, type Row } from "./report.ts";
import { longestTask } from "./step-stats.ts";
import { everyPageReadyMs } from "./step-tables.ts";

/** "count / longest ms" from each run's pair: medians of each, and each run's pair. */
function longTaskRow(label: string, runs: readonly (readonly [number, number] | undefined)[]): Row {
  const ok = runs.filter((r): r is readonly [number, number] => r !== undefined);
  const count = median(ok.map((r) => r[0]));
  const longest = median(ok.map((r) => r[1]));
  return {
    measure: `long tasks during ${label} (count / longest ms)`,
    median: count === undefined || longest === undefined ? "failed" : `${count} / ${Math.round(longest)}`,
    runs: runs.map((r) => (r === undefined ? "failed" : `${r[0]} / ${Math.round(r[1])}`)).join(", "),
  };
}

/** Long tasks over all page visits of a run. */
function visitLongTasks(r: RunResult): readonly [number, number] | undefined {
  if (!r.visits) return undefined;
  const visits = [...r.visits.values()];
  return [visits.reduce((sum, v) => sum + v.longTasks.length, 0), Math.max(0, ...visits.map(longestTask))];
}

/** What each stage of the worker's load (engine.ts, DatasetInfo.timings) covers. */
const STAGES: Record<string, string> = {
  read_decode_parse: "read + decode + parse",
  convert_insert: "convert + insert (canonical rows; raw copy of files ≤ 16 MB)",
  remove_replaced: "remove the replaced demo",
  index: "indexes on the canonical tables",
  sales: "summary build: sales (+ 3 indexes)",
  churn_window: "summary build: purchase gaps → churn window",
  customer_summary: "summary build: customer_summary",
  rfm_abc: "summary build: RFM scores, segments, ABC",
  clv: "summary build: CLV inputs + BG/NBD/Gamma-Gamma fit + values",
  info: "dataset info",
};

/** The drop's worker time per stage, for each set. */
function stageRows(sets: readonly DataSet[], results: readonly RunResult[][]): Row[] {
  return sets.flatMap((s, i) => {
    const runs = results[i] ?? [];
    return Object.entries(STAGES).map(([stage, label]) => row(`  worker, ${formatCount(s.orders)}: ${label}`, runs.map((r) => r.loadStages?.[stage]), formatMs));
  });
}

export function loadRows(sets: readonly DataSet[], results: readonly RunResult[][], floorSet: DataSet): Row[] {
  const perSet = (title: (size: string) => string, pick: (r: RunResult) => number | undefined, format: (v: number) => string) =>
    sets.map((s, i) => row(title(formatCount(s.orders)), (results[i] ?? []).map(pick), format));
  const floorRuns = results[sets.indexOf(floorSet)] ?? [];
  return [
    row("page open → demo KPIs", results.flat().map((r) => r.openMs), formatMs),
    ...perSet((n) => `drop ${n} orders + customers + feedback → Overview`, (r) => r.loadMs, formatMs),
    ...stageRows(sets, results),
    ...perSet((n) => `drop ${n} → every page ready (load + each visit in turn)`, everyPageReadyMs, formatMs),
    row(`floor read+decode+split (${formatCount(floorSet.orders)}, three files)`, floorRuns.map((r) => r.floorMs), formatMs),
    ...perSet((n) => `peak JS heap, main thread (${n} load)`, (r) => r.peakHeapBytes, formatBytes),
    ...perSet((n) => `peak renderer RSS (${n} load)`, (r) => r.peakRendererBytes, formatBytes),
    ...perSet((n) => `peak renderer RSS (${n}: load, save, page visits, filters)`, (r) => r.peakRendererBytesAfterVisits, formatBytes),
    ...sets.flatMap((s, i) => {
      const runs = results[i] ?? [];
      const n = formatCount(s.orders);
      return [
        longTaskRow(`${n} load`, runs.map((r) => (r.longTaskCount === undefined ? undefined : [r.longTaskCount, r.longestTaskMs ?? 0] as const))),
        longTaskRow(`${n} page visits`, runs.map(visitLongTasks)),
      ];
    }),
    ...sets.map((_, i) => {
      const runs = results[i] ?? [];
      const customers = runs.find((r) => r.clvCustomers !== undefined)?.clvCustomers;
      return row(`BG/NBD + Gamma-Gamma fit in the worker (${customers === undefined ? "?" : formatCount(customers)} customers)`, runs.map((r) => r.clvFitMs), formatMs);
    }),
  ];
}

export function bundleRows(sizes: BundleSizes): Row[] {
  const { pageJs, workerJs, lazyJs, wasm } = sizes;
  const line = (measure: string, raw: number, gzip: number, files: readonly string[]): Row => ({
    measure,
    median: formatKb(gzip),
    runs: [`${formatKb(raw)} raw`, ...files.map((f) => f.replace(/^assets\//, ""))].join(", "),
  });
  return [
    line("JS gzip, page at start (index.html's scripts)", pageJs.raw, pageJs.gzip, pageJs.files),
    line("JS gzip, database worker", workerJs.raw, workerJs.gzip, workerJs.files),
    line("JS gzip, page + worker, without the wasm (target < 250 kB)", pageJs.raw + workerJs.raw, pageJs.gzip + workerJs.gzip, []),
    line("JS gzip, loaded when needed (Excel, Chinese texts, updates)", lazyJs.raw, lazyJs.gzip, lazyJs.files),
    line("wasm gzip (sql.js)", wasm.raw, wasm.gzip, wasm.files),
  ];
}
