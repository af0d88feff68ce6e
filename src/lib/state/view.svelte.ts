/**
 * The reactive view state, kept in step with `location.hash`: a change made through this
 * class pushes a history entry (so back/forward walk through views), and a hash changed by
 * the browser (back, forward, a pasted link) flows back into the state.
 */
import { getContext, setContext, untrack } from "svelte";
import { SvelteMap } from "svelte/reactivity";
import { emptyLists, LIST_FILTER_KEYS, pickFilters, type Filters, type ListFilterKey } from "../analytics/filters.ts";
import { chooseOnly, DEFAULT_URL_STATE, parseHash, serialiseHash, type Page, type UrlState, type ViewOption } from "./url-state.ts";

export interface UpdateOptions {
  /** Replace the current history entry instead of adding one (for corrections, not navigation). */
  replace?: boolean;
  /**
   * Changes made through one field while the reader types (a date typed digit by digit):
   * a change of the same group within GROUP_MS of the last one replaces its history entry,
   * so that Back undoes the typing, not one keystroke.
   */
  group?: string;
}

/** How long after a grouped change another of the same group still replaces it. */
const GROUP_MS = 2000;

/** A filter value set by clicking a chart, and the chart's title (the filter bar says where it came from). */
export interface CrossFilter {
  key: ListFilterKey;
  value: string;
  /** The chart's title in the language it was clicked in. */
  chart: string;
  /** True when the click chose the value, false when it took it off. */
  added: boolean;
  /** The list before the click (what "undo" puts back). */
  before: string[];
  /** Tells two clicks on the same value apart (the notice restarts). */
  serial: number;
}

export class ViewState {
  /** $state: every view reads it, and the URL is its mirror. Replaced whole, never mutated. */
  url = $state.raw<UrlState>(DEFAULT_URL_STATE);

  /**
   * The global filters in the shape the analytics take. The same object while the filters
   * stay the same, so that a change of language, theme or chart option re-runs no query.
   */
  readonly filters: Filters = $derived.by(() => {
    const next = pickFilters(this.url);
    const text = JSON.stringify(next);
    if (text !== this.filtersText) {
      this.filtersText = text;
      this.lastFilters = next;
    }
    return this.lastFilters;
  });
  /** Not $state: the memo behind `filters`. */
  private filtersText = JSON.stringify(pickFilters(DEFAULT_URL_STATE));
  private lastFilters: Filters = pickFilters(DEFAULT_URL_STATE);

  /** $state.raw: the latest filter set from a chart (the filter bar's notice and chips read it); null once the filters are reset. */
  crossFilter = $state.raw<CrossFilter | null>(null);
  /** Reactive (SvelteMap): which chart set each filter value in force (`key\u0000value` → chart title). */
  readonly filterSources = new SvelteMap<string, string>();

  /** Not $state: the group and time of the last history entry added (see UpdateOptions.group). */
  private lastEntry: { group: string | undefined; at: number } | null = null;

  /** Not $state: the window this state is bound to never changes. */
  private readonly win: Window | null;

  constructor(win: Window | null = typeof window === "undefined" ? null : window) {
    this.win = win;
    if (!win) return;
    this.url = parseHash(win.location.hash);
    // Write the normalised form back (drops invalid values) without adding an entry.
    const normal = serialiseHash(this.url);
    if (win.location.hash !== normal && win.location.hash !== "") this.writeHash(normal, true);
  }

  /** Follow the browser's hash; returns the function that stops listening. */
  listen(): () => void {
    const win = this.win;
    if (!win) return () => {};
    const onChange = () => {
      const next = parseHash(win.location.hash);
      this.lastEntry = null;
      if (serialiseHash(next) !== serialiseHash(this.url)) this.url = next;
      this.forgetSources();
    };
    win.addEventListener("hashchange", onChange);
    win.addEventListener("popstate", onChange);
    return () => {
      win.removeEventListener("hashchange", onChange);
      win.removeEventListener("popstate", onChange);
    };
  }

  get page(): Page {
    return this.url.page;
  }

  /** Change part of the state; a new history entry unless `replace` (or a `group` still typing). No-op when nothing changes. */
  update(patch: Partial<UrlState>, options: UpdateOptions = {}): void {
    const next: UrlState = { ...this.url, ...patch };
    const hash = serialiseHash(next);
    if (hash === serialiseHash(this.url)) return;
    this.url = parseHash(hash);
    this.forgetSources();
    const now = Date.now();
    const typing = options.group !== undefined && this.lastEntry?.group === options.group && now - this.lastEntry.at < GROUP_MS;
    const replace = (options.replace ?? false) || typing;
    if (!replace) this.lastEntry = { group: options.group, at: now };
    else if (typing && this.lastEntry) this.lastEntry.at = now;
    this.writeHash(hash, replace);
  }

  /** The number of filters in force: the date range counts one, each list value one. */
  get filterCount(): number {
    const f = this.filters;
    return (f.from || f.to ? 1 : 0) + listValues(f).length;
  }

  /**
   * A click on a chart's bar, cell or tile: filter every page by `value` alone, or take the
   * filter off when it was the only value (see chooseOnly); `chart` is the chart's title,
   * shown beside the filter and in the notice.
   */
  toggleFilter(key: ListFilterKey, value: string, chart: string): void {
    const before = this.url[key];
    const after = chooseOnly(before, value);
    this.update({ [key]: after });
    const added = after.length > 0;
    if (added) this.filterSources.set(sourceKey(key, value), chart);
    this.crossFilter = { key, value, chart, added, before, serial: (this.crossFilter?.serial ?? 0) + 1 };
  }

  /** Take back the latest chart click (the "undo" of its notice). */
  undoCrossFilter(): void {
    const last = this.crossFilter;
    if (!last) return;
    this.update({ [last.key]: last.before });
    this.crossFilter = null;
  }

  /** Forget the chart of each value no longer in force (chosen again from a menu, it came from no chart). */
  private forgetSources(): void {
    // Untracked: update() may run inside an effect, which should not come to depend on this map.
    untrack(() => {
      for (const id of [...this.filterSources.keys()]) {
        const [key, value] = id.split("\u0000") as [ListFilterKey, string];
        if (!this.url[key].includes(value)) this.filterSources.delete(id);
      }
    });
  }

  /** The chart a filter value in force was set from, if it was. */
  filterSource(key: ListFilterKey, value: string): string | undefined {
    return this.filterSources.get(sourceKey(key, value));
  }

  /** Clear the date range and every list filter (one history entry). */
  resetFilters(): void {
    this.update({ from: null, to: null, ...emptyLists() });
    this.filterSources.clear();
    this.crossFilter = null;
  }

  /** A chart option from the URL when it is one of `allowed`, else the page's `fallback`. */
  option<T extends string>(key: ViewOption, allowed: readonly T[], fallback: T): T {
    const value = this.url.options[key];
    return allowed.find((a) => a === value) ?? fallback;
  }

  /** Set a chart option (a history entry); the page's default is left out of the link. */
  setOption<T extends string | number>(key: ViewOption, value: T, fallback: T): void {
    const options = { ...this.url.options };
    if (value === fallback) delete options[key];
    else options[key] = String(value);
    this.update({ options });
  }

  /** The link to `page` with the rest of the state kept (for nav `href`s). */
  href(page: Page): string {
    return serialiseHash({ ...this.url, page });
  }

  private writeHash(hash: string, replace: boolean): void {
    const win = this.win;
    if (!win) return;
    const url = `${win.location.pathname}${win.location.search}${hash}`;
    if (replace) win.history.replaceState(win.history.state, "", url);
    else win.history.pushState(null, "", url);
  }
}

const sourceKey = (key: ListFilterKey, value: string) => `${key}\u0000${value}`;

/** Every list filter value in force, as key and value, in the URL's order. */
export function listValues(filters: Filters): { key: ListFilterKey; value: string }[] {
  return LIST_FILTER_KEYS.flatMap((key) => filters[key].map((value) => ({ key, value })));
}

const KEY = Symbol("view-state");

export function setViewState(view: ViewState): ViewState {
  return setContext(KEY, view);
}

/** The context entry `setViewState` would make, for rendering a component outside <App> (server render in tests). */
export const viewStateEntry = (view: ViewState): [symbol, ViewState] => [KEY, view];

export function getViewState(): ViewState {
  const view = getContext<ViewState | undefined>(KEY);
  if (!view) throw new Error("getViewState() called outside <App>: setViewState was never called");
  return view;
}
