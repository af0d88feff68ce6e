/** The filters and analysis date stamped on exports and printed pages, in the three languages. */
import { describe, expect, it } from "vitest";
import { NO_FILTERS, type Filters } from "../../../src/lib/analytics/filters.ts";
import { translate, type Locale, type Params } from "../../../src/lib/i18n/index.svelte.ts";
import { filterValueText, viewSummary } from "../../../src/views/shared/view-summary.ts";

const tIn = (locale: Locale) => (key: string, params?: Params) => translate(locale, key, params);
const filters = (patch: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...patch });

describe("viewSummary", () => {
  it("says there is no filter and gives the analysis date", () => {
    expect(viewSummary(NO_FILTERS, "2024-06-30", tIn("en"), "en")).toEqual(["Filters: none (all data)", "Analysis date: Jun 30, 2024"]);
    expect(viewSummary(NO_FILTERS, "2024-06-30", tIn("zh-CN"), "zh-CN")).toEqual(["筛选条件：无（全部数据）", "分析日期：2024年6月30日"]);
  });

  it("states the period and each list filter, segment names translated", () => {
    const f = filters({ from: "2024-01-01", to: "2024-03-31", region: ["East", "North"], segment: ["Champions", "At Risk"] });
    expect(viewSummary(f, "2024-06-30", tIn("en"), "en")[0]).toBe("Filters: Period Jan 1, 2024 – Mar 31, 2024 · Region: East, North · Segment: Champions, At Risk");
    const zh = viewSummary(f, "2024-06-30", tIn("zh-TW"), "zh-TW")[0];
    expect(zh).toBe(
      `篩選條件：期間 2024年1月1日 – 2024年3月31日 · 地區：East、North · 客戶細分：${translate("zh-TW", "segments.names.champions")}、${translate("zh-TW", "segments.names.at_risk")}`,
    );
  });

  it("names an open end of the period", () => {
    expect(viewSummary(filters({ from: "2024-02-01" }), null, tIn("en"), "en")).toEqual([
      "Filters: Period Feb 1, 2024 – the analysis date",
      "Analysis date: none (no dated rows)",
    ]);
  });

  it("keeps the data's own values as they are", () => {
    expect(filterValueText("region", "华东", tIn("en"))).toBe("华东");
    expect(filterValueText("segment", "Not a segment", tIn("zh-CN"))).toBe("Not a segment");
  });
});
