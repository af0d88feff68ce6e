/**
 * Touchpoints (接触点): the optional interactions file — a customer reached or heard from on
 * a channel (WeChat, phone, email, a store visit…), with a type and an outcome. The
 * Overview's channel mix counts them by channel and outcome, inside the date range and the
 * customer filters (the order channel filter is about orders and does not apply).
 */
import type { DatasetInfo } from "../db/protocol.ts";
import { customerCondition } from "./filter-sql.ts";
import type { Filters, QueryFn } from "./filters.ts";
import { resolvePeriods } from "./period.ts";
import { sql } from "./sql.ts";

export interface ChannelMixRow {
  /** The channel as the file writes it; null when the row has none. */
  channel: string | null;
  total: number;
  /** Touchpoints per outcome, in the order of ChannelMix.outcomes. */
  counts: number[];
  /** Touchpoints whose outcome is not among ChannelMix.outcomes. */
  other: number;
}

export interface ChannelMix {
  /** The most common outcomes, most common first (ties by name); null = no outcome recorded. */
  outcomes: (string | null)[];
  /** Channels, most touchpoints first (ties by name). */
  rows: ChannelMixRow[];
  total: number;
  /** Distinct customers with a touchpoint. */
  customers: number;
}

/** Outcomes shown one by one; the rest are summed as "other" (a chart legend stays readable). */
export const MAX_OUTCOMES = 6;

/**
 * Touchpoints by channel and outcome in the period and the customer filters.
 *
 * Worked example: Email opened, Email clicked, Email no response, SMS no response, Phone
 * resolved → outcomes [no response (2), clicked, opened, resolved]; Email 3 = [1, 1, 1, 0],
 * Phone 1, SMS 1; with maxOutcomes 1, Email = [1] + other 2.
 */
export async function loadChannelMix(query: QueryFn, info: DatasetInfo, filters: Filters, maxOutcomes = MAX_OUTCOMES): Promise<ChannelMix> {
  const { current } = resolvePeriods(filters, info);
  const where = sql`day BETWEEN ${current.from} AND ${current.to} AND ${customerCondition(filters)}`;
  const counts = sql`SELECT channel, outcome, COUNT(*) AS n FROM interactions WHERE ${where} GROUP BY channel, outcome`;
  const people = sql`SELECT COUNT(DISTINCT customer_id) AS customers FROM interactions WHERE ${where}`;
  const cells = await query<{ channel: string | null; outcome: string | null; n: number }>(counts.text, counts.params);
  const [{ customers = 0 } = {}] = await query<{ customers: number }>(people.text, people.params);

  const byName = (a: string | null, b: string | null) => (a ?? "").localeCompare(b ?? "", "en");
  const ranked = <K extends string | null>(totals: Map<K, number>): K[] =>
    [...totals].sort(([a, x], [b, y]) => y - x || byName(a, b)).map(([key]) => key);
  const sum = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);

  const outcomeTotals = new Map<string | null, number>();
  const channelTotals = new Map<string | null, number>();
  for (const c of cells) {
    sum(outcomeTotals, c.outcome, c.n);
    sum(channelTotals, c.channel, c.n);
  }
  const outcomes = ranked(outcomeTotals).slice(0, Math.max(0, maxOutcomes));
  const rows = ranked(channelTotals).map((channel): ChannelMixRow => {
    const mine = cells.filter((c) => c.channel === channel);
    const shown = outcomes.map((o) => mine.find((c) => c.outcome === o)?.n ?? 0);
    const total = channelTotals.get(channel) ?? 0;
    return { channel, total, counts: shown, other: total - shown.reduce((s, n) => s + n, 0) };
  });
  return { outcomes, rows, total: cells.reduce((s, c) => s + c.n, 0), customers };
}
