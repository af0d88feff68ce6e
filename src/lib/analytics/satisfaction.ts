/**
 * Satisfaction page queries (PRODUCT.md, "Satisfaction and service"; issue 5): NPS, CSAT and
 * CES for the filtered period, the 0–10 distribution, the monthly trend and the breakdowns.
 *
 * Definitions are the catalogue's (metrics.ts), so these numbers equal the Overview's KPIs:
 * NPS = % promoters (9–10) − % detractors (0–6) over responses with an NPS score; CSAT =
 * share of 4–5 over responses with a CSAT score or, failing that, a star rating
 * (COALESCE(csat_score, rating)); CES = mean of the 1–7 scores. Scores outside their range
 * never reach `feedback` (ingest reports them as problems). Every query covers the KPI
 * period — the filter's date range cut at the analysis date — and the customer filters
 * (region, tier, segment); the channel filter is about orders and does not apply to
 * feedback (filter-sql.ts, feedbackWhere).
 */
import type { DatasetInfo } from "../db/protocol.ts";
import { monthEnds } from "./active-customers.ts";
import { feedbackWhere } from "./filter-sql.ts";
import type { Filters, QueryFn } from "./filters.ts";
import { isoToDay, resolvePeriods } from "./period.ts";
import { join, raw, sql, type SqlFragment } from "./sql.ts";

/** What these queries need of the data set: the analysis date caps the period, as for the KPIs. */
export type AnalysisDates = Pick<DatasetInfo, "asofDay" | "firstDay">;

export type SatisfactionMeasure = "nps" | "csat" | "ces";
export const SATISFACTION_MEASURES: readonly SatisfactionMeasure[] = ["nps", "csat", "ces"];

export type NpsGroup = "detractor" | "passive" | "promoter";
export const NPS_GROUPS: readonly NpsGroup[] = ["detractor", "passive", "promoter"];

/** Condition on `feedback` rows: inside the KPI period and the customer filters. */
export function feedbackScope(info: AnalysisDates, filters: Filters): SqlFragment {
  return feedbackWhere(filters, resolvePeriods(filters, info).current);
}

/** SQL: the NPS group of a 0–10 score column (NULL without a score). */
export const npsGroupSql = (score: string): string =>
  `CASE WHEN ${score} >= 9 THEN 'promoter' WHEN ${score} > 6 THEN 'passive' WHEN ${score} IS NOT NULL THEN 'detractor' END`;

/**
 * SQL: the group of a 1–5 CSAT score, for data without NPS: 1–2 dissatisfied (counted with
 * the detractors), 3 neutral (passive), 4–5 satisfied (promoter) — the CSAT's own cut.
 */
export const csatGroupSql = (score: string): string =>
  `CASE WHEN ${score} >= 4 THEN 'promoter' WHEN ${score} >= 3 THEN 'passive' WHEN ${score} IS NOT NULL THEN 'detractor' END`;

/**
 * CTEs `scoped` (feedback rows in scope, with `rid` = rowid and `csat` = COALESCE(csat_score,
 * rating)) and `grouped` (the same plus `grp`, the response's group). Groups come from the
 * NPS score when any response in scope has one, else from CSAT or stars (csatGroupSql), so
 * a review export with stars only still has detractors and promoters; with NPS present,
 * responses without an NPS score have no group. Use as sql`WITH ${groupedFeedback(…)} SELECT …`.
 */
export function groupedFeedback(info: AnalysisDates, filters: Filters): SqlFragment {
  return sql`
    scoped AS (SELECT feedback.rowid AS rid, feedback.*, COALESCE(csat_score, rating) AS csat FROM feedback WHERE ${feedbackScope(info, filters)}),
    basis AS (SELECT COUNT(nps_score) > 0 AS by_nps FROM scoped),
    grouped AS (
      SELECT scoped.*, CASE WHEN basis.by_nps THEN ${raw(npsGroupSql("nps_score"))} ELSE ${raw(csatGroupSql("csat"))} END AS grp
      FROM scoped, basis)`;
}

export interface ScoreSummary {
  nps: { responses: number; promoters: number; passives: number; detractors: number; /** −100…100, null without responses. */ value: number | null };
  csat: { responses: number; satisfied: number; /** Fraction 0–1, null without responses. */ value: number | null };
  ces: { responses: number; /** Mean on 1–7, null without responses. */ value: number | null };
}

/**
 * NPS, CSAT and CES with their response counts.
 *
 * Worked example: NPS 10, 9, 9, 7, 3 → promoters 3, passives 1, detractors 1 →
 * 100 × (3 − 1) / 5 = 40; CSAT 5, 4, 3, 2 and a 5-star rating → 3 of 5 → 0.6; CES 2, 3, 4 → 3.
 * All passives → NPS 0; no responses → null.
 */
export async function loadScoreSummary(query: QueryFn, info: AnalysisDates, filters: Filters): Promise<ScoreSummary> {
  const q = sql`
    SELECT COUNT(nps_score) AS nps_responses, TOTAL(nps_score >= 9) AS promoters,
           TOTAL(nps_score > 6 AND nps_score < 9) AS passives, TOTAL(nps_score <= 6) AS detractors,
           COUNT(csat) AS csat_responses, TOTAL(csat >= 4) AS satisfied,
           COUNT(ces_score) AS ces_responses, AVG(ces_score) AS ces_mean
    FROM (SELECT nps_score, COALESCE(csat_score, rating) AS csat, ces_score FROM feedback WHERE ${feedbackScope(info, filters)})`;
  const [row] = await query<Record<string, number | null>>(q.text, q.params);
  const n = (key: string): number => Number(row?.[key] ?? 0);
  const npsResponses = n("nps_responses");
  const csatResponses = n("csat_responses");
  return {
    nps: {
      responses: npsResponses,
      promoters: n("promoters"),
      passives: n("passives"),
      detractors: n("detractors"),
      value: npsResponses ? (100 * (n("promoters") - n("detractors"))) / npsResponses : null,
    },
    csat: { responses: csatResponses, satisfied: n("satisfied"), value: csatResponses ? n("satisfied") / csatResponses : null },
    ces: { responses: n("ces_responses"), value: row?.ces_mean ?? null },
  };
}

/**
 * Which score the detractor / promoter groups of the comments and the behaviour analyses
 * come from (see groupedFeedback): NPS when there are NPS responses, else CSAT, else none.
 */
export function groupBasis(summary: ScoreSummary): "nps" | "csat" | null {
  if (summary.nps.responses > 0) return "nps";
  return summary.csat.responses > 0 ? "csat" : null;
}

export interface NpsScoreCount {
  score: number;
  count: number;
  group: NpsGroup;
}

/**
 * Responses per NPS score, all eleven scores 0–10 present (0 when nobody gave it).
 * A fractional score counts in the bucket of its group: 8.5 under 8, 6.5 under 7 (a
 * passive, as the KPI counts it).
 *
 * Worked example: scores 10, 9, 9, 7, 3 → score 3: 1 (detractor), 7: 1 (passive),
 * 9: 2 and 10: 1 (promoter), the other seven 0.
 */
export async function loadNpsDistribution(query: QueryFn, info: AnalysisDates, filters: Filters): Promise<NpsScoreCount[]> {
  const q = sql`
    SELECT CASE WHEN nps_score > 6 AND nps_score < 7 THEN 7 ELSE CAST(nps_score AS INTEGER) END AS score, COUNT(*) AS count
    FROM feedback WHERE nps_score IS NOT NULL AND ${feedbackScope(info, filters)} GROUP BY 1`;
  const rows = await query<{ score: number; count: number }>(q.text, q.params);
  const counts = new Map(rows.map((r) => [r.score, r.count]));
  return Array.from({ length: 11 }, (_, score) => ({
    score,
    count: counts.get(score) ?? 0,
    group: score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor",
  }));
}

/** SQL aggregates of a measure over rows with columns nps_score, csat and ces_score. */
const MEASURE_SQL: Record<SatisfactionMeasure, { score: string; value: string }> = {
  nps: { score: "nps_score", value: "100.0 * (TOTAL(nps_score >= 9) - TOTAL(nps_score <= 6)) / NULLIF(COUNT(nps_score), 0)" },
  csat: { score: "csat", value: "TOTAL(csat >= 4) / NULLIF(COUNT(csat), 0)" },
  ces: { score: "ces_score", value: "AVG(ces_score)" },
};

function measureSql(measure: SatisfactionMeasure): { score: string; value: string } {
  const known = MEASURE_SQL[measure];
  if (!known) throw new Error(`not a satisfaction measure: ${String(measure)}`);
  return known;
}

export interface ScoreMonth {
  /** First day of the calendar month, "YYYY-MM-01". */
  month: string;
  /** Responses with this measure's score in the month. */
  responses: number;
  /** The measure over the month's responses; null when there were none. */
  value: number | null;
}

/**
 * The measure per calendar month, from the month of the first response with this score in
 * scope (or the filter's start, when later) to the end of the period; months without
 * responses are included with responses 0 and value null, so a gap shows as a gap.
 *
 * Worked example (NPS, asof 2024-04-15): January 10 and 3 → 0; March 9 → 100 →
 * [Jan 2 / 0, Feb 0 / null, Mar 1 / 100, Apr 0 / null].
 */
export async function loadScoreOverTime(query: QueryFn, info: AnalysisDates, filters: Filters, measure: SatisfactionMeasure): Promise<ScoreMonth[]> {
  const { score, value } = measureSql(measure);
  const { current } = resolvePeriods(filters, info);
  const rowsSql = sql`SELECT day, nps_score, COALESCE(csat_score, rating) AS csat, ces_score FROM feedback WHERE ${feedbackScope(info, filters)}`;
  const q = sql`
    SELECT strftime('%Y-%m-01', day * 86400, 'unixepoch') AS month, COUNT(${raw(score)}) AS responses, ${raw(value)} AS value
    FROM (${rowsSql}) WHERE ${raw(score)} IS NOT NULL GROUP BY 1 ORDER BY 1`;
  const rows = await query<ScoreMonth & Record<string, unknown>>(q.text, q.params);
  const first = rows[0];
  if (!first) return [];
  const from = Math.max(isoToDay(first.month) ?? current.from, current.from);
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return monthEnds(from, current.to).map(({ month }) => ({
    month,
    responses: byMonth.get(month)?.responses ?? 0,
    value: byMonth.get(month)?.value ?? null,
  }));
}

/**
 * What satisfaction can be broken down by: the customer's RFM segment, a column of the
 * feedback row, or an attribute of the customer who gave it. The id doubles as the label
 * key: "segment", or "<table>.<field>" as in the `fields` section of the i18n files.
 */
export const SATISFACTION_DIMENSIONS = [
  "segment",
  "feedback.channel",
  "feedback.category",
  "feedback.priority",
  "customers.region",
  "customers.country",
  "customers.city",
  "customers.gender",
  "customers.acquisition_channel",
  "customers.tier",
  "customers.contract_type",
] as const;
export type SatisfactionDimension = (typeof SATISFACTION_DIMENSIONS)[number];

/** The column a dimension reads, over `f` (feedback) joined to `cs` (customer_summary). */
function dimensionColumn(dimension: SatisfactionDimension): { table: "feedback" | "customer_summary"; column: string; sql: string } {
  if (!SATISFACTION_DIMENSIONS.includes(dimension)) throw new Error(`not a satisfaction dimension: ${String(dimension)}`);
  if (dimension === "segment") return { table: "customer_summary", column: "segment", sql: "cs.segment" };
  const [table, column] = dimension.split(".") as [string, string];
  // Customer attributes are read from customer_summary: one row per customer, first row of customers wins.
  return table === "feedback" ? { table: "feedback", column, sql: `f.${column}` } : { table: "customer_summary", column, sql: `cs.${column}` };
}

/** Feedback rows in scope joined to their customer's summary row (as `f` and `cs`). */
const withCustomer = (scope: SqlFragment): SqlFragment =>
  sql`(SELECT * FROM feedback WHERE ${scope}) f LEFT JOIN customer_summary cs ON cs.customer_id = f.customer_id`;

const HAS_A_SCORE = raw("(f.nps_score IS NOT NULL OR f.csat_score IS NOT NULL OR f.rating IS NOT NULL OR f.ces_score IS NOT NULL)");

/** Columns of a table as the database has them (a field added by a newer version may be absent from an old one). */
export async function tableColumns(query: QueryFn, table: "feedback" | "customer_summary"): Promise<Set<string>> {
  const rows = await query<{ name: string }>("SELECT name FROM pragma_table_info(?)", [table]);
  return new Set(rows.map((r) => r.name));
}

/**
 * The dimensions with at least two distinct values among the scored feedback rows (one
 * value breaks nothing down), in SATISFACTION_DIMENSIONS order.
 *
 * Worked example: responses from Email and Phone, all of category "complaint", by
 * customers of regions North and South → ["feedback.channel", "customers.region"] (plus
 * "segment" when the customers have orders in two segments).
 */
export async function satisfactionDimensions(query: QueryFn): Promise<SatisfactionDimension[]> {
  const columns = { feedback: await tableColumns(query, "feedback"), customer_summary: await tableColumns(query, "customer_summary") };
  const present = SATISFACTION_DIMENSIONS.filter((d) => {
    const { table, column } = dimensionColumn(d);
    return columns[table].has(column);
  });
  if (present.length === 0) return [];
  const counts = join(present.map((d) => raw(`COUNT(DISTINCT ${dimensionColumn(d).sql}) AS "${d}"`)), ", ");
  const q = sql`SELECT ${counts} FROM ${withCustomer(raw("1"))} WHERE ${HAS_A_SCORE}`;
  const [row] = await query<Record<string, number>>(q.text, q.params);
  return present.filter((d) => (row?.[d] ?? 0) >= 2);
}

export interface ScoreByRow {
  key: string;
  /** Responses with this measure's score. */
  responses: number;
  value: number | null;
  /** NPS only. */
  promoters?: number;
  passives?: number;
  detractors?: number;
}

/**
 * The measure per value of a dimension, worst first (lowest NPS or CSAT, highest CES —
 * more effort is worse); ties by more responses, then by key. Responses whose row has no
 * value for the dimension are left out, and so are values without responses.
 *
 * Worked example (NPS by channel): Email 9, 10, 3 → 33.3; Phone 6, 8 → −50 →
 * [Phone −50 (2), Email 33.3 (3)].
 */
export async function loadScoreBy(
  query: QueryFn,
  info: AnalysisDates,
  filters: Filters,
  measure: SatisfactionMeasure,
  dimension: SatisfactionDimension,
): Promise<ScoreByRow[]> {
  const { score, value } = measureSql(measure);
  const groups = measure === "nps" ? raw(", TOTAL(nps_score >= 9) AS promoters, TOTAL(nps_score > 6 AND nps_score < 9) AS passives, TOTAL(nps_score <= 6) AS detractors") : raw("");
  const q = sql`
    SELECT key, COUNT(${raw(score)}) AS responses, ${raw(value)} AS value ${groups}
    FROM (SELECT ${raw(dimensionColumn(dimension).sql)} AS key, f.nps_score, COALESCE(f.csat_score, f.rating) AS csat, f.ces_score
          FROM ${withCustomer(feedbackScope(info, filters))})
    WHERE key IS NOT NULL GROUP BY key HAVING responses > 0
    ORDER BY value ${raw(measure === "ces" ? "DESC" : "ASC")}, responses DESC, key`;
  return query<ScoreByRow & Record<string, unknown>>(q.text, q.params);
}
