import { describe, expect, it } from "vitest";
import { cohortCells, cohortColumns, parseWhole } from "../../../src/views/lifecycle/lifecycle-view.ts";

const data = {
  cohorts: [
    { cohort: "2024-01", size: 2, on: [1, 0.5, 0.5], onOrAfter: [1, 1, 0.5], revenue: [1, 0.25, 0.1] },
    { cohort: "2024-02", size: 2, on: [1, 0.5], onOrAfter: [1, 0.5], revenue: [1, 0.1] },
  ],
  average: { on: [1, 0.5, 0.5], onOrAfter: [1, 0.75, 0.5] },
};

describe("lifecycle view helpers", () => {
  it("parses whole numbers within limits", () => {
    expect(parseWhole("3", 1, 8)).toBe(3);
    expect(parseWhole("0", 1, 8)).toBeNull();
    expect(parseWhole("2.5", 1, 8)).toBeNull();
    expect(parseWhole("", 1, 8)).toBeNull();
  });
  it("builds the cohort grid with the average row for shares only", () => {
    expect(cohortColumns(data)).toBe(3);
    const on = cohortCells(data, "onOrAfter", (v) => `${v * 100}%`, (r, k, t) => `${r} ${k} ${t}`, "avg");
    expect(on).toHaveLength(5 + 3);
    expect(on.find((c) => c.key === "average:1")).toMatchObject({ row: 2, col: 1, value: 0.75, text: "75%" });
    const revenue = cohortCells(data, "revenue", String, (r) => r, "avg");
    expect(revenue).toHaveLength(5);
    expect(revenue.find((c) => c.key === "2024-01:2")?.value).toBe(0.1);
  });
});
