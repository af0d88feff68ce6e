/**
 * What a file reader (delimited text or an Excel workbook) hands on: how it read the bytes,
 * then complete records. Both readers feed the same sink, so everything after parsing
 * (profiling, mapping, the raw table, problems) is shared.
 */
import type { EncodingGuess, TextEncodingName } from "./decode.ts";
import type { CsvParseError } from "./parse.ts";
import type { Dialect } from "./sniff.ts";

/** The sheets of a workbook that hold data, and the one read. */
export interface WorkbookSheets {
  names: string[];
  sheet: string;
}

export interface ReadStart {
  guess: EncodingGuess;
  encoding: TextEncodingName;
  dialect: Dialect;
  /** Null for delimited text. */
  workbook: WorkbookSheets | null;
}

export interface RecordSink {
  start(meta: ReadStart): void;
  /**
   * Complete records (the header is the first record of the first call), the row number of
   * each (header = 1, blank lines counted), the bytes read so far and the malformed records
   * found (unbalanced quotes). `undecodable` is true when the text read so far held bytes
   * invalid in its encoding (U+FFFD): the cells of this batch and later ones are worth
   * checking.
   */
  records(batch: string[][], rowNumbers: number[], bytesRead: number, errors: CsvParseError[], undecodable?: boolean): void;
}
