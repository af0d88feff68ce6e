/** What customers say: comment tokenizing (English and Chinese) and the log-odds term ranking. */
export { isStopWord, normalizeText, tokenize } from "./tokenize.ts";
export type { CommentTerms } from "./tokenize.ts";
export { DEFAULT_TERM_RANKING, logOddsZ, rankTerms } from "./log-odds.ts";
export type { CommentGroup, GroupedComment, RankedTerm, TermRanking, TermRankingOptions } from "./log-odds.ts";
