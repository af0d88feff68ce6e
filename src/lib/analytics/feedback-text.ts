/**
 * What customers say (issue 5): the comments in scope, searchable, and the terms that most
 * separate detractors' comments from promoters' (models/terms: log-odds with an
 * informative Dirichlet prior). The ranking reads every comment, so it runs in the
 * database worker: this module only builds the SQL that selects the (grp, comment) rows
 * under the filters, and the worker feeds them to the model (db/engine.ts, rankTerms).
 * Groups are those of satisfaction.ts, groupedFeedback (NPS, or CSAT without NPS).
 */
import type { TermRanking, TermRankingOptions } from "../models/terms/index.ts";
import type { Filters, QueryFn } from "./filters.ts";
import { groupedFeedback, type AnalysisDates, type NpsGroup } from "./satisfaction.ts";
import { raw, sql, type SqlFragment, type SqlParam } from "./sql.ts";

export type { CommentGroup, RankedTerm, TermRanking, TermRankingOptions } from "../models/terms/index.ts";

/** Runs the SQL (rows with columns grp and comment) and ranks the terms: the worker's rank-terms request. */
export type RankTermsFn = (sql: string, params: readonly SqlParam[], options: TermRankingOptions) => Promise<TermRanking>;

export interface CommentQuery {
  /** Case-insensitive substring (ASCII letters fold; Chinese matches as written); blank = all. */
  search?: string;
  group?: NpsGroup;
  limit: number;
  offset: number;
}

export interface CommentRow {
  feedbackId: string | null;
  customerId: string | null;
  /** ISO date of the response. */
  date: string;
  npsScore: number | null;
  /** CSAT score, or the star rating without one. */
  csat: number | null;
  group: NpsGroup | null;
  /** Plain text, never markup: the page shows it as text. */
  comment: string;
}

export interface CommentPage {
  /** Comments matching the search and group, over all pages. */
  total: number;
  rows: CommentRow[];
}

/**
 * SQL: `column` lower-cased (SQLite folds ASCII letters only) with typographic apostrophes
 * made plain, as the term tokenizer writes words, so a term like "can't" finds "can’t".
 */
const folded = (column: SqlFragment): SqlFragment =>
  sql`REPLACE(REPLACE(REPLACE(lower(${column}), char(8217), ''''), char(8216), ''''), char(700), '''')`;

const HAS_COMMENT = raw("comment IS NOT NULL AND TRIM(comment) <> ''");

/**
 * Comments in scope, newest first (the later row of the file first on a tie), one page.
 * The search is a plain substring test with the text as a bound parameter (instr, not
 * LIKE), so `%` and `_` are ordinary characters.
 *
 * Worked example: search "SLOW" finds "Slow delivery" and "the slow refund"; "100%" finds
 * "100% disappointed" but not "100 days"; "物流" finds "物流太慢".
 */
export async function loadComments(query: QueryFn, info: AnalysisDates, filters: Filters, options: CommentQuery): Promise<CommentPage> {
  const search = options.search?.trim() ?? "";
  const searched = search ? sql`instr(${folded(raw("comment"))}, ${folded(sql`${search}`)}) > 0` : raw("1");
  const grouped = options.group ? sql`grp = ${options.group}` : raw("1");
  const hits = sql`WITH ${groupedFeedback(info, filters)} SELECT * FROM grouped WHERE ${HAS_COMMENT} AND ${searched} AND ${grouped}`;
  const limit = Math.max(0, Math.floor(options.limit));
  const offset = Math.max(0, Math.floor(options.offset));
  const countSql = sql`SELECT COUNT(*) AS total FROM (${hits})`;
  const pageSql = sql`
    SELECT feedback_id AS feedbackId, customer_id AS customerId, date, nps_score AS npsScore, csat, grp AS "group", comment
    FROM (${hits}) ORDER BY day DESC, rid DESC LIMIT ${limit} OFFSET ${offset}`;
  const [count] = await query<{ total: number }>(countSql.text, countSql.params);
  const rows = await query<CommentRow & Record<string, unknown>>(pageSql.text, pageSql.params);
  return { total: count?.total ?? 0, rows };
}

/** SQL for the rank-terms request: (grp, comment) of the detractors' and promoters' comments in scope. */
export function groupCommentsSql(info: AnalysisDates, filters: Filters): SqlFragment {
  return sql`
    WITH ${groupedFeedback(info, filters)}
    SELECT grp, comment FROM grouped WHERE grp IN ('detractor', 'promoter') AND ${HAS_COMMENT}`;
}

/**
 * The terms that most separate detractors' comments from promoters' (see
 * models/terms/log-odds.ts for the method and a worked example), ranked in the worker.
 */
export function loadTermRanking(rank: RankTermsFn, info: AnalysisDates, filters: Filters, options: TermRankingOptions = {}): Promise<TermRanking> {
  const q = groupCommentsSql(info, filters);
  return rank(q.text, q.params, options);
}
