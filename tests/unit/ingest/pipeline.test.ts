/**
 * The whole ingest layer on fixture files, as the app chains it: bytes in small chunks →
 * encoding → text → dialect → records → headers → profiles → mapping → canonical records.
 */
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import {
  CsvChunkParser, createRowConverter, createStreamDecoder, detectEncoding, isHeaderRepeat, normalizeHeaders, parseErrorProblem,
  profileColumns, shapeRecord, sniffDialect, suggestMapping, tablesFilled,
} from "../../../src/lib/ingest/index.ts";
import type { CanonicalRecord, CanonicalTable, Problem } from "../../../src/lib/ingest/index.ts";

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/ingest/${name}`, import.meta.url)));

/** Runs the pipeline; records are collected with their row numbers as each push returns them. */
function run(bytes: Uint8Array, chunkBytes = 5) {
  const guess = detectEncoding(bytes.subarray(0, 64 * 1024));
  const decoder = createStreamDecoder(guess.encoding);
  const texts: string[] = [];
  for (let i = 0; i < bytes.length; i += chunkBytes) texts.push(decoder.decode(bytes.subarray(i, i + chunkBytes)));
  texts.push(decoder.end());
  const dialect = sniffDialect(texts.join(""));
  const parser = new CsvChunkParser(dialect);
  const numbered: { row: number; record: string[] }[] = [];
  const take = (batch: string[][]): void => batch.forEach((record, i) => numbered.push({ row: parser.rowNumbers[i] as number, record }));
  for (const text of texts) take(parser.push(text));
  take(parser.end());
  const [header, ...data] = numbered;
  const headers = normalizeHeaders(header?.record ?? []);
  const sample = data.filter((d) => !isHeaderRepeat(d.record, headers)).map((d) => d.record);
  const profiles = profileColumns(headers, sample, dialect.decimalMark);
  const mapping = suggestMapping(profiles);
  const convert = createRowConverter(headers, profiles, mapping, dialect.decimalMark);
  const tables: Partial<Record<CanonicalTable, (CanonicalRecord & { row: number })[]>> = {};
  const problems: Problem[] = parser.takeErrors().map(parseErrorProblem);
  for (const { row, record } of data) {
    const shaped = shapeRecord(record, headers, row, dialect.delimiter);
    problems.push(...shaped.problems);
    if (!shaped.record) continue;
    const out = convert(shaped.record, row);
    problems.push(...out.problems);
    for (const [table, values] of Object.entries(out.records) as [CanonicalTable, CanonicalRecord][]) {
      (tables[table] ??= []).push({ row, ...values });
    }
  }
  return { guess, dialect, headers, profiles, mapping, tables, problems };
}

describe("ingest pipeline", () => {
  it("reads a UTF-8-BOM, semicolon, decimal-comma, CRLF export with a repeated header and a blank line", () => {
    const r = run(fixture("orders-semicolon-bom.csv"));
    expect(r.guess).toMatchObject({ encoding: "utf-8", bomLength: 3 });
    expect(r.dialect).toEqual({ delimiter: ";", quoteChar: '"', newline: "\r\n", decimalMark: "," });
    expect(r.headers).toEqual(["Order ID", "Customer ID", "Order Date", "Amount", "Note"]);
    expect(r.profiles.map((p) => p.shape)).toEqual(["id", "id", "date", "money", "text"]);
    expect(r.profiles[2]?.dateOrder).toBe("dmy");
    expect(r.profiles[3]?.currency).toBe("EUR");
    expect(r.mapping).toMatchObject({ kind: "orders", confident: true, missing: [] });
    // Rows: header 1, A1 2 (two lines, one record), A2 3, blank 4, header again 5, A3 6, A4 7.
    expect(r.tables.orders?.map((o) => [o.row, o.order_id, o.order_date, o.order_day, o.amount, o.is_return])).toEqual([
      [2, "A1", "2024-01-05", 19727, 1234.5, 0],
      [3, "A2", "2024-01-25", 19747, 12, 0],
      [6, "A3", "2024-02-03", 19756, -5, 1], // 19,723 + 31 + 2; negative amount = return
    ]);
    expect(r.problems).toEqual([
      { row: 5, column: "", value: "Order ID;Customer ID;Order Date;Amount;Note", reason: "repeated_header" },
      { row: 7, column: "Customer ID", value: "", reason: "missing_required" },
    ]);
  });

  it("reads a survey with the long NPS question, reporting the answer out of range", () => {
    const r = run(fixture("survey-nps.csv"), 3);
    expect(r.mapping.kind).toBe("feedback");
    expect(r.mapping.columns.map((c) => c && `${c.table}.${c.field}`)).toEqual([
      "feedback.date", null, "feedback.nps_score", "feedback.comment",
    ]);
    expect(r.mapping.confident).toBe(true);
    const feedback = r.tables.feedback ?? [];
    expect(feedback).toHaveLength(21);
    // 2024-03-01 = 19,723 + 31 + 29 = 19,783; 9:12 is kept in the text, the day is whole.
    expect(feedback[0]).toMatchObject({ row: 2, date: "2024-03-01 09:12", day: 19783, nps_score: 9, comment: "Fast, friendly" });
    expect(feedback[2]).toMatchObject({ row: 4, nps_score: null });
    expect(feedback[18]).toMatchObject({ row: 20, nps_score: null, comment: "No answer" }); // missing: no problem
    expect(r.problems).toEqual([{ row: 4, column: "How likely are you to recommend us to a friend? (0-10)", value: "11", reason: "out_of_range" }]);
  });

  it("reads a GBK flat export of orders with customer columns into orders and customers", () => {
    const r = run(new Uint8Array(iconv.encode(new TextDecoder().decode(fixture("orders-zh-flat.csv")), "gbk")), 4);
    expect(r.guess.encoding).toBe("gb18030");
    expect(r.headers[0]).toBe("订单编号");
    expect(r.mapping.kind).toBe("flat");
    expect(tablesFilled(r.mapping)).toEqual(["orders", "customers"]);
    expect(r.tables.orders?.map((o) => [o.order_id, o.customer_id, o.order_date, o.order_day, o.amount, o.status, o.is_return])).toEqual([
      ["D001", "C001", "2024-01-05 10:30", 19727, 1234.5, "已完成", 0],
      ["D002", "C002", "2024-01-06 11:00", 19728, 88, "已退款", 1],
      ["D003", "C001", "2024-01-07 09:15", 19729, 20, "已完成", 0],
    ]);
    expect(r.tables.customers?.map((c) => [c.customer_id, c.name, c.phone])).toEqual([
      ["C001", "张三", "138-1234-5678"],
      ["C002", "李四", "139-8765-4321"],
      ["C001", "张三", "138-1234-5678"],
    ]);
    expect(r.problems).toEqual([]);
  });
});
