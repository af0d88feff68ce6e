/** Plain helpers of the Lifecycle page (no Svelte): threshold parsing and the cohort grid. */
import type { CohortRetention } from "../../lib/analytics/lifecycle.ts";
import type { HeatmapCell } from "../../lib/charts/types.ts";

export type CohortMeasure = "on" | "onOrAfter" | "revenue";

/** A whole number typed into a threshold field, within [min, max]; null when not accepted. */
export function parseWhole(text: string, min: number, max: number): number | null {
  const n = Number(text.trim());
  return text.trim() !== "" && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** Number of month columns: the longest cohort row. */
export function cohortColumns(data: CohortRetention): number {
  return Math.max(0, ...data.cohorts.map((c) => c.on.length));
}

/**
 * The heatmap cells of the cohort grid: one row per cohort, then the weighted average row
 * (share measures only); a cell per month k the cohort has reached.
 */
export function cohortCells(
  data: CohortRetention,
  measure: CohortMeasure,
  format: (share: number) => string,
  label: (row: string, k: number, text: string) => string,
  averageName: string,
): HeatmapCell[] {
  const cells: HeatmapCell[] = [];
  data.cohorts.forEach((c, row) => {
    const values = measure === "on" ? c.on : measure === "onOrAfter" ? c.onOrAfter : c.revenue;
    values.forEach((value, col) => {
      const text = format(value);
      cells.push({ key: `${c.cohort}:${col}`, row, col, value, text, label: label(c.cohort, col, text) });
    });
  });
  if (measure !== "revenue") {
    const row = data.cohorts.length;
    (measure === "on" ? data.average.on : data.average.onOrAfter).forEach((value, col) => {
      const text = format(value);
      cells.push({ key: `average:${col}`, row, col, value, text, label: label(averageName, col, text) });
    });
  }
  return cells;
}
