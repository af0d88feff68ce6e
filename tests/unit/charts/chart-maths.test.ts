import { describe, expect, it } from "vitest";
import { gridBoxes, intensity, isStrong, legendValues, MIN_INTENSITY } from "../../../src/lib/charts/heatmap.ts";
import { fitLabel, textWidth, treemapTiles } from "../../../src/lib/charts/treemap.ts";
import { histogram } from "../../../src/lib/charts/histogram.ts";
import { legendLayout, stackShares } from "../../../src/lib/charts/stack.ts";
import { interpolateAt, shareTicks } from "../../../src/lib/charts/curve.ts";

const round = (n: number) => Math.round(n * 1000) / 1000;

describe("heatmap", () => {
  it("lays a grid out row by row, row 0 on top (the worked example)", () => {
    const boxes = gridBoxes(2, 3, 300, 100, 2);
    expect(boxes).toHaveLength(6);
    expect(boxes[0]).toEqual({ row: 0, col: 0, x: 1, y: 1, width: 98, height: 48 });
    expect(boxes[5]).toEqual({ row: 1, col: 2, x: 201, y: 51, width: 98, height: 48 });
  });
  it("has no cells for an empty grid and never a negative size", () => {
    expect(gridBoxes(0, 5, 100, 100)).toEqual([]);
    expect(gridBoxes(1, 1, 1, 1, 4)[0]?.width).toBe(0);
  });
  it.each<[number, number, number]>([
    [0, 80, 0],
    [20, 80, 0.3625],
    [80, 80, 1],
    [120, 80, 1],
    [5, 0, 0],
    [Number.NaN, 10, 0],
  ])("intensity(%d, %d) = %d", (value, max, expected) => {
    expect(intensity(value, max)).toBeCloseTo(expected, 10);
  });
  it("starts every non-empty cell at the minimum and switches the label colour on strong cells", () => {
    expect(intensity(1e-9, 100)).toBeCloseTo(MIN_INTENSITY, 6);
    expect(isStrong(intensity(80, 100))).toBe(true);
    expect(isStrong(intensity(40, 100))).toBe(false);
  });
  it("spreads legend values from 0 to the maximum", () => {
    expect(legendValues(100, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(legendValues(0)).toEqual([]);
  });
});

describe("treemap", () => {
  it("splits a wide box by value (the worked example)", () => {
    const tiles = treemapTiles([{ key: "small", value: 1 }, { key: "big", value: 3 }], 400, 100, 0);
    expect(tiles.map((t) => [t.key, round(t.x), round(t.y), round(t.width), round(t.height), t.share])).toEqual([
      ["big", 0, 0, 300, 100, 0.75],
      ["small", 300, 0, 100, 100, 0.25],
    ]);
  });
  it("gives every item an area proportional to its value and fills the box", () => {
    const items = [5, 8, 13, 21, 34, 55, 89, 1, 2, 3].map((value, i) => ({ key: `s${i}`, value }));
    const tiles = treemapTiles(items, 600, 300, 0);
    const total = items.reduce((s, i) => s + i.value, 0);
    for (const tile of tiles) expect(tile.width * tile.height).toBeCloseTo((600 * 300 * tile.value) / total, 6);
    expect(tiles.reduce((s, t) => s + t.width * t.height, 0)).toBeCloseTo(600 * 300, 6);
    for (const t of tiles) {
      expect(t.x).toBeGreaterThanOrEqual(-1e-9);
      expect(t.y + t.height).toBeLessThanOrEqual(300 + 1e-9);
    }
  });
  it("leaves out items without a value", () => {
    expect(treemapTiles([{ key: "a", value: 0 }, { key: "b", value: 2 }], 100, 100).map((t) => t.key)).toEqual(["b"]);
    expect(treemapTiles([{ key: "a", value: 0 }], 100, 100)).toEqual([]);
    expect(treemapTiles([{ key: "a", value: 1 }], 0, 100)).toEqual([]);
  });
  it("estimates label widths for Latin and Chinese text", () => {
    expect(textWidth("流失", 12)).toBe(24);
    expect(textWidth("Lost", 12)).toBeCloseTo(27.84, 6);
  });
  it.each<[string, number, string]>([
    ["Lost", 100, "Lost"],
    ["Potential Loyalists", 60, "Potenti…"],
    ["重要价值客户", 50, "重要价…"],
    ["Champions", 10, ""],
  ])("fitLabel(%s, %d) = %s", (text, width, expected) => {
    expect(fitLabel(text, width, 12)).toBe(expected);
  });
});

describe("histogram", () => {
  it("counts values in round bins (the worked example)", () => {
    expect(histogram([1, 2, 2, 3, 9], { bins: 4, cap: 1 })).toEqual([
      { x0: 0, x1: 2, count: 1, open: false },
      { x0: 2, x1: 4, count: 3, open: false },
      { x0: 4, x1: 6, count: 0, open: false },
      { x0: 6, x1: 8, count: 0, open: false },
      { x0: 8, x1: 10, count: 1, open: false },
    ]);
  });
  it("folds the tail above the cap into an open last bin and keeps every value", () => {
    const values = [...Array.from({ length: 99 }, (_, i) => i + 1), 100_000];
    const bins = histogram(values, { bins: 10, cap: 0.95 });
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(100);
    expect(bins[bins.length - 1]?.open).toBe(true);
    expect(bins[bins.length - 1]?.x1).toBeLessThan(200);
  });
  it("uses a fixed domain for probabilities", () => {
    const bins = histogram([0, 0.05, 0.5, 0.95, 1], { domain: [0, 1], bins: 10 });
    expect(bins).toHaveLength(10);
    expect(bins.map((b) => b.count)).toEqual([2, 0, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(bins.some((b) => b.open)).toBe(false);
  });
  it("handles no values and all-equal values", () => {
    expect(histogram([])).toEqual([]);
    const same = histogram([5, 5, 5]);
    expect(same.reduce((s, b) => s + b.count, 0)).toBe(3);
  });
});

describe("stacked bars", () => {
  it("turns a row into shares (the worked example)", () => {
    expect(stackShares([30, 10, 0, 60])).toEqual([
      { group: 0, value: 30, share: 0.3, x0: 0, x1: 0.3 },
      { group: 1, value: 10, share: 0.1, x0: 0.3, x1: 0.4 },
      { group: 3, value: 60, share: 0.6, x0: 0.4, x1: 1 },
    ]);
    expect(stackShares([0, 0])).toEqual([]);
  });
  it("wraps the legend", () => {
    expect(legendLayout([40, 40, 40], 140)).toEqual({
      items: [
        { x: 0, y: 0 },
        { x: 68, y: 0 },
        { x: 0, y: 18 },
      ],
      height: 36,
    });
    expect(legendLayout([], 100).height).toBe(0);
  });
});

describe("share curves", () => {
  const curve = [
    { x: 0, y: 0 },
    { x: 0.2, y: 0.5 },
    { x: 0.4, y: 0.8 },
    { x: 1, y: 1 },
  ];
  it.each<[number, number]>([
    [0.3, 0.65],
    [0.2, 0.5],
    [0, 0],
    [1, 1],
    [-1, 0],
    [2, 1],
  ])("interpolateAt(%d) = %d", (x, y) => {
    expect(interpolateAt(curve, x)).toBeCloseTo(y, 12);
  });
  it("has no value on an empty curve, and round ticks", () => {
    expect(interpolateAt([], 0.5)).toBeNull();
    expect(shareTicks(5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
