/**
 * Stacked-bar maths: one bar per row, its groups side by side as shares of the row's total
 * (a 100 % bar), and a legend that wraps onto lines.
 *
 * Worked example: stackShares([30, 10, 0, 60]) → [0, 0.3), [0.3, 0.4), (empty), [0.4, 1];
 * the empty group has no segment.
 */

export interface StackSegment {
  /** Index of the group in the row's values. */
  group: number;
  value: number;
  share: number;
  /** Start and end as fractions of the bar (0–1). */
  x0: number;
  x1: number;
}

/** Segments of one 100 % bar, groups in order, empty groups left out. */
export function stackShares(values: readonly number[]): StackSegment[] {
  const total = values.reduce((sum, v) => sum + (v > 0 ? v : 0), 0);
  if (total <= 0) return [];
  const segments: StackSegment[] = [];
  let at = 0;
  values.forEach((value, group) => {
    if (!(value > 0)) return;
    const share = value / total;
    segments.push({ group, value, share, x0: at, x1: Math.min(1, at + share) });
    at += share;
  });
  return segments;
}

export interface LegendItem {
  x: number;
  y: number;
}

/**
 * Legend entries laid out left to right and wrapped within `width`: each entry is a swatch
 * (`swatch` px plus a 4 px gap) and its label (`labelWidths[i]` px), `spacing` px between
 * entries, `lineHeight` px per line. Returns each entry's top-left corner and the height.
 * legendLayout([40, 40, 40], 140) → x 0, 68 on the first line, 0 on the second; height 36.
 */
export function legendLayout(
  labelWidths: readonly number[],
  width: number,
  { swatch = 12, spacing = 12, lineHeight = 18 } = {},
): { items: LegendItem[]; height: number } {
  const items: LegendItem[] = [];
  let x = 0;
  let y = 0;
  for (const labelWidth of labelWidths) {
    const w = swatch + 4 + labelWidth;
    if (x > 0 && x + w > width) {
      x = 0;
      y += lineHeight;
    }
    items.push({ x, y });
    x += w + spacing;
  }
  return { items, height: labelWidths.length ? y + lineHeight : 0 };
}
