/**
 * Service speed (PRODUCT.md, "Satisfaction and service"; course chapter 6): first-response
 * time in minutes and resolution time in hours — median, 90th percentile and the share
 * within target — overall and by channel or priority, over the feedback rows (tickets) of
 * the KPI period and the customer filters (satisfaction.ts, feedbackScope).
 *
 * Percentiles are numpy's default (linear interpolation between order statistics): for n
 * sorted values x₀ … xₙ₋₁ and p in [0, 1], h = (n − 1)·p, P = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋).
 * SQLite has no percentile function (sql.js builds none), so they are computed in SQL with
 * ROW_NUMBER() and COUNT() windows.
 *
 * Tickets with impossible timings (resolved before the first response, negative durations)
 * are reported by ingest as "impossible_timing" problems and their timings stored NULL, so
 * they are counted here, never averaged in.
 */
import type { Filters, QueryFn } from "./filters.ts";
import { feedbackScope, tableColumns, type AnalysisDates } from "./satisfaction.ts";
import { raw, sql, type SqlFragment } from "./sql.ts";

export interface ServiceTargets {
  firstResponseMinutes: number;
  resolutionHours: number;
}

/** The course material's targets: first response within 20 minutes, complaints resolved within 24 hours. */
export const DEFAULT_SERVICE_TARGETS: ServiceTargets = { firstResponseMinutes: 20, resolutionHours: 24 };

export interface DurationStats {
  /** Tickets with this duration. */
  cases: number;
  median: number | null;
  p90: number | null;
  /** Share of cases at or under the target (fraction); null without cases. */
  withinTarget: number | null;
}

export interface ServiceSpeed {
  /** Minutes. */
  firstResponse: DurationStats;
  /** Hours. */
  resolution: DurationStats;
  /** Tickets in scope with an "impossible_timing" problem. */
  impossible: number;
}

export type ServiceDimension = "channel" | "priority";
export const SERVICE_DIMENSIONS: readonly ServiceDimension[] = ["channel", "priority"];

export interface ServiceByRow {
  key: string;
  /** Tickets with at least one of the two durations. */
  cases: number;
  firstResponse: DurationStats;
  resolution: DurationStats;
  /** Tickets with an "impossible_timing" problem. */
  impossible: number;
}

const NO_CASES: DurationStats = { cases: 0, median: null, p90: null, withinTarget: null };

/** SQL: the p-th percentile of `x` per group of the `ranked` CTE (columns i = 0-based rank, n = count). */
function percentileSql(p: number): SqlFragment {
  const h = `(n - 1) * ${p}`;
  const lo = `CAST(${h} AS INTEGER)`;
  return raw(`MAX(CASE WHEN i = ${lo} THEN x END) + (${h} - ${lo}) *
              (COALESCE(MAX(CASE WHEN i = ${lo} + 1 THEN x END), MAX(CASE WHEN i = ${lo} THEN x END)) - MAX(CASE WHEN i = ${lo} THEN x END))`);
}

interface StatsRow {
  key: string | null;
  measure: "frt" | "res";
  cases: number;
  median: number;
  p90: number;
  within: number;
}

interface TicketRow {
  key: string | null;
  cases: number;
  impossible: number;
}

/**
 * Duration statistics and ticket counts per key (`keyColumn` of feedback, or one row with
 * key NULL when none): one query with the statistics of both durations, one with the counts.
 */
async function serviceStats(query: QueryFn, scope: SqlFragment, targets: ServiceTargets, keyColumn: string | null): Promise<{ stats: StatsRow[]; tickets: TicketRow[] }> {
  const key = raw(keyColumn ?? "NULL");
  const scoped = sql`SELECT ${key} AS key, _file, _row, first_response_minutes, resolution_hours FROM feedback WHERE ${scope}`;
  const statsSql = sql`
    WITH s AS (${scoped}),
         v AS (SELECT key, 'frt' AS measure, first_response_minutes AS x, ${targets.firstResponseMinutes} AS target FROM s WHERE first_response_minutes IS NOT NULL
               UNION ALL
               SELECT key, 'res', resolution_hours, ${targets.resolutionHours} FROM s WHERE resolution_hours IS NOT NULL),
         ranked AS (
           SELECT key, measure, x, target, ROW_NUMBER() OVER (PARTITION BY key, measure ORDER BY x) - 1 AS i,
                  COUNT(*) OVER (PARTITION BY key, measure) AS n
           FROM v)
    SELECT key, measure, COUNT(*) AS cases, ${percentileSql(0.5)} AS median, ${percentileSql(0.9)} AS p90, AVG(x <= target) AS within
    FROM ranked GROUP BY key, measure`;
  const ticketsSql = sql`
    WITH s AS (${scoped}),
         impossible AS (SELECT DISTINCT file_id, row FROM _problems WHERE reason = 'impossible_timing')
    SELECT key, TOTAL(first_response_minutes IS NOT NULL OR resolution_hours IS NOT NULL) AS cases, TOTAL(p.row IS NOT NULL) AS impossible
    FROM s LEFT JOIN impossible p ON p.file_id = s._file AND p.row = s._row GROUP BY key`;
  const stats = await query<StatsRow & Record<string, unknown>>(statsSql.text, statsSql.params);
  const tickets = await query<TicketRow & Record<string, unknown>>(ticketsSql.text, ticketsSql.params);
  return { stats, tickets };
}

function durationStats(stats: readonly StatsRow[], key: string | null, measure: StatsRow["measure"]): DurationStats {
  const row = stats.find((r) => r.key === key && r.measure === measure);
  return row ? { cases: row.cases, median: row.median, p90: row.p90, withinTarget: row.within } : NO_CASES;
}

/**
 * First-response and resolution statistics over the tickets in scope, and the number of
 * tickets with impossible timings.
 *
 * Worked example (first response, target 20): 3, 5, 8, 10, 12, 15, 20, 25, 30, 40, 60 →
 * median x₅ = 15; p90: h = 10 × 0.9 = 9 → x₉ = 40; within target 7 / 11.
 * Resolution 0.5, 1, 2, 4, 6, 10, 30, 48, 50, 72 → median h = 4.5 → 6 + 0.5 × 4 = 8;
 * p90 h = 8.1 → 50 + 0.1 × 22 = 52.2.
 */
export async function loadServiceSpeed(query: QueryFn, info: AnalysisDates, filters: Filters, targets: ServiceTargets): Promise<ServiceSpeed> {
  const { stats, tickets } = await serviceStats(query, feedbackScope(info, filters), targets, null);
  return {
    firstResponse: durationStats(stats, null, "frt"),
    resolution: durationStats(stats, null, "res"),
    impossible: tickets[0]?.impossible ?? 0,
  };
}

/**
 * Which of channel and priority have at least two distinct values among tickets with a
 * duration or an impossible timing (a column an older database lacks counts as absent).
 */
export async function serviceDimensions(query: QueryFn): Promise<ServiceDimension[]> {
  const columns = await tableColumns(query, "feedback");
  const present = SERVICE_DIMENSIONS.filter((d) => columns.has(d));
  const found: ServiceDimension[] = [];
  for (const dimension of present) {
    const q = sql`
      SELECT COUNT(DISTINCT ${raw(dimension)}) AS n FROM feedback
      WHERE first_response_minutes IS NOT NULL OR resolution_hours IS NOT NULL
         OR EXISTS (SELECT 1 FROM _problems p WHERE p.reason = 'impossible_timing' AND p.file_id = feedback._file AND p.row = feedback._row)`;
    const [row] = await query<{ n: number }>(q.text, q.params);
    if ((row?.n ?? 0) >= 2) found.push(dimension);
  }
  return found;
}

/**
 * Service speed per channel or priority, slowest median first response first (keys
 * without one last, by resolution, then by key). Tickets without a value for the
 * dimension, and values with neither a duration nor an impossible timing, are left out.
 *
 * Worked example (priority, first response in minutes): High 25, 40, 60 → median 40,
 * p90 h = 1.8 → 40 + 0.8 × 20 = 56, within 20 min 0 / 3; Low 3, 5, 8, 10, 20 → median 8,
 * p90 h = 3.6 → 10 + 0.6 × 10 = 16, within 5 / 5 → [High, …, Low].
 */
export async function loadServiceBy(
  query: QueryFn,
  info: AnalysisDates,
  filters: Filters,
  targets: ServiceTargets,
  dimension: ServiceDimension,
): Promise<ServiceByRow[]> {
  if (!SERVICE_DIMENSIONS.includes(dimension)) throw new Error(`not a service dimension: ${String(dimension)}`);
  const { stats, tickets } = await serviceStats(query, feedbackScope(info, filters), targets, dimension);
  const rows = tickets
    .filter((t): t is TicketRow & { key: string } => t.key !== null && (t.cases > 0 || t.impossible > 0))
    .map((t) => ({
      key: t.key,
      cases: t.cases,
      firstResponse: durationStats(stats, t.key, "frt"),
      resolution: durationStats(stats, t.key, "res"),
      impossible: t.impossible,
    }));
  const slowest = (a: number | null, b: number | null): number => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : b - a);
  return rows.sort(
    (a, b) =>
      slowest(a.firstResponse.median, b.firstResponse.median) ||
      slowest(a.resolution.median, b.resolution.median) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
