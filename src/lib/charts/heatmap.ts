/**
 * Heatmap maths: where each cell of a rows × columns grid sits, and how strongly it is
 * coloured. The colour is one hue at an opacity that grows with the value (so it works on
 * a light and a dark background alike); an empty cell (0) has no colour at all.
 *
 * Worked example: a 2 × 3 grid in 300 × 100 px with a 2 px gap → cells 98 × 48 px
 * (300 / 3 − 2, 100 / 2 − 2), the cell at row 1, column 2 at (201, 51); with a maximum of
 * 80, a value of 20 has intensity 0.15 + 0.85 × 20 / 80 = 0.3625.
 */

export interface HeatCellBox {
  row: number;
  col: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Boxes of a rows × cols grid filling width × height, `gap` px between cells, row 0 on top. */
export function gridBoxes(rows: number, cols: number, width: number, height: number, gap = 2): HeatCellBox[] {
  if (rows <= 0 || cols <= 0) return [];
  const stepX = width / cols;
  const stepY = height / rows;
  const boxes: HeatCellBox[] = [];
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      boxes.push({
        row,
        col,
        x: col * stepX + gap / 2,
        y: row * stepY + gap / 2,
        width: Math.max(0, stepX - gap),
        height: Math.max(0, stepY - gap),
      });
    }
  }
  return boxes;
}

/** The lightest colour a non-empty cell gets, so that a small value still shows. */
export const MIN_INTENSITY = 0.15;

/**
 * Opacity of a cell's colour: 0 for no value, else from MIN_INTENSITY (near 0) up to 1
 * (the maximum), linear in the value. intensity(20, 80) → 0.3625; intensity(0, 80) → 0.
 */
export function intensity(value: number, max: number): number {
  if (!(value > 0) || !(max > 0)) return 0;
  return MIN_INTENSITY + (1 - MIN_INTENSITY) * Math.min(1, value / max);
}

/** Above this intensity a cell's label is drawn in the contrasting colour (light on dark). */
export const STRONG_INTENSITY = 0.7;

export const isStrong = (cellIntensity: number): boolean => cellIntensity >= STRONG_INTENSITY;

/**
 * The values a legend of `steps` swatches stands for, from the smallest non-empty value's
 * intensity to the maximum: legendValues(100, 5) → [0, 25, 50, 75, 100] (a swatch shows
 * intensity(v, max), with the first one at MIN_INTENSITY).
 */
export function legendValues(max: number, steps = 5): number[] {
  if (!(max > 0) || steps < 2) return [];
  return Array.from({ length: steps }, (_, i) => (max * i) / (steps - 1));
}
