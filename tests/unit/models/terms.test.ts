/**
 * The comment term model (src/lib/models/terms): tokenizing English and Chinese, and the
 * log-odds ranking with the pooled-count prior, worked by hand on two small corpora.
 */
import { describe, expect, it } from "vitest";
import { logOddsZ, rankTerms, tokenize, type GroupedComment } from "../../../src/lib/models/terms/index.ts";

const corpus = (detractors: string[], promoters: string[]): GroupedComment[] => [
  ...detractors.map((text) => ({ group: "detractor" as const, text })),
  ...promoters.map((text) => ({ group: "promoter" as const, text })),
];
const summary = (terms: { term: string; detractorCount: number; promoterCount: number; zScore: number }[]) =>
  terms.map((t) => [t.term, t.detractorCount, t.promoterCount, Math.round(t.zScore * 10_000) / 10_000]);

describe("tokenize", () => {
  it.each([
    ["Delivery was SLOW, the driver was rude", ["delivery", "slow", "driver", "rude"], []],
    ["Slow delivery again!", ["slow", "delivery"], ["slow delivery"]],
    ["Paid 3 times, 2.5 stars, 1,200 yuan", ["paid", "times", "stars", "yuan"], []],
    ["I can’t log in — NOT working", ["can't", "log", "not", "working"], ["can't log", "not working"]],
    ["slow   delivery", ["slow", "delivery"], ["slow delivery"]],
    ["物流太慢了，客服态度很差。", ["物流", "太慢", "客服", "态度", "差"], ["物流太慢", "客服态度"]],
    ["質量很好，會再回購！", ["質量", "很好", "回購"], ["質量很好"]],
    ["app闪退", ["app", "闪退"], ["app闪退"]],
    ["", [], []],
  ])("%s", (text, words, phrases) => {
    expect(tokenize(text)).toEqual({ words, phrases });
  });

  it("writes phrases as they stand in the comment, so a search finds them", () => {
    const text = "Honestly: SLOW Delivery, 物流太慢";
    for (const phrase of tokenize(text).phrases) expect(text.toLowerCase()).toContain(phrase);
  });
});

describe("log-odds with an informative Dirichlet prior", () => {
  it("computes one term's z by the formula", () => {
    // The module's worked example: y_d 2, y_p 0, n_d 6, n_p 3, α_w 2, α_0 9.
    // δ = ln(4 / 11) − ln(2 / 10) = 0.59784, σ² = 1/4 + 1/2 → z = 0.59784 / 0.86603 = 0.69032.
    expect(logOddsZ(2, 0, 6, 3, 2, 9)).toBeCloseTo((Math.log(4 / 11) - Math.log(2 / 10)) / Math.sqrt(0.75), 14);
    expect(logOddsZ(2, 0, 6, 3, 2, 9)).toBeCloseTo(0.69032, 5);
    // Symmetric: swapping the groups flips the sign.
    expect(logOddsZ(0, 2, 3, 6, 2, 9)).toBeCloseTo(-0.69032, 5);
  });

  it("ranks a small English corpus worked by hand", () => {
    // Detractors: slow delivery | slow refund | rude staff, slow reply →
    //   slow 3, delivery, refund, rude, staff, reply, "slow delivery", "slow refund",
    //   "rude staff", "slow reply" → n_d = 12.
    // Promoters: fast delivery | friendly staff | fast reply →
    //   fast 2, delivery, friendly, staff, reply, "fast delivery", "friendly staff", "fast reply" → n_p = 9.
    // α_0 = 21; with minCount 2: slow (3, 0), fast (0, 2), delivery, staff, reply (1, 1).
    //   slow: α 3, δ = ln(6 / 27) − ln(3 / 27) = ln 2, σ² = 1/6 + 1/3 → z = 0.6931 / 0.7071 = 0.9803.
    //   fast: α 2, δ = ln(2 / 31) − ln(4 / 26) = −0.8690, σ² = 3/4 → z = −1.0035.
    //   delivery: α 2, δ = ln(3 / 30) − ln(3 / 27) = −0.1054, σ² = 2/3 → z = −0.1290 (n_d > n_p).
    const ranking = rankTerms(
      corpus(["slow delivery", "slow refund", "rude staff, slow reply"], ["fast delivery", "friendly staff", "fast reply"]),
      { minCount: 2 },
    );
    expect(ranking.comments).toEqual({ detractor: 3, promoter: 3 });
    expect(summary(ranking.detractorTerms)).toEqual([["slow", 3, 0, 0.9803]]);
    expect(ranking.detractorTerms[0]?.zScore).toBeCloseTo(Math.log(2) / Math.sqrt(0.5), 14);
    expect(summary(ranking.promoterTerms)).toEqual([
      ["fast", 0, 2, -1.0035],
      ["delivery", 1, 1, -0.129],
      ["reply", 1, 1, -0.129],
      ["staff", 1, 1, -0.129],
    ]);
  });

  it("ranks a small Chinese corpus worked by hand", () => {
    // Detractors: 物流太慢 | 客服态度差，物流太慢 | 退款太慢 →
    //   物流 2, 太慢 3, 客服, 态度, 差, 退款, 物流太慢 2, 客服态度, 态度差, 退款太慢 → n_d = 14.
    // Promoters: 质量很好 | 物流很快，质量很好 | 客服很热情 (很 is a stop word) →
    //   质量 2, 很好 2, 质量很好 2, 物流, 很快, 物流很快, 客服, 热情 → n_p = 11; α_0 = 25.
    //   太慢 (3, 0): δ = ln(6 / 33) − ln(3 / 33) = ln 2, z = 0.9803.
    //   物流太慢 (2, 0): δ = ln(4 / 35) − ln(2 / 34) = 0.6642, z = 0.6642 / 0.8660 = 0.7669.
    //   物流 (2, 1): α 3, δ = ln(5 / 34) − ln(4 / 32) = 0.1625, σ² = 1/5 + 1/4 → z = 0.2423.
    //   质量, 很好, 质量很好 (0, 2): δ = ln(2 / 37) − ln(4 / 32) = −0.8383, z = −0.9680.
    //   客服 (1, 1): δ = ln(3 / 36) − ln(3 / 33) = −0.0870, z = −0.1066.
    const ranking = rankTerms(
      corpus(["物流太慢", "客服态度差，物流太慢", "退款太慢"], ["质量很好", "物流很快，质量很好", "客服很热情"]),
      { minCount: 2 },
    );
    expect(summary(ranking.detractorTerms)).toEqual([
      ["太慢", 3, 0, 0.9803],
      ["物流太慢", 2, 0, 0.7669],
      ["物流", 2, 1, 0.2423],
    ]);
    // Ties in z are listed by term (code point order: 很 U+5F88 before 质 U+8D28).
    expect(summary(ranking.promoterTerms)).toEqual([
      ["很好", 0, 2, -0.968],
      ["质量", 0, 2, -0.968],
      ["质量很好", 0, 2, -0.968],
      ["客服", 1, 1, -0.1066],
    ]);
  });

  it("counts a term once per comment", () => {
    // "slow" three times in one comment and once in another: in 2 detractor comments.
    const ranking = rankTerms(corpus(["slow slow slow", "slow again", "rude"], ["fast", "fast", "nice"]), { minCount: 2 });
    expect(ranking.detractorTerms.map((t) => [t.term, t.detractorCount])).toEqual([["slow", 2]]);
    expect(tokenize("slow slow slow").phrases).toEqual(["slow slow", "slow slow"]);
  });

  it("applies the minimum count and the limit", () => {
    const comments = corpus(["slow delivery", "slow refund", "rude staff, slow reply"], ["fast delivery", "friendly staff", "fast reply"]);
    expect(rankTerms(comments, { minCount: 3 }).promoterTerms).toEqual([]);
    expect(rankTerms(comments, { minCount: 3 }).detractorTerms.map((t) => t.term)).toEqual(["slow"]);
    expect(rankTerms(comments, { minCount: 2, limit: 2 }).promoterTerms.map((t) => t.term)).toEqual(["fast", "delivery"]);
    // The default minimum is 3: singletons never rank.
    expect(rankTerms(comments).promoterTerms).toEqual([]);
  });

  it("ranks nothing when one group is silent or there is nothing to compare", () => {
    // Without promoters every term's two log-odds are equal: z = 0 in both directions.
    const onlyDetractors = rankTerms(corpus(["slow slow slow", "slow again"], []), { minCount: 1 });
    expect(onlyDetractors.detractorTerms).toEqual([]);
    expect(onlyDetractors.comments).toEqual({ detractor: 2, promoter: 0 });
    // One term in the whole vocabulary: its odds have nothing to stand against.
    const single = rankTerms(corpus(["slow"], ["slow"]), { minCount: 1 });
    expect(single).toEqual({ detractorTerms: [], promoterTerms: [], comments: { detractor: 1, promoter: 1 } });
  });
});
