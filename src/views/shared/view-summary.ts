/**
 * The view in words, for what leaves the screen (exported charts, the printed page): the
 * filters in force and the analysis date, in the interface language.
 *
 * Worked example (en): filters { from: "2024-01-01", to: "2024-03-31", region: ["East", "North"] }
 * and asof "2024-06-30" → ["Filters: Period Jan 1, 2024 – Mar 31, 2024 · Region: East, North",
 * "Analysis date: Jun 30, 2024"].
 */
import type { Filters } from "../../lib/analytics/filters.ts";
import { formatDay } from "../../lib/format/date.ts";
import { i18n, t } from "../../lib/i18n/index.svelte.ts";
import { LIST_KEYS } from "../../lib/state/url-state.ts";
import { filterName, filterValueText } from "./filter-labels.ts";

/** "Period …" and "Region: East, North" parts of the filters in force, in the URL's order. */
function filterParts(filters: Filters): string[] {
  const day = (iso: string) => formatDay(iso, i18n.locale);
  const parts: string[] = [];
  if (filters.from || filters.to) {
    parts.push(t("export.period", { from: filters.from ? day(filters.from) : t("export.start"), to: filters.to ? day(filters.to) : t("export.end") }));
  }
  for (const key of LIST_KEYS) {
    const values = filters[key] ?? [];
    if (values.length) parts.push(t("export.filter", { filter: filterName(key), values: values.map((v) => filterValueText(key, v).text).join(t("export.list_separator")) }));
  }
  return parts;
}

/** The two lines stamped on an exported chart and a printed page: the filters, the analysis date. */
export function viewSummary(filters: Filters, asof: string | null): string[] {
  const parts = filterParts(filters);
  return [
    parts.length ? t("export.filters", { filters: parts.join(" · ") }) : t("export.no_filters"),
    t("export.asof", { date: asof ? formatDay(asof, i18n.locale) : t("export.asof_none") }),
  ];
}
