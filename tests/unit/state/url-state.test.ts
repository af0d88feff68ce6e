import { describe, expect, it } from "vitest";
import { DEFAULT_URL_STATE, parseHash, serialiseHash, type UrlState } from "../../../src/lib/state/url-state.ts";

const state = (patch: Partial<UrlState>): UrlState => ({ ...DEFAULT_URL_STATE, ...patch });

describe("parseHash", () => {
  it("reads an empty hash as the Overview with defaults", () => {
    expect(parseHash("")).toEqual(DEFAULT_URL_STATE);
    expect(parseHash("#/")).toEqual(DEFAULT_URL_STATE);
    expect(parseHash("#")).toEqual(DEFAULT_URL_STATE);
  });

  it("reads every key", () => {
    expect(
      parseHash("#/churn?asof=2024-06-30&unit=week&churn_days=60&lang=zh-TW&theme=dark&from=2024-01-01&to=2024-03-31&region=North,South&channel=web&segment=Champions,At%20Risk&tier=Gold"),
    ).toEqual({
      page: "churn",
      asof: "2024-06-30",
      unit: "week",
      churnDays: 60,
      lang: "zh-TW",
      theme: "dark",
      from: "2024-01-01",
      to: "2024-03-31",
      region: ["North", "South"],
      channel: ["web"],
      segment: ["Champions", "At Risk"],
      tier: ["Gold"],
    });
  });

  it.each([
    ["unknown page", "#/nowhere?lang=en", state({ lang: "en" })],
    ["unknown key", "#/data?foo=bar&lang=zh-CN", state({ page: "data", lang: "zh-CN" })],
    ["impossible date", "#/?asof=2024-02-30", state({})],
    ["date in another shape", "#/?from=2024/01/05&to=05-01-2024", state({})],
    ["unknown unit", "#/?unit=month", state({})],
    ["churn_days zero", "#/?churn_days=0", state({})],
    ["churn_days not a number", "#/?churn_days=abc", state({})],
    ["churn_days negative", "#/?churn_days=-30", state({})],
    ["churn_days fractional", "#/?churn_days=30.5", state({})],
    ["churn_days too large", "#/?churn_days=99999", state({})],
    ["unknown language", "#/?lang=fr", state({})],
    ["language in the wrong case", "#/?lang=zh-cn", state({})],
    ["unknown theme", "#/?theme=blue", state({})],
    ["broken percent-encoding", "#/?region=%E4%B8", state({})],
    ["empty list items", "#/?region=,North,,", state({ region: ["North"] })],
    ["duplicate list items", "#/?tier=Gold,Gold", state({ tier: ["Gold"] })],
  ])("drops %s", (_name, hash, expected) => {
    expect(parseHash(hash)).toEqual(expected);
  });

  it("accepts a hash without the leading slash and with a trailing one", () => {
    expect(parseHash("#data/").page).toBe("data");
  });

  it("decodes Chinese list values", () => {
    expect(parseHash(`#/?region=${encodeURIComponent("华东")},${encodeURIComponent("華南")}`).region).toEqual(["华东", "華南"]);
  });
});

describe("serialiseHash", () => {
  it("writes the defaults as the bare route", () => {
    expect(serialiseHash(DEFAULT_URL_STATE)).toBe("#/");
    expect(serialiseHash(state({ page: "data" }))).toBe("#/data");
  });

  it("writes keys in a fixed order and omits defaults", () => {
    expect(serialiseHash(state({ page: "segments", region: ["North"], lang: "en", asof: "2024-06-30" }))).toBe(
      "#/segments?asof=2024-06-30&lang=en&region=North",
    );
  });

  it("encodes commas inside list values so that they survive", () => {
    const s = state({ channel: ["Web, mobile", "Store"] });
    expect(serialiseHash(s)).toBe("#/?channel=Web%2C%20mobile,Store");
    expect(parseHash(serialiseHash(s))).toEqual(s);
  });

  it("leaves invalid values out", () => {
    expect(serialiseHash(state({ asof: "2024-13-01", churnDays: 0, from: "yesterday" }))).toBe("#/");
  });
});

describe("round trips", () => {
  const cases: UrlState[] = [
    DEFAULT_URL_STATE,
    state({ page: "data", lang: "zh-CN" }),
    state({ page: "churn", churnDays: 90, unit: "day", theme: "light" }),
    state({ page: "satisfaction", from: "2023-01-01", to: "2023-12-31", segment: ["Cannot Lose Them"] }),
    state({ page: "lifecycle", asof: "2011-12-09", unit: "week", lang: "zh-TW", theme: "dark", region: ["华东", "North & South"], tier: ["A+B"] }),
    state({ channel: ["100% online", "a=b&c"] }),
  ];
  it.each(cases.map((c) => [serialiseHash(c), c] as const))("%s", (hash, value) => {
    expect(parseHash(hash)).toEqual(value);
    expect(serialiseHash(parseHash(hash))).toBe(hash);
  });
});
