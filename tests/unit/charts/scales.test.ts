import { describe, expect, it } from "vitest";
import { MONTH_STEPS, bandLayout, labelIndices, labelStep, snapStep, linePath, linear, nearestIndex, plotBox, pointPositions, valueDomain, yTicks } from "../../../src/lib/charts/scales.ts";
import { slug } from "../../../src/lib/charts/export.ts";

describe("valueDomain", () => {
  it.each<[number[], [number, number]]>([
    [[3, 87, 41], [0, 100]],
    [[-12, 40], [-20, 40]],
    [[], [0, 1]],
    [[0, 0], [0, 1]],
    [[5, 5], [0, 5]],
    [[0.2, 0.65], [0, 0.7]],
    [[12345], [0, 14000]],
    [[Number.NaN, 8], [0, 8]],
  ])("valueDomain(%j) = %j", (values, expected) => {
    expect(valueDomain(values)).toEqual(expected);
  });
});

describe("ticks and scales", () => {
  it("gives round ticks", () => {
    expect(yTicks([0, 90], 5)).toEqual([0, 20, 40, 60, 80]);
    expect(yTicks([0, 1], 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
  it("maps a domain onto pixels, y downward", () => {
    const y = linear([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(150);
    expect(y(100)).toBe(0);
  });
  it("leaves the plot area inside the margins, never negative", () => {
    expect(plotBox(600, 240, { top: 10, right: 10, bottom: 30, left: 50 })).toEqual({ width: 540, height: 200 });
    expect(plotBox(40, 20, { top: 10, right: 10, bottom: 30, left: 50 })).toEqual({ width: 0, height: 0 });
  });
});

describe("bands and points", () => {
  it("lays out bars with padding", () => {
    const b = bandLayout(4, 400, 0.2);
    expect(b.bandwidth).toBeCloseTo(80);
    expect(b.x.map((x) => Math.round(x))).toEqual([10, 110, 210, 310]);
    expect(b.centre.map((x) => Math.round(x))).toEqual([50, 150, 250, 350]);
  });
  it("handles no bars", () => {
    expect(bandLayout(0, 400).x).toEqual([]);
  });
  it.each<[number, number, number[]]>([
    [0, 200, []],
    [1, 200, [100]],
    [3, 200, [0, 100, 200]],
  ])("pointPositions(%d, %d) = %j", (count, width, expected) => {
    expect(pointPositions(count, width)).toEqual(expected);
  });
});

describe("labels", () => {
  it.each<[number, number, number, number]>([
    [36, 360, 40, 4],
    [12, 600, 40, 1],
    [1, 100, 40, 1],
    [24, 0, 40, 1],
    [60, 300, 48, 10],
  ])("labelStep(%d, %d, %d) = %d", (count, width, min, expected) => {
    expect(labelStep(count, width, min)).toBe(expected);
  });
  it.each<[number, number, number[]]>([
    [10, 4, [1, 5, 9]],
    [3, 1, [0, 1, 2]],
    [0, 3, []],
    [5, 10, [4]],
  ])("labelIndices(%d, %d) = %j", (count, step, expected) => {
    expect(labelIndices(count, step)).toEqual(expected);
  });
  it("anchors labels on a chosen index (a January)", () => {
    expect(labelIndices(10, 3, 2)).toEqual([2, 5, 8]);
    expect(labelIndices(36, 6, 9)).toEqual([3, 9, 15, 21, 27, 33]);
  });
  it.each<[number, number]>([
    [1, 1],
    [4, 6],
    [7, 12],
    [13, 24],
    [500, 500],
  ])("snapStep(%d, MONTH_STEPS) = %d", (step, expected) => {
    expect(snapStep(step, MONTH_STEPS)).toBe(expected);
  });
});

describe("pointer and paths", () => {
  it("finds the nearest point", () => {
    expect(nearestIndex([0, 100, 200], 140)).toBe(1);
    expect(nearestIndex([0, 100, 200], 160)).toBe(2);
    expect(nearestIndex([], 10)).toBe(-1);
  });
  it("draws straight segments", () => {
    expect(linePath([[0, 10], [5, 0]])).toBe("M0,10L5,0");
    expect(linePath([])).toBe("");
  });
  it("makes file names", () => {
    expect(slug("Revenue per month")).toBe("revenue-per-month");
    expect(slug("每月收入 / 2024")).toBe("每月收入-2024");
    expect(slug("  ")).toBe("chart");
  });
});
