import { describe, expect, it } from "vitest";
import { fitToWidth, shapeRecord } from "../../../src/lib/ingest/record-shape.ts";

const headers = ["Order ID", "Customer ID", "Amount"];

describe("record shape", () => {
  it("skips and reports a header row repeated mid-file", () => {
    expect(shapeRecord(["Order ID", "Customer ID", "Amount"], headers, 7, ";")).toEqual({
      record: null,
      problems: [{ row: 7, column: "", value: "Order ID;Customer ID;Amount", reason: "repeated_header" }],
    });
  });

  it("fits a ragged row to the header without losing a cell, and reports it", () => {
    expect(shapeRecord(["A1", "C1"], headers, 3, ",")).toEqual({
      record: ["A1", "C1", ""],
      problems: [{ row: 3, column: "", value: "2 / 3", reason: "ragged_row" }],
    });
    expect(fitToWidth(["A1", "C1", "9", "extra"], 3)).toEqual(["A1", "C1", "9 | extra"]);
  });

  it("reports each cell holding undecodable bytes (U+FFFD) when asked to check the text", () => {
    const record = ["A1", "C\uFFFD1", "9\uFFFD"];
    expect(shapeRecord(record, headers, 4, ",", true).problems).toEqual([
      { row: 4, column: "Customer ID", value: "C\uFFFD1", reason: "bad_encoding" },
      { row: 4, column: "Amount", value: "9\uFFFD", reason: "bad_encoding" },
    ]);
    expect(shapeRecord(["A1", "\uFFFD"], headers, 5, ",", true).problems.map((p) => p.reason)).toEqual(["ragged_row", "bad_encoding"]);
    expect(shapeRecord(record, headers, 4, ",").problems).toEqual([]);
  });

  it("passes a well-formed record through untouched", () => {
    const record = ["A1", "C1", "9"];
    expect(shapeRecord(record, headers, 2, ",")).toEqual({ record, problems: [] });
  });
});
