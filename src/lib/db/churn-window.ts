/**
 * The default churn window N (PRODUCT.md): the 90th percentile of the gaps in days between
 * consecutive purchase days of repeat customers, rounded up to a multiple of 30, kept
 * within 30–365. Worked example: gaps 10, 20, 30, 40, 200 → P90 by linear interpolation
 * = 40 + 0.6 × (200 − 40) = 136 → rounded up to 150.
 */

export interface GapCount {
  gap: number;
  customers: number;
}

/** Used when no customer bought twice, so no gap says anything: a quarter of inactivity. */
export const FALLBACK_CHURN_DAYS = 90;

/** The q-quantile (0–1) of a sorted histogram, interpolated linearly between order statistics (numpy's default). */
export function quantileOfHistogram(histogram: readonly GapCount[], q: number): number | null {
  const total = histogram.reduce((sum, h) => sum + h.customers, 0);
  if (total === 0) return null;
  const position = q * (total - 1);
  const valueAt = (index: number): number => {
    let seen = 0;
    for (const h of histogram) {
      seen += h.customers;
      if (index < seen) return h.gap;
    }
    return histogram[histogram.length - 1]?.gap ?? 0;
  };
  const lower = Math.floor(position);
  const low = valueAt(lower);
  const high = valueAt(Math.ceil(position));
  return low + (position - lower) * (high - low);
}

export function churnWindowFromGaps(histogram: readonly GapCount[]): number {
  const p90 = quantileOfHistogram(histogram, 0.9);
  if (p90 === null) return FALLBACK_CHURN_DAYS;
  return Math.min(365, Math.max(30, Math.ceil(p90 / 30) * 30));
}
