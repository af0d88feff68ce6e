import { describe, expect, it } from "vitest";
import { sniffDialect } from "../../../src/lib/ingest/sniff.ts";

describe("sniffDialect", () => {
  it("finds the comma", () => {
    expect(sniffDialect("id,name,amount\n1,Li,12.50\n2,Wu,3.00\n")).toEqual({
      delimiter: ",", quoteChar: '"', newline: "\n", decimalMark: ".",
    });
  });

  it("finds the semicolon and the decimal comma where a comma count would say ','", () => {
    // "," splits these records into 1, 3, 3 fields (consistent but for the header);
    // ";" into 3, 3, 3.
    const sample = "id;amount;score\n1;12,50;3,5\n2;1.234,50;4,0\n";
    expect(sniffDialect(sample)).toEqual({ delimiter: ";", quoteChar: '"', newline: "\n", decimalMark: "," });
  });

  it("keeps the decimal point in a semicolon file written with points", () => {
    expect(sniffDialect("id;amount\n1;12.50\n2;1,234.50\n").decimalMark).toBe(".");
  });

  it("finds TAB and |", () => {
    expect(sniffDialect("a\tb\tc\n1\t2\t3\n4\t5\t6\n").delimiter).toBe("\t");
    expect(sniffDialect("a|b|c\n1|2,5|3\n4|5|6\n").delimiter).toBe("|");
  });

  it("respects quotes: a quoted field holding the delimiter and a line break", () => {
    const sample = 'name;note;amount\r\n"Li";"first; then\r\nsecond";12,5\r\n"Wu";"x";3\r\n';
    expect(sniffDialect(sample)).toEqual({ delimiter: ";", quoteChar: '"', newline: "\r\n", decimalMark: "," });
  });

  it("takes the first line ending outside quotes", () => {
    expect(sniffDialect('"multi\nline",b\r\n1,2\r\n').newline).toBe("\r\n");
    expect(sniffDialect("a,b\r1,2\r").newline).toBe("\r");
  });

  it("chooses ' as quote only when it makes the records consistent and \" is never used", () => {
    // With '"' the second record has 3 fields; with "'" every record has 2.
    expect(sniffDialect("a,b\n'x,y',2\n'z',3\n").quoteChar).toBe("'");
    expect(sniffDialect("a,b\nO'Brien,2\n").quoteChar).toBe('"');
  });

  it("reads a header-only file without a line break", () => {
    expect(sniffDialect("a;b;c").delimiter).toBe(";");
  });
});
