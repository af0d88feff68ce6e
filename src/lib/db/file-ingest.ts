/**
 * One file's way into the database: records from the file reader (CSV or workbook sheet) go
 * to the raw table, and, once the mapping is known, through the row converter into the
 * canonical tables, with every problem written to `_problems`. The mapping is decided on a
 * sample of the first rows; if it is not confident the file stays raw until the user
 * applies a mapping.
 */
import type { Database } from "sql.js";
import { CANONICAL_TABLES, type CanonicalTable } from "../ingest/canonical.ts";
import { createRowConverter, parseErrorProblem, type Problem } from "../ingest/convert.ts";
import { isHeaderRepeat, normalizeHeaders } from "../ingest/headers.ts";
import { fitToWidth, shapeRecord } from "../ingest/record-shape.ts";
import { suggestMapping, tablesFilled, type FileMapping } from "../ingest/mapping.ts";
import { profileColumns, type ColumnProfile } from "../ingest/profile.ts";
import { previewOf } from "../ingest/values.ts";
import { formatCount } from "../format/number.ts";
import type { CsvParseError } from "../ingest/parse.ts";
import { readFile } from "../ingest/read-file.ts";
import type { ReadStart, RecordSink } from "../ingest/record-sink.ts";
import type { LoadedFile } from "./protocol.ts";
import { BulkInserter } from "./bulk-insert.ts";
import { RepeatWatch } from "./repeat-watch.ts";
import { StageClock } from "./stage-clock.ts";
import { MAX_COLUMNS, MAX_RAW_COLUMNS, createRawTable, rawColumnNames, rawRecords } from "./raw-table.ts";
import { canonicalColumns } from "./schema.ts";

/** Rows the type inference and the mapping look at (PRODUCT.md: the first 10,000). */
export const SAMPLE_ROWS = 10_000;

/** A file refused as a whole; reason is an i18n key under `errors.`. */
export class FileRefusedError extends Error {
  constructor(
    readonly reason: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(reason);
  }
}

type ProblemStage = "parse" | "convert";

/** Writes problems of one file to `_problems`. */
class ProblemLog {
  private readonly inserter: BulkInserter;
  constructor(
    db: Database,
    private readonly fileId: number,
    private readonly fileName: string,
  ) {
    this.inserter = new BulkInserter(db, "_problems", ["file_id", "file", "row", "column", "value", "reason", "stage"]);
  }
  add(problem: Problem, stage: ProblemStage): void {
    // Very long values (a 5 MB field) are cut: the report needs to show it, not hold it.
    this.inserter.add([this.fileId, this.fileName, problem.row, problem.column, previewOf(problem.value), problem.reason, stage]);
  }
  finish(): void {
    this.inserter.finish();
  }
}

/**
 * Feeds converted records of one file into the canonical tables. A flat order export
 * repeats its customers on every order: only the first record of each customer is kept
 * (the converter itself reports repeats in a customers file as duplicate_id).
 */
export class CanonicalWriter {
  private readonly inserters = new Map<CanonicalTable, { inserter: BulkInserter; columns: string[] }>();
  private readonly seenCustomers = new Set<string>();
  private readonly orderIds = new RepeatWatch();
  private readonly convert: ReturnType<typeof createRowConverter>;

  constructor(
    db: Database,
    private readonly fileId: number,
    headers: string[],
    profiles: ColumnProfile[],
    mapping: FileMapping,
    decimalMark: "." | ",",
    private readonly problems: ProblemLog,
  ) {
    this.convert = createRowConverter(headers, profiles, mapping, decimalMark);
    for (const table of tablesFilled(mapping)) {
      const columns = canonicalColumns(table).map((c) => c.name);
      this.inserters.set(table, { inserter: new BulkInserter(db, table, columns), columns });
    }
  }

  write(record: string[], row: number): void {
    const { records, problems } = this.convert(record, row);
    for (const problem of problems) this.problems.add(problem, "convert");
    for (const table of CANONICAL_TABLES) {
      const values = records[table];
      const target = this.inserters.get(table);
      if (!values || !target) continue;
      if (table === "customers") {
        const id = String(values.customer_id);
        if (this.seenCustomers.has(id)) continue;
        this.seenCustomers.add(id);
      }
      if (table === "orders" && values.order_id != null) this.orderIds.add(String(values.order_id));
      values._file = this.fileId;
      values._row = row;
      target.inserter.add(target.columns.map((c) => values[c] ?? null));
    }
  }

  /** True when an order id was on more than one line of this file (returns included). */
  get ordersShareIds(): boolean {
    return this.orderIds.repeated;
  }

  finish(): void {
    for (const { inserter } of this.inserters.values()) inserter.finish();
  }
}

export interface IngestedFile {
  headers: string[];
  profiles: ColumnProfile[];
  mapping: FileMapping;
  start: ReadStart;
  rows: number;
  /** See LoadedFile.ordersShareIds; false when the file fills no orders. */
  ordersShareIds: boolean;
  /** The raw table written, or null: the file is kept as its bytes. */
  rawTable: string | null;
}

/**
 * The record sink for one file. Buffers the first SAMPLE_ROWS records, profiles and maps
 * them, then streams every record into the raw table, when it has one (`rawTable` null: the
 * file is kept as its bytes), and the canonical tables when the mapping is confident.
 */
export class FileIngest implements RecordSink {
  private headers: string[] | null = null;
  private rawColumns: string[] = [];
  private meta: ReadStart | null = null;
  private sample: { row: number; record: string[] }[] = [];
  /** False while the sample is being gathered. */
  private writing = false;
  private raw: BulkInserter | null = null;
  private writer: CanonicalWriter | null = null;
  private readonly problems: ProblemLog;
  private profiles: ColumnProfile[] = [];
  private mapping: FileMapping | null = null;
  private rows = 0;
  /** Set once the reader has met undecodable bytes: from then on every cell is checked for them. */
  private checkText = false;

  constructor(
    private readonly db: Database,
    private readonly fileId: number,
    fileName: string,
    /** Null once the file is known to be kept as its bytes (too large, or too wide for a raw table). */
    private rawTable: string | null,
    private readonly onRows: (bytesRead: number) => void,
    /** Books the time spent here (profiling, converting, inserting) apart from reading. */
    private readonly clock = new StageClock(),
  ) {
    this.problems = new ProblemLog(db, fileId, fileName);
  }

  start(meta: ReadStart): void {
    this.meta = meta;
  }

  records(batch: string[][], rowNumbers: number[], bytesRead: number, errors: CsvParseError[], undecodable = false): void {
    this.checkText ||= undecodable;
    this.clock.time("convert_insert", () => this.take(batch, rowNumbers, errors));
    this.onRows(bytesRead);
  }

  private take(batch: string[][], rowNumbers: number[], errors: CsvParseError[]): void {
    for (const error of errors) this.problems.add(parseErrorProblem(error), "parse");
    batch.forEach((record, i) => {
      if (!this.headers) {
        this.acceptHeader(record);
        return;
      }
      const row = rowNumbers[i] ?? 0;
      this.rows++;
      if (this.writing) this.writeRow(record, row);
      else {
        this.sample.push({ row, record });
        if (this.sample.length >= SAMPLE_ROWS) this.beginWriting();
      }
    });
  }

  private acceptHeader(record: string[]): void {
    if (record.length > MAX_COLUMNS) {
      // Grouped as the three languages all write them ("2,001"); the worker does not know the page's locale.
      throw new FileRefusedError("too_many_columns", { columns: formatCount(record.length, "en"), max: formatCount(MAX_COLUMNS, "en") });
    }
    if (record.length > MAX_RAW_COLUMNS) this.rawTable = null;
    this.headers = normalizeHeaders(record);
    this.rawColumns = rawColumnNames(this.headers);
  }

  private beginWriting(): void {
    const headers = this.headers;
    if (!headers || !this.meta) throw new FileRefusedError("empty_file");
    const sampleRecords = this.sample.filter((s) => !isHeaderRepeat(s.record, headers)).map((s) => fitToWidth(s.record, headers.length));
    this.profiles = profileColumns(headers, sampleRecords, this.meta.dialect.decimalMark);
    this.mapping = suggestMapping(this.profiles);
    if (this.rawTable !== null) {
      createRawTable(this.db, this.rawTable, this.rawColumns);
      this.raw = new BulkInserter(this.db, this.rawTable, ["_row", ...this.rawColumns]);
    }
    this.writing = true;
    if (this.mapping.confident) {
      this.writer = new CanonicalWriter(this.db, this.fileId, headers, this.profiles, this.mapping, this.meta.dialect.decimalMark, this.problems);
    }
    for (const { row, record } of this.sample) this.writeRow(record, row);
    this.sample = [];
  }

  private writeRow(record: string[], row: number): void {
    const shaped = shapeRecord(record, this.headers as string[], row, this.meta?.dialect.delimiter ?? ",", this.checkText);
    for (const problem of shaped.problems) this.problems.add(problem, "parse");
    if (!shaped.record) return;
    this.raw?.add([row, ...shaped.record]);
    this.writer?.write(shaped.record, row);
  }

  /** Ends the file; throws FileRefusedError when it held no data rows. */
  finish(): IngestedFile {
    if (!this.headers || !this.meta) throw new FileRefusedError("empty_file");
    if (!this.writing) {
      if (this.sample.length === 0) throw new FileRefusedError("header_only");
      this.beginWriting();
    }
    this.raw?.finish();
    this.writer?.finish();
    this.problems.finish();
    return {
      headers: this.headers,
      profiles: this.profiles,
      mapping: this.mapping as FileMapping,
      start: this.meta,
      rows: this.rows,
      ordersShareIds: this.writer?.ordersShareIds ?? false,
      rawTable: this.rawTable,
    };
  }
}

/** What re-converting a file needs to know of it. */
type KeptFile = Pick<LoadedFile, "fileId" | "name" | "rawTable" | "headers" | "profiles" | "encoding" | "dialect" | "workbook">;

/**
 * Streams the records of a file read again (kept as its bytes) into the canonical tables.
 * Its parse problems were logged when it was first read and stay: bad rows are only skipped.
 */
class RereadSink implements RecordSink {
  private headerSeen = false;
  private delimiter = ",";
  private checkText = false;

  constructor(
    private readonly headers: string[],
    private readonly writer: CanonicalWriter,
  ) {}

  start(meta: ReadStart): void {
    this.delimiter = meta.dialect.delimiter;
  }

  records(batch: string[][], rowNumbers: number[], _bytesRead: number, _errors: CsvParseError[], undecodable = false): void {
    this.checkText ||= undecodable;
    batch.forEach((record, i) => {
      if (!this.headerSeen) {
        this.headerSeen = true;
        return;
      }
      const row = rowNumbers[i] ?? 0;
      const shaped = shapeRecord(record, this.headers, row, this.delimiter, this.checkText);
      if (shaped.record) this.writer.write(shaped.record, row);
    });
  }
}

/**
 * Rebuilds one file's canonical rows with a new mapping: from its raw table (no re-parsing),
 * or for a file kept as its bytes by reading `bytes` again the way it was first read.
 * Returns whether its orders share ids (LoadedFile.ordersShareIds).
 */
export async function reconvert(db: Database, file: KeptFile, bytes: Blob | null, mapping: FileMapping): Promise<boolean> {
  const problems = new ProblemLog(db, file.fileId, file.name);
  const writer = new CanonicalWriter(db, file.fileId, file.headers, file.profiles, mapping, file.dialect.decimalMark, problems);
  if (file.rawTable !== null) {
    for (const { row, record } of rawRecords(db, file.rawTable)) writer.write(record, row);
  } else {
    if (!bytes) throw new Error(`${file.name}: neither a raw table nor its bytes are kept`);
    const reading = file.workbook ? { sheet: file.workbook.sheet } : { encoding: file.encoding, delimiter: file.dialect.delimiter };
    await readFile(bytes, reading, new RereadSink(file.headers, writer));
  }
  writer.finish();
  problems.finish();
  return writer.ordersShareIds;
}
