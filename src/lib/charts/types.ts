/** Plain shapes the chart components take through their props (charts never import db or analytics). */

/** One category of a bar or line chart (a month, a segment…). */
export interface ChartPoint {
  /** Stable identity (e.g. "2024-01-01"). */
  key: string;
  /** Full label for tooltips and the data table ("Jan 2024"). */
  label: string;
  /** Short label for the axis ("Jan"). */
  tick: string;
  value: number;
}

/** The data-table alternative of a chart: the first column is the row header. */
export interface ChartTable {
  columns: string[];
  rows: string[][];
}
