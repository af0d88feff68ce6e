/**
 * Virtual scrolling maths for long tables (a segment of 50,000 members): only the rows in
 * view, plus a few either side, are rendered; spacers above and below keep the scroll
 * height of the whole list.
 *
 * Worked example: 1,000 rows of 34 px, scrolled to 3,400 px in a 340 px viewport with 5
 * rows of overscan → rows 95 to 116 (exclusive: 10 in view, one part-row, 5 either side), 3,230 px
 * above, 30,056 px below.
 */
export interface RowWindow {
  /** First rendered row (inclusive) and the end (exclusive). */
  start: number;
  end: number;
  /** Heights of the spacers before and after the rendered rows. */
  before: number;
  after: number;
}

export function rowWindow(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 5): RowWindow {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0, before: 0, after: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.min(Math.max(0, first - overscan), Math.max(0, total - 1));
  const end = Math.min(total, first + visible + overscan);
  return { start, end: Math.max(start, end), before: start * rowHeight, after: (total - Math.max(start, end)) * rowHeight };
}
