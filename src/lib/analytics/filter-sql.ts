/**
 * The global filters as SQL conditions. Region, tier, segment and the other customer
 * attributes (gender, city…) are columns of customer_summary; channel is the order's
 * channel, or the customer's acquisition channel for orders that carry none.
 */
import { ATTRIBUTE_FILTER_KEYS, type Filters } from "./filters.ts";
import type { Period } from "./period.ts";
import { inList, raw, sql, type SqlFragment } from "./sql.ts";

/** Condition on a table with a `customer_id` column: the customer passes the attribute filters. */
export function customerCondition(filters: Filters, column = "customer_id"): SqlFragment {
  // Column names come from ATTRIBUTE_FILTER_KEYS (our own list); values are bound.
  const conditions = ATTRIBUTE_FILTER_KEYS.filter((key) => filters[key].length > 0).map((key) => inList(key, filters[key]));
  if (conditions.length === 0) return raw("1");
  const where = conditions.reduce((acc, c) => sql`${acc} AND ${c}`);
  return sql`${raw(column)} IN (SELECT customer_id FROM customer_summary WHERE ${where})`;
}

function channelCondition(filters: Filters): SqlFragment {
  if (filters.channel.length === 0) return raw("1");
  return sql`(${inList("channel", filters.channel)} OR (channel IS NULL AND customer_id IN (SELECT customer_id FROM customer_summary WHERE ${inList("acquisition_channel", filters.channel)})))`;
}

/**
 * Condition on customer_summary rows for customer-level pages (segments, value): the
 * attribute filters, with the channel read as the customer's acquisition channel.
 */
export function customerSummaryWhere(filters: Filters): SqlFragment {
  const channel = filters.channel.length ? inList("acquisition_channel", filters.channel) : raw("1");
  return sql`${customerCondition(filters)} AND ${channel}`;
}

/** Rows of `sales` inside the period and the filters. */
export function salesWhere(filters: Filters, period: Period): SqlFragment {
  return sql`day BETWEEN ${period.from} AND ${period.to} AND ${customerCondition(filters)} AND ${channelCondition(filters)}`;
}

/**
 * salesWhere for queries that walk each customer's purchases in day order (DISTINCT
 * customer_id, day; windows PARTITION BY customer_id ORDER BY day). The unary `+` keeps
 * SQLite off the day index, so it scans the covering (customer_id, day) index in order
 * and needs no temporary sort: on 1M orders the DISTINCT takes 0.17 s instead of 1.5 s.
 */
export function customerSalesWhere(filters: Filters, period: Period): SqlFragment {
  return sql`+day BETWEEN ${period.from} AND ${period.to} AND ${customerCondition(filters)} AND ${channelCondition(filters)}`;
}

/** Rows of `feedback` inside the period and the customer filters (the order channel does not apply to feedback). */
export function feedbackWhere(filters: Filters, period: Period): SqlFragment {
  return sql`day BETWEEN ${period.from} AND ${period.to} AND ${customerCondition(filters)}`;
}
