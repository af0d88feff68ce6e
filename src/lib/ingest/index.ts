/** The ingest layer: bytes → text → records → profiles → mapping → canonical records. No DOM, no DB. */
export { ENCODINGS, createStreamDecoder, detectEncoding } from "./decode.ts";
export type { EncodingGuess, StreamDecoder, TextEncodingName } from "./decode.ts";
export { sniffDialect } from "./sniff.ts";
export type { Dialect } from "./sniff.ts";
export { CsvChunkParser, MAX_PENDING_CHARS } from "./parse.ts";
export type { CsvParseError } from "./parse.ts";
export { isHeaderRepeat, normalizeHeaders } from "./headers.ts";
export {
  detectCurrency, detectDateOrder, epochDayToIso, epochDayToIsoDateTime, isMissing, isValidEmail, isValidPhone, parseDate,
  parseFlag, parseNumber, parseStars,
} from "./values.ts";
export type { DateOrder } from "./values.ts";
export { profileColumns } from "./profile.ts";
export type { ColumnProfile, ValueShape } from "./profile.ts";
export { CONFIDENT, suggestMapping, tablesFilled, withColumnTarget, writtenScale } from "./mapping.ts";
export type { FileKind, FileMapping } from "./mapping.ts";
export { PROBLEM_REASONS, createRowConverter, dayKeyOf, parseErrorProblem } from "./convert.ts";
export type { CanonicalRecord, ConvertedRow, Problem, ProblemReason, RowConverter } from "./convert.ts";
export * from "./canonical.ts";
export * from "./record-shape.ts";
