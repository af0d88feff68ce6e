import { describe, expect, it } from "vitest";
import { formatMetric, metricChange } from "../../../src/views/overview/metric-format.ts";
import { matchingPreset, presetRange } from "../../../src/views/shared/date-range.ts";

describe("KPI values", () => {
  it.each([
    [1234, "count", "en", null, "1,234"],
    [123456, "count", "zh-CN", null, "12.3万"],
    [0.2654, "ratio", "en", null, "26.5%"],
    [42, "nps", "zh-TW", null, "42"],
    [-12.5, "nps", "en", null, "-12.5"],
    [12345.6, "money", "zh-CN", "CNY", "¥12,345.60"],
    [2345678, "money", "zh-CN", "CNY", "¥234.6万"],
    [2.3456, "decimal", "en", null, "2.35"],
    [null, "ratio", "en", null, "—"],
  ] as const)("formatMetric(%s, %s, %s, %s) = %s", (value, format, locale, currency, expected) => {
    expect(formatMetric(value, format, locale, currency)).toBe(expected);
  });
});

describe("KPI changes", () => {
  it("shows ratios in percentage points", () => {
    expect(metricChange(0.3, 0.25, "ratio", true, "en")).toEqual({ direction: "up", tone: "good", text: "+5.0", unit: "points" });
  });
  it("shows NPS in points", () => {
    expect(metricChange(38, 42, "nps", true, "en")).toEqual({ direction: "down", tone: "bad", text: "-4.0", unit: "nps" });
  });
  it("shows other values as a relative change, coloured by higherIsBetter", () => {
    expect(metricChange(110, 100, "money", true, "en")).toEqual({ direction: "up", tone: "good", text: "+10.0%", unit: "percent" });
    expect(metricChange(0.3, 0.2, "ratio", false, "en")?.tone).toBe("bad");
    expect(metricChange(3.1, 3.5, "decimal", false, "en")?.tone).toBe("good");
  });
  it("has no change without a previous value or from zero", () => {
    expect(metricChange(5, null, "count", true, "en")).toBeNull();
    expect(metricChange(5, 0, "count", true, "en")).toBeNull();
    expect(metricChange(100, 100, "count", true, "en")).toEqual({ direction: "flat", tone: "neutral", text: "0.0%", unit: "percent" });
  });
});

describe("date presets", () => {
  it("count back from the analysis date, asof included", () => {
    expect(presetRange("2024-06-30", 30)).toEqual({ from: "2024-06-01", to: "2024-06-30" });
    expect(presetRange("2024-03-31", 365)).toEqual({ from: "2023-04-02", to: "2024-03-31" });
  });
  it("recognise the active preset", () => {
    expect(matchingPreset({ from: null, to: null }, "2024-06-30")).toBe("all");
    expect(matchingPreset({ from: "2024-06-01", to: "2024-06-30" }, "2024-06-30")).toBe(30);
    expect(matchingPreset({ from: "2024-06-02", to: "2024-06-30" }, "2024-06-30")).toBeNull();
  });
});
