/**
 * The global filters every number obeys (PRODUCT.md: `from`, `to`, `region`, `channel`,
 * `segment`, `tier` in the URL, and issue 6: any categorical customer attribute present).
 * Dates are ISO strings; empty lists mean "all".
 */

/**
 * Customer attributes a filter can restrict: columns of customer_summary, one URL key each
 * (`gender=Female&city=Guangzhou`), so that a link stays readable.
 */
export const ATTRIBUTE_FILTER_KEYS = ["region", "segment", "tier", "country", "city", "gender", "acquisition_channel", "contract_type"] as const;
export type AttributeFilterKey = (typeof ATTRIBUTE_FILTER_KEYS)[number];

/** Every list filter, in the order the URL and the filter bar give them: the order's channel and the customer attributes. */
export const LIST_FILTER_KEYS = ["region", "channel", "segment", "tier", "country", "city", "gender", "acquisition_channel", "contract_type"] as const;
export type ListFilterKey = (typeof LIST_FILTER_KEYS)[number];

export const isListFilterKey = (value: unknown): value is ListFilterKey => (LIST_FILTER_KEYS as readonly unknown[]).includes(value);

export interface Filters extends Record<ListFilterKey, string[]> {
  from: string | null;
  to: string | null;
}

/** An empty list per list filter (a fresh object each call, so that callers may fill it). */
export const emptyLists = <T = string>(): Record<ListFilterKey, T[]> =>
  Object.fromEntries(LIST_FILTER_KEYS.map((key) => [key, []])) as unknown as Record<ListFilterKey, T[]>;

export const NO_FILTERS: Filters = { from: null, to: null, ...emptyLists() };

/** The filters part of a larger object (the URL state), lists copied so that it compares by value. */
export function pickFilters(source: Filters): Filters {
  const filters: Filters = { from: source.from, to: source.to, ...emptyLists() };
  for (const key of LIST_FILTER_KEYS) filters[key] = [...source[key]];
  return filters;
}

/**
 * The filters without `key`'s own list: what a chart broken down by `key` is drawn under, so
 * that choosing one of its bars highlights it among the others instead of leaving it alone
 * (and what that key's menu counts are taken under). The same object when there is nothing
 * to take off, so that no query reruns.
 */
export function withoutList(filters: Filters, key: ListFilterKey | null): Filters {
  return key === null || filters[key].length === 0 ? filters : { ...filters, [key]: [] };
}

/** A function that runs SQL with bound parameters and returns row objects (client.query or the engine in tests). */
export type QueryFn = <T extends Record<string, unknown>>(sql: string, params?: readonly (string | number | null)[]) => Promise<T[]>;
