/**
 * Sorting labels for people. SQLite sorts Chinese by code point, which is no order a reader
 * knows; Intl.Collator sorts by pinyin (zh-CN) or stroke/zhuyin (zh-TW) and numbers
 * numerically ("Store 2" before "Store 10").
 */
import type { Locale } from "./locale.ts";

const collators = new Map<Locale, Intl.Collator>();

export function collator(locale: Locale): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(locale, { numeric: true, sensitivity: "base" });
    collators.set(locale, c);
  }
  return c;
}

/** A sorted copy of `labels` in the reader's order. */
export function sortLabels(labels: readonly string[], locale: Locale): string[] {
  return [...labels].sort(collator(locale).compare);
}

/** A sorted copy of `items` by the label `key` gives. */
export function sortBy<T>(items: readonly T[], key: (item: T) => string, locale: Locale): T[] {
  const compare = collator(locale).compare;
  return [...items].sort((a, b) => compare(key(a), key(b)));
}
