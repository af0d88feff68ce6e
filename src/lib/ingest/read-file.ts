/**
 * Reads any file we accept into records for a sink: an Excel workbook by one of its
 * sheets, anything else as delimited text. Old binary workbooks (.xls) and workbooks
 * locked with a password are refused with what to do instead. No DOM, no DB.
 */
import { containerOf, isEncryptedPackage } from "./office-files.ts";
import { readCsv, type CsvOverrides } from "./read-csv.ts";
import type { RecordSink } from "./record-sink.ts";
import { WorkbookRefusedError, readXlsx } from "./read-xlsx.ts";

/** The sheet of a workbook to read instead of the one chosen by default. */
export interface SheetOverride {
  sheet: string;
}

/** A reading the user corrected: encoding and delimiter for text, the sheet for a workbook. */
export type ReadOverrides = CsvOverrides | SheetOverride;

export async function readFile(blob: Blob, overrides: ReadOverrides | null, sink: RecordSink): Promise<void> {
  const container = containerOf(new Uint8Array(await blob.slice(0, 8).arrayBuffer()));
  if (container === "zip") return readXlsx(blob, overrides && "sheet" in overrides ? overrides.sheet : null, sink);
  if (container === "ole") {
    throw new WorkbookRefusedError(isEncryptedPackage(new Uint8Array(await blob.arrayBuffer())) ? "encrypted" : "xls");
  }
  return readCsv(blob, overrides && "encoding" in overrides ? overrides : null, sink);
}
