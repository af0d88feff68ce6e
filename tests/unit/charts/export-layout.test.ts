/** The header stamped on exported charts: wrapping worked by hand from the width estimate (0.58 em Latin, 0.3 em space, 1 em CJK). */
import { describe, expect, it } from "vitest";
import { HEADER, headerLayout, wrapText } from "../../../src/lib/charts/export.ts";

describe("wrapText", () => {
  it("breaks Latin text at spaces", () => {
    // "Region: East ·" = 7.56 em = 90.7 px; adding " Segment:" makes 150 px > 120.
    expect(wrapText("Region: East · Segment: Champions", 120, 12)).toEqual(["Region: East ·", "Segment:", "Champions"]);
  });
  it("keeps a line that fits whole", () => {
    expect(wrapText("Analysis date: Jun 30, 2024", 600, 12)).toEqual(["Analysis date: Jun 30, 2024"]);
  });
  it("cuts a Chinese run where it stops fitting (12 px a character)", () => {
    // 60 px holds 5 characters of 12 px.
    expect(wrapText("筛选条件：地区华东华北", 60, 12)).toEqual(["筛选条件：", "地区华东华", "北"]);
  });
  it("never returns a line wider than the room", () => {
    const lines = wrapText("期间 2024年1月1日 – 2024年3月31日 · 地区：华东、华北、华南、西南 · 客户细分：重要价值客户", 200, 12);
    expect(lines.join("").replace(/\s/g, "")).toBe("期间2024年1月1日–2024年3月31日·地区：华东、华北、华南、西南·客户细分：重要价值客户");
    // Widths summed here character by character: 12 px for a CJK character, 3.6 for a space, 6.96 for the rest.
    const px = (line: string) => [...line].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 12 : ch === " " ? 3.6 : 6.96), 0);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(px(line)).toBeLessThanOrEqual(200);
  });
  it("gives nothing for blank text", () => {
    expect(wrapText("   ", 100, 12)).toEqual([]);
  });
});

describe("headerLayout", () => {
  it("puts the title first, then each note, and grows with the lines", () => {
    const { lines, height } = headerLayout("Revenue per month", ["Filters: none (all data)", "Analysis date: Jun 30, 2024"], 640);
    expect(lines.map((l) => [l.kind, l.text])).toEqual([
      ["title", "Revenue per month"],
      ["note", "Filters: none (all data)"],
      ["note", "Analysis date: Jun 30, 2024"],
    ]);
    // padding 12 + title line 24 + two note lines of 17 + gap 8.
    expect(height).toBe(HEADER.padding + HEADER.titleLine + 2 * HEADER.noteLine + HEADER.gap);
    expect(lines.map((l) => l.y)).toEqual([12 + 24 - 6, 12 + 24 + 17 - 4, 12 + 24 + 34 - 4]);
  });
  it("wraps a long note on a narrow chart", () => {
    const one = headerLayout("Chart", ["Filters: Region: East, North, South, West · Channel: Online, Store"], 900);
    const narrow = headerLayout("Chart", ["Filters: Region: East, North, South, West · Channel: Online, Store"], 200);
    expect(one.lines).toHaveLength(2);
    expect(narrow.lines.length).toBeGreaterThan(2);
    expect(narrow.height - one.height).toBe((narrow.lines.length - 2) * HEADER.noteLine);
  });
});
