/**
 * The pages of the app as hash routes. A page the product plans but this build does not
 * have yet has no component: it stays out of the nav, and its hash shows a "coming" note.
 * Adding a page = adding its component here (the nav, the router and the URL follow).
 */
import type { Component } from "svelte";
import type { Page } from "../lib/state/url-state.ts";
import Overview from "./Overview.svelte";
import Data from "./Data.svelte";
import Segments from "./Segments.svelte";
import Value from "./Value.svelte";
import Lifecycle from "./Lifecycle.svelte";
import Churn from "./Churn.svelte";
import Satisfaction from "./Satisfaction.svelte";

export interface Route {
  page: Page;
  /** i18n key of the nav label. */
  labelKey: string;
  component?: Component;
  /** True when the page is useful with no data loaded (the Data page: files, console). */
  worksEmpty?: boolean;
}

export const ROUTES: readonly Route[] = [
  { page: "", labelKey: "nav.overview", component: Overview },
  { page: "segments", labelKey: "nav.segments", component: Segments },
  { page: "value", labelKey: "nav.value", component: Value },
  { page: "lifecycle", labelKey: "nav.lifecycle", component: Lifecycle },
  { page: "churn", labelKey: "nav.churn", component: Churn },
  { page: "satisfaction", labelKey: "nav.satisfaction", component: Satisfaction },
  { page: "data", labelKey: "nav.data", component: Data, worksEmpty: true },
];

/** The routes shown in the nav, in order. */
export const NAV_ROUTES: readonly Route[] = ROUTES.filter((r) => r.component);

export function routeFor(page: Page): Route {
  return ROUTES.find((r) => r.page === page) ?? (ROUTES[0] as Route);
}
