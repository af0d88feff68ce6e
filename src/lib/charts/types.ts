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

/** What Bars and Line take (and hand on to CategoryChart, their shared scaffolding). */
export interface CategoryChartProps {
  points: ChartPoint[];
  title: string;
  description: string;
  formatValue: (value: number) => string;
  formatTick?: (value: number) => string;
  height?: number;
  /** Index whose label is always shown (e.g. the first January); default the last point. */
  tickAnchor?: number;
  /** Allowed label steps (e.g. MONTH_STEPS, so that labels fall on quarters and years). */
  tickSteps?: readonly number[];
}

/** Where the categories sit across the plot: each one's centre, plus whatever a chart's marks need. */
export interface CategoryLayout {
  centre: number[];
}

/** A value-to-pixel scale (y grows downward). */
export type Scale = (value: number) => number;
