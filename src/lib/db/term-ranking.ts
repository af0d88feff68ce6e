/**
 * The rank-terms request: reads detractors' and promoters' comments with the analytics'
 * SQL (rows with columns grp and comment, see analytics/feedback-text.ts) one row at a
 * time and feeds them to the pure term model, so the page never receives the comments.
 */
import type { Database, Statement } from "sql.js";
import { rankTerms, type GroupedComment, type TermRanking, type TermRankingOptions } from "../models/terms/index.ts";
import type { SqlParams } from "./protocol.ts";

function* groupedComments(statement: Statement): Generator<GroupedComment> {
  while (statement.step()) {
    const { grp, comment } = statement.getAsObject();
    if ((grp === "detractor" || grp === "promoter") && typeof comment === "string") yield { group: grp, text: comment };
  }
}

export function rankCommentTerms(db: Database, sql: string, params: SqlParams, options: TermRankingOptions): TermRanking {
  const statement = db.prepare(sql, [...params]);
  try {
    return rankTerms(groupedComments(statement), options);
  } finally {
    statement.free();
  }
}
