/**
 * Date-range presets counted back from the analysis date (PRODUCT.md: "date presets count
 * back from asof"). "Last 30 days" with asof 2024-06-30 is 2024-06-01 … 2024-06-30 (30 days
 * including asof).
 */
import { addDays } from "../../lib/format/date.ts";

export const PRESET_DAYS = [30, 90, 365] as const;

export interface DateRange {
  from: string | null;
  to: string | null;
}

/** The range of the last `days` days up to and including `asof`. */
export function presetRange(asof: string, days: number): DateRange {
  return { from: addDays(asof, -(days - 1)), to: asof };
}

/** The preset a range equals (a number of days), "all" for no range, or null for a custom range. */
export function matchingPreset(range: DateRange, asof: string | null): number | "all" | null {
  if (range.from === null && range.to === null) return "all";
  if (!asof) return null;
  for (const days of PRESET_DAYS) {
    const p = presetRange(asof, days);
    if (p.from === range.from && (range.to === p.to || range.to === null)) return days;
  }
  return null;
}
