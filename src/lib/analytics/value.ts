/** Value page queries: the Pareto curve and ABC tiers. */
import { customerSummaryWhere } from "./filter-sql.ts";
import type { Filters, QueryFn } from "./filters.ts";
import { paretoCurve, revenueShareOfTop, type ParetoPoint } from "./pareto.ts";
import { sql, type SqlFragment } from "./sql.ts";

export interface AbcTierRow {
  tier: "A" | "B" | "C";
  customers: number;
  customerShare: number;
  revenue: number;
  revenueShare: number;
}

export interface ParetoResult {
  curve: ParetoPoint[];
  /** Share of revenue from the top 20 % of customers. */
  top20Share: number | null;
  tiers: AbcTierRow[];
}

function buyers(filters: Filters): SqlFragment {
  return sql`frequency > 0 AND ${customerSummaryWhere(filters)}`;
}

export async function loadPareto(query: QueryFn, filters: Filters): Promise<ParetoResult> {
  const q = sql`SELECT monetary, abc_tier FROM customer_summary WHERE ${buyers(filters)}`;
  const rows = await query<{ monetary: number; abc_tier: "A" | "B" | "C" }>(q.text, q.params);
  const revenues = rows.map((r) => r.monetary);
  const totalRevenue = revenues.reduce((sum, v) => sum + v, 0);
  const tiers = (["A", "B", "C"] as const).map((tier) => {
    const inTier = rows.filter((r) => r.abc_tier === tier);
    const revenue = inTier.reduce((sum, r) => sum + r.monetary, 0);
    return {
      tier,
      customers: inTier.length,
      customerShare: rows.length ? inTier.length / rows.length : 0,
      revenue,
      revenueShare: totalRevenue ? revenue / totalRevenue : 0,
    };
  });
  return { curve: paretoCurve(revenues), top20Share: revenueShareOfTop(revenues), tiers };
}
