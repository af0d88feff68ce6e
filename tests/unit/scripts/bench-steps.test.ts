import { describe, expect, it } from "vitest";
import { withHash } from "../../../scripts/bench/pages.ts";
import type { Settled } from "../../../scripts/bench/probe.ts";
import { requestBusy, requestSum, serviceTimes } from "../../../scripts/bench/step-stats.ts";

/** Requests as [start, ms] pairs, relative to the step's start. */
const step = (...requests: [number, number][]): Settled => ({
  ms: 0,
  requests: requests.map(([start, ms]) => ({ type: "query", start, ms })),
  longTasks: [],
});

describe("bench step statistics", () => {
  // Worked by hand: A 0–100, B 10–150 (queued behind A), C 200–230 (alone), D 210–220 (answered before C).
  const s = step([0, 100], [10, 140], [200, 30], [210, 10]);

  it("sums the requests' durations, queue waits included", () => {
    expect(requestSum(s)).toBe(100 + 140 + 30 + 10);
  });

  it("counts the time at least one request was in flight once", () => {
    // 0–150 and 200–230.
    expect(requestBusy(s)).toBe(150 + 30);
  });

  it("leaves each request's wait behind the previous reply out", () => {
    // A: 0→100; B waits for A: 100→150; D: 210→220; C after D's reply: 220→230.
    expect(serviceTimes(s)).toEqual([100, 50, 10, 10]);
  });

  it("is zero for a step without requests", () => {
    expect([requestSum(step()), requestBusy(step()), serviceTimes(step())]).toEqual([0, 0, []]);
  });
});

describe("bench hash changes", () => {
  const after = "#/?files=orders.csv,customers.csv&lang=en";

  it("moves to another page keeping the other keys as written", () => {
    expect(withHash(after, "segments", {})).toBe("#/segments?files=orders.csv,customers.csv&lang=en");
  });

  it("sets, replaces and removes keys on the current page", () => {
    const dated = withHash(after, null, { from: "2025-01-01", to: "2025-12-31" });
    expect(dated).toBe("#/?files=orders.csv,customers.csv&lang=en&from=2025-01-01&to=2025-12-31");
    expect(withHash(dated, null, { from: null, to: null, segment: "At Risk" })).toBe("#/?files=orders.csv,customers.csv&lang=en&segment=At%20Risk");
  });

  it("writes a bare page without a query", () => {
    expect(withHash("", "data", {})).toBe("#/data");
    expect(withHash("#/lifecycle?from=2025-01-01", null, { from: null })).toBe("#/lifecycle");
  });
});
