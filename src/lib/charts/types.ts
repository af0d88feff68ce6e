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

/**
 * An area of a chart a reader can point at, focus or choose (a heatmap cell, a treemap
 * tile, a bar segment), in px from the chart's top-left corner.
 */
export interface ChoiceArea {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** What a screen reader announces (the whole story of the area). */
  label: string;
  /** Lines of the tooltip (default: the label). */
  lines?: string[];
  /** True when the area's item is the chosen one (aria-pressed). */
  pressed?: boolean;
}

/** One cell of a Heatmap, at a row (top to bottom) and column (left to right). */
export interface HeatmapCell {
  key: string;
  row: number;
  col: number;
  value: number;
  /** Text in the cell ("127", "¥2.2万"). */
  text: string;
  /** Screen-reader label and tooltip lines. */
  label: string;
  lines?: string[];
  pressed?: boolean;
  /** Outlined (e.g. the cell holds customers of the chosen segment). */
  marked?: boolean;
}

/** One item of a Treemap (a segment): its area is proportional to `value`. */
export interface TreemapEntry {
  key: string;
  /** Name drawn in the tile. */
  name: string;
  /** Second line in the tile (e.g. its share, "15.1%"). */
  detail: string;
  value: number;
  /** Palette index (palette.ts). */
  tone: number;
  /** Screen-reader label and tooltip lines. */
  label: string;
  lines?: string[];
  pressed?: boolean;
}

/** A named group of a stacked bar chart (a segment, a tier) with its palette index. */
export interface StackGroup {
  key: string;
  label: string;
  tone: number;
}

/** One bar of a stacked bar chart: a value per group, in the groups' order. */
export interface StackRow {
  key: string;
  /** The row's label (often the user's own text, such as a region). */
  label: string;
  values: number[];
  /** Text after the bar (the row's total). */
  total: string;
}
