/**
 * The global filters every number obeys (PRODUCT.md: `from`, `to`, `region`, `channel`,
 * `segment`, `tier` in the URL). Dates are ISO strings; empty lists mean "all".
 */
export interface Filters {
  from: string | null;
  to: string | null;
  region: string[];
  channel: string[];
  segment: string[];
  tier: string[];
}

export const NO_FILTERS: Filters = { from: null, to: null, region: [], channel: [], segment: [], tier: [] };

/** A function that runs SQL with bound parameters and returns row objects (client.query or the engine in tests). */
export type QueryFn = <T extends Record<string, unknown>>(sql: string, params?: readonly (string | number | null)[]) => Promise<T[]>;
