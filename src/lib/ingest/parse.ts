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
 * An unfinished record longer than this (in UTF-16 units) is taken for an unbalanced quote
 * swallowing the rest of the file: it is cut at the end of the line its quote opened on.
 * Far above any real cell (a 5 MB note is 5 M characters), far below what a tab can hold.
 */
export const MAX_PENDING_CHARS = 16 * 1024 * 1024;

const UNTERMINATED = "Quoted field unterminated: read to the end of its line";

interface PapaResult {
  data: string[][];
  errors: { row: number; code: string; message: string; index: number }[];
  meta: { cursor: number };
}

/**
 * Feed text in chunks of any size (cut anywhere, even inside a quoted field or between the
 * \r and \n of a line ending); get back the records completed so far, header first.
 *
 * Between pushes the parser keeps the unconsumed tail (the record still open), as
 * papaparse's own ChunkStreamer does: each push parses tail + chunk with `ignoreLastRow`,
 * so the last, possibly incomplete record waits for more text; `end()` parses what is left.
 * A tail that has grown long (a huge cell) is parsed again only once as much new text has
 * come, so a long record costs linear time, not quadratic.
 *
 * Line endings: papaparse splits rows at one newline, the dialect's. Files pasted together
 * or edited by hand mix them, so every line ending outside quotes — \r\n, \n or \r — is
 * first rewritten to the dialect's (a check by native search skips text that needs none).
 *
 * A quote never closed would make the rest of the file one cell. When the file ends inside
 * it (or the open record passes MAX_PENDING_CHARS), the record is read up to the end of the
 * line its quote opened on, reported, and the lines after it are parsed afresh.
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
  readonly #lineEnds: LineEndNormaliser;
  #tail = "";
  /** Text pushed but not yet parsed (while the tail is long). */
  #pending: string[] = [];
  #pendingLength = 0;
  /** A \r that ended the text so far, held back: it may be half of a \r\n cut between chunks. */
  #heldCr = "";
  #recordsSeen = 0;
  #errors: CsvParseError[] = [];

  constructor(dialect: Dialect) {
    this.#parser = new Papa.Parser({
      delimiter: dialect.delimiter,
      newline: dialect.newline,
      quoteChar: dialect.quoteChar,
      escapeChar: dialect.quoteChar,
    });
    this.#lineEnds = new LineEndNormaliser(dialect);
  }

  push(text: string): string[][] {
    this.rowNumbers = [];
    const records: string[][] = [];
    this.#pending.push(text);
    this.#pendingLength += text.length;
    if (this.#pendingLength < this.#tail.length) return records;
    this.#takePending(false);
    this.#run(true, records);
    while (this.#tail.length > MAX_PENDING_CHARS) {
      if (this.#recoverUnterminated(records)) {
        this.#run(true, records);
        continue;
      }
      // No quote to blame (one huge unquoted cell): cut it where it is.
      this.#errors.push({ record: this.#recordsSeen + 1, message: `Record longer than ${MAX_PENDING_CHARS} characters: cut there` });
      this.#run(false, records);
    }
    return records;
  }

  end(): string[][] {
    this.rowNumbers = [];
    const records: string[][] = [];
    this.#takePending(true);
    this.#run(true, records);
    while (this.#recoverUnterminated(records)) this.#run(true, records);
    this.#run(false, records);
    return records;
  }

  /** The parse errors found since the last call. */
  takeErrors(): CsvParseError[] {
    const errors = this.#errors;
    this.#errors = [];
    return errors;
  }

  #takePending(final: boolean): void {
    let text = this.#tail + this.#heldCr + this.#pending.join("");
    this.#heldCr = !final && text.endsWith("\r") ? "\r" : "";
    if (this.#heldCr) text = text.slice(0, -1);
    this.#tail = this.#lineEnds.normalise(text);
    this.#pending = [];
    this.#pendingLength = 0;
  }

  #run(ignoreLastRow: boolean, records: string[][]): void {
    if (this.#tail === "") return;
    const result = this.#parser.parse(this.#tail, 0, ignoreLastRow) as PapaResult;
    this.#tail = ignoreLastRow ? this.#tail.slice(result.meta.cursor) : "";
    for (const error of result.errors) {
      // An error in the row left open is provisional: that row is parsed again next time.
      if (error.row < result.data.length) {
        this.#errors.push({ record: this.#recordsSeen + error.row + 1, message: error.message });
      }
    }
    for (const record of result.data) this.#accept(record, records);
  }

  #accept(record: string[], records: string[][]): void {
    this.#recordsSeen++;
    if (isBlank(record)) return;
    records.push(record);
    this.rowNumbers.push(this.#recordsSeen);
  }

  /**
   * When the open record (the tail) holds a quote that is never closed, takes the record as
   * its text up to the end of the line that quote opened on, reports it, and leaves the
   * lines after it as the new tail. False when the tail has no such quote, or no line end
   * after it.
   */
  #recoverUnterminated(records: string[][]): boolean {
    const parsed = this.#parser.parse(this.#tail, 0, false) as PapaResult;
    const open = parsed.errors.find((e) => e.code === "MissingQuotes");
    if (!open) return false;
    LINE_END.lastIndex = open.index;
    const lineEnd = LINE_END.exec(this.#tail);
    if (!lineEnd) return false;
    const line = this.#parser.parse(this.#tail.slice(0, lineEnd.index), 0, false) as PapaResult;
    const record = this.#recordsSeen + 1;
    for (const error of line.errors) {
      this.#errors.push({ record, message: error.code === "MissingQuotes" ? UNTERMINATED : error.message });
    }
    this.#accept(line.data[0] ?? [], records);
    this.#tail = this.#lineEnds.normalise(this.#tail.slice(lineEnd.index + lineEnd[0].length));
    return true;
  }
}

const LINE_END = /\r\n|\r|\n/g;

function isBlank(record: string[]): boolean {
  for (const field of record) if (field.trim() !== "") return false;
  return true;
}

/**
 * Rewrites every line ending outside quotes to the dialect's newline, reading quotes as
 * papaparse does: a quote opens a field only at its start, "" inside is a quote, and a
 * quote closes the field only when spaces and then a delimiter, a line end or the end of
 * the text follow (any other quote is text and the field reads on).
 *
 * The text must start at the start of a record, and not end with half of a \r\n.
 */
class LineEndNormaliser {
  readonly #delimiter: string;
  readonly #quote: string;
  readonly #newline: string;
  /** The next delimiter or line-end character. */
  readonly #fieldEnd: RegExp;
  /** Line endings that are not the dialect's: when none is in the text, it is left as it is. */
  readonly #foreign: RegExp;

  constructor(dialect: Dialect) {
    this.#delimiter = dialect.delimiter;
    this.#quote = dialect.quoteChar;
    this.#newline = dialect.newline;
    this.#fieldEnd = new RegExp(`[${dialect.delimiter === "\t" ? "\\t" : `\\${dialect.delimiter}`}\\r\\n]`, "g");
    this.#foreign = dialect.newline === "\n" ? /\r/ : dialect.newline === "\r" ? /\n/ : /\r(?!\n)|(?<!\r)\n/;
  }

  normalise(text: string): string {
    if (!this.#foreign.test(text)) return text;
    const parts: string[] = [];
    let copied = 0;
    let i = 0;
    while (i < text.length) {
      if (text[i] === this.#quote) {
        const after = this.#closingQuote(text, i);
        if (after < 0) break; // open to the end of the text: nothing more outside quotes
        i = after;
      }
      this.#fieldEnd.lastIndex = i;
      const end = this.#fieldEnd.exec(text);
      if (!end) break;
      const at = end.index;
      i = at + 1;
      if (end[0] === this.#delimiter) continue;
      const crlf = end[0] === "\r" && text[at + 1] === "\n";
      const length = crlf ? 2 : 1;
      i = at + length;
      if ((crlf ? "\r\n" : end[0]) === this.#newline) continue;
      parts.push(text.slice(copied, at), this.#newline);
      copied = i;
    }
    if (copied === 0) return text;
    parts.push(text.slice(copied));
    return parts.join("");
  }

  /** Index just past the quote closing the field opened at `open`; −1 when the text ends inside it. */
  #closingQuote(text: string, open: number): number {
    let from = open + 1;
    for (;;) {
      const q = text.indexOf(this.#quote, from);
      if (q < 0) return -1;
      if (text[q + 1] === this.#quote) {
        from = q + 2;
        continue;
      }
      let next = q + 1;
      while ((text[next] === " " || text[next] === "\t") && text[next] !== this.#delimiter) next++;
      const c = text[next];
      if (c === undefined || c === this.#delimiter || c === "\r" || c === "\n") return q + 1;
      from = q + 1;
    }
  }
}
