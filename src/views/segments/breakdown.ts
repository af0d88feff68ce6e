/**
 * Breakdowns of customers by an attribute (region, channel…) and a group (segment or ABC
 * tier), reshaped for a stacked bar chart: one row per attribute value, a value per group.
 * Rows are ordered by their total, largest first; past `maxRows` the smallest are folded
 * into one "other" row so that a city column with 300 values stays readable.
 *
 * Worked example: cells (East, Champions, 3), (East, Lost, 1), (West, Lost, 2) with groups
 * [Champions, Lost] → East [3, 1] total 4, West [0, 2] total 2.
 */
export interface BreakdownInput {
  value: string | null;
  group: string;
  customers: number;
  revenue: number;
}

export const MEASURES = ["customers", "revenue"] as const;
export type Measure = (typeof MEASURES)[number];

export interface PivotRow {
  /** The attribute value; null = customers without one; OTHER for the folded row. */
  value: string | null;
  other: boolean;
  values: number[];
  total: number;
}

export function pivotBreakdown(cells: readonly BreakdownInput[], groups: readonly string[], measure: Measure, maxRows = 10): PivotRow[] {
  const byValue = new Map<string | null, number[]>();
  for (const cell of cells) {
    const g = groups.indexOf(cell.group);
    if (g === -1) continue;
    let values = byValue.get(cell.value);
    if (!values) byValue.set(cell.value, (values = groups.map(() => 0)));
    values[g] = (values[g] ?? 0) + cell[measure];
  }
  const rows: PivotRow[] = [...byValue]
    .map(([value, values]) => ({ value, other: false, values, total: values.reduce((s, v) => s + v, 0) }))
    .filter((r) => r.total > 0)
    .sort((a, b) => b.total - a.total || String(a.value ?? "\uffff").localeCompare(String(b.value ?? "\uffff")));
  if (rows.length <= maxRows) return rows;
  const kept = rows.slice(0, maxRows - 1);
  const folded = rows.slice(maxRows - 1);
  const values = groups.map((_, g) => folded.reduce((s, r) => s + (r.values[g] ?? 0), 0));
  return [...kept, { value: null, other: true, values, total: values.reduce((s, v) => s + v, 0) }];
}
