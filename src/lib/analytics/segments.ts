/**
 * Segments page queries over customer_summary: the segment table, the R×F grid, segment
 * members and breakdowns by a customer attribute. RFM is scored as of the analysis date
 * over all history; the attribute filters (region, channel, tier, segment) apply here,
 * the date range does not (it would change what the scores mean).
 */
import { SEGMENTS, type SegmentName } from "../models/rfm.ts";
import { customerSummaryWhere } from "./filter-sql.ts";
import type { Filters, QueryFn } from "./filters.ts";
import { raw, sql, type SqlFragment } from "./sql.ts";

export interface SegmentRow {
  segment: SegmentName;
  customers: number;
  customerShare: number;
  revenue: number;
  revenueShare: number;
  avgRecencyDays: number | null;
  avgFrequency: number | null;
  avgMonetary: number | null;
}

/** Buyers (customers with a segment) who pass the attribute filters. */
function scoredCustomers(filters: Filters): SqlFragment {
  return sql`segment IS NOT NULL AND ${customerSummaryWhere(filters)}`;
}

/** Every one of the 11 segments, in the map's order, with zeros for empty ones. */
export async function loadSegments(query: QueryFn, filters: Filters): Promise<SegmentRow[]> {
  const q = sql`
    SELECT segment, COUNT(*) AS customers, TOTAL(monetary) AS revenue,
           AVG(recency_days) AS recency, AVG(frequency) AS frequency, AVG(monetary) AS monetary
    FROM customer_summary WHERE ${scoredCustomers(filters)} GROUP BY segment`;
  const rows = await query<{ segment: SegmentName; customers: number; revenue: number; recency: number; frequency: number; monetary: number }>(q.text, q.params);
  const bySegment = new Map(rows.map((r) => [r.segment, r]));
  const customers = rows.reduce((sum, r) => sum + r.customers, 0);
  const revenue = rows.reduce((sum, r) => sum + r.revenue, 0);
  return SEGMENTS.map((segment) => {
    const r = bySegment.get(segment);
    return {
      segment,
      customers: r?.customers ?? 0,
      customerShare: customers ? (r?.customers ?? 0) / customers : 0,
      revenue: r?.revenue ?? 0,
      revenueShare: revenue ? (r?.revenue ?? 0) / revenue : 0,
      avgRecencyDays: r?.recency ?? null,
      avgFrequency: r?.frequency ?? null,
      avgMonetary: r?.monetary ?? null,
    };
  });
}

export interface RfCell {
  r: number;
  f: number;
  customers: number;
  revenue: number;
}

/** Customers and revenue in each R×F cell that has customers (R and F from 1 to 5). */
export async function loadRfGrid(query: QueryFn, filters: Filters): Promise<RfCell[]> {
  const q = sql`
    SELECT r_score AS r, f_score AS f, COUNT(*) AS customers, TOTAL(monetary) AS revenue
    FROM customer_summary WHERE ${scoredCustomers(filters)} GROUP BY 1, 2 ORDER BY 1, 2`;
  return query<RfCell & Record<string, number>>(q.text, q.params);
}

/** One customer of a segment member list (and of the CSV a campaign is run from). */
export interface SegmentMember {
  customer_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  region: string | null;
  tier: string | null;
  recency_days: number;
  frequency: number;
  monetary: number;
  r_score: number;
  f_score: number;
  m_score: number;
  segment: SegmentName;
  abc_tier: string;
  p_alive: number | null;
  expected_purchases: number | null;
  clv: number | null;
}

export const MEMBER_COLUMNS: readonly (keyof SegmentMember)[] = [
  "customer_id", "name", "email", "phone", "region", "tier", "recency_days", "frequency", "monetary",
  "r_score", "f_score", "m_score", "segment", "abc_tier", "p_alive", "expected_purchases", "clv",
];

/** The members of one segment (or of all segments when null), highest spend first. */
export async function loadSegmentMembers(query: QueryFn, segment: SegmentName | null, filters: Filters): Promise<SegmentMember[]> {
  const bySegment = segment ? sql`segment = ${segment}` : raw("1");
  const q = sql`
    SELECT ${raw(MEMBER_COLUMNS.join(", "))} FROM customer_summary
    WHERE ${scoredCustomers(filters)} AND ${bySegment} ORDER BY monetary DESC, customer_id`;
  return query<SegmentMember & Record<string, unknown>>(q.text, q.params);
}

/** Customer attributes that can break segments down, when the data has values for them. */
export const BREAKDOWN_ATTRIBUTES = ["region", "country", "city", "gender", "acquisition_channel", "tier", "contract_type"] as const;
export type BreakdownAttribute = (typeof BREAKDOWN_ATTRIBUTES)[number];

export async function availableAttributes(query: QueryFn): Promise<BreakdownAttribute[]> {
  const counts = BREAKDOWN_ATTRIBUTES.map((a) => `COUNT(DISTINCT ${a}) AS ${a}`).join(", ");
  const [row] = await query<Record<BreakdownAttribute, number>>(`SELECT ${counts} FROM customer_summary WHERE segment IS NOT NULL`);
  // One value only (or none) breaks nothing down.
  return BREAKDOWN_ATTRIBUTES.filter((a) => (row?.[a] ?? 0) > 1);
}

export interface BreakdownCell {
  /** The attribute's value; null when the customer has none. */
  value: string | null;
  /** A segment name or an ABC tier. */
  group: string;
  customers: number;
  revenue: number;
}

/** Customers and revenue per attribute value and segment (by = "segment") or ABC tier (by = "abc_tier"). */
export async function loadBreakdown(query: QueryFn, attribute: BreakdownAttribute, by: "segment" | "abc_tier", filters: Filters): Promise<BreakdownCell[]> {
  if (!BREAKDOWN_ATTRIBUTES.includes(attribute)) throw new Error(`not a customer attribute: ${attribute}`);
  const q = sql`
    SELECT ${raw(attribute)} AS value, ${raw(by)} AS "group", COUNT(*) AS customers, TOTAL(monetary) AS revenue
    FROM customer_summary WHERE ${scoredCustomers(filters)} GROUP BY 1, 2`;
  return query<BreakdownCell & Record<string, unknown>>(q.text, q.params);
}
