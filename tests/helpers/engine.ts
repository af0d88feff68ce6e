/** Test helpers: an engine in Node over in-memory CSV text or files. */
import initSqlJs from "sql.js";
import { readFileSync } from "node:fs";
import { Engine } from "../../src/lib/db/engine.ts";
import type { AnalysisSettings, DatasetInfo, FileInput } from "../../src/lib/db/protocol.ts";
import type { QueryFn } from "../../src/lib/analytics/filters.ts";

export { DEFAULT_SETTINGS } from "../../src/lib/db/protocol.ts";

/** `rawCopyMaxBytes` 0 keeps every file as its bytes, as a very large file is kept. */
export async function newEngine(options: { rawCopyMaxBytes?: number } = {}): Promise<Engine> {
  return Engine.create(await initSqlJs(), options);
}

export const csvFile = (name: string, text: string | Uint8Array<ArrayBuffer>): FileInput => ({ name, data: new Blob([text]) });

export const diskFile = (path: string): FileInput => ({
  name: path.split("/").pop() ?? path,
  data: new Blob([readFileSync(path)]),
});

/** The engine's query as the analytics layer's QueryFn. */
export const queryFnOf =
  (engine: Engine): QueryFn =>
  async <T extends Record<string, unknown>>(sql: string, params: readonly (string | number | null)[] = []) =>
    engine.query(sql, params).rows as T[];

/** Epoch day of an ISO date, for expected values. */
export const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export interface LoadedEngine {
  engine: Engine;
  query: QueryFn;
  info: DatasetInfo;
}

/**
 * An engine with `files` loaded (throws on a file error). With `confirm`, files whose
 * mapping is doubtful get the suggested mapping applied, as the Data page's button does.
 */
export async function loadedEngine(files: FileInput[], settings: AnalysisSettings, options: { confirm?: boolean } = {}): Promise<LoadedEngine> {
  const engine = await newEngine();
  const result = await engine.load(files, false, settings);
  if (result.errors.length) throw new Error(`files not loaded: ${JSON.stringify(result.errors)}`);
  let info = result.info;
  for (const file of options.confirm ? info.files.filter((f) => f.state === "needs-mapping") : []) {
    info = (await engine.remap(file.fileId, { ...file.mapping, confident: true }, settings)).info;
  }
  return { engine, query: queryFnOf(engine), info };
}
