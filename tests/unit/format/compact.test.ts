/**
 * 万 / 亿 (萬 / 億) for large values in Chinese, K / M / B in English: the shortened numbers
 * of KPI cards and axis ticks. Expected strings worked out by hand: divide by 10^4 (万) below
 * 10^8, by 10^8 (亿) below 10^12, by 10^12 (万亿; 兆 in Taiwan) above; round to one decimal,
 * drop a trailing ".0". Below 10,000 a number is written whole with grouping.
 */
import { describe, expect, it } from "vitest";
import { formatCompact, formatCount, formatMoney, formatMoneyCompact } from "../../../src/lib/format/number.ts";

describe("formatCompact in Chinese", () => {
  it.each<[number, string, string]>([
    [9_999, "9,999", "9,999"],
    [10_000, "1万", "1萬"],
    [12_345, "1.2万", "1.2萬"], // 1.2345 万
    [99_999, "10万", "10萬"], // 9.9999 万 rounds to 10.0
    [123_456, "12.3万", "12.3萬"],
    [1_000_000, "100万", "100萬"],
    [12_345_678, "1234.6万", "1234.6萬"], // 1234.5678 万: Chinese has no 千万 step
    [99_990_000, "9999万", "9999萬"],
    [100_000_000, "1亿", "1億"],
    [340_000_000, "3.4亿", "3.4億"],
    [1_234_567_890, "12.3亿", "12.3億"],
    [1.2e12, "1.2万亿", "1.2兆"],
    [-12_345, "-1.2万", "-1.2萬"],
  ])("%d → %s (zh-CN), %s (zh-TW)", (n, simplified, traditional) => {
    expect(formatCompact(n, "zh-CN")).toBe(simplified);
    expect(formatCompact(n, "zh-TW")).toBe(traditional);
  });
});

describe("formatCompact in English", () => {
  it.each<[number, string]>([
    [9_999, "9,999"],
    [12_345, "12.3K"],
    [1_234_567, "1.2M"],
    [340_000_000, "340M"],
    [1_234_567_890, "1.2B"],
  ])("%d → %s", (n, expected) => {
    expect(formatCompact(n, "en")).toBe(expected);
  });
});

describe("money", () => {
  it("shortens by 万 / 亿 with the currency sign", () => {
    expect(formatMoneyCompact(340_000_000, "zh-CN", "CNY")).toBe("¥3.4亿");
    expect(formatMoneyCompact(12_345, "zh-CN", "CNY")).toBe("¥1.2万");
    expect(formatMoneyCompact(12_345, "zh-TW", "TWD")).toBe("$1.2萬");
    expect(formatMoneyCompact(12_345, "zh-CN", null)).toBe("1.2万");
  });
  it("keeps exact values exact (tables, data-value): no 万 in the full forms", () => {
    expect(formatMoney(340_000_000, "zh-CN", "CNY")).toBe("¥340,000,000.00");
    expect(formatCount(12_345_678, "zh-TW")).toBe("12,345,678");
  });
});
