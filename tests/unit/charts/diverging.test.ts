import { describe, expect, it } from "vitest";
import { divergingExtent, funnelSteps, stackDiverging } from "../../../src/lib/charts/diverging.ts";

describe("stackDiverging", () => {
  it("stacks positives up and negatives down from zero", () => {
    expect(stackDiverging([3, 2, 0, -4])).toEqual([
      { group: 0, value: 3, y0: 0, y1: 3 },
      { group: 1, value: 2, y0: 3, y1: 5 },
      { group: 3, value: -4, y0: -4, y1: 0 },
    ]);
  });
  it("extent covers the tallest stack each way and zero", () => {
    expect(divergingExtent([[1, 2, -1], [4, 0, -6]])).toEqual([-6, 4]);
    expect(divergingExtent([])).toEqual([0, 0]);
  });
});

describe("funnelSteps", () => {
  it("gives shares of the first step and conversion from the previous", () => {
    const steps = funnelSteps([
      { key: "a", reached: 100 },
      { key: "b", reached: 50 },
      { key: "c", reached: 0 },
      { key: "d", reached: 0 },
    ]);
    expect(steps.map((s) => s.share)).toEqual([1, 0.5, 0, 0]);
    expect(steps.map((s) => s.conversion)).toEqual([null, 0.5, 0, null]);
  });
});
