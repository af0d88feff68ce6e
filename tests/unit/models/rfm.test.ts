import { describe, expect, it } from "vitest";
import { SEGMENTS, cellsOf, equalWidthBins, minRanks, scoreRfm, segmentOf } from "../../../src/lib/models/rfm.ts";

describe("RFM scoring", () => {
  it("ranks with ties sharing the lowest rank, then cuts the ranks into 5 equal-width bins", () => {
    // The module doc's example: ranks 1 2 2 4 5; edges 1, 1.8, 2.6, 3.4, 4.2, 5.
    expect(minRanks([10, 20, 20, 30, 40])).toEqual([1, 2, 2, 4, 5]);
    expect(equalWidthBins([1, 2, 2, 4, 5])).toEqual([1, 2, 2, 4, 5]);
    // A value exactly on an edge belongs to the bin on its left (right-closed bins): 1..11 → step 2.
    expect(equalWidthBins([1, 3, 3.0001, 11])).toEqual([1, 1, 2, 5]);
    // All equal: pandas widens the range and every value falls in the middle bin.
    expect(equalWidthBins([7, 7, 7])).toEqual([3, 3, 3]);
  });

  it("reverses recency: the most recent customer gets R = 5", () => {
    const scores = scoreRfm([
      { recencyDays: 1, frequency: 9, monetary: 900 },
      { recencyDays: 300, frequency: 1, monetary: 10 },
    ]);
    expect(scores).toEqual([
      { r: 5, f: 5, m: 5, segment: "Champions" },
      { r: 1, f: 1, m: 1, segment: "Lost" },
    ]);
  });

  it("maps all 125 cells, each to exactly one of the 11 segments", () => {
    const cells = SEGMENTS.flatMap((s) => cellsOf(s));
    expect(cells).toHaveLength(125);
    expect(new Set(cells).size).toBe(125);
    expect(segmentOf(2, 1, 5)).toBe("Cannot Lose Them");
    expect(segmentOf(3, 3, 3)).toBe("Potential Loyalists");
  });
});
