/**
 * Calendar helpers on "day numbers" (whole days since 1970-01-01, UTC), so that no time
 * zone or clock of the machine running the generator can change the output.
 */

const MS_PER_DAY = 86_400_000;

export function dayOf(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new Error(`bad date ${iso}`);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export interface CalendarDay {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  date: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export function calendarOf(day: number): CalendarDay {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate(), weekday: d.getUTCDay() };
}

/** The data window: first and last day of the demo orders. */
export const DATA_START = dayOf("2023-01-01");
export const DATA_END = dayOf("2025-12-31");
