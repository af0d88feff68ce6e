/** Geometry of stacked bars whose values may be negative (positives stack up from 0, negatives down). */

export interface DivergingSegment {
  /** Index of the series (group) in the input order. */
  group: number;
  value: number;
  /** Lower and upper ends of the segment in data units (y0 ≤ y1). */
  y0: number;
  y1: number;
}

/** Stack one category's values: positives from 0 upward, negatives from 0 downward, in group order. */
export function stackDiverging(values: readonly number[]): DivergingSegment[] {
  let up = 0;
  let down = 0;
  const out: DivergingSegment[] = [];
  values.forEach((value, group) => {
    if (!value) return;
    if (value > 0) {
      out.push({ group, value, y0: up, y1: up + value });
      up += value;
    } else {
      out.push({ group, value, y0: down + value, y1: down });
      down += value;
    }
  });
  return out;
}

/** The [min, max] of all stacks (always containing 0). */
export function divergingExtent(categories: readonly (readonly number[])[]): [number, number] {
  let min = 0;
  let max = 0;
  for (const values of categories) {
    let up = 0;
    let down = 0;
    for (const v of values) {
      if (v > 0) up += v;
      else down += v;
    }
    max = Math.max(max, up);
    min = Math.min(min, down);
  }
  return [min, max];
}

export interface FunnelStep {
  key: string;
  reached: number;
  /** reached / the first step's reached (0 when the first is 0). */
  share: number;
  /** reached / the previous step's reached; null for the first step or after an empty one. */
  conversion: number | null;
}

/** Funnel steps: each step's share of the widest (first) and its conversion from the one before. */
export function funnelSteps(steps: readonly { key: string; reached: number }[]): FunnelStep[] {
  const top = Math.max(0, ...steps.map((s) => s.reached));
  return steps.map((s, i) => {
    const prev = i > 0 ? (steps[i - 1]?.reached ?? 0) : 0;
    return { key: s.key, reached: s.reached, share: top > 0 ? s.reached / top : 0, conversion: i > 0 && prev > 0 ? s.reached / prev : null };
  });
}
