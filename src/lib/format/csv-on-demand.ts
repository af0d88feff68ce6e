/**
 * The page's way to the CSV rules of csv.ts: csv.ts and papaparse (~7 kB gzip) load the
 * first time the user exports a CSV, not with the start-up scripts that must reach the
 * first KPI (issue 7's budget). The page must import csv.ts only through here (types
 * aside): one static import would pull papaparse back into the start-up bundle. The
 * worker imports csv.ts directly; it carries papaparse to read files anyway.
 */
import type { CsvCell } from "./csv.ts";

/** toExcelCsv of csv.ts (UTF-8 BOM, CRLF, formulas neutralised), loaded on first use. */
export async function excelCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): Promise<string> {
  const { toExcelCsv } = await import("./csv.ts");
  return toExcelCsv(columns, rows);
}

/** The CSV as a Blob ready for download (the type Excel and browsers expect). */
export const csvBlob = (text: string): Blob => new Blob([text], { type: "text/csv;charset=utf-8" });
