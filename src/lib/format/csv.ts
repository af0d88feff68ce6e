/**
 * Excel-safe CSV: UTF-8 with a BOM (so Excel reads Chinese), RFC 4180 quoting and
 * formula neutralising by papaparse (`escapeFormulae`: a text cell starting with
 * = + - @ TAB or CR gets a leading quote). Numbers are never touched, and neither is text
 * that is a plain number ("-12.5" in a raw TEXT column is a value, not a formula).
 */
import Papa from "papaparse";
import type { SqlValue } from "./protocol.ts";

/** Starts like a formula and is not a plain (possibly negative) number. */
export const FORMULA_LIKE = /^(?![+-]?(\d+([.,]\d+)*|\d*[.,]\d+)([eE][+-]?\d+)?$)[=+\-@\t\r]/;

const printable = (value: SqlValue): string | number | null =>
  value instanceof Uint8Array ? `[${value.length} bytes]` : value;

export function toExcelCsv(columns: readonly string[], rows: readonly (readonly SqlValue[])[]): string {
  const body = Papa.unparse(
    { fields: [...columns], data: rows.map((row) => row.map(printable)) },
    { newline: "\r\n", escapeFormulae: FORMULA_LIKE },
  );
  return `\uFEFF${body}\r\n`;
}
