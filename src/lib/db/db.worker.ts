/**
 * The database worker: a thin shell that starts sql.js, then forwards each request to the
 * engine, one at a time, and answers with the request's id. All logic is in engine.ts.
 */
import initSqlJs from "sql.js";
import wasmUrl from "sql.js/dist/sql-wasm-browser.wasm?url";
import { Engine } from "./engine.ts";
import { Keeper } from "./persist.ts";
import { openStore } from "./store.ts";
import type { Progress, ReadyMessage, Request, Response } from "./protocol.ts";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: Response | ReadyMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

const enginePromise = initSqlJs({ locateFile: () => wasmUrl }).then((sql) => Engine.create(sql));
enginePromise.then(
  () => post({ ready: true }),
  (error: unknown) => post({ ready: false, error: String(error) }),
);

/** Progress events are throttled: a million-row file would otherwise send thousands. */
function progressReporter(id: number): (p: Progress) => void {
  let last = 0;
  return (progress) => {
    const now = performance.now();
    if (now - last < 50 && progress.done !== progress.total) return;
    last = now;
    post({ id, progress });
  };
}

/** Runs a change of the loaded files, then has the keeper save the result. */
async function changing<T>(engine: Engine, change: Promise<T> | T): Promise<T> {
  const result = await change;
  keeper.changed(engine);
  return result;
}

async function handle(engine: Engine, request: Request): Promise<unknown> {
  const onProgress = progressReporter(request.id);
  switch (request.type) {
    case "load": {
      loading = new AbortController();
      try {
        return await changing(engine, engine.load(request.files, request.replace, request.settings, onProgress, loading.signal));
      } finally {
        loading = null;
      }
    }
    case "remap":
      return changing(engine, engine.remap(request.fileId, request.mapping, request.settings, onProgress));
    case "reread":
      return changing(engine, engine.reread(request.fileId, request.overrides, request.settings, onProgress));
    case "open-project": {
      const bytes = new Uint8Array(await request.file.data.arrayBuffer());
      return changing(engine, engine.open(request.file.name, bytes, request.settings));
    }
    case "restore":
      return keeper.restore(engine, request.settings);
    case "settings":
      return engine.applySettings(request.settings);
    case "query":
      return engine.query(request.sql, request.params);
    case "rank-terms":
      return engine.rankTerms(request.sql, request.params, request.options);
    case "export-db":
      return engine.exportProject();
    case "export-csv":
      return engine.exportCsv(request.table);
    case "clear":
      await keeper.forget();
      return engine.clear();
  }
}

/** The load under way: a "cancel" request aborts it (the engine rolls back the file being read). */
let loading: AbortController | null = null;

// Requests run one after another: a query must not see a half-loaded file.
let queue: Promise<unknown> = Promise.resolve();
const enqueue = (task: () => unknown) => (queue = queue.then(task));

/**
 * A save waits this long before joining the queue: the page's first queries after a load
 * arrive a moment after its reply and go first (exporting 1M orders takes ~0.5 s). A status
 * request saves at once.
 */
const SAVE_DELAY_MS = 2000;

// Saves go on the same queue, behind the requests that arrived before them.
const keeper = new Keeper(openStore, (task) => setTimeout(() => enqueue(task), SAVE_DELAY_MS));

/** Runs one request's work and posts its answer (or its error) with the request's id. */
async function answer(id: number, work: () => Promise<unknown>): Promise<void> {
  try {
    const result = await work();
    const transfer = result instanceof Uint8Array ? [result.buffer] : [];
    post({ id, ok: true, result }, transfer);
  } catch (error) {
    post({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}

scope.onmessage = (event: MessageEvent<Request>) => {
  const request = event.data;
  if (request.type === "cancel") {
    // Not queued: it has to reach the load it stops, which holds the queue.
    post({ id: request.id, ok: true, result: loading !== null });
    loading?.abort();
    return;
  }
  if (request.type === "storage") {
    // Not queued: it waits for the disk, which queries need not do (persist.ts, status).
    void answer(request.id, async () => keeper.status(await enginePromise));
    return;
  }
  enqueue(() => answer(request.id, async () => handle(await enginePromise, request)));
};
