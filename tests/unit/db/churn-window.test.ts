import { describe, expect, it } from "vitest";
import { FALLBACK_CHURN_DAYS, churnWindowFromGaps, quantileOfHistogram } from "../../../src/lib/db/churn-window.ts";

const hist = (...gaps: number[]) => gaps.map((gap) => ({ gap, customers: 1 }));

describe("churn window", () => {
  it("interpolates the 90th percentile linearly (numpy's default)", () => {
    // Sorted 10, 20, 30, 40, 200: position 0.9 × 4 = 3.6 → 40 + 0.6 × 160 = 136.
    expect(quantileOfHistogram(hist(10, 20, 30, 40, 200), 0.9)).toBeCloseTo(136, 10);
    // Counts expand: 5 × 7 days and 5 × 30 days → position 8.1 → 30.
    expect(quantileOfHistogram([{ gap: 7, customers: 5 }, { gap: 30, customers: 5 }], 0.9)).toBe(30);
  });

  it("rounds up to a multiple of 30 within 30–365", () => {
    expect(churnWindowFromGaps(hist(10, 20, 30, 40, 200))).toBe(150);
    expect(churnWindowFromGaps(hist(1, 2, 3))).toBe(30);
    expect(churnWindowFromGaps(hist(500, 600))).toBe(365);
    expect(churnWindowFromGaps([])).toBe(FALLBACK_CHURN_DAYS);
  });
});
