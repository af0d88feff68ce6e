/** The filters and analysis date stamped on exports and printed pages, in the three languages. */
import { afterEach, describe, expect, it } from "vitest";
import { NO_FILTERS, type Filters } from "../../../src/lib/analytics/filters.ts";
import { i18n, translate } from "../../../src/lib/i18n/index.svelte.ts";
import { viewSummary } from "../../../src/views/shared/view-summary.ts";

const filters = (patch: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...patch });

afterEach(() => {
  i18n.locale = "en";
});

describe("viewSummary", () => {
  it("says there is no filter and gives the analysis date", () => {
    i18n.locale = "en";
    expect(viewSummary(NO_FILTERS, "2024-06-30")).toEqual(["Filters: none (all data)", "Analysis date: Jun 30, 2024"]);
    i18n.locale = "zh-CN";
    expect(viewSummary(NO_FILTERS, "2024-06-30")).toEqual(["筛选条件：无（全部数据）", "分析日期：2024年6月30日"]);
  });

  it("states the period and each list filter, segment names translated, the data's values as they are", () => {
    const f = filters({ from: "2024-01-01", to: "2024-03-31", region: ["East", "华北"], segment: ["Champions", "At Risk"] });
    i18n.locale = "en";
    expect(viewSummary(f, "2024-06-30")[0]).toBe("Filters: Period Jan 1, 2024 – Mar 31, 2024 · Region: East, 华北 · Segment: Champions, At Risk");
    i18n.locale = "zh-TW";
    expect(viewSummary(f, "2024-06-30")[0]).toBe(
      `篩選條件：期間 2024年1月1日 – 2024年3月31日 · 地區：East、华北 · 客戶細分：${translate("zh-TW", "segments.names.champions")}、${translate("zh-TW", "segments.names.at_risk")}`,
    );
  });

  it("names an open end of the period and a missing analysis date", () => {
    i18n.locale = "en";
    expect(viewSummary(filters({ from: "2024-02-01" }), null)).toEqual(["Filters: Period Feb 1, 2024 – the analysis date", "Analysis date: none (no dated rows)"]);
  });
});
