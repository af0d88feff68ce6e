/** Telling text from what is not (empty, binary, JSON), and reading text with stray NUL bytes. */
import { describe, expect, it } from "vitest";
import { notCsvReason, readCsv } from "../../../src/lib/ingest/read-csv.ts";

/** A 1×1 PNG read as windows-1252 text would be (every byte one character). */
const PNG = String.fromCharCode(
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f,
  0x15, 0xc4, 0x89, 0, 0, 0, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0, 5, 0, 1, 0xff, 0x89,
  0x99, 0x3d, 0x1d, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
);
const CSV = "id,name,amount\n1,Li,12.50\n2,Wu,3.00\n";

describe("notCsvReason", () => {
  it("calls an image, or UTF-16 read as single bytes, binary", () => {
    expect(notCsvReason(PNG)).toBe("binary_file");
    expect(notCsvReason(Buffer.from(CSV, "utf16le").toString("latin1"))).toBe("binary_file");
  });

  it("reads a CSV with a few NUL bytes in its cells, or NUL padding at its end, as text", () => {
    const withNuls = CSV.replace("Li", "L\u0000i");
    expect(notCsvReason(withNuls)).toBeNull(); // 1 in 37 characters: 2.7 %
    expect(notCsvReason(withNuls + "\u0000".repeat(512))).toBeNull(); // the padding is not counted
    expect(notCsvReason(withNuls.replace("Wu", "W\u0000u"))).toBe("binary_file"); // 2 in 38: 5.3 %, over 5 %
  });

  it("tells empty files and JSON apart", () => {
    expect(notCsvReason(" \r\n\t\n")).toBe("empty_file");
    expect(notCsvReason('[{"id": 1}]')).toBe("json_file");
    expect(notCsvReason(CSV)).toBeNull();
  });
});

describe("readCsv", () => {
  it("drops NUL bytes from the text, padding included", async () => {
    const records: string[][] = [];
    const blob = new Blob([CSV.replace("Li", "L\u0000i") + "\u0000".repeat(512)]);
    await readCsv(blob, null, { start: () => {}, records: (batch) => records.push(...batch) });
    expect(records).toEqual([["id", "name", "amount"], ["1", "Li", "12.50"], ["2", "Wu", "3.00"]]);
  });
});
