/** Plain helpers of the Churn page (no Svelte): gap bins, reason sentences and the at-risk CSV. */
import type { AtRiskRow, GapCount, Reason } from "../../lib/analytics/churn.ts";
import { excelCsv } from "../../lib/format/csv-on-demand.ts";
import { formatCount, formatDecimal } from "../../lib/format/number.ts";
import { translate, type Locale } from "../../lib/i18n/index.svelte.ts";

export interface GapBin {
  /** First gap (days) of the bin. */
  from: number;
  /** Last gap of the bin; null for the open last bin. */
  to: number | null;
  count: number;
  /** True when the bin holds `mark` (the suggested churn window). */
  marked: boolean;
}

/**
 * Gaps in bins of `width` days, the last bin open from `cap` on, the bin holding `mark`
 * marked: binGaps([{gap:10,count:2},{gap:40,count:1},{gap:400,count:1}], 30, 90, 60) →
 * 0–29: 2, 30–59: 1, 60–89: 0 (marked), 90+: 1.
 */
export function binGaps(gaps: readonly GapCount[], width: number, cap: number, mark: number): GapBin[] {
  const bins: GapBin[] = [];
  for (let from = 0; from < cap; from += width) bins.push({ from, to: from + width - 1, count: 0, marked: mark >= from && mark <= from + width - 1 });
  bins.push({ from: cap, to: null, count: 0, marked: mark >= cap });
  for (const g of gaps) {
    const i = g.gap >= cap ? bins.length - 1 : Math.floor(g.gap / width);
    const bin = bins[i];
    if (bin) bin.count += g.count;
  }
  return bins;
}

/**
 * Each reason a customer is at risk as the sentence shown (the at-risk list and the
 * customer's file): P(alive) with 2 decimals, percents whole, days as counts —
 * { key: "no_purchase_for", params: { days: 1200, usual: 21 } } → "no purchase for 1,200 days, usual gap 21 days".
 */
export function reasonSentences(reasons: readonly Reason[], locale: Locale): string[] {
  const number = (key: string, n: number) => (key === "value" ? formatDecimal(n, locale, 2) : key === "percent" ? formatDecimal(n, locale, 0) : formatCount(n, locale));
  return reasons.map((r) => translate(locale, `churn.reasons.${r.key}`, Object.fromEntries(Object.entries(r.params).map(([k, n]) => [k, number(k, n)]))));
}

/** Columns of the at-risk CSV (raw values; reasons as the sentences shown on the page). */
export const AT_RISK_COLUMNS = ["customer_id", "name", "segment", "recency_days", "usual_gap_days", "p_alive", "value_at_risk", "reasons"] as const;

export function atRiskCsv(rows: readonly AtRiskRow[], reasonText: (row: AtRiskRow) => string): Promise<string> {
  return excelCsv(
    AT_RISK_COLUMNS,
    rows.map((r) => [r.customer_id, r.name, r.segment, r.recency_days, r.usualGapDays, r.p_alive, r.valueAtRisk, reasonText(r)]),
  );
}

export const AT_RISK_FILE = "at-risk-customers.csv";
