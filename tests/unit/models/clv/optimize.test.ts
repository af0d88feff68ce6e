import { describe, expect, it } from "vitest";
import { nelderMead } from "../../../../src/lib/models/clv/optimize.ts";

const rosenbrock = ([x, y]: readonly number[]): number => 100 * ((y as number) - (x as number) ** 2) ** 2 + (1 - (x as number)) ** 2;

describe("Nelder–Mead", () => {
  it("finds the minimum (1, 1) of the Rosenbrock function from (−1.2, 1)", () => {
    const result = nelderMead(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
    expect(result.fx).toBeLessThan(1e-12);
    expect(result.evaluations).toBeGreaterThan(result.iterations);
  });

  it("minimises a 4-dimensional quadratic with distinct scales", () => {
    const centre = [3, -1, 0.5, 10];
    const f = (x: readonly number[]) => x.reduce((s, xi, i) => s + (i + 1) * (xi - (centre[i] as number)) ** 2, 0);
    const result = nelderMead(f, [0, 0, 0, 0], { initialStep: 1 });
    expect(result.converged).toBe(true);
    result.x.forEach((xi, i) => expect(xi).toBeCloseTo(centre[i] as number, 6));
  });

  it("reports converged: false when it runs out of iterations", () => {
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 10 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(10);
    expect(result.fx).toBeLessThan(rosenbrock([-1.2, 1]));
  });

  it("treats NaN as +∞ and so stays where f is defined", () => {
    const f = ([x, y]: readonly number[]) => ((x as number) > 0 ? ((x as number) - 2) ** 2 + ((y as number) - 1) ** 2 : Number.NaN);
    const result = nelderMead(f, [-0.5, 0], { initialStep: 1 }); // two of three vertices undefined
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(2, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  /** The points f was called at, over `iterations` iterations from 0 with step 1. */
  const trace = (f: (x: number) => number, iterations: number): number[] => {
    const points: number[] = [];
    nelderMead(([x]) => (points.push(x as number), f(x as number)), [0], { initialStep: 1, maxIterations: iterations });
    return points;
  };

  it("reflects, expands, contracts inside and outside, and shrinks as worked out by hand", () => {
    // (x − 3)²: best 1, worst 0 → reflection 2 beats the best → expansion 3, kept (f = 0).
    // Then best 3, worst 1: reflection 5 (f 4) is no better than the worst → inside contraction 2.
    expect(trace((x) => (x - 3) ** 2, 2)).toEqual([0, 1, 2, 3, 5, 2]);
    // Best 1 (0.02), worst 0 (0.8): reflection 2 (0.12) only beats the worst → outside contraction 1.5 (0.07).
    expect(trace((x) => (x < 0.8 ? 0.8 - x : 0.1 * (x - 0.8)), 1)).toEqual([0, 1, 2, 1.5]);
    // x² with a spike at 0.5: reflection −1, inside contraction 0.5 fails → shrink 1 halfway to 0.
    expect(trace((x) => (x === 0.5 ? 100 : x * x), 1)).toEqual([0, 1, -1, 0.5, 0.5]);
  });
});
