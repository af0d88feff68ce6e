import { describe, expect, it } from "vitest";
import { toExcelCsv } from "../../../src/lib/format/csv.ts";

describe("Excel-safe CSV", () => {
  it("starts with a BOM, quotes what needs it and neutralises formulas in text only", () => {
    const csv = toExcelCsv(
      ["name", "note", "amount"],
      [
        ["张伟", "=HYPERLINK(\"x\")", -12.5],
        ["a,b", "+1 call", 3],
        ["@me", "-12.5", null],
        ["\tTab", "plain", 0],
      ],
    );
    expect(csv).toBe(
      "\uFEFFname,note,amount\r\n" +
        '张伟,"\'=HYPERLINK(""x"")",-12.5\r\n' +
        '"a,b","\'+1 call",3\r\n' +
        '"\'@me",-12.5,\r\n' +
        '"\'\tTab",plain,0\r\n',
    );
  });
});
