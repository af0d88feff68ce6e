import { describe, expect, it } from "vitest";
import { atRiskCsv, binGaps, reasonSentences } from "../../../src/views/churn/churn-view.ts";
import type { Reason } from "../../../src/lib/analytics/churn.ts";

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
  it("writes the at-risk CSV with a BOM and the reasons", async () => {
    const csv = await atRiskCsv(
      [{ customer_id: "C1", name: "Ann", segment: "At Risk", recency_days: 74, usualGapDays: 21, p_alive: 0.18, risk: 0.82, valueAtRisk: 120.5, reasons: [] }],
      () => "no purchase for 74 days",
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("C1,Ann,At Risk,74,21,0.18,120.5,no purchase for 74 days");
  });

  it("says each reason as a sentence with its numbers in the locale's format", () => {
    const reasons: Reason[] = [
      { key: "no_purchase_for", params: { days: 1200, usual: 21 } },
      { key: "p_alive", params: { value: 0.18 } },
      { key: "spend_down", params: { percent: 75 } },
      { key: "last_nps", params: { score: 3 } },
    ];
    expect(reasonSentences(reasons, "en")).toEqual(["no purchase for 1,200 days, usual gap 21 days", "P(alive) 0.18", "spend down 75 % on the previous 90 days", "last NPS 3"]);
    expect(reasonSentences(reasons.slice(0, 2), "zh-TW")).toEqual(["已 1,200 天未購買，通常間隔 21 天", "存活機率 0.18"]);
  });
});
