import { describe, expect, it } from "vitest";
import {
  addDays,
  formatBytes,
  formatCompact,
  formatCount,
  formatDay,
  formatDecimal,
  formatMoney,
  formatMoneyCompact,
  formatMonth,
  formatMonthTick,
  formatPercent,
  formatSigned,
  isIsoDay,
  pickLocale,
  sortLabels,
  NO_VALUE,
  type Locale,
} from "../../../src/lib/format/index.ts";

// Expected strings worked out by hand from CLDR conventions: en groups by thousands with ",";
// Chinese groups the same way in plain numbers but shortens by 万 (10^4) / 亿 (10^8), written
// 萬 / 億 in traditional script; the CNY symbol is "¥" in zh-CN and "CN¥" elsewhere.
describe("numbers", () => {
  it.each<[Locale, string]>([
    ["en", "12,346"],
    ["zh-CN", "12,346"],
    ["zh-TW", "12,346"],
  ])("formatCount(12345.6, %s) = %s", (locale, expected) => {
    expect(formatCount(12345.6, locale)).toBe(expected);
  });

  it.each<[Locale, string | null, string]>([
    ["en", "CNY", "CN¥12,345.60"],
    ["zh-CN", "CNY", "¥12,345.60"],
    ["zh-TW", "CNY", "CN¥12,345.60"],
    ["en", "USD", "$12,345.60"],
    ["zh-CN", "USD", "US$12,345.60"],
    ["zh-TW", "TWD", "$12,345.60"],
    ["en", null, "12,345.60"],
    ["zh-CN", "not a code", "12,345.60"],
  ])("formatMoney(12345.6, %s, %s) = %s", (locale, currency, expected) => {
    expect(formatMoney(12345.6, locale, currency)).toBe(expected);
  });

  it.each<[Locale, number, string]>([
    ["en", 12345.6, "12.3K"],
    ["zh-CN", 12345.6, "1.2万"],
    ["zh-TW", 12345.6, "1.2萬"],
    ["zh-CN", 123456789, "1.2亿"],
    ["zh-TW", 123456789, "1.2億"],
    ["en", 1234, "1,234"],
    ["zh-CN", 9999, "9,999"],
    ["en", 2.5, "2.5"],
  ])("formatCompact(%s, %s) = %s", (locale, n, expected) => {
    expect(formatCompact(n, locale)).toBe(expected);
  });

  it.each<[Locale, string]>([
    ["en", "CN¥1.2M"],
    ["zh-CN", "¥123.5万"],
    ["zh-TW", "CN¥123.5萬"],
  ])("formatMoneyCompact(1234567, %s, CNY) = %s", (locale, expected) => {
    expect(formatMoneyCompact(1234567, locale, "CNY")).toBe(expected);
  });

  it("formats percentages from fractions", () => {
    expect(formatPercent(0.2654, "en")).toBe("26.5%");
    expect(formatPercent(0.2654, "zh-CN")).toBe("26.5%");
    expect(formatPercent(1, "zh-TW", 0)).toBe("100%");
  });

  it("formats decimals, signs and bytes", () => {
    expect(formatDecimal(2.345, "en")).toBe("2.35");
    expect(formatDecimal(3, "zh-CN", 2)).toBe("3.00");
    expect(formatSigned(4.04, "en")).toBe("+4.0");
    expect(formatSigned(-1.25, "zh-TW")).toBe("-1.3");
    expect(formatSigned(0, "en")).toBe("0.0");
    expect(formatBytes(1536, "en")).toBe("1.5 kB");
    expect(formatBytes(12_300_000, "zh-CN")).toBe("12.3 MB");
    expect(formatBytes(512, "en")).toBe("512 B");
    expect(formatBytes(81, "zh-TW")).toBe("81 B");
  });

  it("shows a dash for missing values", () => {
    expect(formatCount(null, "en")).toBe(NO_VALUE);
    expect(formatMoney(Number.NaN, "zh-CN", "CNY")).toBe(NO_VALUE);
    expect(formatPercent(undefined, "zh-TW")).toBe(NO_VALUE);
  });
});

describe("dates", () => {
  it.each<[Locale, string, string]>([
    ["en", "2024-01-05", "Jan 5, 2024"],
    ["zh-CN", "2024-01-05", "2024年1月5日"],
    ["zh-TW", "2024-01-05", "2024年1月5日"],
  ])("formatDay(%s, %s) = %s", (locale, iso, expected) => {
    expect(formatDay(iso, locale)).toBe(expected);
  });

  it.each<[Locale, string, string]>([
    ["en", "2024-03-01", "Mar 2024"],
    ["zh-CN", "2024-03-01", "2024年3月"],
    ["zh-TW", "2024-03", "2024年3月"],
  ])("formatMonth(%s, %s) = %s", (locale, iso, expected) => {
    expect(formatMonth(iso, locale)).toBe(expected);
  });

  it("labels January ticks with the year", () => {
    expect(formatMonthTick("2024-01-01", "en")).toBe("Jan 2024");
    expect(formatMonthTick("2024-02-01", "en")).toBe("Feb");
    expect(formatMonthTick("2024-02-01", "zh-CN")).toBe("2月");
  });

  it("never shifts a day with the time zone (formatted in UTC)", () => {
    expect(formatDay("2024-12-31", "en")).toBe("Dec 31, 2024");
  });

  it("validates and adds days", () => {
    expect(isIsoDay("2024-02-29")).toBe(true);
    expect(isIsoDay("2023-02-29")).toBe(false);
    expect(isIsoDay("2024-1-5")).toBe(false);
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2024-06-30", -29)).toBe("2024-06-01");
    expect(formatDay("nonsense", "en")).toBe(NO_VALUE);
  });
});

describe("locale choice", () => {
  it.each<[string[], Locale]>([
    [["zh-CN"], "zh-CN"],
    [["zh"], "zh-CN"],
    [["zh-SG"], "zh-CN"],
    [["zh-Hans-CN"], "zh-CN"],
    [["zh-TW"], "zh-TW"],
    [["zh-HK"], "zh-TW"],
    [["zh-Hant"], "zh-TW"],
    [["zh-Hant-HK"], "zh-TW"],
    [["en-GB"], "en"],
    [["fr-FR", "de"], "en"],
    [["fr-FR", "zh-HK", "en"], "zh-TW"],
    [[], "en"],
  ])("pickLocale(%j) = %s", (languages, expected) => {
    expect(pickLocale(languages)).toBe(expected);
  });
});

describe("sorting labels", () => {
  it("sorts Chinese by pinyin in zh-CN, not by code point", () => {
    // Code-point order would be 张 (U+5F20) < 李 (U+674E) < 王 (U+738B) < 赵 (U+8D75) < 阿 (U+963F).
    expect(sortLabels(["张三", "李四", "王五", "阿", "赵"], "zh-CN")).toEqual(["阿", "李四", "王五", "张三", "赵"]);
  });
  it("sorts numbers inside labels numerically", () => {
    expect(sortLabels(["Store 10", "Store 2", "Store 1"], "en")).toEqual(["Store 1", "Store 2", "Store 10"]);
  });
});
