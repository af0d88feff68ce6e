import { describe, expect, it } from "vitest";
import { atRiskCsv, binGaps } from "../../../src/views/churn/churn-view.ts";

describe("churn view helpers", () => {
  it("bins gaps and marks the bin of the window", () => {
    const bins = binGaps(
      [
        { gap: 10, count: 2 },
        { gap: 40, count: 1 },
        { gap: 400, count: 1 },
      ],
      30,
      90,
      60,
    );
    expect(bins.map((b) => [b.from, b.to, b.count, b.marked])).toEqual([
      [0, 29, 2, false],
      [30, 59, 1, false],
      [60, 89, 0, true],
      [90, null, 1, false],
    ]);
  });
  it("writes the at-risk CSV with a BOM and the reasons", () => {
    const csv = atRiskCsv(
      [{ customer_id: "C1", name: "Ann", segment: "At Risk", recency_days: 74, usualGapDays: 21, p_alive: 0.18, risk: 0.82, valueAtRisk: 120.5, reasons: [] }],
      () => "no purchase for 74 days",
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("C1,Ann,At Risk,74,21,0.18,120.5,no purchase for 74 days");
  });
});
