/**
 * The Pareto curve: cumulative share of revenue against share of customers, customers
 * sorted by revenue, highest first. Worked example: revenues 50, 30, 10, 6, 4 → after
 * 1 of 5 customers (20 %) 50 % of revenue, after 2 (40 %) 80 %, then 90 %, 96 %, 100 %.
 */

export interface ParetoPoint {
  customerShare: number;
  revenueShare: number;
}

/** The curve from (0, 0) to (1, 1), at most `points` + 1 points (for a chart). */
export function paretoCurve(revenues: readonly number[], points = 100): ParetoPoint[] {
  const sorted = [...revenues].sort((a, b) => b - a);
  const total = sorted.reduce((sum, v) => sum + v, 0);
  if (sorted.length === 0 || total <= 0) return [];
  const curve: ParetoPoint[] = [{ customerShare: 0, revenueShare: 0 }];
  const every = Math.max(1, Math.floor(sorted.length / points));
  let cumulative = 0;
  sorted.forEach((v, i) => {
    cumulative += v;
    if ((i + 1) % every === 0 || i === sorted.length - 1) {
      curve.push({ customerShare: (i + 1) / sorted.length, revenueShare: cumulative / total });
    }
  });
  return curve;
}

/** Share of revenue made by the top `customerShare` of customers (the top 20 % by default). */
export function revenueShareOfTop(revenues: readonly number[], customerShare = 0.2): number | null {
  const sorted = [...revenues].sort((a, b) => b - a);
  const total = sorted.reduce((sum, v) => sum + v, 0);
  if (sorted.length === 0 || total <= 0) return null;
  const top = Math.round(sorted.length * customerShare);
  return sorted.slice(0, top).reduce((sum, v) => sum + v, 0) / total;
}
