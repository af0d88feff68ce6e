/**
 * Curve maths for share-against-share charts (the Pareto curve): both axes run from 0 to
 * 1, and a value between two points of the curve is read off by linear interpolation.
 *
 * Worked example: on the curve (0, 0), (0.2, 0.5), (0.4, 0.8), the share at 0.3 is
 * 0.5 + (0.8 − 0.5) × (0.3 − 0.2) / (0.4 − 0.2) = 0.65.
 */

export interface CurvePoint {
  x: number;
  y: number;
}

/** y at `x` on a curve sorted by x (clamped to its ends); null for an empty curve. */
export function interpolateAt(points: readonly CurvePoint[], x: number): number | null {
  if (points.length === 0) return null;
  const first = points[0] as CurvePoint;
  const last = points[points.length - 1] as CurvePoint;
  if (x <= first.x) return first.y;
  if (x >= last.x) return last.y;
  for (let i = 1; i < points.length; i++) {
    const b = points[i] as CurvePoint;
    if (b.x >= x) {
      const a = points[i - 1] as CurvePoint;
      return b.x === a.x ? b.y : a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
    }
  }
  return last.y;
}

/** Ticks for a 0–1 share axis: shareTicks(5) → [0, 0.2, 0.4, 0.6, 0.8, 1]. */
export function shareTicks(intervals = 5): number[] {
  return Array.from({ length: intervals + 1 }, (_, i) => Math.round((i / intervals) * 1e9) / 1e9);
}
