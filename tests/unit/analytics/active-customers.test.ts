import { describe, expect, it } from "vitest";
import { activeAt, monthEnds } from "../../../src/lib/analytics/active-customers.ts";

describe("active customers from span deltas", () => {
  it("counts the worked example of the module doc", () => {
    // N = 10, purchases on days 0 and 5: spans [0, 5) and [5, 16).
    const deltas = [{ day: 0, delta: 1 }, { day: 5, delta: 0 }, { day: 16, delta: -1 }];
    expect(activeAt(deltas, [-1, 0, 15, 16])).toEqual([0, 1, 1, 0]);
  });

  it("lists month ends, the last one cut at the period end", () => {
    // 2024-01-15 = day 19737; 2024-03-10 = day 19792.
    expect(monthEnds(19737, 19792)).toEqual([
      { month: "2024-01-01", end: 19753 },
      { month: "2024-02-01", end: 19782 },
      { month: "2024-03-01", end: 19792 },
    ]);
  });
});
