/**
 * The tables of the steps after the drop: each page visited until ready, and each filter
 * change until the charts are updated, with the worker requests the step sent (medians over
 * the runs; the last column lists each run's time to ready).
 */
import type { RunResult } from "./browser.ts";
import type { DataSet } from "./data.ts";
import { pageLabel, VISITED_PAGES } from "./pages.ts";
import type { Settled } from "./probe.ts";
import { alignedTable, formatCount, formatMs, median } from "./report.ts";
import { longestTask, requestBusy, requestSum } from "./step-stats.ts";

const HEADER = ["step", "ready", "requests", "Σ request time", "worker busy", "longest request", "long tasks (n / longest)", "runs (ready)"];

const medianOf = (steps: readonly Settled[], pick: (s: Settled) => number, format: (v: number) => string): string => {
  const mid = median(steps.map(pick));
  return mid === undefined ? "failed" : format(mid);
};

function stepRow(label: string, runs: readonly (Settled | undefined)[]): string[] {
  const ok = runs.filter((s): s is Settled => s !== undefined);
  return [
    label,
    medianOf(ok, (s) => s.ms, formatMs),
    medianOf(ok, (s) => s.requests.length, String),
    medianOf(ok, requestSum, formatMs),
    medianOf(ok, requestBusy, formatMs),
    medianOf(ok, (s) => Math.max(0, ...s.requests.map((r) => r.ms)), formatMs),
    `${medianOf(ok, (s) => s.longTasks.length, String)} / ${medianOf(ok, longestTask, (v) => String(Math.round(v)))}`,
    runs.map((s) => (s === undefined ? "failed" : formatMs(s.ms))).join(" / "),
  ];
}

/** After the drop of `data`: one row per page in the order visited. */
export function pagesTable(data: DataSet, runs: readonly RunResult[]): string {
  const rows = VISITED_PAGES.map((page) => stepRow(`${pageLabel(page)} ready`, runs.map((r) => r.visits?.get(page))));
  return [`Drop ${formatCount(data.orders)} orders → each page ready (visited in this order):`, "", alignedTable(HEADER, rows)].join("\n");
}

/** After the visits: one row per filter change. */
export function filtersTable(data: DataSet, runs: readonly RunResult[]): string {
  const steps = [...new Set(runs.flatMap((r) => [...(r.filters?.keys() ?? [])]))];
  const rows = steps.map((step) => stepRow(step, runs.map((r) => r.filters?.get(step))));
  return [`Filter change → charts updated (${formatCount(data.orders)} orders):`, "", alignedTable(HEADER, rows)].join("\n");
}

/** Drop → every page ready: the load, then each page's visit in turn; undefined when a step failed. */
export function everyPageReadyMs(r: RunResult): number | undefined {
  const visits = VISITED_PAGES.map((page) => r.visits?.get(page)?.ms);
  if (r.loadMs === undefined || visits.some((ms) => ms === undefined)) return undefined;
  return visits.reduce<number>((sum, ms) => sum + (ms ?? 0), r.loadMs);
}
