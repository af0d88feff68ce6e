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

  it("reports an unterminated quote with its row number", () => {
    const result = parseInPieces(COMMA, ['a,b\n1,2\n3,"open\n4,5\n']);
    expect(result.records).toEqual([["a", "b"], ["1", "2"], ["3", "open\n4,5\n"]]);
    expect(result.errors).toEqual([{ record: 3, message: "Quoted field unterminated" }]);
  });

  it("reports a malformed quote once, not again for each chunk that re-reads the open record", () => {
    // `"x"y` is malformed; papaparse then reads on for a closing quote, finds none, and
    // the field runs to the end of the file: two errors, both on row 2.
    const text = 'a,b\n"x"y,2\n3,4\n';
    const whole = parseInPieces(COMMA, [text]);
    expect(whole.records).toEqual([["a", "b"], ['x"y,2\n3,4\n']]);
    expect(whole.errors).toEqual([
      { record: 2, message: "Trailing quote on quoted field is malformed" },
      { record: 2, message: "Quoted field unterminated" },
    ]);
    expect(parseInPieces(COMMA, characters(text))).toEqual(whole);
  });

  it("cuts a record that grows past MAX_PENDING_CHARS and reports it", () => {
    const parser = new CsvChunkParser(COMMA);
    expect(parser.push("a,b\n")).toEqual([["a", "b"]]);
    const runaway = parser.push(`"${"x".repeat(MAX_PENDING_CHARS)},1\n`);
    expect(runaway).toHaveLength(1);
    expect(runaway[0]?.[0]).toHaveLength(MAX_PENDING_CHARS + 3); // x…x,1\n inside the open quote
    expect(parser.takeErrors().map((e) => e.record)).toEqual([2, 2]);
    expect(parser.push("2,3\n")).toEqual([["2", "3"]]);
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
});
