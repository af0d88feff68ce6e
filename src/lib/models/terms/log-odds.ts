/**
 * Which terms separate detractors' comments from promoters'? The weighted log-odds ratio
 * with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words",
 * section 3.5), with the pooled counts of both groups as the prior, as Jurafsky et al.
 * (2014) used it on restaurant reviews. For a term w with y_d occurrences among the n_d
 * term occurrences of detractors' comments and y_p among the n_p of promoters':
 *
 *   α_w = y_d + y_p            (prior: the term's pooled count),  α_0 = n_d + n_p
 *   δ_w = ln((y_d + α_w) / (n_d + α_0 − y_d − α_w)) − ln((y_p + α_w) / (n_p + α_0 − y_p − α_w))
 *   σ²_w ≈ 1 / (y_d + α_w) + 1 / (y_p + α_w)
 *   z_w = δ_w / σ_w            (> 0: a detractors' term; < 0: a promoters' term)
 *
 * The prior shrinks rare terms towards zero, so a word said once by one detractor does
 * not top the list; z measures how sure the difference is, not only how big. Words and
 * phrases (tokenize.ts) share one vocabulary. A term counts once per comment that contains
 * it (so y is the number of comments a click on the term lists, and one comment repeating
 * a word cannot carry it); n is the sum over comments of their distinct terms. Only terms
 * in at least `minCount` comments of the two groups together are ranked (all count in n).
 *
 * Worked example: detractors "slow delivery", "slow refund"; promoter "fast delivery".
 * Terms: detractors slow ×2, delivery, refund, "slow delivery", "slow refund" → n_d = 6;
 * promoters fast, delivery, "fast delivery" → n_p = 3; α_0 = 9. For "slow" (2, 0, α 2):
 * δ = ln(4 / 11) − ln(2 / 10) = 0.5978, σ² = 1/4 + 1/2 = 0.75, z = 0.5978 / 0.8660 = 0.690.
 */
import { tokenize } from "./tokenize.ts";

export type CommentGroup = "detractor" | "promoter";

export interface GroupedComment {
  group: CommentGroup;
  text: string;
}

export interface RankedTerm {
  term: string;
  /** Detractors' comments that contain the term. */
  detractorCount: number;
  /** Promoters' comments that contain the term. */
  promoterCount: number;
  /** Log-odds z-score: positive leans to detractors, negative to promoters. */
  zScore: number;
}

export interface TermRankingOptions {
  /** Fewest comments (both groups together) a term must be in to be ranked; default 3. */
  minCount?: number;
  /** Most terms returned per direction; default 20. */
  limit?: number;
}

export const DEFAULT_TERM_RANKING = { minCount: 3, limit: 20 } as const;

export interface TermRanking {
  /** z > 0, strongest first. */
  detractorTerms: RankedTerm[];
  /** z < 0, strongest (most negative) first. */
  promoterTerms: RankedTerm[];
  /** Comments read per group. */
  comments: Record<CommentGroup, number>;
}

/** z-score of one term; the arguments are the y, n and α of the module comment. */
export function logOddsZ(yD: number, yP: number, nD: number, nP: number, alphaW: number, alpha0: number): number {
  const delta = Math.log((yD + alphaW) / (nD + alpha0 - yD - alphaW)) - Math.log((yP + alphaW) / (nP + alpha0 - yP - alphaW));
  return delta / Math.sqrt(1 / (yD + alphaW) + 1 / (yP + alphaW));
}

interface Counts {
  perTerm: Map<string, Record<CommentGroup, number>>;
  totals: Record<CommentGroup, number>;
  comments: Record<CommentGroup, number>;
}

function countTerms(comments: Iterable<GroupedComment>): Counts {
  const perTerm = new Map<string, Record<CommentGroup, number>>();
  const totals = { detractor: 0, promoter: 0 };
  const read = { detractor: 0, promoter: 0 };
  for (const { group, text } of comments) {
    read[group]++;
    const { words, phrases } = tokenize(text);
    for (const term of new Set([...words, ...phrases])) {
      const counts = perTerm.get(term) ?? { detractor: 0, promoter: 0 };
      counts[group]++;
      perTerm.set(term, counts);
      totals[group]++;
    }
  }
  return { perTerm, totals, comments: read };
}

/** Strongest first; equal scores by more occurrences, then by term (code point order, for a stable list). */
const byStrength = (a: RankedTerm, b: RankedTerm): number =>
  Math.abs(b.zScore) - Math.abs(a.zScore) ||
  b.detractorCount + b.promoterCount - (a.detractorCount + a.promoterCount) ||
  (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);

export function rankTerms(comments: Iterable<GroupedComment>, options: TermRankingOptions = {}): TermRanking {
  const minCount = options.minCount ?? DEFAULT_TERM_RANKING.minCount;
  const limit = options.limit ?? DEFAULT_TERM_RANKING.limit;
  const { perTerm, totals, comments: read } = countTerms(comments);
  // With one group silent there is nothing to separate (every δ would be 0).
  if (totals.detractor === 0 || totals.promoter === 0) return { detractorTerms: [], promoterTerms: [], comments: read };
  const alpha0 = totals.detractor + totals.promoter;
  const ranked: RankedTerm[] = [];
  for (const [term, { detractor, promoter }] of perTerm) {
    if (detractor + promoter < minCount) continue;
    const zScore = logOddsZ(detractor, promoter, totals.detractor, totals.promoter, detractor + promoter, alpha0);
    // Not finite only when one term is the whole vocabulary: nothing to compare it with.
    if (Number.isFinite(zScore)) ranked.push({ term, detractorCount: detractor, promoterCount: promoter, zScore });
  }
  ranked.sort(byStrength);
  return {
    detractorTerms: ranked.filter((t) => t.zScore > 0).slice(0, limit),
    promoterTerms: ranked.filter((t) => t.zScore < 0).slice(0, limit),
    comments: read,
  };
}
