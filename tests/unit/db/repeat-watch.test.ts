import { describe, expect, it } from "vitest";
import { RepeatWatch } from "../../../src/lib/db/repeat-watch.ts";

const repeats = (ids: string[]): boolean => {
  const watch = new RepeatWatch();
  for (const id of ids) watch.add(id);
  return watch.repeated;
};

describe("RepeatWatch", () => {
  it("finds no repeat in ids rising or falling, or in none or one", () => {
    expect(repeats(["O1", "O2", "O3"])).toBe(false);
    expect(repeats(["O9", "O5", "O1"])).toBe(false);
    expect(repeats([])).toBe(false);
    expect(repeats(["O1"])).toBe(false);
  });

  it("finds an id repeated next to itself", () => {
    expect(repeats(["O1", "O2", "O2", "O3"])).toBe(true);
  });

  it("finds a repeat of an id seen before the order broke, and after it", () => {
    expect(repeats(["O1", "O2", "O3", "O0", "O2"])).toBe(true);
    expect(repeats(["O5", "O4", "O7", "O6", "O7"])).toBe(true);
  });

  it("finds none in unordered ids that are all different", () => {
    expect(repeats(["O3", "O1", "O2", "O5", "O4"])).toBe(false);
  });
});
