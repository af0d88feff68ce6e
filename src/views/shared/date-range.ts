/**
 * Date-range presets counted back from the analysis date (PRODUCT.md: "date presets count
 * back from asof"). "Last 30 days" with asof 2024-06-30 is 2024-06-01 … 2024-06-30 (30 days
 * including asof); "this year" is 2024-01-01 … 2024-06-30.
 */
import { addDays, formatDay } from "../../lib/format/date.ts";
import { i18n, t } from "../../lib/i18n/index.svelte.ts";

export const PRESET_DAYS = [30, 90, 365] as const;

export interface DateRange {
  from: string | null;
  to: string | null;
}

/** The range of the last `days` days up to and including `asof`. */
export function presetRange(asof: string, days: number): DateRange {
  return { from: addDays(asof, -(days - 1)), to: asof };
}

/** The year of `asof` up to asof. */
export function yearRange(asof: string): DateRange {
  return { from: `${asof.slice(0, 4)}-01-01`, to: asof };
}

export type Preset = number | "year" | "all";

/** The preset a range equals (a number of days, the year, all), or null for a custom range. */
export function matchingPreset(range: DateRange, asof: string | null): Preset | null {
  if (range.from === null && range.to === null) return "all";
  if (!asof) return null;
  const same = (p: DateRange) => p.from === range.from && (range.to === p.to || range.to === null);
  const days = PRESET_DAYS.find((d) => same(presetRange(asof, d)));
  if (days !== undefined) return days;
  return same(yearRange(asof)) ? "year" : null;
}

/** The range in words: the preset's name, else its dates ("Jan 1, 2024 – Mar 31, 2024", "up to Mar 31, 2024"). */
export function dateRangeText(range: DateRange, asof: string | null): string {
  const preset = matchingPreset(range, asof);
  if (preset === "all") return t("filters.all");
  if (preset === "year") return t("filters.this_year");
  if (preset !== null) return t("filters.preset_days", { days: preset });
  const to = formatDay(range.to ?? asof, i18n.locale);
  return range.from ? t("kpi.range", { from: formatDay(range.from, i18n.locale), to }) : t("kpi.range_up_to", { to });
}
