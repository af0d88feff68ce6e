/**
 * Teaching mode's worked formulas and "show the SQL" of the KPI cards, on the tiny shop whose
 * numbers are worked by hand (tests/fixtures/tiny-shop.ts): the terms are the hand-worked
 * inputs, the result is the card's value exactly, and the console's SQL gives that value.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../src/lib/db/engine.ts";
import { DEFAULT_CLV } from "../../../src/lib/db/protocol.ts";
import { NO_FILTERS } from "../../../src/lib/analytics/filters.ts";
import { METRICS, MEASURES, measuresSql, metricById, type Measures } from "../../../src/lib/analytics/metrics.ts";
import { currentMetricSql, loadKpis } from "../../../src/lib/analytics/overview.ts";
import { resolvePeriods } from "../../../src/lib/analytics/period.ts";
import { inlineParams } from "../../../src/lib/analytics/sql.ts";
import { workedFormula, type WorkedContext } from "../../../src/lib/analytics/worked-formulas.ts";
import type { MetricId } from "../../../src/lib/analytics/metric-types.ts";
import { DEFAULT_SETTINGS, csvFile, newEngine, queryFnOf } from "../../helpers/engine.ts";
import { CUSTOMERS, FEEDBACK, ORDERS } from "../../fixtures/tiny-shop.ts";

let engine: Engine;
let measures: Measures;
let values: Map<MetricId, number | null>;
let context: WorkedContext;

beforeAll(async () => {
  engine = await newEngine();
  const result = await engine.load([csvFile("orders.csv", ORDERS), csvFile("customers.csv", CUSTOMERS), csvFile("feedback.csv", FEEDBACK)], false, DEFAULT_SETTINGS);
  expect(result.errors).toEqual([]);
  const kpis = await loadKpis(queryFnOf(engine), engine.dataset, NO_FILTERS);
  measures = kpis.measures;
  values = new Map(kpis.values.map((v) => [v.id, v.value]));
  const info = engine.dataset;
  context = { contractual: info.contractual, hasOrders: info.counts.orders > 0, churnDays: info.churnDays, clv: DEFAULT_CLV, fit: info.clv };
});

const worked = (id: MetricId) => workedFormula(id, measures, context);
const terms = (id: MetricId) => Object.fromEntries(Object.entries(worked(id)?.terms ?? {}).map(([k, t]) => [k, t.value]));

describe("the measures behind the cards", () => {
  it("are the columns of the measures query, in order", () => {
    const period = resolvePeriods(NO_FILTERS, engine.dataset).current;
    const fragment = measuresSql(NO_FILTERS, period, engine.dataset.churnDays);
    expect(engine.query(fragment.text, [...fragment.params]).columns).toEqual([...MEASURES]);
  });

  it("hold the hand-worked inputs of the tiny shop", () => {
    // Buyers A B C; A has 3 orders; active (last order within 60 days of 2024-03-31): A, B.
    // Feedback: NPS 10 9 9 7 3; CSAT 5 4 3 2 5; CES 2 3 4. One problem row of 17 loaded.
    expect(measures).toMatchObject({
      buyers: 3, repeat_buyers: 1, active_buyers: 2, orders: 5, revenue: 480, known_customers: 4,
      nps_responses: 5, promoters: 3, detractors: 1, csat_responses: 5, satisfied: 3, ces_responses: 3, ces_mean: 3,
      problem_rows: 1, loaded_rows: 17,
    });
  });
});

describe("worked formulas", () => {
  it("give every card's value exactly", () => {
    for (const metric of METRICS) {
      const value = values.get(metric.id) ?? null;
      const formula = worked(metric.id);
      if (value === null) expect(formula, metric.id).toBeNull();
      else expect(formula?.result, metric.id).toBe(value);
    }
  });

  it("write in the hand-worked terms", () => {
    expect(terms("aov")).toEqual({ revenue: 480, orders: 5 });
    expect(worked("aov")?.result).toBe(96);
    expect(terms("frequency")).toEqual({ orders: 5, customers: 3 });
    expect(terms("repeat_rate")).toEqual({ repeat: 1, customers: 3 });
    expect(terms("churn_rate")).toEqual({ active: 2, customers: 3 });
    expect(worked("churn_rate")?.result).toBeCloseTo(1 / 3, 12);
    expect(terms("active_customers")).toEqual({ customers: 3, days: 60 });
    // NPS = 60 % − 20 % = 40 (3 promoters and 1 detractor of 5 answers).
    expect(terms("nps")).toEqual({ promoters: 0.6, detractors: 0.2, responses: 5 });
    expect(worked("nps")?.result).toBe(40);
    expect(terms("csat")).toEqual({ satisfied: 3, responses: 5 });
    expect(terms("ces")).toEqual({ responses: 3 });
    expect(terms("data_quality")).toEqual({ problem_rows: 1, loaded_rows: 17 });
    expect(worked("data_quality")?.result).toBeCloseTo(16 / 17, 12);
  });

  it("are absent when an input is missing or divides by zero", () => {
    const none = Object.fromEntries(MEASURES.map((m) => [m, null])) as Measures;
    for (const metric of METRICS) expect(workedFormula(metric.id, none, context), metric.id).toBeNull();
    expect(workedFormula("aov", { ...none, revenue: 0, orders: 0 }, context)).toBeNull();
    expect(workedFormula("nps", { ...none, promoters: 0, detractors: 0, nps_responses: 0 }, context)).toBeNull();
  });

  it("count churn from the churn column for subscription data", () => {
    const m = { ...measures, labelled_churn: 0.25, labelled_customers: 8 };
    const formula = workedFormula("churn_rate", m, { ...context, contractual: true });
    expect(formula).toEqual({ key: "churn_rate_labelled", terms: { churned: { value: 2, format: "count" }, customers: { value: 8, format: "count" } }, result: 0.25 });
  });

  it("give CLV with its settings and the fitted parameters", () => {
    const fit = { unit: "week" as const, bgnbd: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259, logLikelihood: -9582 }, gammaGamma: { p: 6.25, q: 3.74, v: 15.44 } };
    const m = { ...measures, clv_mean: 123.45, clv_customers: 2357 };
    const formula = workedFormula("clv_avg", m, { ...context, clv: { horizonDays: 90, months: 24, monthlyDiscount: 0.02, margin: 0.3 }, fit });
    expect(formula?.result).toBe(123.45);
    expect(formula?.unit).toBe("week");
    expect(Object.fromEntries(Object.entries(formula?.terms ?? {}).map(([k, t]) => [k, t.value]))).toEqual({
      customers: 2357, months: 24, margin: 0.3, discount: 0.02, r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259, p: 6.25, q: 3.74, v: 15.44,
    });
    expect(workedFormula("clv_avg", m, { ...context, fit: { ...fit, gammaGamma: null } })).toBeNull();
  });
});

describe("show the SQL of a card", () => {
  it("runs, parameters written in, to the card's value beside its inputs", () => {
    for (const metric of METRICS) {
      const fragment = currentMetricSql(metric, engine.dataset, NO_FILTERS);
      const result = engine.query(inlineParams(fragment.text, fragment.params));
      expect(result.rows[0]?.[metric.id], metric.id).toBe(values.get(metric.id) ?? null);
    }
    const npsSql = currentMetricSql(metricById("nps"), engine.dataset, NO_FILTERS);
    const nps = engine.query(inlineParams(npsSql.text, npsSql.params));
    expect(nps.columns).toEqual(["nps_responses", "promoters", "detractors", "nps"]);
    // Only the measures NPS reads are computed, so the query reads as its formula.
    expect(npsSql.text).not.toMatch(/clv|revenue|problem_rows/);
    expect(nps.rows[0]).toEqual({ nps_responses: 5, promoters: 3, detractors: 1, nps: 40 });
  });

  it("obeys the filters in force", async () => {
    // East = A and C: O1 100 + O2 50 + O6 50 + O5 80 = 280 over 4 orders.
    const filters = { ...NO_FILTERS, region: ["East"] };
    const fragment = currentMetricSql(metricById("aov"), engine.dataset, filters);
    expect(engine.query(inlineParams(fragment.text, fragment.params)).rows[0]).toEqual({ orders: 4, revenue: 280, aov: 70 });
    const kpis = await loadKpis(queryFnOf(engine), engine.dataset, filters);
    expect(kpis.values.find((v) => v.id === "aov")?.value).toBe(70);
  });
});
