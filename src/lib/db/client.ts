/**
 * The page's one handle on the database worker: nothing else talks to it. Requests get an
 * id; the promise settles when the reply with that id arrives. `query` returns row objects.
 */
import type {
  AnalysisSettings,
  DatasetInfo,
  FileInput,
  LoadResult,
  Progress,
  QueryResult,
  ReadOverrides,
  ReadyMessage,
  Request,
  Response,
  Row,
  SqlParams,
  StorageStatus,
} from "./protocol.ts";
import type { FileMapping } from "../ingest/mapping.ts";
import type { TermRanking, TermRankingOptions } from "../models/terms/index.ts";

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; onProgress?: (p: Progress) => void };
type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, "id"> : never) : never;

export class DbClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly ready: Promise<void>;

  constructor(private readonly worker: Worker) {
    this.ready = new Promise((resolve, reject) => {
      const onReady = (event: MessageEvent<ReadyMessage | Response>) => {
        const data = event.data;
        if (!("ready" in data)) return;
        worker.removeEventListener("message", onReady);
        if (data.ready) resolve();
        else reject(new Error(data.error));
      };
      worker.addEventListener("message", onReady);
    });
    worker.addEventListener("message", (event: MessageEvent<ReadyMessage | Response>) => this.receive(event.data));
    worker.addEventListener("error", (event) => this.failAll(new Error(event.message || "database worker failed")));
  }

  private receive(data: ReadyMessage | Response): void {
    if ("ready" in data) return;
    const waiting = this.pending.get(data.id);
    if (!waiting) return;
    if ("progress" in data) {
      waiting.onProgress?.(data.progress);
      return;
    }
    this.pending.delete(data.id);
    if (data.ok) waiting.resolve(data.result);
    else waiting.reject(new Error(data.error));
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private async send<T>(body: RequestBody, onProgress?: (p: Progress) => void): Promise<T> {
    await this.ready;
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
      this.worker.postMessage({ ...body, id } as Request);
    });
  }

  /** Rows of a query as objects keyed by column name. */
  async query<T extends Record<string, unknown> = Row>(sql: string, params: SqlParams = []): Promise<T[]> {
    const result = await this.send<QueryResult>({ type: "query", sql, params });
    return result.rows as T[];
  }

  /** Columns and rows of a query (the SQL console needs the column order). */
  queryTable(sql: string, params: SqlParams = []): Promise<QueryResult> {
    return this.send<QueryResult>({ type: "query", sql, params });
  }

  /** Ranks the terms of the comments the SQL selects as (grp, comment) rows, in the worker. */
  rankTerms(sql: string, params: SqlParams, options: TermRankingOptions): Promise<TermRanking> {
    return this.send<TermRanking>({ type: "rank-terms", sql, params, options });
  }

  load(files: FileInput[], replace: boolean, settings: AnalysisSettings, onProgress?: (p: Progress) => void): Promise<LoadResult> {
    return this.send<LoadResult>({ type: "load", files, replace, settings }, onProgress);
  }

  remap(fileId: number, mapping: FileMapping, settings: AnalysisSettings, onProgress?: (p: Progress) => void): Promise<LoadResult> {
    return this.send<LoadResult>({ type: "remap", fileId, mapping, settings }, onProgress);
  }

  /** Reads a file again from its original bytes with another encoding or delimiter, or another sheet of a workbook. */
  reread(fileId: number, overrides: ReadOverrides, settings: AnalysisSettings, onProgress?: (p: Progress) => void): Promise<LoadResult> {
    return this.send<LoadResult>({ type: "reread", fileId, overrides, settings }, onProgress);
  }

  applySettings(settings: AnalysisSettings): Promise<DatasetInfo> {
    return this.send<DatasetInfo>({ type: "settings", settings });
  }

  exportDatabase(): Promise<Uint8Array> {
    return this.send<Uint8Array>({ type: "export-db" });
  }

  /** The table as Excel-safe CSV text (the caller adds nothing: BOM and escaping are done). */
  exportCsv(table: string): Promise<string> {
    return this.send<string>({ type: "export-csv", table });
  }

  /** Stops the file load under way: the file being read is rolled back, the files loaded before it stay. */
  cancel(): Promise<boolean> {
    return this.send<boolean>({ type: "cancel" });
  }

  /** Removes every file and deletes what the browser kept of them. */
  clear(): Promise<DatasetInfo> {
    return this.send<DatasetInfo>({ type: "clear" });
  }

  /** Opens the data kept in this browser, if any (null: nothing usable is kept). */
  restore(settings: AnalysisSettings): Promise<LoadResult | null> {
    return this.send<LoadResult | null>({ type: "restore", settings });
  }

  /** Replaces what is loaded by a project file (.sqlite); a file that is not one comes back in `errors`. */
  openProject(file: FileInput, settings: AnalysisSettings): Promise<LoadResult> {
    return this.send<LoadResult>({ type: "open-project", file, settings });
  }

  /** What the browser keeps, once the saves under way are written. */
  storage(): Promise<StorageStatus> {
    return this.send<StorageStatus>({ type: "storage" });
  }
}

export function createDbClient(): DbClient {
  return new DbClient(new Worker(new URL("./db.worker.ts", import.meta.url), { type: "module" }));
}
