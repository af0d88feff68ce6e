/**
 * After the drop: every page visited in turn, then filter changes on the Overview and the
 * Segments page, each timed until the page is ready (probe.ts, settleAfterHash). Pages and
 * filters are reached through the URL hash, as a shared link or the filter bar sets them
 * (src/lib/state/url-state.ts).
 */
import type { Page } from "@playwright/test";
import { settleAfterHash, type Settled } from "./probe.ts";

/** Each page once, in the nav's order, ending back on the Overview ("" is the Overview). */
export const VISITED_PAGES = ["segments", "value", "lifecycle", "churn", "satisfaction", "data", ""] as const;
export type VisitedPage = (typeof VISITED_PAGES)[number];
export const pageLabel = (page: string): string => `#/${page}`;

/** The last year of the generated data, then one RFM segment on top of it. */
const DATE_RANGE = { from: "2025-01-01", to: "2025-12-31" };
const SEGMENT = { segment: "Champions" };
/** Pages the filter changes are timed on: the Overview and a heavier one. */
const FILTERED_PAGES = ["", "segments"] as const;
const FILTER_STEPS = ["date range", "+ segment"] as const;

const SETTLE_TIMEOUT_MS = 5 * 60_000;

/**
 * `hash` with another page and/or some keys set (value) or removed (null); the other keys
 * stay as they were written (a comma-separated list keeps its commas).
 */
export function withHash(hash: string, page: string | null, keys: Readonly<Record<string, string | null>>): string {
  const body = hash.replace(/^#/, "");
  const q = body.indexOf("?");
  const path = (q === -1 ? body : body.slice(0, q)).replace(/^\/+/, "");
  const kept = (q === -1 ? "" : body.slice(q + 1)).split("&").filter((pair) => pair && !Object.hasOwn(keys, pair.split("=")[0] ?? ""));
  const set = Object.entries(keys).flatMap(([key, value]) => (value === null ? [] : [`${key}=${encodeURIComponent(value)}`]));
  const query = [...kept, ...set].join("&");
  return `#/${page ?? path}${query ? `?${query}` : ""}`;
}

/** Moves to `page` with `keys` changed and waits until ready. */
export async function settle(page: Page, target: string | null, keys: Readonly<Record<string, string | null>> = {}): Promise<Settled> {
  const hash = withHash(await page.evaluate(() => location.hash), target, keys);
  return page.evaluate(settleAfterHash, [hash, SETTLE_TIMEOUT_MS] as [string, number]);
}

/** Each page in VISITED_PAGES, timed from the hash change to ready. */
export async function visitPages(page: Page, onVisited: (name: VisitedPage) => Promise<void>): Promise<Map<VisitedPage, Settled>> {
  const visits = new Map<VisitedPage, Settled>();
  for (const name of VISITED_PAGES) {
    visits.set(name, await settle(page, name));
    await onVisited(name);
  }
  return visits;
}

/** `page: step` → how it settled: on each FILTERED_PAGES page, the date range, then a segment on top. */
export async function changeFilters(page: Page): Promise<Map<string, Settled>> {
  const changes = new Map<string, Settled>();
  const clear = { from: null, to: null, segment: null };
  for (const target of FILTERED_PAGES) {
    // Untimed: the page without filters, ready.
    await settle(page, target, clear);
    changes.set(`${pageLabel(target)}: ${FILTER_STEPS[0]}`, await settle(page, target, DATE_RANGE));
    changes.set(`${pageLabel(target)}: ${FILTER_STEPS[1]}`, await settle(page, target, SEGMENT));
  }
  await settle(page, "", clear);
  return changes;
}
