import { describe, expect, it } from "vitest";
import { expectedSpend, fitGammaGamma, gammaGammaLogLikelihood } from "../../../../src/lib/models/clv/gamma-gamma.ts";
import { cdnowPresent, readCdnow } from "./cdnow.ts";
import { simulateCustomers } from "./simulate.ts";

/** Fader & Hardie's Gamma-Gamma estimates on CDNOW. */
const PUBLISHED = { p: 6.25, q: 3.74, v: 15.44 };

describe("Gamma-Gamma expected spend", () => {
  it("gives 24.66, 18.92, 35.22 and 71.47 at the published parameters", () => {
    const cases: [x: number, m: number, spend: number][] = [
      [2, 22.35, 24.66],
      [1, 11.77, 18.92],
      [0, 0, 35.22],
      [7, 73.74, 71.47],
    ];
    for (const [x, m, spend] of cases) expect(Math.abs(expectedSpend(PUBLISHED, x, m) - spend), `x = ${x}`).toBeLessThanOrEqual(0.05);
  });

  it("is the population mean pv/(q − 1) when x = 0, whatever m, and NaN when that mean does not exist", () => {
    expect(expectedSpend(PUBLISHED, 0, 999)).toBe((6.25 * 15.44) / 2.74);
    expect(expectedSpend({ p: 2, q: 0.9, v: 10 }, 0, 0)).toBeNaN();
  });
});

describe("Gamma-Gamma log-likelihood", () => {
  it("matches the density written out by hand for x = 1", () => {
    // x = 1: m ~ Gamma(p, ν), ν ~ Gamma(q, v) ⇒ f(m) = Γ(p+q)/(Γ(p)Γ(q)) · v^q m^(p−1) / (v + m)^(p+q).
    // p = 2, q = 3, v = 4, m = 5: Γ(5)/(Γ(2)Γ(3)) = 12, so f = 12 · 64 · 5 / 9^5.
    expect(gammaGammaLogLikelihood({ p: 2, q: 3, v: 4 }, { x: 1, m: 5 })).toBeCloseTo(Math.log((12 * 64 * 5) / 9 ** 5), 12);
  });
});

describe("fitGammaGamma", () => {
  const sample = simulateCustomers(1000, { r: 0.3, alpha: 5, a: 0.8, b: 2.5, p: 6, q: 4, v: 15 }, 20, 60, 7);

  it("uses only customers with x > 0 and m > 0, its log-likelihood the sum of theirs", () => {
    const withFreebie = [...sample, { x: 3, m: 0 }];
    const fit = fitGammaGamma(withFreebie);
    const used = sample.filter((c) => c.x > 0);
    expect(fit.customers).toBe(used.length);
    expect(used.length).toBeLessThan(sample.length);
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeCloseTo(
      used.reduce((s, c) => s + gammaGammaLogLikelihood(fit.params, c), 0),
      6,
    );
    expect(() => fitGammaGamma([{ x: 0, m: 0 }])).toThrow(RangeError);
  });

  it("gives the same p and q in cents as in dollars, v scaled by 100", () => {
    const dollars = fitGammaGamma(sample);
    const cents = fitGammaGamma(sample.map((c) => ({ x: c.x, m: c.m * 100 })));
    expect(cents.params.p).toBeCloseTo(dollars.params.p, 4);
    expect(cents.params.q).toBeCloseTo(dollars.params.q, 4);
    expect(cents.params.v / 100).toBeCloseTo(dollars.params.v, 3);
    // Each density in cents is 1/100 of that in dollars.
    expect(cents.logLikelihood).toBeCloseTo(dollars.logLikelihood - dollars.customers * Math.log(100), 5);
    // Values are divided by their mean before the search starts; ×4 (exact in binary) gives the very same search.
    const quadrupled = fitGammaGamma(sample.map((c) => ({ x: c.x, m: c.m * 4 })));
    expect(quadrupled.iterations).toBe(dollars.iterations);
    expect(quadrupled.params.v).toBe(dollars.params.v * 4);
  });
});

describe.skipIf(!cdnowPresent)("Gamma-Gamma on the CDNOW sample (Fader & Hardie)", () => {
  it("fits (p, q, v) = (6.25, 3.74, 15.44) on the 946 customers with x > 0", () => {
    const customers = readCdnow("cdnow_customers_summary_with_transactions.csv").map((row) => ({ x: row.x as number, m: row.zbar as number }));
    const fit = fitGammaGamma(customers);
    expect(fit.customers).toBe(946);
    expect(fit.converged).toBe(true);
    for (const name of ["p", "q", "v"] as const) {
      expect(Math.abs(fit.params[name] - PUBLISHED[name]), name).toBeLessThanOrEqual(0.01);
    }
    const used = customers.filter((c) => c.x > 0);
    expect(fit.logLikelihood).toBeCloseTo(
      used.reduce((s, c) => s + gammaGammaLogLikelihood(fit.params, c), 0),
      6,
    );
  });
});
