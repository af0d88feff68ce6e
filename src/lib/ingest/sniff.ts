/**
 * Guess how a CSV is written (delimiter, quote, line ending, decimal mark) from its first
 * few kilobytes of text. We do it ourselves because papaparse's guess picks "," for ";"
 * files with decimal commas (`1;12,50;3,00` has as many commas as semicolons).
 */

export interface Dialect {
  delimiter: "," | ";" | "\t" | "|";
  quoteChar: '"' | "'";
  newline: "\n" | "\r\n" | "\r";
  decimalMark: "." | ",";
}

const DELIMITERS: readonly Dialect["delimiter"][] = [",", ";", "\t", "|"];
const SAMPLE_RECORDS = 50;

/**
 * Worked example: `id;amount\n1;12,50\n2;3,00\n`
 * - "," splits the records into 1, 2, 2 fields; ";" into 2, 2, 2 → ";" is consistent;
 * - the amounts are written `12,50` (comma then not three digits) → decimal mark ",";
 * - the first line ends with "\n" → newline "\n".
 */
export function sniffDialect(sample: string): Dialect {
  const newline = firstNewline(sample);
  // "'" quotes only a file that never uses '"' (apostrophes in text are common).
  const quotes: Dialect["quoteChar"][] = sample.includes('"') || !sample.includes("'") ? ['"'] : ['"', "'"];
  let best = { delimiter: "," as Dialect["delimiter"], quoteChar: '"' as Dialect["quoteChar"], score: 0, fields: 1 };
  let bestRecords: string[][] = [];
  for (const quoteChar of quotes) {
    for (const delimiter of DELIMITERS) {
      const records = splitRecords(sample, delimiter, quoteChar, SAMPLE_RECORDS);
      const { score, fields } = consistency(records);
      if (score > best.score || (score === best.score && score > 0 && fields > best.fields)) {
        best = { delimiter, quoteChar, score, fields };
        bestRecords = records;
      }
    }
  }
  const decimalMark = best.delimiter === "," ? "." : guessDecimalMark(bestRecords);
  return { delimiter: best.delimiter, quoteChar: best.quoteChar, newline, decimalMark };
}

/** The first line ending outside quotes; "\n" when the sample has none. */
function firstNewline(sample: string): Dialect["newline"] {
  let inQuotes = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === "\n") return "\n";
    else if (!inQuotes && c === "\r") return sample[i + 1] === "\n" ? "\r\n" : "\r";
  }
  return "\n";
}

/**
 * Split into at most `limit` records of fields, honouring quotes (a quoted field may hold
 * delimiters and line breaks; "" inside quotes is a quote). Any of \r\n, \n, \r ends a
 * record. Empty lines are dropped, and so is an unterminated last record (likely cut by the
 * end of the sample) unless it is the only one.
 */
function splitRecords(text: string, delimiter: string, quote: string, limit: number): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = "";
  let inQuotes = false;
  let i = 0;
  const endRecord = (): void => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== "") records.push(fields);
    fields = [];
    field = "";
  };
  for (; i < text.length && records.length < limit; i++) {
    const c = text[i] as string;
    if (inQuotes) {
      if (c !== quote) {
        field += c;
      } else if (text[i + 1] === quote) {
        field += quote;
        i++;
      } else {
        inQuotes = false;
      }
    } else if (c === quote && field === "") {
      inQuotes = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else {
      field += c;
    }
  }
  // A one-line sample (header only, no line break) is all we have: keep it.
  if (records.length === 0 && !inQuotes) endRecord();
  return records;
}

/**
 * Share of records with the most common field count (which must be > 1), halved when
 * the header row disagrees with it.
 */
function consistency(records: string[][]): { score: number; fields: number } {
  const counts = new Map<number, number>();
  for (const r of records) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let fields = 1;
  let top = 0;
  for (const [n, c] of counts) {
    if (c > top || (c === top && n > fields)) {
      fields = n;
      top = c;
    }
  }
  if (fields < 2) return { score: 0, fields: 1 };
  const score = top / records.length;
  return { score: records[0]?.length === fields ? score : score / 2, fields };
}

/** `1.234,50` or `12,5` — a comma decimal that cannot be read as thousands. */
const COMMA_DECIMAL = /^[-+]?\d{1,3}(?:\.\d{3})+,\d+$|^[-+]?\d+,(?:\d{1,2}|\d{4,})$/;
/** `1,234.50` or `12.5`. */
const DOT_DECIMAL = /^[-+]?\d{1,3}(?:,\d{3})+\.\d+$|^[-+]?\d+\.(?:\d{1,2}|\d{4,})$/;
/** Currency symbols and spaces around a number (`€ 12,50`, `12,50 €`). */
const AROUND_NUMBER = /^[^\d+-]{0,4}|[^\d]{0,4}$/g;

/** "," when more numeric-looking fields use a comma decimal than a dot decimal. */
function guessDecimalMark(records: string[][]): Dialect["decimalMark"] {
  let comma = 0;
  let dot = 0;
  for (const record of records.slice(1)) {
    for (const field of record) {
      const core = field.trim().replace(AROUND_NUMBER, "");
      if (COMMA_DECIMAL.test(core)) comma++;
      else if (DOT_DECIMAL.test(core)) dot++;
    }
  }
  return comma > dot ? "," : ".";
}
