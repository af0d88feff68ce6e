/**
 * Reads one sheet of an Excel workbook (.xlsx, .xlsm, .xlsb) into the records the CSV
 * reader produces, so that everything after parsing is shared. Cells are read as Excel
 * stores them, not as it displays them: numbers as numbers (no grouping, no currency, all
 * digits), date cells as ISO dates or datetimes in either date system (1900 or 1904), text
 * as text (leading zeros kept), formulas by their cached value, errors as Excel shows them
 * (#N/A, #DIV/0!). Blank rows are skipped and rows keep Excel's numbers; the columns read
 * are those between the leftmost and the rightmost that hold anything. No DOM, no DB.
 *
 * The parser is SheetJS (@e965/xlsx, the maintained 0.20 line republished on the registry),
 * imported on demand: Vite gives it its own chunk, fetched only when a workbook is dropped.
 */
import type { CellObject, WorkBook, WorkSheet } from "@e965/xlsx";
import { normalizeHeaders } from "./headers.ts";
import { suggestMapping } from "./mapping.ts";
import { zipEntries, zipPackageKind } from "./office-files.ts";
import { profileColumns } from "./profile.ts";
import type { RecordSink } from "./record-sink.ts";
import { fitToWidth } from "./record-shape.ts";
import type { Dialect } from "./sniff.ts";
import { epochDayToIso } from "./values.ts";

/** Why a file is not read as a workbook; an i18n key under `errors.xlsx.`. */
export type WorkbookRefusal = "xls" | "encrypted" | "iwork" | "not_spreadsheet" | "not_workbook" | "too_large" | "no_data";

export class WorkbookRefusedError extends Error {
  constructor(readonly reason: WorkbookRefusal) {
    super(reason);
  }
}

/**
 * The dialect a workbook's records are written in: numbers come out as JavaScript writes
 * them (a dot, no grouping). The delimiter only joins a repeated header row in a problem.
 */
export const WORKBOOK_DIALECT: Dialect = { delimiter: ",", quoteChar: '"', newline: "\n", decimalMark: "." };

const DAY_MS = 86_400_000;
/**
 * The instant SheetJS gives serial 0 with `cellDates`: 1899-12-31 in the 1900 system (it
 * shifts serials below 60 by a day for Excel's phantom 1900-02-29), 1904-01-01 in the 1904
 * system. A date cell less than a day after it is a time of day alone.
 */
const SERIAL_ZERO = { 1900: Date.UTC(1899, 11, 31), 1904: Date.UTC(1904, 0, 1) };
/** The day after Excel's last date, 9999-12-31 (serial 2958465). */
const PAST_LAST_DATE = Date.UTC(10_000, 0, 1);
/** What Excel shows in a date cell whose number is no date it knows (negative, or past 9999). */
const NOT_A_DATE = "########";

/**
 * The most a workbook may unpack to, all its parts together. SheetJS unpacks every part and
 * reads each as one string (a JavaScript string holds at most ~512 M characters), then
 * builds an object per cell, several times the XML's size; a bigger package (or a ZIP bomb,
 * or one whose headers claim gigabytes, a buffer SheetJS would allocate) is refused before.
 */
const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

/** Rows of each sheet looked at when choosing the sheet to read. */
const CHOICE_ROWS = 500;
/** Records handed to the sink at a time. */
const BATCH_ROWS = 2_000;

type SheetRow = (CellObject | null | undefined)[];

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * True when a number format shows a time of day: an h or s outside quoted text, escapes and
 * bracketed sections other than elapsed time ([h], [mm], [ss]). "yyyy-mm-dd hh:mm" → true,
 * 'yyyy"年"m"月"d"日"' → false, "[$-804]yyyy/m/d" → false.
 */
export function formatShowsTime(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\\.|\[(?![hms]+\])[^\]]*\]/gi, "");
  return /[hs]/i.test(bare);
}

/** A date cell's value as ISO text: "2024-01-05", "2024-01-05 18:30:00", or "08:15:00" for a time alone. */
function dateText(date: Date, showsTime: boolean, serialZero: number): string {
  // Serials are fractions of a day: 08:00 is 0.333…, so round to the second.
  const ms = Math.round(date.getTime() / 1000) * 1000;
  // Before serial 0, past 9999 or beyond what a Date holds (SheetJS then gives an invalid one).
  if (!(ms >= serialZero && ms < PAST_LAST_DATE)) return NOT_A_DATE;
  const day = Math.floor(ms / DAY_MS);
  const seconds = (ms - day * DAY_MS) / 1000;
  const time = `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
  if (ms >= serialZero && ms - serialZero < DAY_MS) return time;
  return showsTime || seconds !== 0 ? `${epochDayToIso(day)} ${time}` : epochDayToIso(day);
}

/** The text of one cell as Excel stores it (see the module comment). */
export function cellText(cell: CellObject | null | undefined, serialZero: number): string {
  if (!cell) return "";
  switch (cell.t) {
    case "s":
    case "n":
      return String(cell.v ?? "");
    case "b":
      return cell.v ? "TRUE" : "FALSE";
    case "d":
      return cell.v instanceof Date ? dateText(cell.v, formatShowsTime(String(cell.z ?? "")), serialZero) : String(cell.v ?? "");
    case "e":
      return cell.w ?? "";
    default:
      return "";
  }
}

const isBlankCell = (cell: CellObject | null | undefined): boolean =>
  !cell || cell.t === "z" || cell.v === undefined || (cell.t === "s" && String(cell.v).trim() === "");

/** The first and last column that hold anything, over the whole sheet; null for an empty sheet. */
function usedColumns(rows: readonly (SheetRow | undefined)[]): [number, number] | null {
  let first = Infinity;
  let last = -1;
  for (const row of rows) {
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      if (isBlankCell(row[c])) continue;
      first = Math.min(first, c);
      last = Math.max(last, c);
    }
  }
  return last < 0 ? null : [first, last];
}

/** The rows of a sheet read in dense mode (a chartsheet has none). */
const rowsOf = (sheet: WorkSheet | undefined): (SheetRow | undefined)[] => (sheet?.["!data"] ?? []) as (SheetRow | undefined)[];

/**
 * Gives every cell of a range merged over several rows the value of its top cell, where
 * Excel keeps it (a customer's ID merged down over their orders belongs to each order).
 * Merges within one row stay as stored: they are titles and group headings.
 */
function fillMergedRows(sheet: WorkSheet): void {
  const rows = rowsOf(sheet);
  for (const { s, e } of sheet["!merges"] ?? []) {
    if (e.r === s.r) continue;
    const top = rows[s.r]?.[s.c];
    if (!top) continue;
    for (let r = s.r; r <= e.r; r++) {
      const cells = (rows[r] ??= []);
      for (let c = s.c; c <= e.c; c++) if (isBlankCell(cells[c])) cells[c] = top;
    }
  }
}

/** Cells of a sheet that start a merge across columns of one row: "row:column". */
const rowMergeStarts = (sheet: WorkSheet): Set<string> =>
  new Set((sheet["!merges"] ?? []).filter(({ s, e }) => e.r === s.r && e.c > s.c).map(({ s }) => `${s.r}:${s.c}`));

/**
 * A sheet's non-blank rows as records over its used columns, each with Excel's row number.
 * Rows above the header whose every cell starts a merge across columns (a report's title,
 * group headings over the columns) are passed over: the header is the row after them.
 */
export function* sheetRecords(sheet: WorkSheet, serialZero: number): Generator<{ row: number; record: string[] }> {
  const rows = rowsOf(sheet);
  const span = usedColumns(rows);
  if (!span) return;
  const [first, last] = span;
  const captions = rowMergeStarts(sheet);
  let beforeHeader = true;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    if (!cells) continue;
    const record: string[] = [];
    let caption = true;
    for (let c = first; c <= last; c++) {
      const text = cellText(cells[c], serialZero);
      if (text.trim() !== "" && !captions.has(`${r}:${c}`)) caption = false;
      record.push(text);
    }
    if (!record.some((text) => text.trim() !== "") || (beforeHeader && caption)) continue;
    beforeHeader = false;
    yield { row: r + 1, record };
  }
}

function take<T>(items: Iterable<T>, count: number): T[] {
  const taken: T[] = [];
  for (const item of items) {
    taken.push(item);
    if (taken.length >= count) break;
  }
  return taken;
}

/**
 * The sheet read when the user has not chosen one: the first (visible sheets before hidden
 * ones) whose columns map confidently to customers, orders, feedback or interactions, else
 * the first that holds anything; null when every sheet is empty. A cover or notes sheet in
 * front of the data is thus passed over; the Data page offers the others.
 */
export function chooseSheet(workbook: WorkBook, serialZero: number): string | null {
  const hidden = (name: string) => Boolean(workbook.Workbook?.Sheets?.find((s) => s.name === name)?.Hidden);
  const ordered = [...workbook.SheetNames.filter((n) => !hidden(n)), ...workbook.SheetNames.filter(hidden)];
  let firstWithData: string | null = null;
  for (const name of ordered) {
    const sheet = workbook.Sheets[name];
    const sample = sheet ? take(sheetRecords(sheet, serialZero), CHOICE_ROWS).map((r) => r.record) : [];
    const [header, ...rows] = sample;
    if (!header) continue;
    firstWithData ??= name;
    const headers = normalizeHeaders(header);
    const profiles = profileColumns(headers, rows.map((record) => fitToWidth(record, headers.length)), WORKBOOK_DIALECT.decimalMark);
    if (rows.length > 0 && suggestMapping(profiles).confident) return name;
  }
  return firstWithData;
}

/** Reads a workbook's chosen sheet (or, given none or an unknown name, the one `chooseSheet` picks) into the sink. */
export async function readXlsx(blob: Blob, sheetName: string | null, sink: RecordSink): Promise<void> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const entries = zipEntries(bytes);
  const kind = zipPackageKind(entries.map((e) => e.name));
  if (kind !== "excel") throw new WorkbookRefusedError(kind === "iwork" ? "iwork" : kind === "document" ? "not_spreadsheet" : "not_workbook");
  if (entries.reduce((sum, e) => sum + e.size, 0) > MAX_UNPACKED_BYTES) throw new WorkbookRefusedError("too_large");
  const { read } = await import("@e965/xlsx");
  // dense: rows as arrays; cellDates: date-formatted numbers become Dates (SheetJS knows the
  // built-in formats, including the East Asian ones Excel does not write out); cellNF keeps
  // the format, to tell a datetime at midnight from a date.
  const workbook = read(bytes, { type: "array", dense: true, cellDates: true, cellNF: true, cellFormula: false, cellHTML: false });
  const serialZero = workbook.Workbook?.WBProps?.date1904 ? SERIAL_ZERO[1904] : SERIAL_ZERO[1900];
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    if (sheet) fillMergedRows(sheet);
  }
  // Only sheets that hold something are offered: picking an empty one would lose the file.
  const names = workbook.SheetNames.filter((name) => usedColumns(rowsOf(workbook.Sheets[name])) !== null);
  const chosen = sheetName !== null && names.includes(sheetName) ? sheetName : chooseSheet(workbook, serialZero);
  const sheet = chosen === null ? undefined : workbook.Sheets[chosen];
  if (chosen === null || !sheet) throw new WorkbookRefusedError("no_data");
  sink.start({
    guess: { encoding: "utf-8", bomLength: 0, confident: true, scores: {} },
    encoding: "utf-8",
    dialect: WORKBOOK_DIALECT,
    workbook: { names, sheet: chosen },
  });
  const lastRow = Math.max(1, rowsOf(sheet).length);
  let batch: string[][] = [];
  let rowNumbers: number[] = [];
  const pass = () => {
    // Progress: the parse is done; what remains is handing rows on, so count them.
    const done = Math.round((blob.size * (rowNumbers[rowNumbers.length - 1] ?? lastRow)) / lastRow);
    sink.records(batch, rowNumbers, done, []);
    batch = [];
    rowNumbers = [];
  };
  for (const { row, record } of sheetRecords(sheet, serialZero)) {
    batch.push(record);
    rowNumbers.push(row);
    if (batch.length >= BATCH_ROWS) pass();
  }
  pass();
}
