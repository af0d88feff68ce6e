/**
 * All SQLite work, in a plain module that runs in the worker and in Node (vitest): loading
 * files (raw + canonical tables), re-mapping, rebuilding the derived tables, queries and
 * exports. The worker only forwards messages to it.
 */
import type { Database, SqlJsStatic } from "sql.js";
import { CANONICAL_TABLES } from "../ingest/canonical.ts";
import { tablesFilled, type FileMapping } from "../ingest/mapping.ts";
import { NotCsvError } from "../ingest/read-csv.ts";
import { readFile } from "../ingest/read-file.ts";
import { WorkbookRefusedError } from "../ingest/read-xlsx.ts";
import { toExcelCsv } from "../format/csv.ts";
import { formatBytes } from "../format/number.ts";
import {
  buildClvInputs,
  buildCustomerSummary,
  buildPurchaseGaps,
  buildSales,
  dayToIso,
  hasChurnColumn,
  latestDataDay,
  ordersCurrency,
  parseIsoDay,
  suggestedChurnDays,
} from "./derive.ts";
import { FileIngest, FileRefusedError, reconvert } from "./file-ingest.ts";
import { DEFAULT_SETTINGS } from "./protocol.ts";
import type {
  AnalysisSettings,
  ClvFitInfo,
  DatasetInfo,
  FileError,
  FileInput,
  LoadResult,
  LoadedFile,
  Progress,
  QueryResult,
  ReadOverrides,
  Row,
  SqlParams,
} from "./protocol.ts";
import { fitClvModels, writeClvOutputs, type ClvModels } from "./clv-fit.ts";
import { assignAbcTiers, scoreRfmSegments } from "./customer-scores.ts";
import { RAW_COPY_MAX_BYTES, keepSourceBytes, rawTableName, sourceBytes } from "./raw-table.ts";
import { StageClock } from "./stage-clock.ts";
import { withRoomFor } from "./file-room.ts";
import { rankCommentTerms } from "./term-ranking.ts";
import type { TermRanking, TermRankingOptions } from "../models/terms/index.ts";
import { META_DDL, canonicalColumns, canonicalDdl, quoteIdent } from "./schema.ts";
import { META_ROWS, ProjectRefusedError, openProject, writeFileRow } from "./project.ts";

type OnProgress = (progress: Progress) => void;

/**
 * Indexes on the canonical tables, dropped before a load and made again after it. None on
 * `_file`: only removing a file reads by it, and a scan then costs less than keeping the
 * index costs every load (0.35 s on 1M orders).
 */
const CANONICAL_INDEXES = [
  "CREATE INDEX IF NOT EXISTS orders_customer ON orders(customer_id)",
  "CREATE INDEX IF NOT EXISTS customers_id ON customers(customer_id)",
  "CREATE INDEX IF NOT EXISTS feedback_customer ON feedback(customer_id)",
  "CREATE INDEX IF NOT EXISTS feedback_day ON feedback(day)",
  "CREATE INDEX IF NOT EXISTS interactions_customer ON interactions(customer_id)",
];

/**
 * Largest file we try to load. A CSV becomes roughly three times its size in SQLite (raw
 * copy, canonical rows, indexes) inside a WebAssembly memory that cannot pass 4 GB, so a
 * larger file is refused up front rather than crashing the tab half-way. A team with more
 * data loads a per-customer summary instead (README): the message says both.
 */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

/** A file refused for its size, with the size and the limit written for the message ("1.1 GB"). */
function tooLarge(input: FileInput): FileError {
  // Units read the same in the three languages; the worker does not know the page's locale.
  return { name: input.name, reason: "too_large", params: { size: formatBytes(input.data.size, "en"), max: formatBytes(MAX_FILE_BYTES, "en") } };
}

/** A loaded file plus what re-encoding needs: its original bytes (absent for a file opened from a project). */
interface FileEntry {
  file: LoadedFile;
  blob: Blob | null;
  /** A bundled demo file (not kept in the browser). */
  demo: boolean;
}

export class Engine {
  private readonly files = new Map<number, FileEntry>();
  private nextFileId = 1;
  private info: DatasetInfo;
  /**
   * Files to remove once a file waiting for its mapping is applied: dropping a file that
   * needs a mapping onto the demo keeps the demo on screen until the user decides.
   */
  private replaceWhenApplied: number[] = [];
  /** Bumped whenever the loaded rows change; the CLV fit is reused while data, asof and unit stay. */
  private dataVersion = 0;
  private clvFit: { key: string; info: ClvFitInfo; models: ClvModels | null } | null = null;

  private constructor(
    private readonly sql: SqlJsStatic,
    private db: Database,
    /** Larger files are kept as their bytes instead of a raw table (tests lower it). */
    private readonly rawCopyMaxBytes: number,
  ) {
    this.createSchema();
    this.info = this.rebuild(DEFAULT_SETTINGS);
  }

  static create(sql: SqlJsStatic, options: { rawCopyMaxBytes?: number } = {}): Engine {
    const db = new sql.Database();
    // Set before the first table: lets exportDatabase() give back the pages of removed files.
    db.run("PRAGMA auto_vacuum = INCREMENTAL");
    return new Engine(sql, db, options.rawCopyMaxBytes ?? RAW_COPY_MAX_BYTES);
  }

  private createSchema(): void {
    for (const ddl of META_DDL) this.db.run(ddl);
    for (const [key, value] of META_ROWS) this.db.run("INSERT OR REPLACE INTO _meta (key, value) VALUES (?, ?)", [key, value]);
    for (const table of CANONICAL_TABLES) this.db.run(canonicalDdl(table));
  }

  get dataset(): DatasetInfo {
    return this.info;
  }

  /**
   * Loads files one after another, each in its own transaction: a file that fails is rolled
   * back and reported, the others (and everything loaded before) stay. With `replace`, the
   * files loaded before are removed only when at least one new file loaded. When `signal`
   * aborts (the reader's Cancel), the file being read is rolled back, the files after it are
   * not read, and the files loaded before it stay; one "cancelled" error names them all.
   */
  async load(
    inputs: FileInput[],
    replace: boolean,
    settings: AnalysisSettings,
    onProgress: OnProgress = () => {},
    signal?: AbortSignal,
  ): Promise<LoadResult> {
    const previous = [...this.files.keys()];
    const errors: FileError[] = [];
    const loaded: LoadedFile[] = [];
    const clock = new StageClock();
    this.dropCanonicalIndexes();
    for (const [i, input] of inputs.entries()) {
      const outcome = signal?.aborted ? { name: input.name, reason: "cancelled" } : await this.loadOne(input, null, onProgress, signal, clock);
      if ("reason" in outcome && outcome.reason === "cancelled") {
        errors.push({ name: input.name, reason: "cancelled", params: { files: inputs.slice(i).map((f) => f.name).join(", ") } });
        break;
      }
      if ("reason" in outcome) errors.push(outcome);
      else loaded.push(outcome);
    }
    // What is left of the files' time once converting and inserting were booked apart.
    clock.lap("read_decode_parse");
    if (replace && loaded.some((f) => f.state === "applied")) this.removeFiles(previous);
    else if (replace && loaded.length > 0) this.replaceWhenApplied = previous;
    clock.lap("remove_replaced");
    this.info = this.rebuild(settings, onProgress, clock);
    return { info: this.info, errors };
  }

  private async loadOne(
    input: FileInput,
    overrides: ReadOverrides | null,
    onProgress: OnProgress,
    signal?: AbortSignal,
    clock?: StageClock,
  ): Promise<LoadedFile | FileError> {
    if (input.data.size > MAX_FILE_BYTES) return tooLarge(input);
    const fileId = this.nextFileId++;
    const total = input.data.size;
    const rawTable = total <= this.rawCopyMaxBytes ? rawTableName(fileId, input.name) : null;
    this.db = withRoomFor(this.sql, this.db, total);
    const ingest = new FileIngest(this.db, fileId, input.name, rawTable, (done) => {
      // Checked after each chunk: the worker hears a Cancel while the next chunk is being read.
      signal?.throwIfAborted();
      onProgress({ file: input.name, stage: "parse", done, total });
    }, clock);
    this.db.run("BEGIN");
    try {
      await readFile(input.data, overrides, ingest);
      const result = ingest.finish();
      const file: LoadedFile = {
        fileId,
        name: input.name,
        bytes: total,
        encoding: result.start.encoding,
        encodingConfident: overrides !== null || result.start.guess.confident,
        dialect: result.start.dialect,
        ...(result.start.workbook ? { workbook: result.start.workbook } : {}),
        headers: result.headers,
        profiles: result.profiles,
        mapping: result.mapping,
        kind: result.mapping.kind,
        rawTable: result.rawTable,
        rows: result.rows,
        ordersShareIds: result.ordersShareIds,
        problemRows: 0,
        state: result.mapping.confident ? "applied" : "needs-mapping",
        tables: result.mapping.confident ? tablesFilled(result.mapping) : [],
      };
      this.saveFileRow(file);
      this.db.run("COMMIT");
      // Only now: a file whose commit failed must not be taken for loaded.
      this.files.set(fileId, { file, blob: input.data, demo: input.demo === true });
      return file;
    } catch (error) {
      rollback(this.db);
      return fileError(input, error);
    }
  }

  /** Applies a new mapping to a file from its raw table (or its kept bytes, read again). */
  async remap(fileId: number, mapping: FileMapping, settings: AnalysisSettings, onProgress: OnProgress = () => {}): Promise<LoadResult> {
    const entry = this.requireFile(fileId);
    const file = entry.file;
    onProgress({ file: file.name, stage: "insert", done: 0, total: file.rows });
    this.db.run("BEGIN");
    try {
      this.deleteCanonicalRows([fileId]);
      this.db.run("DELETE FROM _problems WHERE file_id = ? AND stage = 'convert'", [fileId]);
      if (mapping.confident) {
        this.dropCanonicalIndexes();
        file.ordersShareIds = await reconvert(this.db, file, this.sourceOf(entry), mapping);
      }
      file.mapping = mapping;
      file.kind = mapping.kind;
      file.state = mapping.confident ? "applied" : "needs-mapping";
      file.tables = mapping.confident ? tablesFilled(mapping) : [];
      this.saveFileRow(file);
      this.db.run("COMMIT");
    } catch (error) {
      rollback(this.db);
      throw error;
    }
    if (file.state === "applied") this.removeFiles(this.replaceWhenApplied.splice(0));
    this.info = this.rebuild(settings, onProgress);
    return { info: this.info, errors: [] };
  }

  /**
   * Re-reads a file's original bytes with another encoding or delimiter, or another sheet
   * of a workbook; keeps the mapping when the headers come out the same.
   */
  async reread(fileId: number, overrides: ReadOverrides, settings: AnalysisSettings, onProgress: OnProgress = () => {}): Promise<LoadResult> {
    const entry = this.requireFile(fileId);
    const { file, demo } = entry;
    const blob = this.sourceOf(entry);
    if (!blob) return { info: this.info, errors: [{ name: file.name, reason: "source_missing" }] };
    this.removeFiles([fileId]);
    this.dropCanonicalIndexes();
    const outcome = await this.loadOne({ name: file.name, data: blob, demo }, overrides, onProgress);
    const errors: FileError[] = "reason" in outcome ? [outcome] : [];
    if (!("reason" in outcome) && outcome.headers.join("\u0001") === file.headers.join("\u0001") && file.state === "applied") {
      return this.remap(outcome.fileId, file.mapping, settings, onProgress);
    }
    this.info = this.rebuild(settings, onProgress);
    return { info: this.info, errors };
  }

  applySettings(settings: AnalysisSettings): DatasetInfo {
    this.info = this.rebuild(settings);
    return this.info;
  }

  clear(): DatasetInfo {
    this.removeFiles([...this.files.keys()]);
    this.info = this.rebuild(DEFAULT_SETTINGS);
    return this.info;
  }

  query(sql: string, params: SqlParams = []): QueryResult {
    const results = this.db.exec(sql, [...params]);
    const last = results[results.length - 1];
    if (!last) return { columns: [], rows: [] };
    const rows = last.values.map((values) => {
      const row: Row = {};
      last.columns.forEach((column, i) => (row[column] = values[i] ?? null));
      return row;
    });
    return { columns: last.columns, rows };
  }

  /** The terms that separate detractors' comments from promoters'; `sql` returns (grp, comment) rows. */
  rankTerms(sql: string, params: SqlParams, options: TermRankingOptions): TermRanking {
    return rankCommentTerms(this.db, sql, params, options);
  }

  exportCsv(table: string): string {
    const known = this.db.exec("SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = ?", [table]);
    if (known.length === 0) throw new Error(`no table named ${table}`);
    const result = this.db.exec(`SELECT * FROM ${quoteIdent(table)}`)[0];
    const columns = result?.columns ?? this.db.exec(`PRAGMA table_info(${quoteIdent(table)})`)[0]?.values.map((v) => String(v[1])) ?? [];
    return toExcelCsv(columns, result?.values ?? []);
  }

  /**
   * The whole database as a SQLite file: what the browser keeps (with the files' original
   * bytes beside it, sources()). A project file is exportProject().
   */
  exportDatabase(): Uint8Array {
    // Without it a project saved after replacing the demo would carry the demo's 10 MB of free pages.
    this.db.run("PRAGMA incremental_vacuum");
    // db.export() closes and reopens the database; nothing here holds prepared statements.
    return this.db.export();
  }

  /**
   * The project file: the database with the original bytes of every file kept as its bytes
   * (no raw table) inside, in `_sources`, so that it re-maps on another machine. They go in
   * only for the export: a 50 MB blob costs a load 1.5 s, and the browser keeps them beside.
   */
  async exportProject(): Promise<Uint8Array> {
    const missing = [...this.files.values()].filter((e) => e.file.rawTable === null && e.blob && !sourceBytes(this.db, e.file.fileId));
    for (const entry of missing) keepSourceBytes(this.db, entry.file.fileId, new Uint8Array(await (entry.blob as Blob).arrayBuffer()));
    try {
      return this.exportDatabase();
    } finally {
      for (const entry of missing) this.db.run("DELETE FROM _sources WHERE file_id = ?", [entry.file.fileId]);
    }
  }

  /** True when files are loaded and all are the user's own (the demo is never kept). */
  get keepable(): boolean {
    return this.files.size > 0 && [...this.files.values()].every((e) => !e.demo);
  }

  /** The original bytes of each file that has them, by file id (kept beside the database). */
  sources(): Map<number, Blob> {
    const sources = new Map<number, Blob>();
    for (const [fileId, entry] of this.files) if (entry.blob) sources.set(fileId, entry.blob);
    return sources;
  }

  /**
   * Replaces everything loaded by a saved database (a project file, or the copy the browser
   * kept) and rebuilds the derived tables for `settings`. A file that is not a CRM Lens
   * project is refused with an error naming it, and nothing loaded is lost. `sources` are
   * the files' original bytes where they were kept, for re-reading with another encoding.
   */
  async open(name: string, bytes: Uint8Array, settings: AnalysisSettings, sources = new Map<number, Blob>()): Promise<LoadResult> {
    let project: ReturnType<typeof openProject>;
    try {
      project = openProject(this.sql, bytes);
    } catch (error) {
      if (error instanceof ProjectRefusedError) return { info: this.info, errors: [{ name, reason: error.reason }] };
      throw error;
    }
    this.db.close();
    this.db = project.db;
    this.createSchema();
    this.files.clear();
    for (const file of project.files) this.files.set(file.fileId, { file, blob: sources.get(file.fileId) ?? null, demo: false });
    this.nextFileId = Math.max(0, ...this.files.keys()) + 1;
    this.replaceWhenApplied = [];
    this.dataVersion++;
    this.clvFit = null;
    await this.upgradeCanonicalTables();
    this.info = this.rebuild(settings);
    return { info: this.info, errors: [] };
  }

  /**
   * A project from a version with other canonical columns: the canonical tables are made
   * anew and refilled from each file's raw table and mapping (as a re-mapping does).
   */
  private async upgradeCanonicalTables(): Promise<void> {
    const current = CANONICAL_TABLES.every((table) => {
      const columns = this.db.exec(`PRAGMA table_info(${table})`)[0]?.values.map((v) => String(v[1])) ?? [];
      return columns.join() === canonicalColumns(table).map((c) => c.name).join();
    });
    if (current) return;
    this.db.run("BEGIN");
    for (const table of CANONICAL_TABLES) {
      this.db.run(`DROP TABLE IF EXISTS ${table}`);
      this.db.run(canonicalDdl(table));
    }
    this.db.run("DELETE FROM _problems WHERE stage = 'convert'");
    for (const entry of this.files.values()) {
      const file = entry.file;
      if (file.state !== "applied") continue;
      file.ordersShareIds = await reconvert(this.db, file, this.sourceOf(entry), file.mapping);
      writeFileRow(this.db, file);
    }
    this.db.run("COMMIT");
  }

  /** A file's original bytes: the ones dropped, kept beside the database, or kept in it. */
  private sourceOf(entry: FileEntry): Blob | null {
    if (entry.blob) return entry.blob;
    const bytes = sourceBytes(this.db, entry.file.fileId);
    return bytes ? new Blob([bytes as Uint8Array<ArrayBuffer>]) : null;
  }

  private requireFile(fileId: number): FileEntry {
    const entry = this.files.get(fileId);
    if (!entry) throw new Error(`no file with id ${fileId}`);
    return entry;
  }

  private removeFiles(fileIds: number[]): void {
    this.replaceWhenApplied = this.replaceWhenApplied.filter((id) => !fileIds.includes(id));
    if (fileIds.length === 0) return;
    this.dataVersion++;
    this.db.run("BEGIN");
    this.deleteCanonicalRows(fileIds);
    for (const id of fileIds) {
      const entry = this.files.get(id);
      if (entry?.file.rawTable) this.db.run(`DROP TABLE IF EXISTS ${quoteIdent(entry.file.rawTable)}`);
      this.db.run("DELETE FROM _sources WHERE file_id = ?", [id]);
      this.db.run("DELETE FROM _problems WHERE file_id = ?", [id]);
      this.db.run("DELETE FROM _files WHERE file_id = ?", [id]);
      this.files.delete(id);
    }
    this.db.run("COMMIT");
  }

  private deleteCanonicalRows(fileIds: number[]): void {
    const marks = fileIds.map(() => "?").join(",");
    for (const table of CANONICAL_TABLES) this.db.run(`DELETE FROM ${table} WHERE _file IN (${marks})`, fileIds);
  }

  private dropCanonicalIndexes(): void {
    for (const ddl of CANONICAL_INDEXES) {
      const name = /INDEX IF NOT EXISTS (\w+)/.exec(ddl)?.[1];
      if (name) this.db.run(`DROP INDEX IF EXISTS ${name}`);
    }
  }

  private saveFileRow(file: LoadedFile): void {
    this.dataVersion++;
    writeFileRow(this.db, file);
  }

  private refreshProblemCounts(): void {
    this.db.run(
      `UPDATE _files SET problem_rows = (SELECT COUNT(DISTINCT row) FROM _problems p WHERE p.file_id = _files.file_id)`,
    );
    for (const [fileId, count] of this.db.exec("SELECT file_id, problem_rows FROM _files")[0]?.values ?? []) {
      const entry = this.files.get(Number(fileId));
      if (entry) entry.file.problemRows = Number(count);
    }
    for (const entry of this.files.values()) delete entry.file.firstProblem;
    // With MIN(), SQLite takes the bare columns from the row holding the minimum.
    const firsts = this.db.exec(`SELECT file_id, MIN(row), "column", reason FROM _problems GROUP BY file_id`)[0]?.values ?? [];
    for (const [fileId, row, column, reason] of firsts) {
      const entry = this.files.get(Number(fileId));
      if (entry) entry.file.firstProblem = { row: Number(row), column: String(column ?? ""), reason: String(reason) };
    }
  }

  /**
   * True when `sales` can copy order lines as orders: one applied file fills `orders` and none
   * of its order ids repeats (two files may share ids, so more than one is summed).
   */
  private oneLinePerOrder(): boolean {
    const orderFiles = [...this.files.values()].filter((e) => e.file.state === "applied" && e.file.tables.includes("orders"));
    return orderFiles.length <= 1 && orderFiles.every((e) => e.file.ordersShareIds === false);
  }

  /** Indexes, the analysis date, the churn window and the derived tables, in that order. */
  private rebuild(settings: AnalysisSettings, onProgress: OnProgress = () => {}, clock = new StageClock()): DatasetInfo {
    const file = [...this.files.values()].map((e) => e.file.name).join(", ");
    onProgress({ file, stage: "index", done: 0, total: 0 });
    for (const ddl of CANONICAL_INDEXES) this.db.run(ddl);
    this.refreshProblemCounts();
    clock.lap("index");
    onProgress({ file, stage: "summary", done: 0, total: 0 });
    const asofDay = parseIsoDay(settings.asof) ?? latestDataDay(this.db);
    const day = asofDay ?? 0;
    buildSales(this.db, day, this.oneLinePerOrder());
    clock.lap("sales");
    buildPurchaseGaps(this.db);
    const suggested = suggestedChurnDays(this.db);
    const churnDays = settings.churnDays ?? suggested;
    clock.lap("churn_window");
    const contractual = hasChurnColumn(this.db);
    buildCustomerSummary(this.db, day, churnDays, contractual, settings.unit);
    clock.lap("customer_summary");
    scoreRfmSegments(this.db);
    assignAbcTiers(this.db);
    clock.lap("rfm_abc");
    buildClvInputs(this.db, day, settings.unit);
    const clv = this.fitClv(day, settings);
    clock.lap("clv");
    const first = this.db.exec("SELECT MIN(day) FROM sales")[0]?.values[0]?.[0];
    const counts = this.counts();
    const currency = ordersCurrency(this.db);
    clock.lap("info");
    return {
      files: [...this.files.values()].map((e) => e.file),
      asof: asofDay === null ? null : dayToIso(asofDay),
      asofDay,
      churnDays,
      suggestedChurnDays: suggested,
      firstDay: typeof first === "number" ? first : null,
      counts,
      currency,
      contractual,
      timings: clock.timings,
      clv,
    };
  }

  /** Fits the CLV models unless data, asof and unit are those of the last fit; writes the outputs. */
  private fitClv(asofDay: number, settings: AnalysisSettings): ClvFitInfo {
    const key = `${this.dataVersion}|${asofDay}|${settings.unit}`;
    if (this.clvFit?.key !== key) this.clvFit = { key, ...fitClvModels(this.db, settings.unit) };
    writeClvOutputs(this.db, this.clvFit.models, settings);
    return this.clvFit.info;
  }

  private counts(): DatasetInfo["counts"] {
    const sql = CANONICAL_TABLES.map((t) => `(SELECT COUNT(*) FROM ${t}) AS ${t}`).join(", ");
    const row = this.query(`SELECT ${sql}`).rows[0] ?? {};
    return Object.fromEntries(CANONICAL_TABLES.map((t) => [t, Number(row[t] ?? 0)])) as DatasetInfo["counts"];
  }
}

/**
 * Undoes the transaction of a file that failed. SQLite rolls a transaction back by itself
 * when memory runs out; ROLLBACK then finds none, and the file's own error is what to say.
 */
function rollback(db: Database): void {
  try {
    db.run("ROLLBACK");
  } catch (error) {
    if (!/no transaction is active/i.test(error instanceof Error ? error.message : String(error))) throw error;
  }
}

function fileError(input: FileInput, error: unknown): FileError {
  const name = input.name;
  if (error instanceof DOMException && error.name === "AbortError") return { name, reason: "cancelled" };
  if (error instanceof NotCsvError) return { name, reason: error.reason };
  if (error instanceof WorkbookRefusedError) return { name, reason: `xlsx.${error.reason}` };
  if (error instanceof FileRefusedError) return { name, reason: error.reason, params: error.params };
  const message = error instanceof Error ? error.message : String(error);
  if (/memory|allocation|Array buffer/i.test(message)) return tooLarge(input);
  return { name, reason: "unreadable", params: { message } };
}
