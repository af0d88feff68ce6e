/**
 * Histogram maths: counts of values in bins with round edges. Money and CLV are heavy
 * tailed (a few customers worth a hundred times the median), so by default the bins cover
 * the values up to the 99th percentile and the last bin is open ("≥ its lower edge"),
 * holding everything above; otherwise one whale would squeeze everyone else into one bar.
 *
 * Worked example: histogram([1, 2, 2, 3, 9], { bins: 4, cap: 1 }) → edges 0, 2, 4, 6, 8, 10 →
 * [0–2): 1, [2–4): 3, [4–6): 0, [6–8): 0, [8–10]: 1.
 */
import { bin, quantileSorted, ticks } from "d3";

export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
  /** True for the last bin when values above the cap were folded into it (it reads "≥ x0"). */
  open: boolean;
}

export interface HistogramOptions {
  /** About how many bins (the edges are rounded, so the count may differ a little). */
  bins?: number;
  /** Quantile (0–1) beyond which values fold into the last, open bin; 1 = no folding. */
  cap?: number;
  /** A fixed domain (e.g. [0, 1] for probabilities); replaces the cap. */
  domain?: readonly [number, number];
}

export function histogram(values: readonly number[], options: HistogramOptions = {}): HistogramBin[] {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return [];
  const count = options.bins ?? 12;
  let lo: number;
  let hi: number;
  if (options.domain) {
    [lo, hi] = options.domain;
  } else {
    lo = Math.min(0, finite[0] as number);
    hi = quantileSorted(finite, Math.min(1, Math.max(0, options.cap ?? 0.99))) ?? (finite[finite.length - 1] as number);
  }
  if (!(hi > lo)) hi = lo + 1;
  const edges = ticks(lo, hi, count);
  const step = edges.length > 1 ? (edges[1] as number) - (edges[0] as number) : (hi - lo) / count;
  // Round the outer edges outward onto the step so that every bin has the same width.
  const start = Math.floor(lo / step) * step;
  let end = Math.ceil(hi / step) * step;
  if (end <= start) end = start + step;
  const thresholds: number[] = [];
  for (let e = start + step; e < end - step / 2; e += step) thresholds.push(Number(e.toPrecision(12)));
  const max = finite[finite.length - 1] as number;
  const folded = max > end;
  const binned = bin()
    .domain([start, end])
    .thresholds(thresholds)(finite.map((v) => Math.min(Math.max(v, start), end)));
  return binned.map((b, i) => ({
    x0: b.x0 ?? start,
    x1: b.x1 ?? end,
    count: b.length,
    open: folded && i === binned.length - 1,
  }));
}
