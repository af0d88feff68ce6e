/**
 * Satisfaction analytics on hand-worked fixtures (tests/fixtures/satisfaction-shop.ts):
 * asof 2024-06-30, churn window 60 days; F12 (07-05) lies after asof and is ignored; F13
 * has an impossible first-response time (−5 minutes), reported and stored NULL.
 *
 * In scope, NPS: F01 10, F02 9, F03 3, F04 7, F05 0, F06 8, F07 6, F08 9, F09 10, F10 5,
 * F11 6 → promoters 4 (F01 F02 F08 F09), passives 2 (F04 F06), detractors 5 (F03 F05 F07
 * F10 F11) of 11 → NPS = 100 × (4 − 5) / 11 = −9.09.
 * CSAT (csat, else stars): 5 4 1 3 2 (4★) 2 5 5 (2★) 4, F13 3 → 12, satisfied 6 → 0.5.
 * CES: 2 3 6 7 3 5 1 2 6 → 9 responses, sum 35 → 3.889.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadChurnByLastNps, loadRepurchaseAfterFeedback } from "../../../src/lib/analytics/feedback-behaviour.ts";
import { loadComments, loadTermRanking } from "../../../src/lib/analytics/feedback-text.ts";
import { NO_FILTERS, type Filters, type QueryFn } from "../../../src/lib/analytics/filters.ts";
import { loadKpis } from "../../../src/lib/analytics/overview.ts";
import {
  groupBasis,
  loadNpsDistribution,
  loadScoreBy,
  loadScoreOverTime,
  loadScoreSummary,
  satisfactionDimensions,
} from "../../../src/lib/analytics/satisfaction.ts";
import { DEFAULT_SERVICE_TARGETS, loadServiceBy, loadServiceSpeed, serviceDimensions } from "../../../src/lib/analytics/service.ts";
import type { Engine } from "../../../src/lib/db/engine.ts";
import type { DatasetInfo } from "../../../src/lib/db/protocol.ts";
import { rankTerms, type GroupedComment } from "../../../src/lib/models/terms/index.ts";
import {
  OUT_OF_RANGE_SURVEY,
  SATISFACTION_CUSTOMERS,
  SATISFACTION_FEEDBACK,
  SATISFACTION_ORDERS,
  STAR_REVIEWS,
} from "../../fixtures/satisfaction-shop.ts";
import { DEFAULT_SETTINGS, csvFile, newEngine, queryFnOf } from "../../helpers/engine.ts";

const F = (over: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...over });
const round = (x: number | null, digits = 4): number | null => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

describe("satisfaction on a shop with surveys and tickets", () => {
  let engine: Engine;
  let query: QueryFn;
  let info: DatasetInfo;

  beforeAll(async () => {
    engine = await newEngine();
    const files = [
      csvFile("orders.csv", SATISFACTION_ORDERS),
      csvFile("customers.csv", SATISFACTION_CUSTOMERS),
      csvFile("feedback.csv", SATISFACTION_FEEDBACK),
    ];
    const loaded = await engine.load(files, false, { ...DEFAULT_SETTINGS, churnDays: 60 });
    expect(loaded.errors).toEqual([]);
    query = queryFnOf(engine);
    info = loaded.info;
    expect(info.asof).toBe("2024-06-30");
  });

  it("summarises NPS, CSAT and CES by hand, and agrees with the Overview's KPIs", async () => {
    const summary = await loadScoreSummary(query, info, NO_FILTERS);
    expect(summary.nps).toEqual({ responses: 11, promoters: 4, passives: 2, detractors: 5, value: (100 * (4 - 5)) / 11 });
    expect(summary.csat).toEqual({ responses: 12, satisfied: 6, value: 0.5 });
    expect(summary.ces.responses).toBe(9);
    expect(summary.ces.value).toBeCloseTo(35 / 9, 12);
    expect(groupBasis(summary)).toBe("nps");

    const kpis = (await loadKpis(query, info, NO_FILTERS)).values;
    const kpi = (id: string) => kpis.find((k) => k.id === id)?.value;
    expect(summary.nps.value).toBeCloseTo(kpi("nps") as number, 12);
    expect(summary.csat.value).toBeCloseTo(kpi("csat") as number, 12);
    expect(summary.ces.value).toBeCloseTo(kpi("ces") as number, 12);
  });

  it("obeys the date range and the region filter", async () => {
    // March–April: F04 7, F05 0, F06 8, F07 6, F08 9 → 1 promoter, 2 detractors of 5 → −20.
    const spring = await loadScoreSummary(query, info, F({ from: "2024-03-01", to: "2024-04-30" }));
    expect(spring.nps).toEqual({ responses: 5, promoters: 1, passives: 2, detractors: 2, value: -20 });
    // North: A 10 and 6, B 9, I 10 → 3 promoters, 1 detractor of 4 → 50.
    const north = await loadScoreSummary(query, info, F({ region: ["North"] }));
    expect(north.nps.value).toBe(50);
    // A range after asof is cut at asof: F12 (07-05) never counts.
    const july = await loadScoreSummary(query, info, F({ from: "2024-07-01", to: "2024-07-31" }));
    expect(july.nps).toEqual({ responses: 0, promoters: 0, passives: 0, detractors: 0, value: null });
    expect(july.csat.value).toBeNull();
    expect(july.ces.value).toBeNull();
  });

  it("gives NPS 0 when everyone is a passive and 100 without detractors", async () => {
    // 03-01 … 03-09: F04 (7) only; Phone channel has no detractor: F02 9, F04 7, F08 9.
    const passives = await loadScoreSummary(query, info, F({ from: "2024-03-01", to: "2024-03-09" }));
    expect(passives.nps).toEqual({ responses: 1, promoters: 0, passives: 1, detractors: 0, value: 0 });
    const april = await loadScoreSummary(query, info, F({ from: "2024-04-10", to: "2024-04-30" }));
    expect(april.nps).toEqual({ responses: 1, promoters: 1, passives: 0, detractors: 0, value: 100 });
  });

  it("counts every score 0–10 with its group", async () => {
    const distribution = await loadNpsDistribution(query, info, NO_FILTERS);
    expect(distribution.map((d) => d.count)).toEqual([1, 0, 0, 1, 0, 1, 2, 1, 1, 2, 2]);
    expect(distribution.map((d) => d.group)).toEqual([
      ...Array(7).fill("detractor"), "passive", "passive", "promoter", "promoter",
    ]);
    expect(distribution.reduce((sum, d) => sum + d.count, 0)).toBe(11);
  });

  it("follows each measure month by month, gaps included", async () => {
    // NPS: Jan 10 9 3 → 33.3; Feb none; Mar 7 0 8 → −33.3; Apr 6 9 → 0; May none (F13 has
    // no NPS); Jun 10 5 6 → −33.3.
    const nps = await loadScoreOverTime(query, info, NO_FILTERS, "nps");
    expect(nps.map((m) => [m.month, m.responses, round(m.value)])).toEqual([
      ["2024-01-01", 3, 33.3333],
      ["2024-02-01", 0, null],
      ["2024-03-01", 3, -33.3333],
      ["2024-04-01", 2, 0],
      ["2024-05-01", 0, null],
      ["2024-06-01", 3, -33.3333],
    ]);
    // CSAT in May: F13's 3 → 0 of 1. CES starts in January too; June: 2 and 6 → 4.
    const csat = await loadScoreOverTime(query, info, NO_FILTERS, "csat");
    expect(csat.find((m) => m.month === "2024-05-01")).toEqual({ month: "2024-05-01", responses: 1, value: 0 });
    const ces = await loadScoreOverTime(query, info, NO_FILTERS, "ces");
    expect(ces.find((m) => m.month === "2024-06-01")).toEqual({ month: "2024-06-01", responses: 2, value: 4 });
    // A range starting in March starts the series in March.
    const fromMarch = await loadScoreOverTime(query, info, F({ from: "2024-03-15" }), "nps");
    expect(fromMarch.map((m) => m.month)).toEqual(["2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01"]);
    expect(fromMarch[0]?.responses).toBe(1); // F06 only
  });

  it("offers the breakdowns the data has", async () => {
    // Every customer with orders has a segment; category, channel, priority and region vary.
    const dimensions = await satisfactionDimensions(query);
    expect(dimensions).toEqual(expect.arrayContaining(["feedback.channel", "feedback.category", "feedback.priority", "customers.region"]));
    expect(dimensions).not.toContain("customers.country");
    expect(dimensions).not.toContain("customers.tier");
  });

  it("breaks NPS, CSAT and CES down, worst first", async () => {
    // Chat 8 6 5 → −66.7; Email 10 3 0 10 6 → 2 − 3 of 5 → −20; Phone 9 7 9 → 66.7.
    const byChannel = await loadScoreBy(query, info, NO_FILTERS, "nps", "feedback.channel");
    expect(byChannel.map((r) => [r.key, r.responses, round(r.value, 2), r.promoters, r.detractors])).toEqual([
      ["Chat", 3, -66.67, 0, 2],
      ["Email", 5, -20, 2, 3],
      ["Phone", 3, 66.67, 2, 0],
    ]);
    // South C 3, D 7, J 5 → −66.7; East E 0, F 8 → −50; West G 6, H 9 → 0; North → 50.
    const byRegion = await loadScoreBy(query, info, NO_FILTERS, "nps", "customers.region");
    expect(byRegion.map((r) => [r.key, r.responses, round(r.value, 2)])).toEqual([
      ["South", 3, -66.67],
      ["East", 2, -50],
      ["West", 2, 0],
      ["North", 4, 50],
    ]);
    // CES, higher is worse: High 6 7 6 → 6.33; Medium 5 2 → 3.5; Low 2 3 3 1 → 2.25.
    const cesByPriority = await loadScoreBy(query, info, NO_FILTERS, "ces", "feedback.priority");
    expect(cesByPriority.map((r) => [r.key, r.responses, round(r.value, 2)])).toEqual([
      ["High", 3, 6.33],
      ["Medium", 2, 3.5],
      ["Low", 4, 2.25],
    ]);
    // CSAT by category: complaint 1 2 2 2 4 → 1 of 5; inquiry 3 3 → 0 of 2; praise 5 4 5 5 → 1; suggestion 4★ → 1.
    const csatByCategory = await loadScoreBy(query, info, NO_FILTERS, "csat", "feedback.category");
    expect(csatByCategory.map((r) => [r.key, r.responses, r.value])).toEqual([
      ["inquiry", 2, 0],
      ["complaint", 5, 0.2],
      ["praise", 4, 1],
      ["suggestion", 1, 1],
    ]);
  });

  it("measures service speed with percentiles worked by hand, impossible timings counted apart", async () => {
    // First response (F13's −5 stored NULL): 3 5 8 10 12 15 20 25 30 40 60 → median x₅ = 15,
    // p90 h = 9 → x₉ = 40; within 20 minutes: 3 … 20 → 7 of 11.
    // Resolution: 0.5 1 2 4 6 10 30 48 50 72 → median h 4.5 → 8; p90 h 8.1 → 50 + 0.1 × 22 = 52.2; within 24 h: 6 of 10.
    const speed = await loadServiceSpeed(query, info, NO_FILTERS, DEFAULT_SERVICE_TARGETS);
    expect(speed.firstResponse).toEqual({ cases: 11, median: 15, p90: 40, withinTarget: 7 / 11 });
    expect(speed.resolution.cases).toBe(10);
    expect(speed.resolution.median).toBeCloseTo(8, 12);
    expect(speed.resolution.p90).toBeCloseTo(52.2, 12);
    expect(speed.resolution.withinTarget).toBe(0.6);
    expect(speed.impossible).toBe(1);

    // A target of 10 minutes and 5 hours: 3 5 8 10 → 4 of 11; 0.5 1 2 4 → 4 of 10.
    const strict = await loadServiceSpeed(query, info, NO_FILTERS, { firstResponseMinutes: 10, resolutionHours: 5 });
    expect(strict.firstResponse.withinTarget).toBe(4 / 11);
    expect(strict.resolution.withinTarget).toBe(0.4);

    // East (E, F, L): first response 60, 20 → median 40, p90 h 0.9 → 20 + 0.9 × 40 = 56;
    // one resolution time, 72 → both percentiles 72; L's F13 is the impossible one.
    const east = await loadServiceSpeed(query, info, F({ region: ["East"] }), DEFAULT_SERVICE_TARGETS);
    expect(east).toEqual({
      firstResponse: { cases: 2, median: 40, p90: 56, withinTarget: 0.5 },
      resolution: { cases: 1, median: 72, p90: 72, withinTarget: 0 },
      impossible: 1,
    });

    // Outside May, F13's impossible timing is out of scope; no tickets → nulls.
    expect((await loadServiceSpeed(query, info, F({ to: "2024-04-30" }), DEFAULT_SERVICE_TARGETS)).impossible).toBe(0);
    const none = await loadServiceSpeed(query, info, F({ from: "2024-02-01", to: "2024-02-28" }), DEFAULT_SERVICE_TARGETS);
    expect(none).toEqual({
      firstResponse: { cases: 0, median: null, p90: null, withinTarget: null },
      resolution: { cases: 0, median: null, p90: null, withinTarget: null },
      impossible: 0,
    });
  });

  it("breaks service speed down by priority, slowest first", async () => {
    expect(await serviceDimensions(query)).toEqual(["channel", "priority"]);
    const rows = await loadServiceBy(query, info, NO_FILTERS, DEFAULT_SERVICE_TARGETS, "priority");
    // High 25 40 60 → median 40, p90 h 1.8 → 56, within 0; resolution 48 50 72 → 50, 50 + 0.8 × 22 = 67.6, 0.
    // Medium 12 15 30 → 15, 15 + 0.8 × 15 = 27, 2/3; 6 10 30 → 10, 26, 2/3; F13 impossible.
    // Low 3 5 8 10 20 → 8, 10 + 0.6 × 10 = 16, 1; 0.5 1 2 4 → 1.5, 2 + 0.7 × 2 = 3.4, 1.
    const summary = rows.map((r) => [
      r.key, r.cases, r.impossible,
      r.firstResponse.median, round(r.firstResponse.p90), round(r.firstResponse.withinTarget),
      r.resolution.median, round(r.resolution.p90), round(r.resolution.withinTarget),
    ]);
    expect(summary).toEqual([
      ["High", 3, 0, 40, 56, 0, 50, 67.6, 0],
      ["Medium", 3, 1, 15, 27, 0.6667, 10, 26, 0.6667],
      ["Low", 5, 0, 8, 16, 1, 1.5, 3.4, 1],
    ]);
  });

  it("relates promoters and detractors to later purchases", async () => {
    // Window 90 days, so responses up to 04-01 with orders: F01 A (buys 02-10 ✓), F02 B (✗),
    // F03 C (buys 05-01, 97 days later ✗), F04 D (✗), F06 F (buys 06-13 = day + 90 ✓);
    // F05 E has no orders; F07 (04-02) is too recent.
    expect(await loadRepurchaseAfterFeedback(query, info, NO_FILTERS)).toEqual([
      { group: "detractor", responses: 1, repurchased: 0, rate: 0 },
      { group: "passive", responses: 2, repurchased: 1, rate: 0.5 },
      { group: "promoter", responses: 2, repurchased: 1, rate: 0.5 },
    ]);
    // A 30-day window keeps responses to 05-31: adds F07 G (✗) and F08 H (buys 04-25, 5 days on ✓);
    // A's 02-10 is 36 days on and F's 06-13 90 days on → ✗.
    expect(await loadRepurchaseAfterFeedback(query, info, NO_FILTERS, 30)).toEqual([
      { group: "detractor", responses: 2, repurchased: 0, rate: 0 },
      { group: "passive", responses: 2, repurchased: 0, rate: 0 },
      { group: "promoter", responses: 3, repurchased: 1, rate: 1 / 3 },
    ]);
  });

  it("gives churn by the group of each customer's last answer", async () => {
    // Last answers: A 6 (06-25, not A's 10) det; B 9 prom; C 3 det; D 7 pas; F 8 pas; G 6 det;
    // H 9 prom; I 10 prom; J 5 det; E has no orders (no churn flag); K's answer is after asof.
    // Churned (last order before 05-01): B D G H.
    expect(await loadChurnByLastNps(query, info, NO_FILTERS)).toEqual([
      { group: "detractor", customers: 4, churned: 1, rate: 0.25 },
      { group: "passive", customers: 2, churned: 1, rate: 0.5 },
      { group: "promoter", customers: 3, churned: 2, rate: 2 / 3 },
    ]);
  });

  it("searches comments as plain text: any case, Chinese, and % as a character", async () => {
    const all = await loadComments(query, info, NO_FILTERS, { limit: 100, offset: 0 });
    expect(all.total).toBe(12); // F01–F11 and F13; F12 is after asof
    expect(all.rows[0]).toEqual({
      feedbackId: "F11", customerId: "A", date: "2024-06-25", npsScore: 6, csat: 4, group: "detractor",
      comment: "100% disappointed with the SLOW Delivery",
    });
    const ids = async (search: string, group?: "detractor" | "passive" | "promoter") =>
      (await loadComments(query, info, NO_FILTERS, { search, group, limit: 100, offset: 0 })).rows.map((r) => r.feedbackId);
    expect(await ids("slow")).toEqual(["F11", "F05", "F03"]);
    expect(await ids("SLOW")).toEqual(["F11", "F05", "F03"]);
    expect(await ids("%")).toEqual(["F11", "F13"]);
    expect(await ids("100%")).toEqual(["F11"]);
    expect(await ids("_")).toEqual([]);
    expect(await ids("物流")).toEqual(["F10", "F09", "F07"]);
    expect(await ids("物流", "detractor")).toEqual(["F10", "F07"]);
    expect(await ids("  ")).toHaveLength(12);
    // F13 has no NPS score, so no group while the data has NPS.
    expect((await loadComments(query, info, NO_FILTERS, { search: "abroad", limit: 5, offset: 0 })).rows[0]?.group).toBeNull();
    // Pages: total stays, rows move on.
    const page = await loadComments(query, info, NO_FILTERS, { limit: 5, offset: 10 });
    expect(page.total).toBe(12);
    expect(page.rows.map((r) => r.feedbackId)).toEqual(["F02", "F01"]);
  });

  it("ranks terms in the worker's way over exactly the detractors' and promoters' comments", async () => {
    const comment = (id: string) => SATISFACTION_FEEDBACK.split("\n").find((l) => l.startsWith(`${id},`))?.split(",").slice(10, -2).join(",").replace(/^"|"$/g, "") ?? "";
    const picked: GroupedComment[] = [
      ...["F03", "F05", "F07", "F10", "F11"].map((id) => ({ group: "detractor" as const, text: comment(id) })),
      ...["F01", "F02", "F08", "F09"].map((id) => ({ group: "promoter" as const, text: comment(id) })),
    ];
    expect(picked[1]?.text).toBe("Slow refund, rude support, never again");
    const options = { minCount: 2, limit: 5 };
    const ranking = await loadTermRanking((sql, params, opts) => Promise.resolve(engine.rankTerms(sql, params, opts)), info, NO_FILTERS, options);
    expect(ranking).toEqual(rankTerms(picked, options));
    expect(ranking.comments).toEqual({ detractor: 5, promoter: 4 });
    // Term occurrences: detractors 6 + 7 + 7 + 5 + 4 = 29 (F07: 物流 太慢 客服 态度 差 物流太慢
    // 客服态度), promoters 6 + 6 + 4 + 6 = 22; α_0 = 51.
    // slow (3, 0, α 3): δ = ln(6 / 74) − ln(3 / 70) = ln(420 / 222), σ² = 1/6 + 1/3 → z = 0.9017.
    // fast (0, 2, α 2): δ = ln(2 / 78) − ln(4 / 69) = ln(138 / 312), σ² = 3/4 → z = −0.9419, tied
    // with the other (0, 2) terms, listed by term.
    expect(ranking.detractorTerms[0]).toEqual({ term: "slow", detractorCount: 3, promoterCount: 0, zScore: Math.log(420 / 222) / Math.sqrt(0.5) });
    expect(ranking.promoterTerms.map((t) => t.term)).toEqual(["fast", "fast delivery", "great", "great service", "service"]);
    expect(ranking.promoterTerms[0]?.zScore).toBeCloseTo(Math.log(138 / 312) / Math.sqrt(0.75), 12);
  });
});

describe("satisfaction from star ratings alone", () => {
  let engine: Engine;
  let query: QueryFn;
  let info: DatasetInfo;

  beforeAll(async () => {
    engine = await newEngine();
    const loaded = await engine.load([csvFile("reviews.csv", STAR_REVIEWS)], false, DEFAULT_SETTINGS);
    expect(loaded.errors).toEqual([]);
    query = queryFnOf(engine);
    info = loaded.info;
  });

  it("maps stars to CSAT and has no NPS", async () => {
    const summary = await loadScoreSummary(query, info, NO_FILTERS);
    expect(summary.nps.value).toBeNull();
    expect(summary.csat).toEqual({ responses: 5, satisfied: 2, value: 0.4 });
    expect(groupBasis(summary)).toBe("csat");
    expect((await loadNpsDistribution(query, info, NO_FILTERS)).every((d) => d.count === 0)).toBe(true);
  });

  it("groups comments by CSAT (1–2 with the detractors, 4–5 with the promoters) and ranks their terms", async () => {
    const page = await loadComments(query, info, NO_FILTERS, { limit: 10, offset: 0 });
    expect(page.rows.map((r) => [r.feedbackId, r.group])).toEqual([
      ["R5", "promoter"], ["R4", "promoter"], ["R3", "passive"], ["R2", "detractor"], ["R1", "detractor"],
    ]);
    // Detractors: broken ×2, arrival, zipper, "broken zipper" → n_d = 5 ("on" is a stop word);
    // promoters: lovely ×2, colour, fit, "lovely colour", "lovely fit" → n_p = 6; α_0 = 11.
    // broken (2, 0, α 2): δ = ln(4 / 12) − ln(2 / 15) = ln 2.5, σ² = 1/4 + 1/2 → z = 0.9163 / 0.8660 = 1.0580.
    // lovely (0, 2, α 2): δ = ln(2 / 14) − ln(4 / 13) = ln(26 / 56), z = −0.7673 / 0.8660 = −0.8859.
    const ranking = await loadTermRanking((sql, params, opts) => Promise.resolve(engine.rankTerms(sql, params, opts)), info, NO_FILTERS, { minCount: 2 });
    expect(ranking.comments).toEqual({ detractor: 2, promoter: 2 });
    expect(ranking.detractorTerms.map((t) => [t.term, t.detractorCount, t.promoterCount, round(t.zScore)])).toEqual([["broken", 2, 0, 1.058]]);
    expect(ranking.promoterTerms.map((t) => [t.term, t.detractorCount, t.promoterCount, round(t.zScore)])).toEqual([["lovely", 0, 2, -0.8859]]);
    expect(ranking.detractorTerms[0]?.zScore).toBeCloseTo(Math.log(2.5) / Math.sqrt(0.75), 12);
  });
});

describe("scores out of range", () => {
  it("are reported by ingest and counted nowhere", async () => {
    const engine = await newEngine();
    const loaded = await engine.load([csvFile("survey.csv", OUT_OF_RANGE_SURVEY)], false, DEFAULT_SETTINGS);
    // So many values out of range make the mapping unsure: the user confirms it (mapping-apply).
    const file = loaded.info.files[0];
    expect(file?.state).toBe("needs-mapping");
    const { info } = await engine.remap(file?.fileId ?? 0, { ...(file?.mapping as NonNullable<typeof file>["mapping"]), confident: true }, DEFAULT_SETTINGS);
    const problems = engine.query("SELECT row, \"column\", value, reason FROM _problems ORDER BY row, \"column\"").rows;
    expect(problems).toEqual([
      { row: 3, column: "csat_score", value: "6", reason: "out_of_range" },
      { row: 3, column: "nps_score", value: "11", reason: "out_of_range" },
      { row: 4, column: "ces_score", value: "8", reason: "out_of_range" },
      { row: 5, column: "nps_score", value: "-1", reason: "out_of_range" },
    ]);
    const summary = await loadScoreSummary(queryFnOf(engine), info, NO_FILTERS);
    expect(summary).toEqual({
      nps: { responses: 2, promoters: 1, passives: 0, detractors: 1, value: 0 },
      csat: { responses: 1, satisfied: 1, value: 1 },
      ces: { responses: 1, value: 7 },
    });
    const distribution = await loadNpsDistribution(queryFnOf(engine), info, NO_FILTERS);
    expect(distribution.filter((d) => d.count > 0).map((d) => [d.score, d.count])).toEqual([[3, 1], [10, 1]]);
  });
});
