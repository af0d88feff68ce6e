/**
 * The view in words, for what leaves the screen (exported charts, the printed page): the
 * filters in force and the analysis date. Pure: the translation function and locale come in.
 *
 * Worked example (en): filters { from: "2024-01-01", to: "2024-03-31", region: ["East", "North"] }
 * and asof "2024-06-30" → ["Filters: Period Jan 1, 2024 – Mar 31, 2024 · Region: East, North",
 * "Analysis date: Jun 30, 2024"].
 */
import type { Filters } from "../../lib/analytics/filters.ts";
import { formatDay } from "../../lib/format/date.ts";
import type { Locale } from "../../lib/format/locale.ts";
import type { Params } from "../../lib/i18n/index.svelte.ts";
import { LIST_KEYS, type ListKey } from "../../lib/state/url-state.ts";
import { isSegment, segmentKey } from "../segments/segment-meta.ts";

type Translate = (key: string, params?: Params) => string;

/** A filter value as the reader knows it: segment names translated, the data's own values as they are. */
export function filterValueText(key: ListKey, value: string, t: Translate): string {
  return key === "segment" && isSegment(value) ? t(`segments.names.${segmentKey(value)}`) : value;
}

/** "Period …" and "Region: East, North" parts of the filters in force, in the URL's order. */
export function filterParts(filters: Filters, t: Translate, locale: Locale): string[] {
  const parts: string[] = [];
  if (filters.from || filters.to) {
    parts.push(
      t("export.period", {
        from: filters.from ? formatDay(filters.from, locale) : t("export.start"),
        to: filters.to ? formatDay(filters.to, locale) : t("export.end"),
      }),
    );
  }
  for (const key of LIST_KEYS) {
    const values = filters[key] ?? [];
    if (values.length) parts.push(t("export.filter", { filter: t(`filters.keys.${key}`), values: values.map((v) => filterValueText(key, v, t)).join(t("export.list_separator")) }));
  }
  return parts;
}

/** The two lines stamped on an exported chart and a printed page: the filters, the analysis date. */
export function viewSummary(filters: Filters, asof: string | null, t: Translate, locale: Locale): string[] {
  const parts = filterParts(filters, t, locale);
  return [
    parts.length ? t("export.filters", { filters: parts.join(" · ") }) : t("export.no_filters"),
    t("export.asof", { date: asof ? formatDay(asof, locale) : t("export.asof_none") }),
  ];
}
