/**
 * Number formatting on Intl only (d3-format has no zh-TW locale and no 万/亿 grouping).
 * Every function takes the locale explicitly so that it is pure and testable; formatters
 * are cached per locale and option set because constructing Intl objects is slow.
 *
 * Worked examples (Node 20 / Chromium ICU):
 *   formatMoney(12345.6, "zh-CN", "CNY") → "¥12,345.60"
 *   formatMoney(12345.6, "en", "CNY")    → "CN¥12,345.60"
 *   formatCompact(12345.6, "zh-TW")      → "1.2萬"
 *   formatPercent(0.2654, "en")          → "26.5%"
 */
import type { Locale } from "./locale.ts";

const cache = new Map<string, Intl.NumberFormat>();

function nf(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** The placeholder shown for a value that cannot be computed. */
export const NO_VALUE = "—";

const ok = (n: number | null | undefined): n is number => typeof n === "number" && Number.isFinite(n);

/** A whole count with grouping: 12345 → "12,345". */
export function formatCount(n: number | null | undefined, locale: Locale): string {
  return ok(n) ? nf(locale, { maximumFractionDigits: 0 }).format(n) : NO_VALUE;
}

/** A plain number with a fixed number of decimals: 2.345 → "2.35". */
export function formatDecimal(n: number | null | undefined, locale: Locale, digits = 2): string {
  return ok(n) ? nf(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n) : NO_VALUE;
}

/** True when Intl knows the ISO 4217 code (a bad code would throw RangeError). */
export function isCurrencyCode(code: string | null | undefined): code is string {
  if (!code || !/^[A-Za-z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat("en", { style: "currency", currency: code });
    return true;
  } catch {
    return false;
  }
}

/**
 * Money in the data's currency when it is known, else a plain number with 2 decimals.
 * formatMoney(12345.6, "zh-CN", "CNY") → "¥12,345.60"; formatMoney(12345.6, "en", null) → "12,345.60".
 */
export function formatMoney(n: number | null | undefined, locale: Locale, currency: string | null): string {
  if (!ok(n)) return NO_VALUE;
  if (isCurrencyCode(currency)) return nf(locale, { style: "currency", currency: currency.toUpperCase() }).format(n);
  return formatDecimal(n, locale, 2);
}

/**
 * A big number shortened for cards and axis ticks: en "12.3K", zh-CN "1.2万", zh-TW "1.2萬".
 * Numbers below 10,000 are shown whole (compact would turn 1,234 into "1.2K", which hides
 * detail that fits easily).
 */
export function formatCompact(n: number | null | undefined, locale: Locale): string {
  if (!ok(n)) return NO_VALUE;
  if (Math.abs(n) < 10_000) return nf(locale, { maximumFractionDigits: Math.abs(n) < 10 ? 2 : 0 }).format(n);
  return nf(locale, { notation: "compact", maximumFractionDigits: 1 }).format(n);
}

/** Money shortened the same way: "¥123.5万", "CN¥1.2M". */
export function formatMoneyCompact(n: number | null | undefined, locale: Locale, currency: string | null): string {
  if (!ok(n)) return NO_VALUE;
  if (Math.abs(n) < 10_000) {
    if (isCurrencyCode(currency)) {
      return nf(locale, { style: "currency", currency: currency.toUpperCase(), maximumFractionDigits: 0 }).format(n);
    }
    return nf(locale, { maximumFractionDigits: 0 }).format(n);
  }
  if (isCurrencyCode(currency)) {
    return nf(locale, { style: "currency", currency: currency.toUpperCase(), notation: "compact", maximumFractionDigits: 1 }).format(n);
  }
  return nf(locale, { notation: "compact", maximumFractionDigits: 1 }).format(n);
}

/** A fraction as a percentage: 0.2654 → "26.5%" (digits = fraction digits of the percent). */
export function formatPercent(fraction: number | null | undefined, locale: Locale, digits = 1): string {
  return ok(fraction)
    ? nf(locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction)
    : NO_VALUE;
}

/** A signed number: +3.2, −1.5 (the sign is always shown; zero has none). */
export function formatSigned(n: number | null | undefined, locale: Locale, digits = 1): string {
  return ok(n)
    ? nf(locale, { signDisplay: "exceptZero", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n)
    : NO_VALUE;
}

/** A byte size: 512 → "512 B", 1536 → "1.5 kB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number | null | undefined, locale: Locale): string {
  if (!ok(bytes)) return NO_VALUE;
  // Intl writes "47 byte" in English; file sizes read better as "47 B" everywhere.
  if (bytes < 1000) return `${formatCount(bytes, locale)} B`;
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return nf(locale, { style: "unit", unit: units[i], unitDisplay: "short", maximumFractionDigits: i === 0 ? 0 : 1 }).format(value);
}
