/**
 * The reactive view state, kept in step with `location.hash`: a change made through this
 * class pushes a history entry (so back/forward walk through views), and a hash changed by
 * the browser (back, forward, a pasted link) flows back into the state.
 */
import { getContext, setContext } from "svelte";
import type { Filters } from "../analytics/filters.ts";
import { DEFAULT_URL_STATE, parseHash, serialiseHash, type Page, type UrlState } from "./url-state.ts";

export interface UpdateOptions {
  /** Replace the current history entry instead of adding one (for corrections, not navigation). */
  replace?: boolean;
}

export class ViewState {
  /** $state: every view reads it, and the URL is its mirror. Replaced whole, never mutated. */
  url = $state.raw<UrlState>(DEFAULT_URL_STATE);

  /** The global filters in the shape the analytics take ($derived so identity changes only with the URL). */
  readonly filters: Filters = $derived({
    from: this.url.from,
    to: this.url.to,
    region: this.url.region,
    channel: this.url.channel,
    segment: this.url.segment,
    tier: this.url.tier,
  });

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
      if (serialiseHash(next) !== serialiseHash(this.url)) this.url = next;
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

  /** Change part of the state; a new history entry unless `replace`. No-op when nothing changes. */
  update(patch: Partial<UrlState>, options: UpdateOptions = {}): void {
    const next: UrlState = { ...this.url, ...patch };
    const hash = serialiseHash(next);
    if (hash === serialiseHash(this.url)) return;
    this.url = parseHash(hash);
    this.writeHash(hash, options.replace ?? false);
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

const KEY = Symbol("view-state");

export function setViewState(view: ViewState): ViewState {
  return setContext(KEY, view);
}

export function getViewState(): ViewState {
  const view = getContext<ViewState | undefined>(KEY);
  if (!view) throw new Error("getViewState() called outside <App>: setViewState was never called");
  return view;
}
