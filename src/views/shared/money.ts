/**
 * Money in whole currency units for wide tables: formatMoneyWhole(4025022.64, "en", "CNY")
 * → "CN¥4,025,023"; without a known currency a grouped whole number ("4,025,023").
 */
import type { Locale } from "../../lib/format/locale.ts";
import { isCurrencyCode, NO_VALUE } from "../../lib/format/number.ts";

const cache = new Map<string, Intl.NumberFormat>();

export function formatMoneyWhole(n: number | null | undefined, locale: Locale, currency: string | null): string {
  if (typeof n !== "number" || !Number.isFinite(n)) return NO_VALUE;
  const code = isCurrencyCode(currency) ? currency.toUpperCase() : "";
  const key = `${locale}|${code}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, code ? { style: "currency", currency: code, maximumFractionDigits: 0, minimumFractionDigits: 0 } : { maximumFractionDigits: 0 });
    cache.set(key, f);
  }
  return f.format(n);
}
