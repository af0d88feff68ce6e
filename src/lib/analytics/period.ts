/**
 * The period every number covers and the one it is compared with. The period ends at the
 * filter's `to` or the analysis date, whichever is earlier (data after asof is ignored).
 * With a `from`, the comparison is the previous period of equal length; without one
 * (all time), it is all time up to a year earlier.
 */
import type { DatasetInfo } from "../db/protocol.ts";
import type { Filters } from "./filters.ts";

/** Inclusive epoch-day bounds. */
export interface Period {
  from: number;
  to: number;
}

export type Comparison = "previous_period" | "year_earlier" | "none";

export interface ResolvedPeriods {
  current: Period;
  previous: Period | null;
  comparison: Comparison;
}

/** Lower bound used for "since the beginning". */
export const BEGINNING = -1_000_000;

export function isoToDay(iso: string | null): number | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(ms) ? null : Math.floor(ms / 86_400_000);
}

export function resolvePeriods(filters: Filters, info: Pick<DatasetInfo, "asofDay" | "firstDay">): ResolvedPeriods {
  const asof = info.asofDay ?? 0;
  const to = Math.min(isoToDay(filters.to) ?? asof, asof);
  const from = isoToDay(filters.from);
  if (from !== null) {
    const length = to - from + 1;
    return { current: { from, to }, previous: { from: from - length, to: from - 1 }, comparison: "previous_period" };
  }
  const yearEarlier = to - 365;
  if (info.firstDay === null || yearEarlier < info.firstDay) {
    return { current: { from: BEGINNING, to }, previous: null, comparison: "none" };
  }
  return { current: { from: BEGINNING, to }, previous: { from: BEGINNING, to: yearEarlier }, comparison: "year_earlier" };
}
