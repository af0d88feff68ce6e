/**
 * How a KPI value and its change are written on a card, by the metric's format
 * (metric-types.ts): counts whole, money in the data's currency, ratios as percentages,
 * NPS on −100…100. Changes of ratios are percentage points, of NPS points, of the rest a
 * relative percentage.
 */
import type { MetricFormat } from "../../lib/analytics/metric-types.ts";
import { BEGINNING, type Period } from "../../lib/analytics/period.ts";
import { i18n, t } from "../../lib/i18n/index.svelte.ts";
import {
  formatCompact,
  formatCount,
  formatDecimal,
  formatMoney,
  formatMoneyCompact,
  formatPercent,
  formatSigned,
  dayToIso,
  formatDay,
  NO_VALUE,
  type Locale,
} from "../../lib/format/index.ts";

/** The value as the card shows it; big counts and money are shortened (full value in `formatMetricFull`). */
export function formatMetric(value: number | null, format: MetricFormat, locale: Locale, currency: string | null): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  switch (format) {
    case "count":
      return Math.abs(value) >= 100_000 ? formatCompact(value, locale) : formatCount(value, locale);
    case "money":
      return Math.abs(value) >= 1_000_000 ? formatMoneyCompact(value, locale, currency) : formatMoney(value, locale, currency);
    case "ratio":
      return formatPercent(value, locale, 1);
    case "nps":
      return formatDecimal(value, locale, Number.isInteger(value) ? 0 : 1);
    case "decimal":
      return formatDecimal(value, locale, 2);
  }
}

/** The value written in full (for titles and tooltips). */
export function formatMetricFull(value: number | null, format: MetricFormat, locale: Locale, currency: string | null): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  if (format === "count") return formatCount(value, locale);
  if (format === "money") return formatMoney(value, locale, currency);
  return formatMetric(value, format, locale, currency);
}

export interface MetricChange {
  direction: "up" | "down" | "flat";
  /** "good" when the change goes the way the metric wants (higherIsBetter), "bad" the other way. */
  tone: "good" | "bad" | "neutral";
  /** The change as text: "+12.3%", "+2.1" (points). */
  text: string;
  /** Which i18n template to wrap `text` in: percent, percentage points, NPS points. */
  unit: "percent" | "points" | "nps";
}

/**
 * The change from `previous` to `value`, or null when either is missing (or a relative
 * change from zero). metricChange(0.30, 0.25, "ratio", true, "en") → { up, good, "+5.0", points }.
 */
export function metricChange(
  value: number | null,
  previous: number | null,
  format: MetricFormat,
  higherIsBetter: boolean,
  locale: Locale,
): MetricChange | null {
  if (value === null || previous === null || !Number.isFinite(value) || !Number.isFinite(previous)) return null;
  let delta: number;
  let unit: MetricChange["unit"];
  let text: string;
  if (format === "ratio") {
    delta = (value - previous) * 100;
    unit = "points";
    text = formatSigned(delta, locale, 1);
  } else if (format === "nps") {
    delta = value - previous;
    unit = "nps";
    text = formatSigned(delta, locale, 1);
  } else {
    if (previous === 0) return null;
    delta = (value - previous) / Math.abs(previous);
    unit = "percent";
    text = new Intl.NumberFormat(locale, { style: "percent", signDisplay: "exceptZero", maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(delta);
  }
  const rounded = Math.round(delta * (unit === "percent" ? 1000 : 10));
  const direction = rounded > 0 ? "up" : rounded < 0 ? "down" : "flat";
  const tone = direction === "flat" ? "neutral" : (direction === "up") === higherIsBetter ? "good" : "bad";
  return { direction, tone, text, unit };
}

/** The dates of a period in words: "Jan 30, 2024 – Feb 29, 2024", or "up to Mar 31, 2023" for all history up to a day. */
export function periodText(period: Period): string {
  const to = formatDay(dayToIso(period.to), i18n.locale);
  return period.from === BEGINNING ? t("kpi.range_up_to", { to }) : t("kpi.range", { from: formatDay(dayToIso(period.from), i18n.locale), to });
}
