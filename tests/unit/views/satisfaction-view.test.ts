import { describe, expect, it } from "vitest";
import {
  distributionCategories,
  formatDuration,
  formatScore,
  formatScoreTick,
  groupRows,
  groupShares,
  highlightParts,
  measuresWithAnswers,
  pickAvailable,
  targetPatch,
  targetsFromUrl,
} from "../../../src/views/satisfaction/satisfaction-view.ts";

const DEFAULTS = { firstResponseMinutes: 20, resolutionHours: 24 };

describe("NPS groups", () => {
  it("gives each group's share of the answers", () => {
    expect(groupShares({ responses: 10, promoters: 5, passives: 3, detractors: 2 })).toEqual({ promoter: 0.5, passive: 0.3, detractor: 0.2 });
    expect(groupShares({ responses: 0, promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });
  it("puts each score's count under its own group so the bar takes the group's colour", () => {
    const categories = distributionCategories([
      { score: 0, count: 3, group: "detractor" },
      { score: 7, count: 4, group: "passive" },
      { score: 10, count: 9, group: "promoter" },
    ]);
    expect(categories.map((c) => [c.key, c.values])).toEqual([
      ["0", [3, 0, 0]],
      ["7", [0, 4, 0]],
      ["10", [0, 0, 9]],
    ]);
  });
});

describe("group rows", () => {
  it("orders rows promoters first, whatever order they came in", () => {
    const rows = [{ group: "passive" as const, n: 2 }, { group: "detractor" as const, n: 1 }, { group: "promoter" as const, n: 3 }];
    expect(groupRows(rows).map((r) => r.n)).toEqual([3, 2, 1]);
    expect(rows.map((r) => r.n)).toEqual([2, 1, 3]);
  });
});

describe("which score and breakdown are in force", () => {
  const summary = { nps: { responses: 0 }, csat: { responses: 12 }, ces: { responses: 4 } };
  it("offers only the scores with answers, in the page's order", () => {
    expect(measuresWithAnswers(summary)).toEqual(["csat", "ces"]);
  });
  it("keeps the wanted choice when available, else takes the first", () => {
    expect(pickAvailable("ces", ["csat", "ces"])).toBe("ces");
    expect(pickAvailable("nps", ["csat", "ces"])).toBe("csat");
    expect(pickAvailable(null, ["segment"])).toBe("segment");
    expect(pickAvailable("nps", [])).toBeNull();
  });
});

describe("service targets", () => {
  it("reads the URL's targets over the defaults", () => {
    expect(targetsFromUrl({ firstResponseMinutes: null, resolutionHours: null }, DEFAULTS)).toEqual(DEFAULTS);
    expect(targetsFromUrl({ firstResponseMinutes: 5, resolutionHours: null }, DEFAULTS)).toEqual({ firstResponseMinutes: 5, resolutionHours: 24 });
  });
  it("writes a default back as null so that links stay short", () => {
    expect(targetPatch("firstResponseMinutes", 20, DEFAULTS)).toEqual({ firstResponseMinutes: null });
    expect(targetPatch("resolutionHours", 48, DEFAULTS)).toEqual({ resolutionHours: 48 });
  });
});

describe("formats", () => {
  it.each<[number | null, "minute" | "hour", "en" | "zh-CN" | "zh-TW", string]>([
    [13, "minute", "en", "13 min"],
    [2.25, "hour", "en", "2.3 hr"],
    [125.6, "minute", "en", "126 min"],
    [2.25, "hour", "zh-CN", "2.3小时"],
    [30, "minute", "zh-TW", "30 分鐘"],
    [null, "hour", "en", "—"],
  ])("formatDuration(%s, %s, %s) = %s", (value, unit, locale, text) => {
    expect(formatDuration(value, unit, locale)).toBe(text);
  });
  it("writes each score as the KPI cards do", () => {
    expect(formatScore(33.33333, "nps", "en")).toBe("33.3");
    expect(formatScore(-20, "nps", "en")).toBe("-20");
    expect(formatScore(0.8125, "csat", "en")).toBe("81.3%");
    expect(formatScore(2.456, "ces", "en")).toBe("2.46");
    expect(formatScore(null, "nps", "en")).toBe("—");
    expect(formatScoreTick(0.5, "csat", "en")).toBe("50%");
    expect(formatScoreTick(-40, "nps", "en")).toBe("-40");
  });
});

describe("highlightParts", () => {
  const joined = (parts: { text: string; match: boolean }[]) => parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join("");
  it("marks every occurrence whatever its case (the worked example)", () => {
    const parts = highlightParts("Slow delivery, slow reply", "slow");
    expect(parts).toEqual([
      { text: "Slow", match: true },
      { text: " delivery, ", match: false },
      { text: "slow", match: true },
      { text: " reply", match: false },
    ]);
  });
  it.each([
    ["物流太慢了，客服也慢", "慢", "物流太[慢]了，客服也[慢]"],
    ["price (20% off) was fine", "20% off", "price ([20% off]) was fine"],
    ["a.b.c", ".", "a[.]b[.]c"],
    ["I can’t log in", "can't", "I [can’t] log in"],
    ["<script>alert(1)</script> bad", "bad", "<script>alert(1)</script> [bad]"],
    ["nothing here", "missing", "nothing here"],
    ["whole", "", "whole"],
    ["", "x", ""],
  ])("highlightParts(%j, %j)", (text, needle, expected) => {
    const parts = highlightParts(text, needle);
    expect(joined(parts)).toBe(expected);
    expect(parts.map((p) => p.text).join("")).toBe(text);
  });
});
