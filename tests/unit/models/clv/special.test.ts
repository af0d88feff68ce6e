import { describe, expect, it } from "vitest";
import { betaln, gammaln, hyp2f1, hyp2f1TimesExp } from "../../../../src/lib/models/clv/special.ts";

describe("log-gamma and log-beta", () => {
  it("match closed forms", () => {
    expect(gammaln(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14); // Γ(½) = √π
    expect(gammaln(6)).toBeCloseTo(Math.log(120), 13); // Γ(6) = 5!
    expect(betaln(2, 3)).toBeCloseTo(Math.log(1 / 12), 14); // B(2, 3) = 1!·2!/4!
    // One large argument: ln B(0.8, 1000.5) = ln Γ(0.8) + ln Γ(1000.5) − ln Γ(1001.3), no cancellation.
    expect(betaln(0.8, 1000.5)).toBeCloseTo(gammaln(0.8) + gammaln(1000.5) - gammaln(1001.3), 9);
  });
});

describe("hyp2f1", () => {
  it("equals −ln(1 − z)/z for 2F1(1, 1; 2; z), near 1 and for negative z", () => {
    for (const z of [0.1, 0.5, 0.9, 0.99, 0.999, -0.5, -3, -50]) {
      const expected = -Math.log1p(-z) / z;
      expect(Math.abs(hyp2f1(1, 1, 2, z) - expected) / expected, `z = ${z}`).toBeLessThan(1e-13);
    }
  });

  it("matches other closed forms", () => {
    // 2F1(½, ½; 3/2; z²) = arcsin(z)/z, 2F1(½, 1; 3/2; −z²) = arctan(z)/z (A&S 15.1.6, 15.1.5)
    expect(hyp2f1(0.5, 0.5, 1.5, 0.64)).toBeCloseTo(Math.asin(0.8) / 0.8, 14);
    expect(hyp2f1(0.5, 1, 1.5, -4)).toBeCloseTo(Math.atan(2) / 2, 14);
    // 2F1(a, b; b; z) = (1 − z)^(−a), through Euler's transformation (c − a − b = −a < 0)
    expect(hyp2f1(0.7, 2.3, 2.3, 0.6)).toBeCloseTo(0.4 ** -0.7, 13);
    // a = −2: the series stops after three terms, 2F1(−2, b; b; z) = (1 − z)²
    expect(hyp2f1(-2, 1.5, 1.5, 0.3)).toBeCloseTo(0.49, 15);
  });

  it("matches values computed independently with mpmath at 40 digits", () => {
    expect(hyp2f1(0.3, 1.7, 2.9, 0.85)).toBeCloseTo(1.279937039921512, 13); // plain series
    expect(hyp2f1(1.5, 2.25, 1.2, 0.7)).toBeCloseTo(25.478083138760642, 12); // Euler
    expect(hyp2f1(0.75, 1.25, 2.5, -4)).toBeCloseTo(0.4858682717566457, 14); // Pfaff
  });

  it("keeps (1 − z)^k · 2F1 finite where 2F1 overflows", () => {
    // ln 2F1(600.2426, 602.4258; 602.2187; 0.95) = 1798.7858979300587 (mpmath), beyond e^709.
    const [a, b, c, z] = [600.2426, 602.4258, 602.2187, 0.95];
    expect(hyp2f1(a, b, c, z)).toBe(Number.POSITIVE_INFINITY);
    expect(hyp2f1TimesExp(a, b, c, z, -1798)).toBeCloseTo(Math.exp(0.7858979300587), 10);
    expect(hyp2f1TimesExp(1.5, 2.25, 1.2, 0.7, Math.log(2))).toBeCloseTo(2 * 25.478083138760642, 11);
  });

  it("rejects z ≥ 1, c = 0, −1, …, and a series that does not converge within the cap", () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, Number.NaN)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, -1, 0.5)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, 0.999, { maxTerms: 100 })).toThrow(/not converged in 100 terms/);
    // A looser tolerance stops earlier: the answer moves, but only by about the tolerance.
    const loose = hyp2f1(1, 1, 2, 0.9, { tolerance: 1e-4 });
    const exact = -Math.log(0.1) / 0.9;
    expect(loose).not.toBe(hyp2f1(1, 1, 2, 0.9));
    expect(Math.abs(loose - exact) / exact).toBeLessThan(1e-4);
  });
});
