import { describe, expect, it } from "vitest";
import { interpolate, translate } from "../../../src/lib/i18n/index.svelte.ts";

describe("translate", () => {
  it("interpolates {name} params", () => {
    expect(interpolate("{file}, row {row}", { file: "a.csv", row: 3 })).toBe("a.csv, row 3");
    expect(interpolate("{missing} stays", {})).toBe("{missing} stays");
  });
  it("reads nested keys per locale", () => {
    expect(translate("en", "nav.overview")).toBe("Overview");
    expect(translate("zh-CN", "nav.overview")).toBe("总览");
    expect(translate("zh-TW", "nav.overview")).toBe("總覽");
    expect(translate("zh-CN", "problems.bad_date", { file: "订单.csv", row: 7, column: "下单时间", value: "2024-13-01" })).toBe(
      "订单.csv，第 7 行，列“下单时间”：“2024-13-01”不是可识别的日期。",
    );
  });
  it("falls back to the key", () => {
    expect(translate("en", "no.such.key")).toBe("no.such.key");
  });
});
