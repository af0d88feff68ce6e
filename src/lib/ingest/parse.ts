/**
 * Incremental CSV parsing on top of papaparse's low-level `Papa.Parser` (the same engine
 * Papa.parse uses; never its worker mode, never dynamicTyping: every field stays the raw
 * string the file holds).
 */
import Papa from "papaparse";
import type { Parser as PapaParser } from "papaparse";
import type { Dialect } from "./sniff.ts";

/** A malformed record: `record` is its 1-based number (header = 1), as in `rowNumbers`. */
export interface CsvParseError {
  record: number;
  message: string;
}

/**
 * An unfinished record longer than this (in UTF-16 units) is cut and reported: it is
 * almost surely an unbalanced quote swallowing the rest of the file, and re-scanning an
 * ever-growing tail on every chunk would be quadratic.
 */
export const MAX_PENDING_CHARS = 4 * 1024 * 1024;

interface PapaResult {
  data: string[][];
  errors: { row: number; message: string }[];
  meta: { cursor: number };
}

/**
 * Feed text in chunks of any size (cut anywhere, even inside a quoted field or between the
 * \r and \n of a line ending); get back the records completed so far, header first.
 *
 * Between pushes the parser keeps the unconsumed tail (the record still open), as
 * papaparse's own ChunkStreamer does: each push parses tail + chunk with `ignoreLastRow`,
 * so the last, possibly incomplete record waits for more text; `end()` parses what is left.
 *
 * Records are numbered like spreadsheet rows: the header is 1, a record spanning several
 * lines (quoted line breaks) counts once, and empty lines count but are not returned (a
 * record whose fields are all blank, like Excel's `,,,`, is an empty line too). After each
 * `push`/`end`, `rowNumbers[i]` is the number of the i-th record it returned, and
 * `takeErrors()` hands over the errors found so far (unterminated or malformed quotes).
 *
 * ```ts
 * const parser = new CsvChunkParser({ delimiter: ",", quoteChar: '"', newline: "\n", decimalMark: "." });
 * parser.push('id,note\n1,"a\n');        // [["id","note"]]          rowNumbers [1]
 * parser.push('b"\n\n2,c');               // [["1","a\nb"]]           rowNumbers [2]
 * parser.end();                           // [["2","c"]]              rowNumbers [4]
 * ```
 */
export class CsvChunkParser {
  /** Row numbers of the records returned by the last `push`/`end`, parallel to them. */
  rowNumbers: number[] = [];
  readonly #parser: PapaParser;
  #tail = "";
  #recordsSeen = 0;
  #errors: CsvParseError[] = [];

  constructor(dialect: Dialect) {
    this.#parser = new Papa.Parser({
      delimiter: dialect.delimiter,
      newline: dialect.newline,
      quoteChar: dialect.quoteChar,
      escapeChar: dialect.quoteChar,
    });
  }

  push(text: string): string[][] {
    this.#tail += text;
    this.rowNumbers = [];
    const records: string[][] = [];
    this.#run(true, records);
    if (this.#tail.length > MAX_PENDING_CHARS) {
      this.#errors.push({
        record: this.#recordsSeen + 1,
        message: `Record longer than ${MAX_PENDING_CHARS} characters (unbalanced quote?): cut there`,
      });
      this.#run(false, records);
    }
    return records;
  }

  end(): string[][] {
    this.rowNumbers = [];
    const records: string[][] = [];
    this.#run(false, records);
    return records;
  }

  /** The parse errors found since the last call. */
  takeErrors(): CsvParseError[] {
    const errors = this.#errors;
    this.#errors = [];
    return errors;
  }

  #run(ignoreLastRow: boolean, records: string[][]): void {
    const result = this.#parser.parse(this.#tail, 0, ignoreLastRow) as PapaResult;
    this.#tail = ignoreLastRow ? this.#tail.slice(result.meta.cursor) : "";
    for (const error of result.errors) {
      // An error in the row left open is provisional: that row is parsed again next time.
      if (error.row < result.data.length) {
        this.#errors.push({ record: this.#recordsSeen + error.row + 1, message: error.message });
      }
    }
    for (const record of result.data) {
      this.#recordsSeen++;
      if (isBlank(record)) continue;
      records.push(record);
      this.rowNumbers.push(this.#recordsSeen);
    }
  }
}

function isBlank(record: string[]): boolean {
  for (const field of record) if (field.trim() !== "") return false;
  return true;
}
