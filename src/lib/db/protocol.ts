/**
 * The typed messages between the page (client.ts) and the database worker (db.worker.ts).
 * Every request carries an id; every reply, errors too, echoes it. Progress events carry
 * the id of the request they belong to.
 */
import type { CanonicalTable } from "../ingest/canonical.ts";
import type { TextEncodingName } from "../ingest/decode.ts";
import type { Dialect } from "../ingest/sniff.ts";
import type { ReadOverrides } from "../ingest/read-file.ts";
import type { WorkbookSheets } from "../ingest/record-sink.ts";
import type { ColumnProfile } from "../ingest/profile.ts";
import type { FileKind, FileMapping } from "../ingest/mapping.ts";
import type { StageTimings } from "./stage-clock.ts";
import type { TermRankingOptions } from "../models/terms/index.ts";

export type SqlValue = string | number | null | Uint8Array;
export type SqlParams = readonly (string | number | null)[];
export type Row = Record<string, SqlValue>;

/** What the engine knows about one loaded file (shown on the Data page). */
export interface LoadedFile {
  fileId: number;
  name: string;
  bytes: number;
  encoding: TextEncodingName;
  /** False when the decoder had to guess between legacy encodings; the page offers an override. */
  encodingConfident: boolean;
  dialect: Dialect;
  /**
   * For an Excel workbook: its sheets with data and the one read (encoding and dialect fixed,
   * so the page offers a sheet picker instead). Absent for delimited text.
   */
  workbook?: WorkbookSheets;
  headers: string[];
  profiles: ColumnProfile[];
  mapping: FileMapping;
  kind: FileKind;
  /**
   * Name of the raw table holding every column as TEXT, plus `_row`; null for a file too
   * large for one, kept as its original bytes instead (raw-table.ts).
   */
  rawTable: string | null;
  rows: number;
  /**
   * For a file filling `orders`: true when an order id comes back on several lines (a
   * line-item export), so `sales` must sum lines per order. Absent when not known (a project
   * saved by an older version): then it is summed.
   */
  ordersShareIds?: boolean;
  problemRows: number;
  /** The file's first problem (lowest row), for the message after a load; absent when it has none. */
  firstProblem?: { row: number; column: string; reason: string };
  /** "applied": canonical tables include this file; "needs-mapping": a required column is unmapped. */
  state: "applied" | "needs-mapping";
  tables: CanonicalTable[];
}

/** The predictive-value settings (PRODUCT.md, BG/NBD and Gamma-Gamma). */
export interface ClvSettings {
  /** Horizon of "expected purchases in the next … days". */
  horizonDays: number;
  /** CLV horizon in months, monthly discount rate (0.01 = 1 %) and margin (1 = 100 %). */
  months: number;
  monthlyDiscount: number;
  margin: number;
}

export const DEFAULT_CLV: ClvSettings = { horizonDays: 90, months: 12, monthlyDiscount: 0.01, margin: 1 };

/** Settings that change the derived tables (customer_summary and friends), not the files. */
export interface AnalysisSettings {
  /** ISO date; null = the latest date in the data (PRODUCT.md, asof rule). */
  asof: string | null;
  /** Inactivity window in days; null = derived from purchase gaps (PRODUCT.md, churn window). */
  churnDays: number | null;
  /** Time unit of the CLV models (alpha, recency and T are in this unit). */
  unit: "day" | "week";
  clv: ClvSettings;
}

export const DEFAULT_SETTINGS: AnalysisSettings = { asof: null, churnDays: null, unit: "day", clv: DEFAULT_CLV };

/**
 * Why predictive value is or is not available: fitted, or the reason the data cannot
 * support a fit (no orders, no repeat buyers, too few customers, no convergence).
 */
export type ClvStatus = "fitted" | "no_orders" | "no_repeat" | "too_few" | "no_convergence";

export interface ClvFitInfo {
  status: ClvStatus;
  unit: "day" | "week";
  /** Customers in the fit, and those with at least one repeat purchase day (x > 0). */
  customers: number;
  repeatCustomers: number;
  bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number } | null;
  /** Null when the spend model could not be fitted (then CLV is absent too). */
  gammaGamma: { p: number; q: number; v: number } | null;
  /** Milliseconds the two fits took in the worker. */
  fitMs: number;
}

/** The resolved settings and shape of the data after a rebuild. */
export interface DatasetInfo {
  files: LoadedFile[];
  /** Resolved analysis date (ISO) or null when there are no dated rows. */
  asof: string | null;
  asofDay: number | null;
  churnDays: number;
  /** The default churn window the data suggests (may differ from churnDays when set by hand). */
  suggestedChurnDays: number;
  firstDay: number | null;
  /** Row counts of the canonical tables. */
  counts: Record<CanonicalTable, number>;
  /** ISO 4217 code of the orders' currency when one is known, else null. */
  currency: string | null;
  /** True when customers carry a churn column (subscription business). */
  contractual: boolean;
  /** Milliseconds per step of the last load or rebuild (see stage-clock.ts). */
  timings: StageTimings;
  /** The CLV models' fit on the current data and settings. */
  clv: ClvFitInfo;
}

/** What the user corrects when a file was read wrongly: encoding and delimiter, or the sheet of a workbook. */
export type { ReadOverrides };

export interface FileInput {
  name: string;
  data: Blob;
  /** A bundled demo file: the user's own data is kept in the browser, the demo is not. */
  demo?: boolean;
}

export type Request =
  | { id: number; type: "load"; files: FileInput[]; replace: boolean; settings: AnalysisSettings }
  | { id: number; type: "remap"; fileId: number; mapping: FileMapping; settings: AnalysisSettings }
  | { id: number; type: "reread"; fileId: number; overrides: ReadOverrides; settings: AnalysisSettings }
  | { id: number; type: "settings"; settings: AnalysisSettings }
  | { id: number; type: "query"; sql: string; params: SqlParams }
  // The SQL returns (grp, comment) rows; the worker ranks the terms of detractors' vs promoters' comments.
  | { id: number; type: "rank-terms"; sql: string; params: SqlParams; options: TermRankingOptions }
  | { id: number; type: "export-db" }
  | { id: number; type: "export-csv"; table: string }
  | { id: number; type: "clear" }
  | { id: number; type: "restore"; settings: AnalysisSettings }
  | { id: number; type: "open-project"; file: FileInput; settings: AnalysisSettings }
  | { id: number; type: "storage" }
  // Stops the load under way (answered at once, ahead of the queue); result: whether one was running.
  | { id: number; type: "cancel" };

/** Why the data is not kept in the browser: i18n key under `storage.problem.`. */
export type StorageProblem = "unavailable" | "quota" | "failed" | "unreadable";

/** What the browser keeps of the user's data (the Data page and the shell say it plainly). */
export interface StorageStatus {
  /** Where: the origin private file system, IndexedDB, or nowhere. */
  backend: "opfs" | "indexeddb" | null;
  /** True when the data on screen is the copy kept in the browser (false for the demo). */
  kept: boolean;
  /** Bytes this app stores (the database and the original files). */
  bytes: number;
  /** ISO date-time of the last save, null when nothing is stored. */
  savedAt: string | null;
  problem: StorageProblem | null;
}

/** A file that could not be loaded at all (empty, not a CSV, too many columns…). */
export interface FileError {
  name: string;
  /** i18n key under `errors.` and its parameters. */
  reason: string;
  params?: Record<string, string | number>;
}

export interface LoadResult {
  info: DatasetInfo;
  errors: FileError[];
}

export interface QueryResult {
  columns: string[];
  rows: Row[];
}

export type ProgressStage = "read" | "parse" | "insert" | "index" | "summary";

export interface Progress {
  file: string;
  stage: ProgressStage;
  /** Bytes (read/parse) or rows done, out of total; total 0 when unknown. */
  done: number;
  total: number;
}

export type Response =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string }
  | { id: number; progress: Progress };

/** Sent once when the worker has sqlite ready (or failed to start). */
export type ReadyMessage = { ready: true } | { ready: false; error: string };
