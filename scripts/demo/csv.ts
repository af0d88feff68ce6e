/**
 * CSV writing: UTF-8 without BOM, "\n" line ends, RFC 4180 quoting (a field is quoted
 * only when it contains a comma, a double quote, CR or LF; quotes inside are doubled).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export type Cell = string | number | null | undefined;

export function csvField(value: Cell): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvField).join(",");
}

/** Writes header + rows; returns the number of data rows written. */
export function writeCsv(path: string, header: readonly string[], rows: readonly (readonly Cell[])[]): number {
  mkdirSync(dirname(path), { recursive: true });
  const lines = [csvLine(header), ...rows.map(csvLine)];
  writeFileSync(path, lines.join("\n") + "\n", "utf8");
  return rows.length;
}
