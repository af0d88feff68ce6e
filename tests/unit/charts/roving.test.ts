import { describe, expect, it, vi } from "vitest";
import { rovingKeydown, rovingTarget } from "../../../src/lib/charts/roving.ts";

describe("roving focus", () => {
  it("moves along a list, clamped at the ends", () => {
    expect(rovingTarget("ArrowRight", 2, 5)).toBe(3);
    expect(rovingTarget("ArrowDown", 2, 5)).toBe(3);
    expect(rovingTarget("ArrowLeft", 0, 5)).toBe(0);
    expect(rovingTarget("ArrowUp", 4, 5)).toBe(3);
    expect(rovingTarget("ArrowRight", 4, 5)).toBe(4);
    expect(rovingTarget("Home", 3, 5)).toBe(0);
    expect(rovingTarget("End", 1, 5)).toBe(4);
    expect(rovingTarget("a", 1, 5)).toBeNull();
    expect(rovingTarget("Escape", 1, 5)).toBeNull();
    expect(rovingTarget("End", 0, 0)).toBeNull();
  });

  it("moves by a row in a grid", () => {
    expect(rovingTarget("ArrowDown", 2, 25, 5)).toBe(7);
    expect(rovingTarget("ArrowUp", 7, 25, 5)).toBe(2);
    expect(rovingTarget("ArrowUp", 2, 25, 5)).toBe(0);
    expect(rovingTarget("ArrowDown", 22, 25, 5)).toBe(24);
    expect(rovingTarget("ArrowRight", 4, 25, 5)).toBe(5);
  });

  it("handles a keydown: moves and keeps the key, or leaves on Escape", () => {
    const key = (k: string) => ({ key: k, preventDefault: vi.fn() }) as unknown as KeyboardEvent & { preventDefault: ReturnType<typeof vi.fn> };
    const move = vi.fn();
    const leave = vi.fn();
    const right = key("ArrowRight");
    rovingKeydown(right, 1, 3, 1, move, leave);
    expect(move).toHaveBeenCalledWith(2);
    expect(right.preventDefault).toHaveBeenCalled();
    const escape = key("Escape");
    rovingKeydown(escape, 1, 3, 1, move, leave);
    expect(leave).toHaveBeenCalledTimes(1);
    expect(escape.preventDefault).not.toHaveBeenCalled();
    rovingKeydown(key("Tab"), 1, 3, 1, move, leave);
    expect(move).toHaveBeenCalledTimes(1);
    expect(leave).toHaveBeenCalledTimes(1);
  });
});
