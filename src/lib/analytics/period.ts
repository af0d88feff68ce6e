/**
 * The period every number covers and the two it is compared with. The period ends at the
 * filter's `to` or the analysis date, whichever is earlier (data after asof is ignored).
 * With a `from`, it is compared with the previous period of equal length (环比) and with
 * the same dates a year earlier (同比); without one (all time), only with all time up to a
 * year earlier. A comparison period that ends before the first day of data is dropped: it
 * would compare with nothing.
 *
 * Worked example: 2024-03-01 … 2024-03-31 (31 days) → previous 2024-01-30 … 2024-02-29,
 * a year earlier 2023-03-01 … 2023-03-31; 2024-02-29 a year earlier is 2023-02-28.
 */
import type { DatasetInfo } from "../db/protocol.ts";
import type { Filters } from "./filters.ts";

/** Inclusive epoch-day bounds. */
export interface Period {
  from: number;
  to: number;
}

export interface ResolvedPeriods {
  current: Period;
  /** 环比: the period of equal length just before the current one (null for all time). */
  previous: Period | null;
  /** 同比: the same dates a year earlier. */
  yearAgo: Period | null;
}

/** Lower bound used for "since the beginning". */
export const BEGINNING = -1_000_000;

export function isoToDay(iso: string | null): number | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(ms) ? null : Math.floor(ms / 86_400_000);
}

/** The same calendar day a year earlier (29 February becomes 28 February). */
export function dayYearBefore(day: number): number {
  const date = new Date(day * 86_400_000);
  const year = date.getUTCFullYear() - 1;
  const month = date.getUTCMonth();
  const lastOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastOfMonth)) / 86_400_000;
}

export function resolvePeriods(filters: Filters, info: Pick<DatasetInfo, "asofDay" | "firstDay">): ResolvedPeriods {
  const asof = info.asofDay ?? 0;
  const to = Math.min(isoToDay(filters.to) ?? asof, asof);
  const from = isoToDay(filters.from);
  const withData = (period: Period): Period | null => (info.firstDay !== null && period.to >= info.firstDay ? period : null);
  if (from === null) {
    return { current: { from: BEGINNING, to }, previous: null, yearAgo: withData({ from: BEGINNING, to: dayYearBefore(to) }) };
  }
  const length = to - from + 1;
  return {
    current: { from, to },
    previous: withData({ from: from - length, to: from - 1 }),
    yearAgo: withData({ from: dayYearBefore(from), to: dayYearBefore(to) }),
  };
}
