import { describe, expect, it } from "vitest";
import { isHeaderRepeat, normalizeHeaders } from "../../../src/lib/ingest/headers.ts";

describe("normalizeHeaders", () => {
  it("trims, strips a leftover BOM and names blanks by their 1-based position", () => {
    expect(normalizeHeaders(["\uFEFFid", "  name ", "", "  "])).toEqual(["id", "name", "column 3", "column 4"]);
  });

  it("numbers duplicates, comparing case-insensitively as SQLite does", () => {
    expect(normalizeHeaders(["Name", "Name", "name", "金额", "金额"])).toEqual(["Name", "Name (2)", "name (3)", "金额", "金额 (2)"]);
  });

  it("never produces a name that an existing header already holds", () => {
    // The worked example of the doc comment.
    expect(normalizeHeaders(["\uFEFFName", " ", "name", "Name (2)"])).toEqual(["Name", "column 2", "name (2)", "Name (2) (2)"]);
    expect(normalizeHeaders(["column 2", ""])).toEqual(["column 2", "column 2 (2)"]);
  });
});

describe("isHeaderRepeat", () => {
  const headers = normalizeHeaders(["id", "", "Name", "Name"]);

  it("recognises the raw header row repeated mid-file", () => {
    expect(isHeaderRepeat(["id", "", "Name", "Name"], headers)).toBe(true);
    expect(isHeaderRepeat([" id ", "", "Name ", "Name"], headers)).toBe(true);
  });

  it("rejects data rows and rows of another width", () => {
    expect(isHeaderRepeat(["1", "", "Name", "Name"], headers)).toBe(false);
    expect(isHeaderRepeat(["id", "", "Name", "Wu"], headers)).toBe(false);
    expect(isHeaderRepeat(["id", "", "Name"], headers)).toBe(false);
  });
});
