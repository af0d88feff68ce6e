/**
 * The checks on a record's shape, which concern the file and not the mapping: a header row
 * repeated mid-file (two exports pasted together) is reported and skipped; a row with the
 * wrong number of cells is reported and fitted to the header's width without losing a cell;
 * a cell holding U+FFFD (bytes the file's encoding could not decode) is reported.
 */
import { isHeaderRepeat } from "./headers.ts";
import type { Problem } from "./convert.ts";

export interface ShapedRecord {
  /** The record with one cell per header, or null for a repeated header row. */
  record: string[] | null;
  problems: Problem[];
}

/**
 * Pads a short record with empty cells; a long one keeps its extra cells joined into the
 * last column, so nothing is lost: fitToWidth(["a","b","c"], 2) → ["a", "b | c"].
 */
export function fitToWidth(record: string[], width: number): string[] {
  if (record.length === width) return record;
  if (record.length < width) return [...record, ...new Array<string>(width - record.length).fill("")];
  return [...record.slice(0, width - 1), record.slice(width - 1).join(" | ")];
}

/**
 * `checkText`: look for undecodable characters in every cell. Off until the reader has seen
 * one in the file, as a search of every cell of a million rows costs a tenth of a second.
 */
export function shapeRecord(record: string[], headers: string[], row: number, delimiter: string, checkText = false): ShapedRecord {
  if (isHeaderRepeat(record, headers)) {
    return { record: null, problems: [{ row, column: "", value: record.join(delimiter), reason: "repeated_header" }] };
  }
  const problems: Problem[] = [];
  let fitted = record;
  if (record.length !== headers.length) {
    fitted = fitToWidth(record, headers.length);
    problems.push({ row, column: "", value: `${record.length} / ${headers.length}`, reason: "ragged_row" });
  }
  if (checkText) {
    fitted.forEach((cell, i) => {
      if (cell.includes(REPLACEMENT_CHARACTER)) problems.push({ row, column: headers[i] ?? "", value: cell, reason: "bad_encoding" });
    });
  }
  return { record: fitted, problems };
}

/** What a decoder puts in place of bytes that are invalid in the file's encoding. */
export const REPLACEMENT_CHARACTER = "\uFFFD";
