/**
 * Streams a file through decode → sniff → parse: bytes arrive in chunks, one streaming
 * TextDecoder turns them into text, the dialect is sniffed on the first chunk, and the
 * chunk parser hands complete records to the sink as they appear. No DOM, no DB.
 */
import { createStreamDecoder, detectEncoding, type TextEncodingName } from "./decode.ts";
import { CsvChunkParser } from "./parse.ts";
import type { RecordSink } from "./record-sink.ts";
import { REPLACEMENT_CHARACTER } from "./record-shape.ts";
import { sniffDialect, type Dialect } from "./sniff.ts";

/** Bytes read before the encoding and dialect are decided. */
const SAMPLE_BYTES = 64 * 1024;

/** Why a file is not read as CSV at all; an i18n key under `errors.`. */
export type NotCsvReason = "empty_file" | "binary_file" | "json_file";

export class NotCsvError extends Error {
  constructor(readonly reason: NotCsvReason) {
    super(reason);
  }
}

async function readAtLeast(reader: ReadableStreamDefaultReader<Uint8Array>, minBytes: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  while (length < minBytes) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    length += value.length;
  }
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** Characters of the decoded start of a file judged when telling binary from text. */
const BINARY_SAMPLE_CHARS = 8192;
/**
 * Control characters (bar TAB, LF, CR) in more than this share of the sample make a file
 * binary: an image or an archive has about one byte in ten below 0x20, a CSV none, or a
 * few NUL bytes in its cells, which the reader drops.
 */
const BINARY_CONTROL_SHARE = 0.05;

/** Refuses what is plainly not delimited text: nothing, binary files (images, archives) or JSON. */
export function notCsvReason(headText: string): NotCsvReason | null {
  if (headText.trim() === "") return "empty_file";
  // Judged on the decoded text: UTF-16 files are full of NUL bytes but decode cleanly. NUL
  // padding at the end (some exporters fill the last disk block) is no sign of binary.
  let end = Math.min(headText.length, BINARY_SAMPLE_CHARS);
  while (end > 0 && headText.charCodeAt(end - 1) === 0) end--;
  const sample = headText.slice(0, end);
  if (controlCharacters(sample) > BINARY_CONTROL_SHARE * sample.length) return "binary_file";
  const first = headText.trimStart()[0];
  if ((first === "{" || first === "[") && /^\s*[[{]\s*["{[\]]/.test(headText)) return "json_file";
  return null;
}

/** C0 controls but TAB, LF and CR; DEL; C1 controls. */
function controlCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f)) count++;
  }
  return count;
}

/** NUL is never text: a stray one inside a cell (or padding at the end) is dropped. */
const withoutNul = (text: string): string => (text.includes("\u0000") ? text.replaceAll("\u0000", "") : text);

/** A reading the user corrected: the encoding and delimiter to use instead of the detected ones. */
export interface CsvOverrides {
  encoding: TextEncodingName;
  delimiter: Dialect["delimiter"];
}

export async function readCsv(blob: Blob, overrides: CsvOverrides | null, sink: RecordSink): Promise<void> {
  const reader = blob.stream().getReader();
  const head = await readAtLeast(reader, SAMPLE_BYTES);
  const guess = detectEncoding(head.subarray(0, SAMPLE_BYTES));
  const encoding = overrides?.encoding ?? guess.encoding;
  const decoder = createStreamDecoder(encoding);
  const headText = decoder.decode(head);
  const refusal = notCsvReason(headText);
  if (refusal) {
    await reader.cancel();
    throw new NotCsvError(refusal);
  }
  // The first chunk can be the whole file (Node hands a Blob over in one piece): sniff a sample.
  const sniffed = sniffDialect(headText.slice(0, SAMPLE_BYTES));
  // A comma-delimited file cannot also use the comma as its decimal mark.
  const dialect = overrides
    ? { ...sniffed, delimiter: overrides.delimiter, decimalMark: overrides.delimiter === "," ? "." : sniffed.decimalMark }
    : sniffed;
  const parser = new CsvChunkParser(dialect);
  sink.start({ guess, encoding, dialect, workbook: null });
  let bytesRead = head.length;
  let undecodable = false;
  const pass = (records: string[][]) => sink.records(records, parser.rowNumbers, bytesRead, parser.takeErrors(), undecodable);
  const parse = (text: string) => {
    undecodable ||= text.includes(REPLACEMENT_CHARACTER);
    pass(parser.push(withoutNul(text)));
  };
  parse(headText);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytesRead += value.length;
    parse(decoder.decode(value));
  }
  parse(decoder.end());
  pass(parser.end());
}
