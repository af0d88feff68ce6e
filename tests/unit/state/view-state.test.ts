/**
 * The view state against a stand-in window: which changes add a history entry, a typed
 * field's changes grouped into one, chart clicks (choose, say where from, undo), reset,
 * and filters that keep their identity when only the language changes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ViewState } from "../../../src/lib/state/view.svelte.ts";

interface FakeWindow {
  location: { hash: string; pathname: string; search: string };
  history: { state: null; pushState: (s: null, t: string, url: string) => void; replaceState: (s: null, t: string, url: string) => void };
  addEventListener: () => void;
  removeEventListener: () => void;
}

let entries: string[];
let win: FakeWindow;

function fakeWindow(hash: string): FakeWindow {
  entries = [hash];
  const location = { hash, pathname: "/crm-lens/", search: "" };
  const go = (url: string) => (location.hash = url.slice(url.indexOf("#")));
  return {
    location,
    history: {
      state: null,
      pushState: (_s, _t, url) => {
        go(url);
        entries.push(location.hash);
      },
      replaceState: (_s, _t, url) => {
        go(url);
        entries[entries.length - 1] = location.hash;
      },
    },
    addEventListener: () => {},
    removeEventListener: () => {},
  };
}

const newView = (hash = "#/") => {
  win = fakeWindow(hash);
  return new ViewState(win as unknown as Window);
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2025-01-01T00:00:00Z"));
});
afterEach(() => vi.useRealTimers());

describe("history entries", () => {
  it("adds one per change, none for a change that changes nothing", () => {
    const view = newView();
    view.update({ page: "segments" });
    view.update({ region: ["East"] });
    view.update({ region: ["East"] });
    expect(entries).toEqual(["#/", "#/segments", "#/segments?region=East"]);
  });

  it("replaces the entry of a field still being typed, and adds one once typing has paused", () => {
    const view = newView();
    for (const year of ["0002", "0020", "0202", "2025"]) view.update({ from: `${year}-03-01` }, { group: "date-from" });
    expect(entries).toEqual(["#/", "#/?from=2025-03-01"]);
    vi.advanceTimersByTime(2500);
    view.update({ from: "2025-03-02" }, { group: "date-from" });
    expect(entries).toEqual(["#/", "#/?from=2025-03-01", "#/?from=2025-03-02"]);
    // Another field is another step, however soon.
    view.update({ to: "2025-03-31" }, { group: "date-to" });
    expect(entries).toHaveLength(4);
  });

  it("corrects without an entry when asked to (the file names of loaded data)", () => {
    const view = newView("#/churn");
    view.update({ files: ["orders.csv"] }, { replace: true });
    expect(entries).toEqual(["#/churn?files=orders.csv"]);
  });
});

describe("chart clicks", () => {
  it("choose the value alone, remember the chart, and take it off on a second click", () => {
    const view = newView("#/?region=West,North");
    view.toggleFilter("region", "East", "Churn by Region");
    expect(view.url.region).toEqual(["East"]);
    expect(view.filterSource("region", "East")).toBe("Churn by Region");
    expect(view.crossFilter).toMatchObject({ key: "region", value: "East", added: true, before: ["West", "North"] });
    view.toggleFilter("region", "East", "Churn by Region");
    expect(view.url.region).toEqual([]);
    expect(view.crossFilter?.added).toBe(false);
    expect(view.filterSource("region", "East")).toBeUndefined();
  });

  it("undo puts the list back as it was", () => {
    const view = newView("#/?region=West,North");
    view.toggleFilter("region", "East", "Churn by Region");
    view.undoCrossFilter();
    expect(view.url.region).toEqual(["West", "North"]);
    expect(view.crossFilter).toBeNull();
  });

  it("forget their chart once the value is chosen again from a menu", () => {
    const view = newView();
    view.toggleFilter("gender", "F", "Segments by Gender");
    view.update({ gender: [] });
    view.update({ gender: ["F"] });
    expect(view.filterSource("gender", "F")).toBeUndefined();
  });
});

describe("filters", () => {
  it("reset clears the dates and every list in one entry", () => {
    const view = newView("#/value?from=2025-01-01&region=East&gender=F&lang=en&measure=revenue");
    expect(view.filterCount).toBe(3);
    view.resetFilters();
    expect(win.location.hash).toBe("#/value?lang=en&measure=revenue");
    expect(entries).toHaveLength(2);
    expect(view.filterCount).toBe(0);
  });

  it("keep their identity when only the language or a chart option changes (no query reruns)", () => {
    const view = newView("#/?region=East");
    const before = view.filters;
    view.update({ lang: "zh-CN", options: { measure: "revenue" } });
    expect(view.filters).toBe(before);
    view.update({ city: ["上海"] });
    expect(view.filters).not.toBe(before);
    expect(view.filters.city).toEqual(["上海"]);
  });

  it("read a chart option only when it is one the page knows", () => {
    const view = newView("#/segments?measure=profit");
    expect(view.option("measure", ["customers", "revenue"], "customers")).toBe("customers");
    view.setOption("measure", "revenue", "customers");
    expect(win.location.hash).toBe("#/segments?measure=revenue");
    view.setOption("measure", "customers", "customers");
    expect(win.location.hash).toBe("#/segments");
  });
});
