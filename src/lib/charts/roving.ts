/**
 * Keyboard movement between a chart's focusable areas (one tab stop, roving tabindex), shared by
 * ChoiceLayer and HoverLayer: arrows move by one (up/down by a row of `columns`), Home/End jump
 * to the ends, Escape leaves.
 */

/** Where a key moves focus from `index` among `count` areas in rows of `columns`, clamped; null for other keys. */
export function rovingTarget(key: string, index: number, count: number, columns = 1): number | null {
  const step = Math.max(1, columns);
  const keys: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, ArrowDown: index + step, ArrowUp: index - step, Home: 0, End: count - 1 };
  const to = keys[key];
  return to === undefined || count <= 0 ? null : Math.min(Math.max(to, 0), count - 1);
}

/** Handles a keydown on area `index`: moves with `move` (and keeps the key from scrolling), or calls `leave` on Escape. */
export function rovingKeydown(event: KeyboardEvent, index: number, count: number, columns: number, move: (to: number) => void, leave: () => void): void {
  const to = rovingTarget(event.key, index, count, columns);
  if (to === null) {
    if (event.key === "Escape") leave();
    return;
  }
  event.preventDefault();
  move(to);
}
