/**
 * Dates as the interface shows them, on Intl.DateTimeFormat. The data's dates are calendar
 * days (ISO `YYYY-MM-DD`), so everything is formatted in UTC: a day never shifts with the
 * reader's time zone.
 *
 * Worked examples: formatDay("2024-01-05", "en") → "Jan 5, 2024";
 * formatDay("2024-01-05", "zh-CN") → "2024年1月5日"; formatMonth("2024-01-01", "zh-TW") → "2024年1月".
 */
import type { Locale } from "./locale.ts";
import { NO_VALUE } from "./number.ts";

const cache = new Map<string, Intl.DateTimeFormat>();

function df(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
    cache.set(key, f);
  }
  return f;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC Date of an ISO day, or null when the text is not a real calendar day. */
export function parseIsoDay(iso: string | null | undefined): Date | null {
  const m = iso ? ISO_DAY.exec(iso) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/** True when `iso` is a real calendar day written YYYY-MM-DD. */
export const isIsoDay = (iso: string | null | undefined): iso is string => parseIsoDay(iso) !== null;

/** The ISO day `days` after (negative: before) `iso`; "2024-03-01" − 1 → "2024-02-29". */
export function addDays(iso: string, days: number): string {
  const date = parseIsoDay(iso);
  if (!date) throw new RangeError(`not an ISO day: ${iso}`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The ISO day of an epoch day (days since 1970-01-01, as the database stores dates): 19723 → "2024-01-01". */
export const dayToIso = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** A day: "Jan 5, 2024" / "2024年1月5日". */
export function formatDay(iso: string | null | undefined, locale: Locale): string {
  const date = parseIsoDay(iso);
  return date ? df(locale, { year: "numeric", month: "short", day: "numeric" }).format(date) : NO_VALUE;
}

/** A month: "Jan 2024" / "2024年1月" (accepts YYYY-MM or YYYY-MM-DD). */
export function formatMonth(iso: string | null | undefined, locale: Locale): string {
  const date = parseIsoDay(iso && iso.length === 7 ? `${iso}-01` : iso);
  return date ? df(locale, { year: "numeric", month: "short" }).format(date) : NO_VALUE;
}

/** A short month for crowded axes: "Jan" / "1月"; January also carries the year ("Jan 2024"). */
export function formatMonthTick(iso: string, locale: Locale): string {
  const date = parseIsoDay(iso.length === 7 ? `${iso}-01` : iso);
  if (!date) return iso;
  return date.getUTCMonth() === 0 ? formatMonth(iso, locale) : df(locale, { month: "short" }).format(date);
}

/**
 * A moment of the reader's own session, such as the last save: "Jan 5, 2024, 3:04 PM" /
 * "2024年1月5日 15:04", in the reader's time zone (unlike the data's calendar days).
 */
export function formatMoment(isoDateTime: string | null | undefined, locale: Locale): string {
  const date = isoDateTime ? new Date(isoDateTime) : null;
  if (!date || Number.isNaN(date.getTime())) return NO_VALUE;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}
