import { describe, expect, it } from "vitest";
import {
  bgnbdLogLikelihood,
  bgnbdTotalLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgnbd,
  pAlive,
} from "../../../../src/lib/models/clv/bgnbd.ts";
import type { RfCustomer } from "../../../../src/lib/models/clv/bgnbd.ts";
import { cdnowPresent, readCdnow } from "./cdnow.ts";
import { simulateCustomers } from "./simulate.ts";

/** Fader, Hardie & Lee (2005)'s estimates on CDNOW, time in weeks. */
const PUBLISHED = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
const CUSTOMER_1: RfCustomer = { x: 2, tx: 30.43, T: 38.86 };

describe("BG/NBD single-customer log-likelihood (pymc-marketing's test values)", () => {
  const params = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
  it("is −0.59947382 for x = 0 and 100.7957 for x = 200, t_x = 38 at T = 40", () => {
    expect(Math.abs(bgnbdLogLikelihood(params, { x: 0, tx: 0, T: 40 }) - -0.59947382)).toBeLessThan(1e-5);
    expect(Math.abs(bgnbdLogLikelihood(params, { x: 200, tx: 38, T: 40 }) - 100.7957)).toBeLessThan(1e-5);
  });

  it("ignores t_x when x = 0, and the grouped total equals the sum of single customers", () => {
    expect(bgnbdLogLikelihood(params, { x: 0, tx: 7, T: 40 })).toBe(bgnbdLogLikelihood(params, { x: 0, tx: 0, T: 40 }));
    const customers = [
      { x: 0, tx: 0, T: 40 },
      { x: 3, tx: 12.5, T: 40 },
      { x: 3, tx: 12.5, T: 40 },
      { x: 1, tx: 2, T: 30 },
      { x: 0, tx: 0, T: 30 },
    ];
    const sum = customers.reduce((s, c) => s + bgnbdLogLikelihood(params, c), 0);
    expect(bgnbdTotalLogLikelihood(params, customers)).toBeCloseTo(sum, 10);
  });
});

describe("BG/NBD expectations and P(alive)", () => {
  it("P(alive) is exactly 1 when x = 0 and falls as the last purchase gets older", () => {
    expect(pAlive(PUBLISHED, { x: 0, tx: 0, T: 38.86 })).toBe(1);
    expect(pAlive(PUBLISHED, { x: 2, tx: 5, T: 38.86 })).toBeLessThan(pAlive(PUBLISHED, CUSTOMER_1));
  });

  it("P(alive) of x = 2, t_x = 30.43, T = 38.86 is 0.7266", () => {
    expect(Math.abs(pAlive(PUBLISHED, CUSTOMER_1) - 0.7266)).toBeLessThanOrEqual(0.0005);
  });

  it("E[purchases in the next 39 weeks] of the same customer is 1.226", () => {
    expect(Math.abs(conditionalExpectedPurchases(PUBLISHED, 39, CUSTOMER_1) - 1.226)).toBeLessThanOrEqual(0.001);
    // mpmath at 40 digits: 1.2259111998992229
    expect(conditionalExpectedPurchases(PUBLISHED, 39, CUSTOMER_1)).toBeCloseTo(1.2259111998992229, 12);
    expect(Math.abs(conditionalExpectedPurchases(PUBLISHED, 0, CUSTOMER_1))).toBe(0);
  });

  it("E[X(t)] at t = 0.1429, 1, 3, 31.8571, 32, 78 weeks", () => {
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    const published = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => expect(Math.abs(expectedPurchases(PUBLISHED, t) - (published[i] as number)), `t = ${t}`).toBeLessThanOrEqual(0.0005));
  });

  it("stays finite for a heavy buyer, where 2F1 itself overflows (mpmath values)", () => {
    const daily = { r: 0.5, alpha: 21.5, a: 0.79, b: 2.42 };
    expect(conditionalExpectedPurchases(daily, 365, { x: 150, tx: 1000, T: 1100 })).toBeCloseTo(0.006590152294998905, 14);
    expect(conditionalExpectedPurchases(daily, 730, { x: 300, tx: 1090, T: 1100 })).toBeCloseTo(153.09925946454007, 9);
  });
});

describe("fitBgnbd", () => {
  it("rejects impossible summaries", () => {
    expect(() => fitBgnbd([])).toThrow(RangeError);
    expect(() => fitBgnbd([{ x: 1.5, tx: 1, T: 2 }])).toThrow(/customer 0/);
    expect(() => fitBgnbd([{ x: 0, tx: 0, T: 5 }, { x: 1, tx: 6, T: 5 }])).toThrow(/customer 1/);
  });

  it("gives the same model in days as in weeks, α scaled by 7", () => {
    const weeks = simulateCustomers(1000, { r: 0.3, alpha: 5, a: 0.8, b: 2.5, p: 6, q: 4, v: 15 }, 20, 60, 7);
    const days = weeks.map((c) => ({ x: c.x, tx: c.tx * 7, T: c.T * 7 }));
    const inWeeks = fitBgnbd(weeks);
    const inDays = fitBgnbd(days);
    expect(inWeeks.converged && inDays.converged).toBe(true);
    // Times are rescaled so that the largest T is 10 before the search starts; a unit 4 times
    // smaller (exact in binary) gives the very same search.
    const inQuarterWeeks = fitBgnbd(weeks.map((c) => ({ x: c.x, tx: c.tx * 4, T: c.T * 4 })));
    expect(inQuarterWeeks.iterations).toBe(inWeeks.iterations);
    expect(inQuarterWeeks.params.alpha).toBe(inWeeks.params.alpha * 4);
    expect(inDays.params.r).toBeCloseTo(inWeeks.params.r, 5);
    expect(inDays.params.alpha / 7).toBeCloseTo(inWeeks.params.alpha, 4);
    expect(inDays.params.a).toBeCloseTo(inWeeks.params.a, 5);
    expect(inDays.params.b).toBeCloseTo(inWeeks.params.b, 5);
    // Σ x ln 7 apart: each customer's likelihood in days is 7^(−x) times that in weeks.
    const sumX = weeks.reduce((s, c) => s + c.x, 0);
    expect(inDays.logLikelihood).toBeCloseTo(inWeeks.logLikelihood - sumX * Math.log(7), 6);
    expect(inDays.logLikelihood).toBeCloseTo(bgnbdTotalLogLikelihood(inDays.params, days), 6);
    // Started at the answer, it stays there.
    const restarted = fitBgnbd(weeks, { start: inWeeks.params });
    expect(restarted.params.alpha).toBeCloseTo(inWeeks.params.alpha, 4);
    expect(restarted.iterations).toBeLessThan(inWeeks.iterations);
  });

  it("shrinks the parameters with a penalizer, like lifetimes' penalizer_coef", () => {
    const sample = simulateCustomers(300, { r: 0.3, alpha: 5, a: 0.8, b: 2.5, p: 6, q: 4, v: 15 }, 20, 60, 11);
    const plain = fitBgnbd(sample);
    const penalized = fitBgnbd(sample, { penalizer: 0.1 });
    expect(penalized.params.b).toBeLessThan(plain.params.b);
    expect(penalized.logLikelihood).toBeLessThan(plain.logLikelihood);
  });
});

describe.skipIf(!cdnowPresent)("BG/NBD on the CDNOW sample (Fader, Hardie & Lee 2005)", () => {
  const customers = cdnowPresent ? readCdnow("cdnow_customers_summary.csv").map((row) => ({ x: row.frequency as number, tx: row.recency as number, T: row.T as number })) : [];

  it("has a total log-likelihood of −9582.43 at (0.243, 4.414, 0.793, 2.426)", () => {
    expect(customers).toHaveLength(2357);
    const ll = bgnbdTotalLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, customers);
    expect(Math.abs(ll - -9582.43)).toBeLessThanOrEqual(0.05);
  });

  it("fits (r, α, a, b) = (0.2426, 4.4135, 0.7929, 2.4258) by maximum likelihood", () => {
    const fit = fitBgnbd(customers);
    expect(fit.converged).toBe(true);
    for (const name of ["r", "alpha", "a", "b"] as const) {
      expect(Math.abs(fit.params[name] - PUBLISHED[name]), name).toBeLessThanOrEqual(0.01);
    }
    expect(fit.logLikelihood).toBeCloseTo(bgnbdTotalLogLikelihood(fit.params, customers), 6);
    // The maximum: the published point is no better.
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgnbdTotalLogLikelihood(PUBLISHED, customers));
  });
});
