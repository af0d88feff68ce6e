/**
 * Keeps the user's work in the browser between visits, from the database worker: after
 * every change of the loaded files the whole database (db.export(): raw and canonical
 * tables, `_files` with the mappings, `_problems`) is written to the store, with each
 * file's original bytes beside it for re-reading with another encoding. On start the saved
 * database is opened instead of the demo and the derived tables are rebuilt for the
 * settings in the URL (which the URL keeps, not the store).
 *
 * Why the database and not the original files loaded again on start (measured in
 * README.md, "Keeping your work"): a reload reopens the demo-sized data in 1.1 s and 1M
 * orders in 14.4 s (a read and the derived tables) where loading the files again costs
 * 2.2 s and 25.6 s; saving costs an export (20 ms, 0.25 s) and 3–4× the CSV's bytes on
 * disk. It is also exactly the project file, so one format serves both.
 *
 * Storage never breaks the app: when the browser refuses (private window, quota), the data
 * stays loaded and the status says it is not kept.
 */
import type { Engine } from "./engine.ts";
import type { AnalysisSettings, LoadResult, StorageProblem, StorageStatus } from "./protocol.ts";
import type { BlobStore } from "./store.ts";

export const DATABASE_ENTRY = "database.sqlite";
const SOURCE_PREFIX = "source-";
const sourceEntry = (fileId: number) => `${SOURCE_PREFIX}${fileId}`;

/** Puts a task on the worker's queue, behind the requests already waiting. */
export type Schedule = (task: () => void) => void;

export class Keeper {
  /** undefined until the store was asked for; null when the browser has none. */
  private store: BlobStore | null | undefined;
  private problem: StorageProblem | null = null;
  private saveScheduled = false;
  /** Settles once the save scheduled last has run (exported, its write queued). */
  private scheduled: Promise<void> = Promise.resolve();
  /** Writes run one after another and off the queue: queries need not wait for the disk. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly openStore: () => Promise<BlobStore | null>,
    private readonly schedule: Schedule,
  ) {}

  private async ready(): Promise<BlobStore | null> {
    if (this.store === undefined) {
      this.store = await this.openStore().catch(() => null);
      if (!this.store) this.problem = "unavailable";
    }
    return this.store;
  }

  /** Opens the saved database in the engine; null when nothing usable is saved. */
  async restore(engine: Engine, settings: AnalysisSettings): Promise<LoadResult | null> {
    try {
      const store = await this.ready();
      const saved = await store?.get(DATABASE_ENTRY);
      if (!store || !saved) return null;
      const sources = new Map<number, Blob>();
      for (const entry of await store.list()) {
        const fileId = Number(entry.name.slice(SOURCE_PREFIX.length));
        const blob = entry.name.startsWith(SOURCE_PREFIX) ? await store.get(entry.name) : null;
        if (blob) sources.set(fileId, blob);
      }
      const result = await engine.open(DATABASE_ENTRY, new Uint8Array(await saved.arrayBuffer()), settings, sources);
      if (result.errors.length === 0) return result;
    } catch {
      // An unreadable copy is reported below, like a refused one.
    }
    this.problem = "unreadable";
    return null;
  }

  /** After a change of the loaded data: one save, when `schedule` runs it. */
  changed(engine: Engine): void {
    if (this.saveScheduled) return;
    this.saveScheduled = true;
    this.scheduled = new Promise((settled) =>
      this.schedule(() => {
        this.saveNow(engine);
        settled();
      }),
    );
  }

  /** The save that changed() scheduled, unless forget() called it off. Runs on the queue. */
  private saveNow(engine: Engine): void {
    if (!this.saveScheduled) return;
    this.saveScheduled = false;
    if (!engine.keepable) return;
    try {
      // The export touches the database, so it runs on the queue; the write need not.
      const bytes = engine.exportDatabase();
      const sources = engine.sources();
      this.writing = this.writing.then(() => this.write(bytes, sources));
    } catch {
      this.problem = "failed";
    }
  }

  private async write(bytes: Uint8Array, sources: Map<number, Blob>): Promise<void> {
    const store = await this.ready();
    if (!store) return;
    try {
      const stored = new Set((await store.list()).map((e) => e.name));
      for (const [fileId, blob] of sources) if (!stored.has(sourceEntry(fileId))) await store.put(sourceEntry(fileId), blob);
      await store.put(DATABASE_ENTRY, bytes);
      for (const name of stored) {
        if (name.startsWith(SOURCE_PREFIX) && !sources.has(Number(name.slice(SOURCE_PREFIX.length)))) await store.remove(name);
      }
      this.problem = null;
    } catch (error) {
      this.problem = error instanceof DOMException && error.name === "QuotaExceededError" ? "quota" : "failed";
      // Half a save must not come back on the next visit as if it were the user's data.
      await store.destroy().catch(() => undefined);
    }
  }

  /** "Clear my data": deletes everything stored, once the writes under way are done. */
  async forget(): Promise<void> {
    this.saveScheduled = false;
    await this.writing;
    const store = await this.ready();
    await store?.destroy();
    if (this.problem !== "unavailable") this.problem = null;
  }

  /**
   * What is kept, once the save under way or waiting for its turn is written. It touches no
   * table, so the worker answers it off the queue: queries do not wait for the disk.
   */
  async status(engine: Engine): Promise<StorageStatus> {
    await this.scheduled;
    await this.writing;
    const store = await this.ready();
    const entries = (await store?.list().catch(() => [])) ?? [];
    const database = entries.find((e) => e.name === DATABASE_ENTRY);
    return {
      backend: store?.backend ?? null,
      kept: engine.keepable && database !== undefined && this.problem === null,
      bytes: entries.reduce((sum, e) => sum + e.size, 0),
      savedAt: database ? new Date(database.modified).toISOString() : null,
      problem: this.problem,
    };
  }
}
