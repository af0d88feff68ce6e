/**
 * Property tests of the whole ingest layer on arbitrary input, as the app chains it: bytes
 * in chunks → readCsv (encoding, refusal of what is not text, dialect, parsing) → header →
 * record shape → profile → mapping → row conversion. Whatever the bytes: nothing throws but
 * the reader's designed refusals; every shaped record has one cell per header; row numbers
 * only increase; every problem names a row the file has and a column of its header (or the
 * whole row); converted numbers are finite and dates inside 1900–2100.
 */
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import {
  createRowConverter, isHeaderRepeat, normalizeHeaders, parseErrorProblem, profileColumns, shapeRecord, suggestMapping,
} from "../../../src/lib/ingest/index.ts";
import type { Problem } from "../../../src/lib/ingest/index.ts";
import { NotCsvError, readCsv } from "../../../src/lib/ingest/read-csv.ts";
import type { ReadStart } from "../../../src/lib/ingest/record-sink.ts";

/** A Blob whose stream hands the bytes over `chunk` at a time, as a browser reads a File. */
function chunkedBlob(bytes: Uint8Array, chunk: number): Blob {
  const stream = () => {
    let at = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, at + chunk));
        at += chunk;
      },
    });
  };
  return { size: bytes.length, stream } as unknown as Blob;
}

const DAY_1900 = -25567;
const DAY_2101 = 47847;

/** Runs the layer and checks every property on the way; returns what it saw, for the caller's own checks. */
async function ingestAndCheck(bytes: Uint8Array, chunk: number): Promise<{ refused: string | null; rows: number[]; problems: Problem[] }> {
  let start: ReadStart | null = null;
  let undecodable = false;
  const numbered: { row: number; record: string[] }[] = [];
  const problems: Problem[] = [];
  try {
    await readCsv(chunkedBlob(bytes, chunk), null, {
      start: (meta) => (start = meta),
      records: (batch, rowNumbers, _bytes, errors, damaged = false) => {
        expect(rowNumbers).toHaveLength(batch.length);
        batch.forEach((record, i) => numbered.push({ row: rowNumbers[i] as number, record }));
        problems.push(...errors.map(parseErrorProblem));
        undecodable ||= damaged;
      },
    });
  } catch (error) {
    if (error instanceof NotCsvError) return { refused: error.reason, rows: [], problems: [] };
    throw error;
  }
  const rows = numbered.map((n) => n.row);
  for (let i = 1; i < rows.length; i++) expect(rows[i]).toBeGreaterThan(rows[i - 1] as number);
  const [header, ...data] = numbered;
  if (!header || !start) return { refused: "empty", rows, problems };
  const dialect = (start as ReadStart).dialect;
  const headers = normalizeHeaders(header.record);
  expect(new Set(headers.map((h) => h.toLowerCase())).size).toBe(headers.length);

  const shaped: { row: number; record: string[] }[] = [];
  for (const { row, record } of data) {
    const out = shapeRecord(record, headers, row, dialect.delimiter, undecodable);
    problems.push(...out.problems);
    if (!out.record) continue;
    expect(out.record).toHaveLength(headers.length);
    shaped.push({ row, record: out.record });
  }
  const sample = shaped.filter((s) => !isHeaderRepeat(s.record, headers)).map((s) => s.record);
  const profiles = profileColumns(headers, sample, dialect.decimalMark);
  // Applied as the Data page's button applies a doubtful mapping.
  const mapping = { ...suggestMapping(profiles), confident: true };
  const convert = createRowConverter(headers, profiles, mapping, dialect.decimalMark);
  for (const { row, record } of shaped) {
    const out = convert(record, row);
    problems.push(...out.problems);
    for (const values of Object.values(out.records)) {
      for (const [key, value] of Object.entries(values)) {
        if (typeof value !== "number") continue;
        expect(Number.isFinite(value), `${key} = ${value}`).toBe(true);
        if (key.endsWith("_day") || key === "day") expect(value >= DAY_1900 && value < DAY_2101, `${key} = ${value}`).toBe(true);
      }
    }
  }

  // Problems name the file's rows (a record is never numbered past the lines the text has) and its columns.
  const rowSet = new Set(rows);
  const lastPossibleRow = (new TextDecoder().decode(bytes).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
  for (const p of problems) {
    expect(p.column === "" || headers.includes(p.column), `column ${p.column}`).toBe(true);
    if (p.reason === "parse_error") expect(p.row >= 1 && p.row <= lastPossibleRow, `parse error at ${p.row}`).toBe(true);
    else expect(rowSet.has(p.row), `${p.reason} at row ${p.row}`).toBe(true);
  }
  return { refused: null, rows, problems };
}

// Pieces a CRM export is made of, and the things that break one.
const HEADERS = ["order_id", "customer_id", "order_date", "amount", "status", "客户编号", "下单时间", "实付金额", "nps", "email", "", "Name", "name", "_row", "=1+1", '<img src=x onerror="x">'];
const VALUES = [
  "", "A1", "C001", "2024-01-05", "05/01/2024", "2024/1/5", "9999-12-31", "2024-02-30", "12.50", "￥1,234.50", "1e309", "--5", "(12.00)",
  "NaN", "NA", "10", "-3", "退款", "Refunded", "a@b.co", "138-1234-5678", "★★★★☆", "=HYPERLINK(\"x\")", "<script>x</script>", "中文", "😀",
  "\u0000", "\uFFFD", "\uFEFF", " ", "\t", '"', "'", "\r", "\n", "\r\n", ",", ";", "|",
];
/** An orders export whose cells are mostly of the right kind, so that rows reach the converter (and its checks). */
const ORDER_COLUMNS = ["order_id", "customer_id", "order_date", "amount", "status"];
const typedOrder = fc.tuple(
  fc.constantFrom("A1", "A2", "", "=1+1", "<b>x</b>"),
  fc.constantFrom("C1", "C2", "客户A", "", "\uFFFD"),
  fc.constantFrom("2024-01-05", "2024/1/6", "1899-12-31", "9999-12-31", "2024-02-30", "", "1e9"),
  fc.constantFrom("12.50", "-3", "1e309", "9".repeat(400), "--5", "NaN", "(1.00)", "￥1,234.50", ""),
  fc.constantFrom("completed", "退款", "", '"'),
);
const anyRows = fc.array(fc.array(fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 6 })), { maxLength: 7 }), { maxLength: 25 });
const csvish = fc
  .record({
    header: fc.oneof(fc.constant(ORDER_COLUMNS), fc.array(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 6 })),
    rows: fc.oneof(anyRows, fc.array(typedOrder, { maxLength: 25 })),
    delimiter: fc.constantFrom(",", ";", "\t", "|"),
    newlines: fc.array(fc.constantFrom("\n", "\r\n", "\r"), { minLength: 1, maxLength: 3 }),
    quoteSome: fc.boolean(),
    encoding: fc.constantFrom("utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom", "gb18030", "big5", "win1252"),
    long: fc.boolean(),
  })
  .map(({ header, rows, delimiter, newlines, quoteSome, encoding, long }) => {
    const cell = (c: string, i: number): string => (quoteSome && i % 2 === 0 ? `"${c.replaceAll('"', '""')}"` : c);
    // A first row past the 64 KB the reader decides on, so that the rows after it stream through in chunks.
    const all = long ? [header, ["x".repeat(66_000)], ...rows] : [header, ...rows];
    const text = all.map((r, i) => r.map(cell).join(delimiter) + (newlines[i % newlines.length] as string)).join("");
    return { text, encoding };
  });

function encode(text: string, encoding: string): Uint8Array {
  switch (encoding) {
    case "utf-8-bom":
      return iconv.encode(text, "utf-8", { addBOM: true });
    case "utf-16le-bom":
      return iconv.encode(text, "utf-16le", { addBOM: true });
    case "utf-16be-bom":
      return iconv.encode(text, "utf-16be", { addBOM: true });
    default:
      return iconv.encode(text, encoding);
  }
}

describe("the ingest layer on arbitrary input (property)", () => {
  it("never throws on arbitrary bytes, and keeps its promises", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), fc.integer({ min: 1, max: 5000 }), async (bytes, chunk) => {
        await ingestAndCheck(bytes, chunk);
      }),
      { numRuns: 150 },
    );
  });

  it("reads arbitrary CSV-ish text in any encoding, line endings and chunking, and keeps its promises", async () => {
    await fc.assert(
      fc.asyncProperty(csvish, fc.integer({ min: 100, max: 70_000 }), async ({ text, encoding }, chunk) => {
        const { refused } = await ingestAndCheck(encode(text, encoding), chunk);
        // Text is refused only when it is blank or holds more control characters than a CSV does.
        if (refused === "json_file") throw new Error("CSV-ish text taken for JSON");
      }),
      { numRuns: 150 },
    );
  });
});
