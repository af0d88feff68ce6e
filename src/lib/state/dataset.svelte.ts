/**
 * The loaded data set as the views see it: owns the DbClient (nothing else talks to the
 * worker), knows what is loaded (files, DatasetInfo), how a load is going (progress) and
 * what went wrong (messages naming the file). Views read it through getDataset().
 */
import { getContext, setContext } from "svelte";
import type { DbClient } from "../db/client.ts";
import { DEFAULT_SETTINGS } from "../db/protocol.ts";
import { sameSettings } from "./settings.ts";
import type { AnalysisSettings, DatasetInfo, FileError, FileInput, LoadResult, LoadedFile, Progress, ReadOverrides, StorageStatus } from "../db/protocol.ts";
import type { FileMapping } from "../ingest/mapping.ts";
import type { QueryFn } from "../analytics/filters.ts";
import type { RankTermsFn } from "../analytics/feedback-text.ts";

export type DatasetStatus = "loading" | "ready" | "error";

/** Where the loaded rows came from; a drop replaces the demo but adds to the user's own files. */
export type DataSource = "none" | "demo" | "subscription-demo" | "user";

export interface DatasetMessage {
  id: number;
  kind: "error" | "warning" | "info";
  /** i18n key and parameters (the file name is always in params.file when a file is concerned). */
  key: string;
  params: Record<string, string | number>;
}

/** The demo files, relative to the page (same origin, so the CSP's connect-src 'self' allows them). */
export const DEMO_FILES = ["customers.csv", "orders.csv", "feedback.csv", "interactions.csv"] as const;
export const DEMO_BASE = "./demo/";
export const SUBSCRIPTION_DEMO_FILES = ["subscription/customers.csv"] as const;

/** A project file (the whole database, saved with "Save project") rather than data to load. */
export const isProjectFile = (file: File): boolean => /\.(sqlite3?|db)$/i.test(file.name);


export class Dataset {
  /** $state: drives data-status on the root element and every loading state. */
  status = $state<DatasetStatus>("loading");
  /** $state.raw: replaced whole after each load/remap/settings change. */
  info = $state.raw<DatasetInfo | null>(null);
  /** $state.raw: progress of the running load, null when idle. */
  progress = $state.raw<Progress | null>(null);
  /** $state: true while the worker is busy with a load, remap, re-encode or settings change. */
  busy = $state(false);
  /** $state: messages about files, shown in role="alert" elements until dismissed. */
  messages = $state<DatasetMessage[]>([]);
  /** $state: where the loaded rows came from. */
  source = $state<DataSource>("none");
  /** $state.raw: what the browser keeps of the data (null until the worker said). */
  storage = $state.raw<StorageStatus | null>(null);
  /** $state: true while the user's files are being read, which Cancel can stop (not while the summaries are rebuilt). */
  cancellable = $state(false);
  /** $state: true from a change of the data until the worker says it is saved. */
  saving = $state(false);
  /**
   * $state: bumped after every change of the database, so that views re-query even when
   * `info` looks the same (a remap can change rows without changing counts).
   */
  revision = $state(0);

  readonly files: LoadedFile[] = $derived(this.info?.files ?? []);
  readonly empty: boolean = $derived(this.files.length === 0);

  /** Not $state: the settings last sent to the worker (the URL is the reactive source). */
  private settings: AnalysisSettings = DEFAULT_SETTINGS;
  /** Not $state: message ids. */
  private nextMessage = 1;
  /** Not $state: serialises worker operations so that a settings change never overtakes a load. */
  private chain: Promise<unknown> = Promise.resolve();

  /** `query` bound to the client, in the shape the analytics take. */
  readonly query: QueryFn;
  /** The worker's term ranking bound to the client, in the shape analytics/feedback-text.ts takes. */
  readonly rankTerms: RankTermsFn;

  constructor(
    private readonly client: DbClient,
    private readonly fetcher: typeof fetch = (input, init) => fetch(input, init),
  ) {
    this.query = <T extends Record<string, unknown>>(sql: string, params?: readonly (string | number | null)[]) =>
      this.client.query<T>(sql, params ?? []);
    this.rankTerms = (sql, params, options) => this.client.rankTerms(sql, params, options);
  }

  /** True when customers' purchases are known, from orders or from a loaded per-customer summary. */
  get hasPurchases(): boolean {
    return (this.info?.counts.orders ?? 0) > 0 || (this.info?.counts.summaries ?? 0) > 0;
  }

  /** The database client itself, for the Data page (tables, console, exports). */
  get db(): DbClient {
    return this.client;
  }

  /** Set the settings before the first load (from the URL) without rebuilding anything. */
  initialSettings(settings: AnalysisSettings): void {
    this.settings = { ...settings };
  }

  dismiss(id: number): void {
    this.messages = this.messages.filter((m) => m.id !== id);
  }

  private say(kind: DatasetMessage["kind"], key: string, params: Record<string, string | number> = {}): void {
    this.messages = [...this.messages, { id: this.nextMessage++, kind, key, params }];
  }

  private sayErrors(errors: readonly FileError[]): void {
    // A cancel is the reader's own choice: said, not alarmed.
    for (const e of errors) this.say(e.reason === "cancelled" ? "info" : "error", `errors.${e.reason}`, { ...(e.params ?? {}), file: e.name });
  }

  private sayNeedsMapping(files: readonly LoadedFile[]): void {
    for (const f of files) if (f.state === "needs-mapping") this.say("warning", "messages.needs_mapping", { file: f.name });
  }

  /** A dropped file with bad rows says so at once, naming the first; the Data page lists them all. */
  private sayProblems(files: readonly LoadedFile[]): void {
    for (const { name, problemRows, firstProblem: first } of files) {
      if (!first) continue;
      const params = { file: name, count: problemRows, row: first.row, column: first.column };
      this.say("warning", first.column ? "ingest.file_problems" : "ingest.file_problems_row", params);
    }
  }

  /** Run one worker operation at a time; status/busy/progress follow it. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(async () => {
      this.busy = true;
      this.status = "loading";
      try {
        return await work();
      } finally {
        this.busy = false;
        this.progress = null;
      }
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  private readonly onProgress = (p: Progress) => {
    this.progress = p;
  };

  /** Progress of a load of the user's files: reading can be cancelled, rebuilding the summaries cannot. */
  private readonly onLoadProgress = (p: Progress) => {
    this.progress = p;
    this.cancellable = p.stage === "read" || p.stage === "parse" || p.stage === "insert";
  };

  /**
   * Stops the load of the user's files under way: the file being read is dropped whole, the
   * files read before it are kept, and a message names what was not loaded.
   */
  cancelLoad(): void {
    if (!this.cancellable) return;
    this.cancellable = false;
    void this.client.cancel();
  }

  private accept(result: LoadResult): void {
    this.info = result.info;
    this.revision++;
    this.status = "ready";
    this.sayErrors(result.errors);
    void this.refreshStorage();
  }

  /** Asks the worker what it keeps; the answer comes once the save under way is written. */
  private async refreshStorage(): Promise<void> {
    this.saving = true;
    try {
      this.storage = await this.client.storage();
    } catch {
      this.storage = null;
    } finally {
      this.saving = false;
    }
  }

  private failed(error: unknown, file?: string): void {
    const message = error instanceof Error ? error.message : String(error);
    this.say("error", file ? "messages.file_failed" : "messages.operation_failed", file ? { file, message } : { message });
    this.status = this.info ? "ready" : "error";
  }

  private async fetchFiles(names: readonly string[]): Promise<{ inputs: FileInput[]; missing: string[] }> {
    const inputs: FileInput[] = [];
    const missing: string[] = [];
    await Promise.all(
      names.map(async (name) => {
        try {
          // A relative URL: fetch resolves it against the page, so the demo works under any sub-path.
          const response = await this.fetcher(`${DEMO_BASE}${name}`);
          if (!response.ok) throw new Error(String(response.status));
          inputs.push({ name: name.split("/").pop() ?? name, data: await response.blob(), demo: true });
        } catch {
          missing.push(name);
        }
      }),
    );
    // Keep the catalogue's order (customers before orders) whatever order the fetches finish in.
    inputs.sort((a, b) => names.findIndex((n) => n.endsWith(a.name)) - names.findIndex((n) => n.endsWith(b.name)));
    return { inputs, missing };
  }

  private loadBundled(names: readonly string[], source: DataSource): Promise<void> {
    return this.exclusive(async () => {
      try {
        const { inputs, missing } = await this.fetchFiles(names);
        if (inputs.length === 0) {
          this.say("error", "messages.demo_missing", { file: missing.join(", ") });
          this.status = this.info ? "ready" : "error";
          return;
        }
        const result = await this.client.load(inputs, true, this.settings, this.onProgress);
        this.source = source;
        this.accept(result);
        this.sayNeedsMapping(result.info.files);
      } catch (error) {
        this.failed(error);
      }
    });
  }

  /**
   * On start: reopen the data this browser kept from the last visit (saying so), else load
   * the demo. The settings (asof, churn window…) come from the URL, as set by initialSettings.
   */
  async start(): Promise<void> {
    const restored = await this.exclusive(async () => {
      try {
        const result = await this.client.restore(this.settings);
        if (!result) {
          this.storage = await this.client.storage();
          if (this.storage.problem === "unreadable") this.say("warning", "storage.problem.unreadable");
          return false;
        }
        this.source = "user";
        this.accept(result);
        this.say("info", "storage.restored", { count: result.info.files.length });
        return true;
      } catch {
        return false;
      }
    });
    if (!restored) await this.loadDemo();
  }

  /** Load the built-in retail demo (customers, orders, feedback, interactions), replacing what is loaded. */
  loadDemo(): Promise<void> {
    return this.loadBundled(DEMO_FILES, "demo");
  }

  /** Load the subscription demo (customers with a churn column), replacing what is loaded. */
  loadSubscriptionDemo(): Promise<void> {
    return this.loadBundled(SUBSCRIPTION_DEMO_FILES, "subscription-demo");
  }

  /**
   * Load dropped or chosen files: they replace the demo when the demo is what is loaded,
   * and are added to the user's own data otherwise (a message says which).
   */
  async dropFiles(files: readonly File[]): Promise<void> {
    const project = files.find(isProjectFile);
    if (project) await this.openProject(project);
    const data = files.filter((f) => !isProjectFile(f));
    if (data.length > 0) await this.loadFiles(data);
  }

  private loadFiles(files: readonly File[]): Promise<void> {
    return this.exclusive(async () => {
      const replace = this.source !== "user";
      const replacedDemo = this.source === "demo" || this.source === "subscription-demo";
      try {
        const before = (this.info?.files ?? []).map((f) => f.fileId);
        const result = await this.client.load(
          files.map((f) => ({ name: f.name, data: f })),
          replace,
          this.settings,
          this.onLoadProgress,
        ).finally(() => (this.cancellable = false));
        const added = result.info.files.filter((f) => !before.includes(f.fileId));
        if (added.length > 0) this.source = "user";
        // A dropped file that waits for its mapping leaves the demo in place until it is applied.
        const demoGone = replacedDemo && !result.info.files.some((f) => before.includes(f.fileId));
        this.accept(result);
        if (added.length > 0) {
          this.say("info", demoGone ? "messages.replaced_demo" : "messages.added_files", {
            count: added.length,
            file: added.map((f) => f.name).join(", "),
          });
        }
        this.sayNeedsMapping(added);
        this.sayProblems(added);
      } catch (error) {
        this.failed(error, files.map((f) => f.name).join(", "));
      }
    });
  }

  /** Apply a changed column mapping to one file (rebuilds the canonical tables). */
  remap(fileId: number, mapping: FileMapping): Promise<void> {
    const name = this.files.find((f) => f.fileId === fileId)?.name ?? String(fileId);
    return this.exclusive(async () => {
      try {
        const result = await this.client.remap(fileId, mapping, this.settings, this.onProgress);
        this.accept(result);
        const file = result.info.files.find((f) => f.fileId === fileId);
        if (file?.state === "needs-mapping") this.say("warning", "messages.needs_mapping", { file: file.name });
      } catch (error) {
        this.failed(error, name);
      }
    });
  }

  /** Read one file again with another text encoding or delimiter. */
  reread(fileId: number, overrides: ReadOverrides): Promise<void> {
    const name = this.files.find((f) => f.fileId === fileId)?.name ?? String(fileId);
    return this.exclusive(async () => {
      try {
        this.accept(await this.client.reread(fileId, overrides, this.settings, this.onProgress));
      } catch (error) {
        this.failed(error, name);
      }
    });
  }

  /** Rebuild the derived tables for a new analysis date or churn window (no-op when unchanged). */
  applySettings(settings: AnalysisSettings): Promise<void> {
    if (sameSettings(settings, this.settings)) return Promise.resolve();
    this.settings = { ...settings };
    if (!this.info) return Promise.resolve();
    return this.exclusive(async () => {
      try {
        this.info = await this.client.applySettings(this.settings);
        this.revision++;
        this.status = "ready";
      } catch (error) {
        this.failed(error);
      }
    });
  }

  /**
   * Open a project file (.sqlite saved with "Save project"): it replaces what is loaded,
   * with its files, mappings and problems; the derived tables follow the URL's settings.
   */
  openProject(file: File): Promise<void> {
    return this.exclusive(async () => {
      try {
        const result = await this.client.openProject({ name: file.name, data: file }, this.settings);
        if (result.errors.length === 0) this.source = "user";
        this.accept(result);
        if (result.errors.length === 0) this.say("info", "storage.project_opened", { file: file.name, count: result.info.files.length });
        this.sayNeedsMapping(result.info.files);
      } catch (error) {
        this.failed(error, file.name);
      }
    });
  }

  /** "Clear my data": remove every loaded file, delete what the browser kept, and go back to the demo. */
  async clear(): Promise<void> {
    await this.exclusive(async () => {
      try {
        this.info = await this.client.clear();
        this.source = "none";
        this.revision++;
        this.status = "ready";
        void this.refreshStorage();
      } catch (error) {
        this.failed(error);
      }
    });
    await this.loadDemo();
  }
}

const KEY = Symbol("dataset");

export function setDataset(dataset: Dataset): Dataset {
  return setContext(KEY, dataset);
}

/** The context entry `setDataset` would make, for rendering a component outside <App> (server render in tests). */
export const datasetEntry = (dataset: Dataset): [symbol, Dataset] => [KEY, dataset];

export function getDataset(): Dataset {
  const dataset = getContext<Dataset | undefined>(KEY);
  if (!dataset) throw new Error("getDataset() called outside <App>: setDataset was never called");
  return dataset;
}
