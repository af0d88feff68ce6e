/**
 * Geometry of horizontal bars whose values may be negative (NPS by channel runs from −100
 * to 100): a value axis that always holds 0, each bar drawn from the zero line to its value.
 *
 *   rowBarLayout([40, -20, null], 300) → domain [-20, 40] (nice), zero at x = 100;
 *   40 → { x: 100, width: 200 }, −20 → { x: 0, width: 100 }, null → no bar.
 */
import { linear, valueDomain } from "./scales.ts";

export interface RowBarSpan {
  /** Left edge in px from the start of the plot. */
  x: number;
  width: number;
}

export interface RowBarLayout {
  /** x of the zero line. */
  zero: number;
  /** One span per value, null where the value is null (nothing to draw). */
  spans: (RowBarSpan | null)[];
}

export function rowBarLayout(values: readonly (number | null)[], width: number): RowBarLayout {
  const domain = valueDomain(values.filter((v): v is number => v !== null));
  const x = linear(domain, [0, Math.max(0, width)]);
  const zero = x(0);
  return {
    zero,
    spans: values.map((v) => {
      if (v === null || !Number.isFinite(v)) return null;
      const end = x(v);
      return { x: Math.min(zero, end), width: Math.abs(end - zero) };
    }),
  };
}
