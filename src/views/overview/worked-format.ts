/**
 * How the numbers of a worked formula are written: the metric formats as the cards write
 * them in full, shares as percentages with one decimal, days whole, model parameters with
 * four significant digits (r = 0.2426, α = 4.414).
 */
import type { TermFormat, WorkedTerm } from "../../lib/analytics/worked-formulas.ts";
import { formatCount, formatPercent, type Locale } from "../../lib/format/index.ts";
import { formatMetricFull } from "./metric-format.ts";

export function formatTerm(term: WorkedTerm, locale: Locale, currency: string | null): string {
  const format: TermFormat = term.format;
  switch (format) {
    case "percent":
      return formatPercent(term.value, locale, 1);
    case "days":
      return formatCount(term.value, locale);
    case "param":
      return new Intl.NumberFormat(locale, { maximumSignificantDigits: 4 }).format(term.value);
    default:
      return formatMetricFull(term.value, format, locale, currency);
  }
}
