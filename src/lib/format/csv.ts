/**
 * Excel-safe CSV, the one function behind every CSV the app offers (database tables, chart
 * data tables, member and at-risk lists): UTF-8 with a BOM (so Excel reads Chinese), RFC
 * 4180 quoting and formula neutralising by papaparse (`escapeFormulae`: a text cell starting
 * with = + - @ TAB or CR gets a leading quote). Numbers are never touched, and neither is
 * text that is a plain number ("-12.5" in a raw TEXT column is a value, not a formula).
 * The worker imports this module; the page goes through csv-on-demand.ts, which loads it
 * (and papaparse) only when a CSV is exported.
 */
import Papa from "papaparse";

/** A cell as the database or a view holds it; bytes are written as their size. */
export type CsvCell = string | number | null | Uint8Array;

/** Starts like a formula and is not a plain (possibly negative) number. */
export const FORMULA_LIKE = /^(?![+-]?(\d+([.,]\d+)*|\d*[.,]\d+)([eE][+-]?\d+)?$)[=+\-@\t\r]/;

const printable = (value: CsvCell): string | number | null =>
  value instanceof Uint8Array ? `[${value.length} bytes]` : value;

export function toExcelCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const body = Papa.unparse(
    { fields: [...columns], data: rows.map((row) => row.map(printable)) },
    { newline: "\r\n", escapeFormulae: FORMULA_LIKE },
  );
  return `\uFEFF${body}\r\n`;
}
