import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvChunkParser, MAX_PENDING_CHARS } from "../../../src/lib/ingest/parse.ts";
import type { Dialect } from "../../../src/lib/ingest/sniff.ts";

const COMMA: Dialect = { delimiter: ",", quoteChar: '"', newline: "\n", decimalMark: "." };
const CRLF_SEMICOLON: Dialect = { delimiter: ";", quoteChar: '"', newline: "\r\n", decimalMark: "," };

/** Feeds `text` in the given pieces; returns every record with its row number, and the errors. */
function parseInPieces(dialect: Dialect, pieces: string[]) {
  const parser = new CsvChunkParser(dialect);
  const records: string[][] = [];
  const rows: number[] = [];
  const collect = (batch: string[][]): void => {
    records.push(...batch);
    rows.push(...parser.rowNumbers);
  };
  for (const piece of pieces) collect(parser.push(piece));
  collect(parser.end());
  return { records, rows, errors: parser.takeErrors() };
}

const characters = (text: string): string[] => [...text];

describe("CsvChunkParser", () => {
  const text = 'id,note,amount\n1,"say ""hi"", then\nleave",12.50\n2,plain,3\n';
  const expected = [
    ["id", "note", "amount"],
    ["1", 'say "hi", then\nleave', "12.50"],
    ["2", "plain", "3"],
  ];

  it("returns the header first and every record, fed whole", () => {
    expect(parseInPieces(COMMA, [text])).toEqual({ records: expected, rows: [1, 2, 3], errors: [] });
  });

  it("gives the same records fed one character at a time", () => {
    expect(parseInPieces(COMMA, characters(text))).toEqual({ records: expected, rows: [1, 2, 3], errors: [] });
  });

  it("returns records as soon as they are complete, keeping the open one", () => {
    const parser = new CsvChunkParser(COMMA);
    expect(parser.push('id,note\n1,"a\n')).toEqual([["id", "note"]]);
    expect(parser.push('b"\n\n2,c')).toEqual([["1", "a\nb"]]);
    expect(parser.rowNumbers).toEqual([2]);
    expect(parser.end()).toEqual([["2", "c"]]);
    // Row 3 is the empty line: counted, not returned.
    expect(parser.rowNumbers).toEqual([4]);
  });

  it("handles a CRLF cut between \\r and \\n, inside and outside quotes", () => {
    const crlf = 'a;b\r\n"x\r\ny";2\r\n3;4\r\n';
    const pieces = ["a;b\r", '\n"x\r', '\ny";2\r', "\n3;4\r", "\n"];
    const result = parseInPieces(CRLF_SEMICOLON, pieces);
    expect(result.records).toEqual([["a", "b"], ["x\r\ny", "2"], ["3", "4"]]);
    expect(parseInPieces(CRLF_SEMICOLON, [crlf]).records).toEqual(result.records);
  });

  it("skips empty lines and all-blank records but counts them as rows", () => {
    const result = parseInPieces(COMMA, ["a,b\n\n1,2\n,\n  ,\n3,4"]);
    expect(result.records).toEqual([["a", "b"], ["1", "2"], ["3", "4"]]);
    expect(result.rows).toEqual([1, 3, 6]);
  });

  it("keeps ragged records as they are (the caller reports them)", () => {
    expect(parseInPieces(COMMA, ["a,b\n1\n1,2,3\n"]).records).toEqual([["a", "b"], ["1"], ["1", "2", "3"]]);
  });

  it("reads an unterminated quote to the end of its line, reports it, and parses the lines after it", () => {
    const result = parseInPieces(COMMA, ['a,b\n1,2\n3,"open\n4,5\n']);
    expect(result.records).toEqual([["a", "b"], ["1", "2"], ["3", "open"], ["4", "5"]]);
    expect(result.rows).toEqual([1, 2, 3, 4]);
    expect(result.errors).toEqual([{ record: 3, message: "Quoted field unterminated: read to the end of its line" }]);
    expect(parseInPieces(COMMA, characters('a,b\n1,2\n3,"open\n4,5\n'))).toEqual(result);
  });

  it("keeps a quoted line break before the unterminated quote of the same record", () => {
    const result = parseInPieces(COMMA, ['a,b,c\n"x\ny",z,"open\n1,2,3\n']);
    expect(result.records).toEqual([["a", "b", "c"], ["x\ny", "z", "open"], ["1", "2", "3"]]);
    expect(result.rows).toEqual([1, 2, 3]);
  });

  it("reports a malformed quote once, not again for each chunk that re-reads the open record", () => {
    // `"x"y` is malformed; papaparse then reads on for a closing quote and finds none: the
    // record ends with its line, and row 3 is read on its own.
    const text = 'a,b\n"x"y,2\n3,4\n';
    const whole = parseInPieces(COMMA, [text]);
    expect(whole.records).toEqual([["a", "b"], ['x"y,2'], ["3", "4"]]);
    expect(whole.errors).toEqual([
      { record: 2, message: "Trailing quote on quoted field is malformed" },
      { record: 2, message: "Quoted field unterminated: read to the end of its line" },
    ]);
    expect(parseInPieces(COMMA, characters(text))).toEqual(whole);
  });

  it("cuts a record that grows past MAX_PENDING_CHARS at the end of its quote's line, and reports it once", () => {
    const parser = new CsvChunkParser(COMMA);
    expect(parser.push("a,b\n")).toEqual([["a", "b"]]);
    expect(parser.push(`1,"${"x".repeat(1000)}\n`)).toEqual([]);
    // The open quote has swallowed a line of y's longer than the limit: row 2 ends with its own
    // line, and the y's (row 3) and "2,3" (row 4) are records of their own.
    const runaway = parser.push(`${"y".repeat(MAX_PENDING_CHARS)}\n2,3\n4,`);
    expect(runaway.map((r) => r.map((f) => `${f[0]}×${f.length}`))).toEqual([["1×1", "x×1000"], [`y×${MAX_PENDING_CHARS}`], ["2×1", "3×1"]]);
    expect(parser.rowNumbers).toEqual([2, 3, 4]);
    expect(parser.takeErrors()).toEqual([{ record: 2, message: "Quoted field unterminated: read to the end of its line" }]);
    expect(parser.end()).toEqual([["4", ""]]);
  });

  it("ends rows at every kind of line ending outside quotes, keeping those inside", () => {
    const mixed = 'id,note\r\n1,a\n2,"x\r\ny"\r3,b\r\n4,"p\nq"\n';
    const expected = [["id", "note"], ["1", "a"], ["2", "x\r\ny"], ["3", "b"], ["4", "p\nq"]];
    for (const newline of ["\n", "\r\n", "\r"] as const) {
      const dialect: Dialect = { ...COMMA, newline };
      expect(parseInPieces(dialect, [mixed]).records).toEqual(expected);
      expect(parseInPieces(dialect, characters(mixed))).toEqual(parseInPieces(dialect, [mixed]));
    }
    expect(parseInPieces(COMMA, [mixed]).rows).toEqual([1, 2, 3, 4, 5]);
  });

  it("reads a quote followed by spaces and a tab delimiter as closing, as papaparse does", () => {
    const tabs: Dialect = { ...COMMA, delimiter: "\t", newline: "\r\n" };
    expect(parseInPieces(tabs, ['a\tb\n"x" \ty\r\n"p"\tq\n']).records).toEqual([["a", "b"], ["x", "y"], ["p", "q"]]);
  });

  it("parses any quoted table identically whatever the chunking (property)", () => {
    const field = fc.stringMatching(/^[ab ,;"\n\r中]{0,6}$/);
    const table = fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 });
    const quote = (f: string): string => (/[,"\n\r]/.test(f) || f.startsWith(" ") ? `"${f.replaceAll('"', '""')}"` : f);
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 10 }), fc.constantFrom("\n", "\r\n"), (rows, cuts, newline) => {
        const text = rows.map((r) => r.map(quote).join(",")).join(newline) + newline;
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
        const pieces = [0, ...points].map((from, i) => text.slice(from, [...points, text.length][i]));
        const dialect: Dialect = { ...COMMA, newline: newline as Dialect["newline"] };
        const expected = rows.filter((r) => r.some((f) => f.trim() !== ""));
        expect(parseInPieces(dialect, [text]).records).toEqual(expected);
        expect(parseInPieces(dialect, pieces).records).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("ends rows at any mix of line endings, whatever the dialect's newline and the chunking (property)", () => {
    const field = fc.stringMatching(/^[ab ,"\n\r中]{0,6}$/);
    const row = fc.record({ cells: fc.array(field, { minLength: 1, maxLength: 4 }), end: fc.constantFrom("\n", "\r\n", "\r") });
    const quote = (f: string): string => (/[,"\n\r]/.test(f) || f.startsWith(" ") ? `"${f.replaceAll('"', '""')}"` : f);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 10 }), fc.constantFrom("\n", "\r\n", "\r"), (rows, cuts, newline) => {
        const lines = rows.map((r) => r.cells.map(quote).join(",") + r.end);
        // A lone \r before a line that starts with \n would read as one \r\n: write that pair instead.
        const text = lines.map((l, i) => (l.endsWith("\r") && lines[i + 1]?.startsWith("\n") ? `${l}\n` : l)).join("");
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
        const pieces = [0, ...points].map((from, i) => text.slice(from, [...points, text.length][i]));
        const dialect: Dialect = { ...COMMA, newline: newline as Dialect["newline"] };
        const kept = rows.map((r, i) => ({ cells: r.cells, row: i + 1 })).filter((r) => r.cells.some((f) => f.trim() !== ""));
        const whole = parseInPieces(dialect, [text]);
        expect(whole).toEqual({ records: kept.map((r) => r.cells), rows: kept.map((r) => r.row), errors: [] });
        expect(parseInPieces(dialect, pieces)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});
