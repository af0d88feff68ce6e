/**
 * A table on the page as CSV, cell text as the reader sees it: for the tables that are
 * written as markup (a segment summary, service times), not kept as data. Chart data
 * tables export from their own rows (ChartFrame).
 */
import { excelCsv } from "../../lib/format/csv-on-demand.ts";

const cellText = (cell: Element): string => (cell.textContent ?? "").replace(/\s+/g, " ").trim();

/** The header row's cells, then every body and footer row. */
export function tableCsv(table: HTMLTableElement): Promise<string> {
  const headRows = table.tHead?.rows;
  const header = headRows?.length ? headRows[headRows.length - 1] : undefined;
  const columns = header ? Array.from(header.cells, cellText) : [];
  const rows = [...Array.from(table.tBodies).flatMap((body) => Array.from(body.rows)), ...Array.from(table.tFoot?.rows ?? [])].map((row) => Array.from(row.cells, cellText));
  return excelCsv(columns, rows);
}
