/**
 * Chinese labels in the reader's order (Intl.Collator), not SQLite's code-point order.
 * Worked by hand: pinyin for 简体 — 安 ān, 陈 chén, 李 lǐ, 王 wáng, 张 zhāng, 赵 zhào;
 * stroke count for 繁體 — 王 4, 安 6, 李 7, 張 11, 陳 11 (tie: radical order puts 張 first), 趙 14.
 */
import { describe, expect, it } from "vitest";
import { sortBy, sortLabels } from "../../../src/lib/format/sort.ts";

const codePointOrder = (labels: string[]) => [...labels].sort();

describe("sortLabels", () => {
  it("orders 简体 names by pinyin", () => {
    const names = ["张伟", "赵磊", "陈静", "安然", "王芳", "李娜"];
    expect(sortLabels(names, "zh-CN")).toEqual(["安然", "陈静", "李娜", "王芳", "张伟", "赵磊"]);
    // What SQLite's ORDER BY would give instead.
    expect(codePointOrder(names)).toEqual(["安然", "张伟", "李娜", "王芳", "赵磊", "陈静"]);
  });

  it("orders 繁體 names by stroke count", () => {
    expect(sortLabels(["趙", "陳", "張", "李", "安", "王"], "zh-TW")).toEqual(["王", "安", "李", "張", "陳", "趙"]);
  });

  it("puts Latin labels before Chinese ones in English and ignores case", () => {
    expect(sortLabels(["华东", "north", "East", "华北"], "en")).toEqual(["East", "north", "华东", "华北"]);
  });

  it("sorts objects by a label", () => {
    const regions = [{ name: "华南", customers: 3 }, { name: "东北", customers: 9 }, { name: "华北", customers: 5 }];
    // 东 dōng, 华北 huá běi, 华南 huá nán.
    expect(sortBy(regions, (r) => r.name, "zh-CN").map((r) => r.name)).toEqual(["东北", "华北", "华南"]);
  });
});
